//! The math module; CPython: Modules/mathmodule.c.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::vm::Vm;

/// Registers `math` as a native module.
pub fn init(vm: &mut Vm) {
    vm.native_modules.insert("math", make_module);
}

/// Builds the math module.
pub fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    Ok(crate::types::module::new_module(vm, "math"))
}
