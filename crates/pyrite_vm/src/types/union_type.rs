//! `int | str`: `types.UnionType` (PEP 604). CPython: Objects/unionobject.c.
//! The union's members are kept in a tuple payload, flattened and without
//! duplicates, in first-seen order.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

thread_local! {
    static UNION_TYPE: std::cell::RefCell<Option<PyRef>> = const { std::cell::RefCell::new(None) };
}

/// The `types.UnionType` class.
pub fn union_type(vm: &mut Vm) -> PyRef {
    if let Some(t) = UNION_TYPE.with(|u| u.borrow().clone()) {
        return t;
    }
    let object = vm.types.object.clone();
    let t = vm.new_builtin_type("UnionType", "types", &object, crate::types::typeobj::Layout::Opaque, crate::types::typeobj::flags::IMMUTABLE);
    vm.add_methods(
        &t,
        &[
            ("__repr__", union_repr),
            ("__or__", union_or),
            ("__ror__", union_ror),
            ("__eq__", union_eq),
            ("__hash__", union_hash),
            ("__instancecheck__", union_instancecheck),
            ("__subclasscheck__", union_subclasscheck),
        ],
    );
    vm.add_getsets(
        &t,
        &[
            GetSetDef { name: "__args__", get: |vm, v| Ok(vm.new_tuple(members(v))), set: None },
            GetSetDef { name: "__parameters__", get: |vm, _| Ok(vm.new_tuple(vec![])), set: None },
        ],
    );
    UNION_TYPE.with(|u| *u.borrow_mut() = Some(t.clone()));
    t
}

fn members(v: &Value) -> Vec<Value> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    }
}

fn is_union(vm: &mut Vm, v: &Value) -> bool {
    let t = union_type(vm);
    matches!(v.as_obj(), Some(o) if Rc::ptr_eq(o.class(), &t))
}

/// True for what may appear in a union: a class, None, or another union.
fn unionable(vm: &mut Vm, v: &Value) -> bool {
    v.is_none() || v.as_obj().and_then(|o| o.as_type()).is_some() || is_union(vm, v)
}

/// `a | b` where at least one side is a type: a `types.UnionType`, or
/// NotImplemented for operands a union cannot hold.
pub fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !unionable(vm, a) || !unionable(vm, b) {
        return Ok(vm.not_implemented());
    }
    let mut args: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items = if is_union(vm, side) { members(side) } else { vec![side.clone()] };
        for it in items {
            let it = if it.is_none() { Value::Obj(vm.types.none.clone()) } else { it };
            if !args.iter().any(|x| x.is(&it)) {
                args.push(it);
            }
        }
    }
    if args.len() == 1 {
        return Ok(args.remove(0));
    }
    let t = union_type(vm);
    Ok(Value::Obj(PyObject::new(t, Payload::Tuple(args.into_boxed_slice()))))
}

fn member_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(o) = v.as_obj() {
        if Rc::ptr_eq(o, &vm.types.none) {
            return Ok("None".into());
        }
        if let Some(t) = o.as_type() {
            let module = crate::protocol::objecttype::type_module_name(vm, o);
            let qn = t.qualname.borrow().clone();
            return Ok(if module == "builtins" { qn } else { format!("{}.{}", module, qn) });
        }
    }
    vm.repr_string(v)
}

fn union_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut parts = Vec::new();
    for m in members(&args.args[0]) {
        parts.push(member_repr(vm, &m)?);
    }
    Ok(vm.new_str(&parts.join(" | ")))
}

fn union_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_union(vm, &args.args[0], &args.args[1])
}

fn union_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_union(vm, &args.args[1], &args.args[0])
}

fn union_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !is_union(vm, &args.args[1]) {
        return Ok(vm.not_implemented());
    }
    let (a, b) = (members(&args.args[0]), members(&args.args[1]));
    let same = a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| x.is(y)));
    Ok(Value::Bool(same))
}

fn union_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = members(&args.args[0]);
    let fs = crate::types::set::new_set(vm, items, true)?;
    Ok(Value::Int(vm.hash(&fs)?))
}

fn union_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.args.get(1).cloned().unwrap_or(Value::None);
    for m in members(&args.args[0]) {
        if crate::protocol::isinstance(vm, &obj, &m)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn union_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sub = args.args.get(1).cloned().unwrap_or(Value::None);
    for m in members(&args.args[0]) {
        if crate::protocol::issubclass(vm, &sub, &m)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
