//! `Value`: what a Python variable holds. Small ints, floats, None and bools are
//! immediate (no allocation); everything else is a reference-counted heap object.
//!
//! Identity of immediates follows PyPy's rule: equal bits are the same object, so
//! `x is y` for two equal small ints or two floats with the same bits is True.

use crate::object::{PyObject, PyRef};
use std::rc::Rc;

/// A Python value.
///
/// `repr(C, u64)`: the tag is the first word and every payload the second, so
/// a value is exactly two words with no padding: copies and constructions are
/// word-sized stores and loads that the store buffer can forward
/// (`load_words`/`store_words` rely on the layout).
#[repr(C, u64)]
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
        if let Value::Obj(o) = self {
            return Value::Obj(Rc::clone(o));
        }
        // SAFETY: every other variant holds only `Copy` data (no pointer,
        // nothing to drop), so a copy of the tag and the payload word is a
        // valid, independent value. Copying just those two (not the padding)
        // keeps the accesses forwardable (see `load_words`).
        unsafe { load_words(self) }
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

const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// Reads the `Value` at `p` as its tag byte and its payload word.
///
/// The loop moves values between its stack and the locals many times per
/// instruction. A value built in place (a tag byte and a payload word, two
/// stores) and read back soon after with a wider load (16 bytes, or 8 bytes
/// over the tag) cannot be forwarded from the store buffer and stalls for a
/// dozen cycles; reading and writing exactly the tag and the payload avoids
/// that.
///
/// # Safety
/// `p` must point to an initialised `Value`, which the caller then owns (as
/// with `std::ptr::read`).
#[inline(always)]
pub unsafe fn load_words(p: *const Value) -> Value {
    use std::mem::MaybeUninit;
    // SAFETY: `repr(C, u64)` puts the tag in the first word and the payload in
    // the second.
    unsafe {
        let tag = std::ptr::read(p as *const u64);
        let data = std::ptr::read((p as *const MaybeUninit<u64>).add(1));
        let mut out = MaybeUninit::<Value>::uninit();
        std::ptr::write(out.as_mut_ptr() as *mut u64, tag);
        std::ptr::write((out.as_mut_ptr() as *mut MaybeUninit<u64>).add(1), data);
        out.assume_init()
    }
}

/// Writes `v` to `p` as a tag word and a payload word (see `load_words`),
/// without dropping what was there.
///
/// # Safety
/// `p` must be valid for writing a `Value`.
#[inline(always)]
pub unsafe fn store_words(p: *mut Value, v: Value) {
    use std::mem::MaybeUninit;
    let v = std::mem::ManuallyDrop::new(v);
    let src = &*v as *const Value;
    // SAFETY: as in `load_words`; ownership moves to `*p`.
    unsafe {
        let tag = std::ptr::read(src as *const u64);
        let data = std::ptr::read((src as *const MaybeUninit<u64>).add(1));
        std::ptr::write(p as *mut u64, tag);
        std::ptr::write((p as *mut MaybeUninit<u64>).add(1), data);
    }
}

/// Pops the top of a value stack (NULL if empty, which verified code never
/// reaches), moving it as two words (see `load_words`).
#[inline(always)]
pub fn pop_value(s: &mut Vec<Value>) -> Value {
    let n = s.len();
    if n == 0 {
        return Value::Null;
    }
    // SAFETY: `n - 1 < len`; the slot is logically removed before it is read.
    unsafe {
        s.set_len(n - 1);
        load_words(s.as_ptr().add(n - 1))
    }
}

/// Pushes onto a value stack as two words (see `load_words`). Frames reserve
/// `co_stacksize` slots when they start, so the slow path is never taken by
/// verified code.
#[inline(always)]
pub fn push_value(s: &mut Vec<Value>, v: Value) {
    let n = s.len();
    if n < s.capacity() {
        // SAFETY: `n < capacity`.
        unsafe {
            store_words(s.as_mut_ptr().add(n), v);
            s.set_len(n + 1);
        }
    } else {
        push_value_slow(s, v);
    }
}

#[cold]
#[inline(never)]
fn push_value_slow(s: &mut Vec<Value>, v: Value) {
    s.push(v);
}
