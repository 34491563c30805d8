//! The range type; CPython: Objects/rangeobject.c.
//!
//! Registration table (`init`): `__new__`, `__len__`, `__bool__`, `__getitem__`,
//! `__iter__`, `__reversed__`, `__contains__`, index, count, `__repr__`, `__eq__`,
//! `__ne__`, `__hash__`, `__reduce__`; getsets start, stop, step.

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::types::descr::GetSetDef;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Registers range's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.range.clone();
    vm.add_staticmethods(&t, &[("__new__", range_new)]);
    vm.add_methods(
        &t,
        &[
            ("__len__", range_len_m),
            ("__bool__", range_bool),
            ("__getitem__", range_getitem),
            ("__iter__", range_iter),
            ("__reversed__", range_reversed),
            ("__contains__", range_contains),
            ("index", range_index),
            ("count", range_count),
            ("__repr__", range_repr),
            ("__eq__", range_eq),
            ("__ne__", range_ne),
            ("__hash__", range_hash),
            ("__reduce__", range_reduce),
        ],
    );
    vm.add_getsets(
        &t,
        &[
            GetSetDef { name: "start", get: get_start, set: None },
            GetSetDef { name: "stop", get: get_stop, set: None },
            GetSetDef { name: "step", get: get_step, set: None },
        ],
    );
}

fn big(v: &Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::Obj(o) => match &o.payload {
            Payload::Int(n) => n.clone(),
            _ => BigInt::zero(),
        },
        _ => BigInt::zero(),
    }
}

/// A range's bounds as big ints, and its length.
struct R {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
    len: BigInt,
}

fn parts(v: &Value) -> Option<R> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Range { start, stop, step }) => {
            let (start, stop, step) = (big(start), big(stop), big(step));
            let len = crate::types::iter::range_len(&start, &stop, &step);
            Some(R { start, stop, step, len })
        }
        _ => None,
    }
}

fn this(vm: &mut Vm, v: &Value, name: &str) -> PyResult<R> {
    match parts(v) {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "descriptor '{}' for 'range' objects doesn't apply to a '{}' object",
            name,
            vm.type_name(v)
        ))),
    }
}

fn new_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let (a, b, c) = (vm.new_int(start), vm.new_int(stop), vm.new_int(step));
    Value::Obj(PyObject::new(vm.types.range.clone(), Payload::Range { start: a, stop: b, step: c }))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        _ => vm.index(v),
    }
}

fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let a = args.args.get(1..).unwrap_or(&[]);
    let (start, stop, step) = match a.len() {
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        1 => (Value::Int(0), int_arg(vm, &a[0])?, Value::Int(1)),
        2 => (int_arg(vm, &a[0])?, int_arg(vm, &a[1])?, Value::Int(1)),
        3 => {
            let s = int_arg(vm, &a[0])?;
            let e = int_arg(vm, &a[1])?;
            let st = int_arg(vm, &a[2])?;
            if big(&st).is_zero() {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (s, e, st)
        }
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n))),
    };
    Ok(Value::Obj(PyObject::new(vm.types.range.clone(), Payload::Range { start, stop, step })))
}

fn range_len_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__len__")?;
    match r.len.to_i64() {
        Some(n) => Ok(Value::Int(n)),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__bool__")?;
    Ok(Value::Bool(!r.len.is_zero()))
}

fn range_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__getitem__")?;
    let a = crate::types::list::check_method_args(vm, &args, "range.__getitem__", 1, 1)?;
    let key = &a[0];
    if let Some((s0, s1, s2)) = crate::types::slice::slice_parts(key) {
        // Apply slice.indices(len) with big arithmetic.
        let sl = crate::types::slice::new_slice(vm, s0, s1, s2);
        let lenv = vm.new_int(r.len.clone());
        let t = vm.call_method(&sl, "indices", &[lenv])?;
        let items = crate::types::tuple::tuple_items(&t).map(|x| x.to_vec()).unwrap_or_default();
        if items.len() != 3 {
            return Err(vm.system_error("bad slice indices"));
        }
        let (i0, i1, i2) = (big(&items[0]), big(&items[1]), big(&items[2]));
        let start = &r.start + &i0 * &r.step;
        let stop = &r.start + &i1 * &r.step;
        let step = &r.step * &i2;
        return Ok(new_range(vm, start, stop, step));
    }
    let name = vm.names.__index__.clone();
    let is_int = matches!(key, Value::Int(_) | Value::Bool(_)) || matches!(key.as_obj().map(|o| &o.payload), Some(Payload::Int(_)));
    if !is_int && vm.lookup_special(key, &name).is_none() {
        return Err(vm.type_error(format!("range indices must be integers or slices, not {}", vm.type_name(key))));
    }
    let mut i = big(&vm.index(key)?);
    if i.is_negative() {
        i += &r.len;
    }
    if i.is_negative() || i >= r.len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_int(&r.start + i * &r.step))
}

fn range_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Payload::Range { start: Value::Int(a), stop: Value::Int(b), step: Value::Int(c) }) =
        args.args[0].as_obj().map(|o| &o.payload)
    {
        let (a, b, c) = (*a as i128, *b as i128, *c as i128);
        let len = if c > 0 {
            if a < b {
                (b - a - 1) / c + 1
            } else {
                0
            }
        } else if a > b {
            (a - b - 1) / (-c) + 1
        } else {
            0
        };
        return Ok(crate::types::iter::new_range_iter(vm, &BigInt::from(a), &BigInt::from(c), &BigInt::from(len)));
    }
    let r = this(vm, &args.args[0], "__iter__")?;
    Ok(crate::types::iter::new_range_iter(vm, &r.start, &r.step, &r.len))
}

fn range_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__reversed__")?;
    let last = if r.len.is_zero() { r.start.clone() } else { &r.start + (&r.len - BigInt::one()) * &r.step };
    let step = -r.step.clone();
    Ok(crate::types::iter::new_range_iter(vm, &last, &step, &r.len))
}

fn is_exact_int(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.payload, Payload::Int(_)) && (std::rc::Rc::ptr_eq(o.class(), &vm.types.int) || std::rc::Rc::ptr_eq(o.class(), &vm.types.bool)),
        _ => false,
    }
}

fn contains_int(r: &R, x: &BigInt) -> bool {
    let inside = if r.step.is_positive() { *x >= r.start && *x < r.stop } else { *x <= r.start && *x > r.stop };
    inside && ((x - &r.start) % &r.step).is_zero()
}

fn linear_find(vm: &mut Vm, r: &R, x: &Value) -> PyResult<Option<BigInt>> {
    let it = crate::types::iter::new_range_iter(vm, &r.start, &r.step, &r.len);
    let mut i = BigInt::zero();
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn range_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__contains__")?;
    let a = crate::types::list::check_method_args(vm, &args, "range.__contains__", 1, 1)?;
    if is_exact_int(vm, &a[0]) {
        return Ok(Value::Bool(contains_int(&r, &big(&a[0]))));
    }
    Ok(Value::Bool(linear_find(vm, &r, &a[0])?.is_some()))
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "index")?;
    let a = crate::types::list::check_method_args(vm, &args, "range.index", 1, 1)?;
    if is_exact_int(vm, &a[0]) {
        let x = big(&a[0]);
        if contains_int(&r, &x) {
            return Ok(vm.new_int((x - &r.start) / &r.step));
        }
        let s = vm.repr_string(&a[0])?;
        return Err(vm.value_error(format!("{} is not in range", s)));
    }
    match linear_find(vm, &r, &a[0])? {
        Some(i) => Ok(vm.new_int(i)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "count")?;
    let a = crate::types::list::check_method_args(vm, &args, "range.count", 1, 1)?;
    if is_exact_int(vm, &a[0]) {
        return Ok(Value::Int(contains_int(&r, &big(&a[0])) as i64));
    }
    let it = crate::types::iter::new_range_iter(vm, &r.start, &r.step, &r.len);
    let mut n = 0;
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, &a[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn range_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__repr__")?;
    let s = if r.step.is_one() {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    };
    Ok(vm.new_str(&s))
}

fn ranges_equal(a: &R, b: &R) -> bool {
    if a.len != b.len {
        return false;
    }
    if a.len.is_zero() {
        return true;
    }
    if a.start != b.start {
        return false;
    }
    a.len.is_one() || a.step == b.step
}

fn range_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__eq__")?;
    let a = crate::types::list::check_method_args(vm, &args, "range.__eq__", 1, 1)?;
    match parts(&a[0]) {
        Some(o) => Ok(Value::Bool(ranges_equal(&r, &o))),
        None => Ok(vm.not_implemented()),
    }
}

fn range_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__ne__")?;
    let a = crate::types::list::check_method_args(vm, &args, "range.__ne__", 1, 1)?;
    match parts(&a[0]) {
        Some(o) => Ok(Value::Bool(!ranges_equal(&r, &o))),
        None => Ok(vm.not_implemented()),
    }
}

fn range_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__hash__")?;
    let len = vm.new_int(r.len.clone());
    let items = if r.len.is_zero() {
        vec![len, Value::None, Value::None]
    } else if r.len.is_one() {
        vec![len, vm.new_int(r.start.clone()), Value::None]
    } else {
        vec![len, vm.new_int(r.start.clone()), vm.new_int(r.step.clone())]
    };
    Ok(Value::Int(crate::types::tuple::hash_items(vm, &items)?))
}

fn range_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args.args[0], "__reduce__")?;
    let items = vec![vm.new_int(r.start), vm.new_int(r.stop), vm.new_int(r.step)];
    let t = vm.new_tuple(items);
    let cls = Value::Obj(vm.types.range.clone());
    Ok(vm.new_tuple(vec![cls, t]))
}

fn field(vm: &mut Vm, v: &Value, i: usize) -> PyResult<Value> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Range { start, stop, step }) => Ok([start, stop, step][i].clone()),
        _ => Err(vm.type_error("descriptor for 'range' objects doesn't apply to this object")),
    }
}

fn get_start(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    field(vm, v, 0)
}
fn get_stop(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    field(vm, v, 1)
}
fn get_step(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    field(vm, v, 2)
}
