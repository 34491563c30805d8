//! Module objects; CPython: Objects/moduleobject.c. A module's namespace is its
//! object's `dict`.

use crate::object::{Payload, PyRef};
use crate::vm::Vm;

/// Builtin state of a module object.
#[derive(Default)]
pub struct ModuleData {}

/// The module's `__name__`, or "?" if it has none.
pub fn module_name(vm: &mut Vm, m: &PyRef) -> String {
    let key = vm.names.__name__.clone();
    let d = m.dict.borrow().clone();
    d.and_then(|d| crate::types::dict::dict_get_str(&d, &key))
        .and_then(|v| v.as_obj().and_then(|o| o.as_str().map(|s| s.as_str_lossy().into_owned())))
        .unwrap_or_else(|| "?".into())
}

/// A new module object named `name` with a fresh namespace.
pub fn new_module(vm: &mut Vm, name: &str) -> PyRef {
    let d = vm.new_dict();
    let m = crate::object::PyObject::with_dict(vm.types.module.clone(), Payload::Module(ModuleData::default()), d.clone());
    let k = vm.names.__name__.clone();
    let v = vm.new_str(name);
    crate::types::dict::dict_set_str(&d, &k, v);
    for key in [vm.names.__doc__.clone(), vm.names.__package__.clone(), vm.names.__loader__.clone(), vm.names.__spec__.clone()] {
        crate::types::dict::dict_set_str(&d, &key, crate::value::Value::None);
    }
    m
}
