//! `Value`: what a Python variable holds. Small ints, floats, None and bools are
//! immediate (no allocation); everything else is a reference-counted heap object.
//!
//! Identity of immediates follows PyPy's rule: equal bits are the same object, so
//! `x is y` for two equal small ints or two floats with the same bits is True.

use crate::object::{PyObject, PyRef};
use std::rc::Rc;

/// A Python value.
pub enum Value {
    /// Internal sentinel: the NULL pushed by `PUSH_NULL`, an unbound local, an
    /// empty cell. Never visible to Python code.
    Null,
    None,
    Bool(bool),
    /// An int that fits in `i64`; larger ones are `PyObject`s with `Payload::Int`.
    Int(i64),
    Float(f64),
    Obj(PyRef),
}

impl Value {
    /// True for the internal NULL sentinel.
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// True for `None`.
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The heap object, if this is one.
    #[inline]
    pub fn as_obj(&self) -> Option<&PyRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// `a is b`.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }

    /// `id(v)`: the heap address for objects; for immediates a number derived
    /// from the bits that is odd (heap objects are at least 8-byte aligned), so the
    /// two never collide.
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as *const PyObject as usize as i64,
            Value::Null => 1,
            Value::None => 3,
            Value::Bool(b) => 5 + 2 * (*b as i64),
            Value::Int(i) => ((*i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1) as i64 & i64::MAX,
            Value::Float(f) => ((f.to_bits().rotate_left(17).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)) | 1) as i64 & i64::MAX,
        }
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Obj(o) => Value::Obj(Rc::clone(o)),
            // SAFETY: every other variant holds only `Copy` data (no pointer,
            // nothing to drop), so a bitwise copy is a valid, independent value.
            // One copy of all the bits avoids a jump table over the variants.
            _ => unsafe { std::ptr::read(self) },
        }
    }
}

impl From<PyRef> for Value {
    #[inline]
    fn from(o: PyRef) -> Value {
        Value::Obj(o)
    }
}

impl From<bool> for Value {
    #[inline]
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    #[inline]
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    #[inline]
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}
