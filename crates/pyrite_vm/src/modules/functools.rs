//! `_functools`: reduce; CPython: Modules/_functoolsmodule.c.
//! partial, cmp_to_key and the lru_cache wrapper come from the pure-Python
//! fallbacks in Lib/functools.py.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::types::dict::dict_set_str;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;

/// Registers `_functools` as a native module.
pub fn init(vm: &mut Vm) {
    vm.native_modules.insert("_functools", make_module);
}

fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    let m = crate::types::module::new_module(vm, "_functools");
    let d = m.dict.borrow().clone().ok_or_else(|| vm.system_error("module without dict"))?;
    let f = vm.new_builtin("reduce", reduce);
    let k = vm.intern("reduce");
    dict_set_str(&d, &k, f);
    Ok(m)
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "reduce", &args, 2, 3)?;
    let it = match vm.iter(&args.args[1]) {
        Ok(it) => it,
        Err(e) => {
            let te = vm.exc.type_error.clone();
            if vm.is_instance(&Value::Obj(e.0.clone()), &te) {
                return Err(vm.type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mut acc = args.args.get(2).cloned();
    while let Some(v) = vm.next(&it)? {
        acc = Some(match acc {
            None => v,
            Some(a) => vm.call(&args.args[0], &[a, v], &[])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}
