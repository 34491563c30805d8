//! `atexit`: functions to call when the interpreter exits, last registered
//! first. CPython: Modules/atexitmodule.c.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

/// A registered call: the function, its positional and keyword arguments.
type ExitCall = (Value, Vec<Value>, Vec<(PyRef, Value)>);

thread_local! {
    static CALLBACKS: RefCell<Vec<ExitCall>> = const { RefCell::new(Vec::new()) };
}

/// Registers `atexit` as a native module.
pub fn init(vm: &mut Vm) {
    vm.native_modules.insert("atexit", make_module);
}

fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    let m = crate::types::module::new_module(vm, "atexit");
    let d = m.dict.borrow().clone().ok_or_else(|| vm.system_error("module without dict"))?;
    let fns: [(&'static str, crate::types::function::NativeFn); 5] =
        [("register", register), ("unregister", unregister), ("_run_exitfuncs", run_exitfuncs_fn), ("_clear", clear), ("_ncallbacks", ncallbacks)];
    for (name, f) in fns {
        let v = vm.new_builtin(name, f);
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&d, &k, v);
    }
    Ok(m)
}

fn register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(func) = args.args.first().cloned() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !crate::protocol::is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let call = (func.clone(), args.args[1..].to_vec(), args.kwargs.to_vec());
    CALLBACKS.with(|c| c.borrow_mut().push(call));
    Ok(func)
}

fn unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "unregister", &args, 1, 1)?;
    let func = args.args[0].clone();
    let funcs: Vec<Value> = CALLBACKS.with(|c| c.borrow().iter().map(|e| e.0.clone()).collect());
    let mut keep = Vec::with_capacity(funcs.len());
    for f in &funcs {
        keep.push(!vm.eq(f, &func)?);
    }
    CALLBACKS.with(|c| {
        let mut c = c.borrow_mut();
        let mut i = 0;
        c.retain(|_| {
            let k = keep.get(i).copied().unwrap_or(true);
            i += 1;
            k
        });
    });
    Ok(Value::None)
}

fn run_exitfuncs_fn(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    run_exitfuncs(vm);
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    CALLBACKS.with(|c| c.borrow_mut().clear());
    Ok(Value::None)
}

fn ncallbacks(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(CALLBACKS.with(|c| c.borrow().len()) as i64))
}

/// Calls the registered functions, last first, reporting (not raising)
/// their exceptions; the registry is empty afterwards.
pub fn run_exitfuncs(vm: &mut Vm) {
    loop {
        let Some((func, pos, kw)) = CALLBACKS.try_with(|c| c.borrow_mut().pop()).ok().flatten() else { return };
        if let Err(e) = vm.call(&func, &pos, &kw) {
            let what = vm.repr_string(&func).unwrap_or_default();
            crate::finalize::report_unraisable(vm, &format!("Exception ignored in atexit callback: {}", what), &e);
        }
    }
}
