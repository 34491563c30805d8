//! `mappingproxy`: a read-only view of a mapping (`type.__dict__`).
//! CPython: Objects/descrobject.c.

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

/// A new read-only proxy for `mapping`.
pub fn new_proxy(vm: &mut Vm, mapping: Value) -> Value {
    Value::Obj(PyObject::new(vm.types.mappingproxy.clone(), Payload::StaticMethod(RefCell::new(mapping))))
}

fn target(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::StaticMethod(m)) => Ok(m.borrow().clone()),
        _ => Err(vm.type_error("descriptor requires a 'mappingproxy' object")),
    }
}

fn forward(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let t = target(vm, &args.args[0])?;
    let f = vm.get_attr_str(&t, name)?;
    vm.call(&f, &args.args[1..], args.kwargs)
}

fn mp_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> { forward(vm, a, "__getitem__") }
fn mp_contains(vm: &mut Vm, a: Args) -> PyResult<Value> { forward(vm, a, "__contains__") }
fn mp_iter(vm: &mut Vm, a: Args) -> PyResult<Value> { forward(vm, a, "__iter__") }
fn mp_len(vm: &mut Vm, a: Args) -> PyResult<Value> { forward(vm, a, "__len__") }
fn mp_get(vm: &mut Vm, a: Args) -> PyResult<Value> { forward(vm, a, "get") }
fn mp_keys(vm: &mut Vm, a: Args) -> PyResult<Value> { forward(vm, a, "keys") }
fn mp_values(vm: &mut Vm, a: Args) -> PyResult<Value> { forward(vm, a, "values") }
fn mp_items(vm: &mut Vm, a: Args) -> PyResult<Value> { forward(vm, a, "items") }
fn mp_copy(vm: &mut Vm, a: Args) -> PyResult<Value> { forward(vm, a, "copy") }
fn mp_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = target(vm, &a.args[0])?;
    Ok(Value::Obj(vm.str(&t)?))
}
fn mp_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = target(vm, &a.args[0])?;
    let r = vm.repr_string(&t)?;
    Ok(vm.new_str(&format!("mappingproxy({})", r)))
}

/// Registers mappingproxy's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.mappingproxy.clone();
    vm.add_methods(&t, &[
        ("__getitem__", mp_getitem), ("__contains__", mp_contains), ("__iter__", mp_iter),
        ("__len__", mp_len), ("get", mp_get), ("keys", mp_keys), ("values", mp_values),
        ("items", mp_items), ("copy", mp_copy), ("__repr__", mp_repr), ("__str__", mp_str),
    ]);
}
