//! `int | str` on types (PEP 604). CPython: Objects/unionobject.c.
//! The union is represented by a `types.UnionType`-like tuple wrapper once a
//! native `types` module exists; for now `X | Y` builds the object `typing`
//! expects through `typing.Union` when available.

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// `a | b` where at least one side is a type.
pub fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let ok = |v: &Value| v.is_none() || v.as_obj().and_then(|o| o.as_type()).is_some();
    if !ok(a) || !ok(b) {
        return Ok(vm.not_implemented());
    }
    let typing = vm.import_module("typing")?;
    let u = vm.get_attr_str(&typing, "Union")?;
    let t = vm.new_tuple(vec![a.clone(), b.clone()]);
    vm.get_item(&u, &t)
}
