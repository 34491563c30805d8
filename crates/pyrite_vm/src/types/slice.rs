//! The slice type; CPython: Objects/sliceobject.c.
//!
//! Methods: `__new__`, `__repr__`, `__eq__`/`__ne__`/`__lt__`/`__le__`/`__gt__`/`__ge__`,
//! `__hash__` (None: unhashable in 3.11), `indices`, `__reduce__`; getsets `start`,
//! `stop`, `step`. `resolve_slice` / `slice_parts` are the shared helpers other
//! sequence types use to apply a slice to a length.

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::types::descr::GetSetDef;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use pyrite_bytecode::opcode::CompareOp;

/// Registers slice's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.slice.clone();
    vm.add_staticmethods(&t, &[("__new__", slice_new)]);
    vm.add_methods(
        &t,
        &[
            ("__repr__", slice_repr),
            ("__eq__", slice_eq),
            ("__ne__", slice_ne),
            ("__lt__", slice_lt),
            ("__le__", slice_le),
            ("__gt__", slice_gt),
            ("__ge__", slice_ge),
            ("indices", slice_indices),
            ("__reduce__", slice_reduce),
        ],
    );
    vm.type_set_attr_raw(&t, "__hash__", Value::None);
    vm.add_getsets(
        &t,
        &[
            GetSetDef { name: "start", get: get_start, set: None },
            GetSetDef { name: "stop", get: get_stop, set: None },
            GetSetDef { name: "step", get: get_step, set: None },
        ],
    );
}

/// The (start, stop, step) of a slice object, if `v` is one.
pub fn slice_parts(v: &Value) -> Option<(Value, Value, Value)> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Slice { start, stop, step }) => Some((start.clone(), stop.clone(), step.clone())),
        _ => None,
    }
}

/// A new slice object.
pub fn new_slice(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    Value::Obj(PyObject::new(vm.types.slice.clone(), Payload::Slice { start, stop, step }))
}

/// A slice bound as an i64, clamped to the i64 range as CPython clamps to
/// `Py_ssize_t` (`_PyEval_SliceIndex`).
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let iv = match v {
        Value::Int(i) => return Ok(*i),
        Value::Bool(b) => return Ok(*b as i64),
        _ => {
            let name = vm.names.__index__.clone();
            if vm.lookup_special(v, &name).is_none() && !matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Int(_))) {
                return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
            }
            vm.index(v)?
        }
    };
    Ok(clamp_int(&iv))
}

fn clamp_int(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(o) => match &o.payload {
            Payload::Int(n) => n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX }),
            _ => 0,
        },
        _ => 0,
    }
}

/// A slice resolved against a sequence length: CPython's `PySlice_Unpack` +
/// `PySlice_AdjustIndices`. `len` is the number of selected items.
#[derive(Copy, Clone, Debug)]
pub struct Resolved {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl Resolved {
    /// The index of the `i`-th selected item.
    #[inline]
    pub fn at(&self, i: usize) -> usize {
        (self.start + (i as i64) * self.step) as usize
    }
}

/// Unpacks the slice's bounds (None → defaults), raising CPython's errors.
pub fn unpack(vm: &mut Vm, start: &Value, stop: &Value, step: &Value) -> PyResult<(i64, i64, i64)> {
    let step = if step.is_none() {
        1
    } else {
        let s = slice_index(vm, step)?;
        if s == 0 {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        // CPython keeps -step representable.
        s.max(-i64::MAX)
    };
    let start = if start.is_none() {
        if step < 0 {
            i64::MAX
        } else {
            0
        }
    } else {
        slice_index(vm, start)?
    };
    let stop = if stop.is_none() {
        if step < 0 {
            i64::MIN
        } else {
            i64::MAX
        }
    } else {
        slice_index(vm, stop)?
    };
    Ok((start, stop, step))
}

/// Clamps unpacked bounds to a sequence of `length` items.
pub fn adjust(length: usize, start: i64, stop: i64, step: i64) -> Resolved {
    let length = length as i64;
    let fix = |mut x: i64| -> i64 {
        if x < 0 {
            x = x.saturating_add(length);
            if x < 0 {
                x = if step < 0 { -1 } else { 0 };
            }
        } else if x >= length {
            x = if step < 0 { length - 1 } else { length };
        }
        x
    };
    let start = fix(start);
    let stop = fix(stop);
    let len = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Resolved { start, stop, step, len }
}

/// Resolves a slice object against `length` items.
pub fn resolve_slice(vm: &mut Vm, slice: &Value, length: usize) -> PyResult<Resolved> {
    let Some((a, b, c)) = slice_parts(slice) else {
        return Err(vm.type_error("expected a slice"));
    };
    let (start, stop, step) = unpack(vm, &a, &b, &c)?;
    Ok(adjust(length, start, stop, step))
}

fn this(vm: &mut Vm, v: &Value, what: &str) -> PyResult<(Value, Value, Value)> {
    match slice_parts(v) {
        Some(p) => Ok(p),
        None => Err(vm.type_error(format!(
            "descriptor '{}' for 'slice' objects doesn't apply to a '{}' object",
            what,
            vm.type_name(v)
        ))),
    }
}

fn slice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let a = args.args.get(1..).unwrap_or(&[]);
    match a.len() {
        0 => Err(vm.type_error("slice expected at least 1 argument, got 0")),
        1 => Ok(new_slice(vm, Value::None, a[0].clone(), Value::None)),
        2 => Ok(new_slice(vm, a[0].clone(), a[1].clone(), Value::None)),
        3 => Ok(new_slice(vm, a[0].clone(), a[1].clone(), a[2].clone())),
        n => Err(vm.type_error(format!("slice expected at most 3 arguments, got {}", n))),
    }
}

fn slice_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b, c) = this(vm, &args.args[0], "__repr__")?;
    let a = vm.repr_string(&a)?;
    let b = vm.repr_string(&b)?;
    let c = vm.repr_string(&c)?;
    Ok(vm.new_str(&format!("slice({}, {}, {})", a, b, c)))
}

fn slice_cmp(vm: &mut Vm, args: Args, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (args.args.first(), args.args.get(1)) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (Some(p), Some(q)) = (slice_parts(x), slice_parts(y)) else {
        return Ok(vm.not_implemented());
    };
    if x.is(y) && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::Bool(matches!(op, CompareOp::Eq)));
    }
    let t1 = vm.new_tuple(vec![p.0, p.1, p.2]);
    let t2 = vm.new_tuple(vec![q.0, q.1, q.2]);
    vm.compare(&t1, &t2, op)
}

fn slice_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    slice_cmp(vm, a, CompareOp::Eq)
}
fn slice_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    slice_cmp(vm, a, CompareOp::Ne)
}
fn slice_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    slice_cmp(vm, a, CompareOp::Lt)
}
fn slice_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    slice_cmp(vm, a, CompareOp::Le)
}
fn slice_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    slice_cmp(vm, a, CompareOp::Gt)
}
fn slice_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    slice_cmp(vm, a, CompareOp::Ge)
}

fn to_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match vm.index(v)? {
        Value::Int(i) => Ok(BigInt::from(i)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(n) => Ok(n.clone()),
            _ => Ok(BigInt::zero()),
        },
        _ => Ok(BigInt::zero()),
    }
}

fn big_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let name = vm.names.__index__.clone();
    let is_int = matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Int(_)));
    if !is_int && vm.lookup_special(v, &name).is_none() {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    to_big(vm, v)
}

/// `slice.indices(length)`, with arbitrary-precision arithmetic as CPython's
/// `_PySlice_GetLongIndices`.
fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "indices", &Args { args: &args.args[1..], kwargs: args.kwargs }, 1, 1)?;
    let (a, b, c) = this(vm, &args.args[0], "indices")?;
    let length = to_big(vm, &args.args[1])?;
    if length.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let step = if c.is_none() {
        BigInt::from(1)
    } else {
        let s = big_index(vm, &c)?;
        if s.is_zero() {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        s
    };
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), &length - 1) } else { (BigInt::zero(), length.clone()) };
    let fix = |vm: &mut Vm, v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut x = big_index(vm, v)?;
        if x.is_negative() {
            x += &length;
            if x < lower {
                x = lower.clone();
            }
        } else if x > upper {
            x = upper.clone();
        }
        Ok(x)
    };
    let start = fix(vm, &a, if neg { &upper } else { &lower })?;
    let stop = fix(vm, &b, if neg { &lower } else { &upper })?;
    let items = vec![vm.new_int(start), vm.new_int(stop), vm.new_int(step)];
    Ok(vm.new_tuple(items))
}

fn slice_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b, c) = this(vm, &args.args[0], "__reduce__")?;
    let t = vm.new_tuple(vec![a, b, c]);
    let cls = Value::Obj(vm.types.slice.clone());
    Ok(vm.new_tuple(vec![cls, t]))
}

fn get_start(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v, "start")?.0)
}
fn get_stop(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v, "stop")?.1)
}
fn get_step(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v, "step")?.2)
}
