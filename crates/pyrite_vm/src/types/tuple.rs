//! The tuple type; CPython: Objects/tupleobject.c.
//!
//! Registration table (`init`): `__new__`, index, count, `__getitem__`, `__len__`,
//! `__contains__`, `__iter__`, `__repr__`, `__hash__`, `__eq__` `__ne__` `__lt__`
//! `__le__` `__gt__` `__ge__`, `__add__`, `__mul__`, `__rmul__`, `__getnewargs__`,
//! `__class_getitem__`, `__sizeof__`.

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::types::function::Args;
use crate::types::list::{check_method_args, norm_index, repr_enter, repr_leave, seq_compare, seq_key, SeqKey};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::CompareOp;
use std::rc::Rc;

/// Registers tuple's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.tuple.clone();
    vm.add_staticmethods(&t, &[("__new__", tuple_new)]);
    vm.add_methods(
        &t,
        &[
            ("index", tuple_index),
            ("count", tuple_count),
            ("__getitem__", tuple_getitem),
            ("__len__", tuple_len),
            ("__contains__", tuple_contains),
            ("__iter__", tuple_iter),
            ("__repr__", tuple_repr),
            ("__hash__", tuple_hash),
            ("__eq__", tuple_eq),
            ("__ne__", tuple_ne),
            ("__lt__", tuple_lt),
            ("__le__", tuple_le),
            ("__gt__", tuple_gt),
            ("__ge__", tuple_ge),
            ("__add__", tuple_add),
            ("__mul__", tuple_mul),
            ("__rmul__", tuple_rmul),
            ("__getnewargs__", tuple_getnewargs),
            ("__sizeof__", tuple_sizeof),
        ],
    );
    vm.add_classmethods(&t, &[("__class_getitem__", crate::types::list::class_getitem)]);
}

/// The items of a tuple object (or tuple-subclass instance).
#[inline]
pub fn tuple_items(v: &Value) -> Option<&[Value]> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Tuple(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a [Value]> {
    match args.args.first() {
        Some(v) => match tuple_items(v) {
            Some(l) => Ok(l),
            None => Err(vm.type_error(format!(
                "descriptor '{}' for 'tuple' objects doesn't apply to a '{}' object",
                name,
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("descriptor '{}' of 'tuple' object needs an argument", name))),
    }
}

/// CPython 3.11's xxHash-based tuple hash over the items' hashes.
pub fn hash_items(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for it in items {
        let lane = vm.hash(it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.args.first() else {
        return Err(vm.type_error("tuple.__new__(X): X is not a type object"));
    };
    if cls.as_type().is_none() {
        return Err(vm.type_error(format!("tuple.__new__(X): X is not a type object ({})", vm.type_name(&args.args[0]))));
    }
    let cls = cls.clone();
    let exact = Rc::ptr_eq(&cls, &vm.types.tuple);
    let rest = &args.args[1..];
    let src = rest.first().cloned();
    if !args.kwargs.is_empty() && exact {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    if rest.len() > 1 {
        return Err(vm.type_error(format!("tuple expected at most 1 argument, got {}", rest.len())));
    }
    let items = match &src {
        None => Vec::new(),
        Some(v) => {
            if exact {
                if let Value::Obj(o) = v {
                    if Rc::ptr_eq(o.class(), &vm.types.tuple) {
                        return Ok(v.clone());
                    }
                }
            }
            crate::types::list::collect_iterable(vm, v)?
        }
    };
    if exact {
        return Ok(vm.new_tuple(items));
    }
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &cls, Payload::Tuple(items.into_boxed_slice()))))
}

fn tuple_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "index")?;
    let a = check_method_args(vm, &args, "index", 1, 3)?;
    let (start, stop) = crate::types::list::index_bounds(vm, a, t.len())?;
    let stop = stop.min(t.len());
    for i in start..stop {
        if vm.eq(&t[i], &a[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "count")?;
    let a = check_method_args(vm, &args, "tuple.count", 1, 1)?;
    let mut n = 0;
    for x in t {
        if vm.eq(x, &a[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "__getitem__")?;
    let a = check_method_args(vm, &args, "tuple.__getitem__", 1, 1)?;
    match seq_key(vm, &a[0], t.len(), "tuple")? {
        SeqKey::Index(i) => match norm_index(i, t.len()) {
            Some(j) => Ok(t[j].clone()),
            None => Err(vm.index_error("tuple index out of range")),
        },
        SeqKey::Slice(r) => {
            if r.step == 1 && r.len == t.len() {
                if let Value::Obj(o) = &args.args[0] {
                    if Rc::ptr_eq(o.class(), &vm.types.tuple) {
                        return Ok(args.args[0].clone());
                    }
                }
            }
            let items = crate::types::list::slice_items(t, &r);
            Ok(vm.new_tuple(items))
        }
    }
}

fn tuple_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "__len__")?;
    Ok(Value::Int(t.len() as i64))
}

fn tuple_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "__contains__")?;
    let a = check_method_args(vm, &args, "tuple.__contains__", 1, 1)?;
    for x in t {
        if vm.eq(x, &a[0])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn tuple_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__iter__")?;
    Ok(crate::types::iter::new_tuple_iter(vm, args.args[0].clone()))
}

fn tuple_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "__repr__")?;
    if t.is_empty() {
        return Ok(vm.new_str("()"));
    }
    let Value::Obj(o) = &args.args[0] else { return Ok(Value::None) };
    if !repr_enter(o) {
        return Ok(vm.new_str("(...)"));
    }
    let mut out = vec![b'('];
    let r = crate::types::list::join_reprs(vm, t, &mut out);
    repr_leave(o);
    r?;
    if t.len() == 1 {
        out.push(b',');
    }
    out.push(b')');
    Ok(crate::types::list::str_from_bytes(vm, out))
}

fn tuple_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "__hash__")?;
    // Like CPython's C recursion: only the native stack limits nesting.
    if !crate::stack::has_room() {
        return Err(vm.recursion_error(" while hashing a tuple"));
    }
    Ok(Value::Int(hash_items(vm, t)?))
}

fn tuple_cmp(vm: &mut Vm, args: Args, op: CompareOp) -> PyResult<Value> {
    let t = this(vm, &args, crate::types::list::cmp_dunder(op))?;
    let a = check_method_args(vm, &args, "tuple.__eq__", 1, 1)?;
    let Some(u) = tuple_items(&a[0]) else { return Ok(vm.not_implemented()) };
    seq_compare(vm, t, u, op)
}

fn tuple_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    tuple_cmp(vm, a, CompareOp::Eq)
}
fn tuple_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    tuple_cmp(vm, a, CompareOp::Ne)
}
fn tuple_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    tuple_cmp(vm, a, CompareOp::Lt)
}
fn tuple_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    tuple_cmp(vm, a, CompareOp::Le)
}
fn tuple_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    tuple_cmp(vm, a, CompareOp::Gt)
}
fn tuple_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    tuple_cmp(vm, a, CompareOp::Ge)
}

fn tuple_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "__add__")?;
    let a = check_method_args(vm, &args, "tuple.__add__", 1, 1)?;
    let Some(u) = tuple_items(&a[0]) else {
        return Err(vm.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", vm.type_name(&a[0]))));
    };
    let mut items = t.to_vec();
    items.extend_from_slice(u);
    Ok(vm.new_tuple(items))
}

fn tuple_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tuple_mul_impl(vm, args, false)
}

fn tuple_rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tuple_mul_impl(vm, args, true)
}

fn tuple_mul_impl(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    let t = this(vm, &args, "__mul__")?;
    let a = check_method_args(vm, &args, "tuple.__mul__", 1, 1)?;
    let Some(n) = crate::types::list::repeat_count(vm, &a[0])? else {
        return crate::types::list::non_int_repeat(vm, &a[0], reflected);
    };
    if n == 1 {
        if let Value::Obj(o) = &args.args[0] {
            if Rc::ptr_eq(o.class(), &vm.types.tuple) {
                return Ok(args.args[0].clone());
            }
        }
    }
    let out = crate::types::list::repeat_vec(vm, t, n)?;
    Ok(vm.new_tuple(out))
}

fn tuple_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "__getnewargs__")?.to_vec();
    let inner = vm.new_tuple(t);
    Ok(vm.new_tuple(vec![inner]))
}

fn tuple_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(vm, &args, "__sizeof__")?;
    Ok(Value::Int(24 + 8 * t.len() as i64))
}

/// A new tuple object of exact type tuple.
pub fn new_tuple_obj(vm: &Vm, items: Vec<Value>) -> crate::object::PyRef {
    PyObject::new(vm.types.tuple.clone(), Payload::Tuple(items.into_boxed_slice()))
}
