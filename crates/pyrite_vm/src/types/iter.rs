//! Builtin iterators; CPython: Objects/iterobject.c, listobject.c, ...

use crate::value::Value;

/// The state of a builtin iterator object.
pub enum IterState {
    /// Over a sequence by index (`__getitem__` protocol or list/tuple/str).
    Seq { seq: Value, index: usize },
    /// `range` iteration with machine ints.
    Range { next: i64, stop: i64, step: i64 },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value },
    /// Exhausted.
    Done,
    /// Any other state a builtin iterator needs.
    Other(Box<dyn std::any::Any>),
}

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::vm::Vm;
use std::cell::RefCell;

/// A new iterator over a sequence by index.
pub fn new_seq_iter(vm: &mut Vm, seq: Value) -> Value {
    Value::Obj(PyObject::new(vm.types.iterator.clone(), Payload::Iter(RefCell::new(IterState::Seq { seq, index: 0 }))))
}

/// `next(it)` for builtin iterators over lists, tuples, ranges and strs, without
/// special-method lookup; `None` when `it` is not such an iterator.
#[inline]
pub fn next_fast(vm: &mut Vm, it: &Value) -> Option<PyResult<Option<Value>>> {
    let Value::Obj(o) = it else { return None };
    let Payload::Iter(st) = &o.payload else { return None };
    let mut st = st.borrow_mut();
    match &mut *st {
        IterState::Range { next, stop, step } => {
            let v = *next;
            if (*step > 0 && v >= *stop) || (*step < 0 && v <= *stop) {
                *st = IterState::Done;
                return Some(Ok(None));
            }
            *next = v.wrapping_add(*step);
            if (*step > 0 && *next < v) || (*step < 0 && *next > v) {
                // Overflow past i64: stop after this item.
                *stop = *next;
            }
            Some(Ok(Some(Value::Int(v))))
        }
        IterState::Seq { seq, index } => {
            let Value::Obj(so) = seq else { return None };
            let item = match &so.payload {
                Payload::List(l) => l.borrow().get(*index).cloned(),
                Payload::Tuple(t) => t.get(*index).cloned(),
                Payload::Str(s) if s.is_ascii() => {
                    s.as_wtf8().get(*index).map(|&b| crate::types::strops::char_value(vm, b as u32))
                }
                _ => return None,
            };
            match item {
                Some(v) => {
                    *index += 1;
                    Some(Ok(Some(v)))
                }
                None => {
                    *st = IterState::Done;
                    Some(Ok(None))
                }
            }
        }
        IterState::Done => Some(Ok(None)),
        _ => None,
    }
}
