//! The str type's storage; CPython: Objects/unicodeobject.c.
//!
//! Text is stored as generalised UTF-8 (WTF-8, so lone surrogates survive) with
//! the number of code points and an ASCII flag: indexing ASCII text is O(1).
//! The hash is CPython's (SipHash-1-3 over the PEP 393 buffer) and is cached.

use crate::hash;
use pyrite_bytecode::wtf8::{self, CodePoints};
use std::cell::{Cell, OnceCell};

/// A Python str's data.
pub struct PyStr {
    bytes: Vec<u8>,
    /// Number of code points.
    len: usize,
    /// Largest code point (0 for empty), used for the hash and `__sizeof__`.
    /// Exact for non-ASCII text; for ASCII text any value below 0x80 (only
    /// the PEP 393 storage class is observable).
    max_cp: u32,
    /// Cached hash; `i64::MIN` when not yet computed.
    hash: Cell<i64>,
    /// For non-ASCII text: byte offsets of every `INDEX_STEP`-th code point,
    /// built on first indexed access.
    index: OnceCell<Box<[u32]>>,
}

/// Distance (in code points) between entries of the lazy index.
const INDEX_STEP: usize = 32;

impl PyStr {
    /// A str from UTF-8 text.
    pub fn new(s: &str) -> PyStr {
        let mut max_cp = 0;
        let mut len = 0;
        if s.is_ascii() {
            len = s.len();
            max_cp = if s.is_empty() { 0 } else { 0x7F };
        } else {
            for c in s.chars() {
                len += 1;
                max_cp = max_cp.max(c as u32);
            }
        }
        PyStr { bytes: s.as_bytes().to_vec(), len, max_cp, hash: Cell::new(i64::MIN), index: OnceCell::new() }
    }

    /// A str from generalised UTF-8 bytes (as produced by `wtf8::push_code_point`).
    pub fn from_wtf8(bytes: Vec<u8>) -> PyStr {
        if bytes.is_ascii() {
            // Only the storage class of the largest code point is observable
            // (`__sizeof__`; the hash of ASCII text hashes its bytes).
            let max_cp = if bytes.is_empty() { 0 } else { 0x7F };
            return PyStr { len: bytes.len(), bytes, max_cp, hash: Cell::new(i64::MIN), index: OnceCell::new() };
        }
        let mut len = 0;
        let mut max_cp = 0;
        for c in CodePoints::new(&bytes) {
            len += 1;
            max_cp = max_cp.max(c);
        }
        PyStr { bytes, len, max_cp, hash: Cell::new(i64::MIN), index: OnceCell::new() }
    }

    /// A str from generalised UTF-8 bytes whose number of code points and
    /// largest code point the caller already knows (concatenations of strs).
    pub fn from_parts(bytes: Vec<u8>, len: usize, max_cp: u32) -> PyStr {
        debug_assert_eq!(CodePoints::new(&bytes).count(), len);
        PyStr { bytes, len, max_cp, hash: Cell::new(i64::MIN), index: OnceCell::new() }
    }

    /// A str from code points (surrogates allowed).
    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> PyStr {
        let mut bytes = Vec::new();
        for c in cps {
            wtf8::push_code_point(&mut bytes, c);
        }
        PyStr::from_wtf8(bytes)
    }

    /// Appends `other`: the in-place `s += t` for a str that nothing else
    /// references (the caller proves that with `Rc::get_mut`).
    pub fn append(&mut self, other: &PyStr) {
        self.bytes.extend_from_slice(&other.bytes);
        self.len += other.len;
        self.max_cp = self.max_cp.max(other.max_cp);
        self.hash.set(i64::MIN);
        self.index = OnceCell::new();
    }

    /// Number of code points (`len(s)`).
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for the empty string.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True if every code point is ASCII (then byte index == char index).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.len == self.bytes.len()
    }

    /// Largest code point.
    #[inline]
    pub fn max_code_point(&self) -> u32 {
        self.max_cp
    }

    /// The generalised UTF-8 bytes.
    #[inline]
    pub fn as_wtf8(&self) -> &[u8] {
        &self.bytes
    }

    /// The text as `&str`, when it holds no lone surrogate.
    #[inline]
    pub fn try_as_str(&self) -> Option<&str> {
        if self.is_ascii() {
            // SAFETY: ASCII bytes are valid UTF-8.
            return Some(unsafe { std::str::from_utf8_unchecked(&self.bytes) });
        }
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The text, with lone surrogates shown as U+FFFD (for messages and Rust
    /// interfaces that need `&str`; Python-visible operations use code points).
    pub fn as_str_lossy(&self) -> std::borrow::Cow<'_, str> {
        match self.try_as_str() {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(
                self.code_points().map(|c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect(),
            ),
        }
    }

    /// Iterates over code points.
    #[inline]
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints::new(&self.bytes)
    }

    /// The code point at index `i` (0-based, `i < len`). O(1) for ASCII text.
    pub fn code_point_at(&self, i: usize) -> Option<u32> {
        if self.is_ascii() {
            return self.bytes.get(i).map(|&b| b as u32);
        }
        if i >= self.len {
            return None;
        }
        let off = self.byte_offset(i);
        self.bytes.get(off..).map(|b| wtf8::decode_code_point(b).0)
    }

    fn index(&self) -> &[u32] {
        self.index.get_or_init(|| {
            let mut v = Vec::with_capacity(self.len / INDEX_STEP + 1);
            let mut off = 0usize;
            let mut n = 0usize;
            while off < self.bytes.len() {
                if n % INDEX_STEP == 0 {
                    v.push(off as u32);
                }
                off += wtf8::decode_code_point(&self.bytes[off..]).1.max(1);
                n += 1;
            }
            v.into_boxed_slice()
        })
    }

    /// Byte offset of code point index `i` (`i <= len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.bytes.len());
        }
        if i >= self.len {
            return self.bytes.len();
        }
        if i < INDEX_STEP || self.bytes.len() > u32::MAX as usize {
            return Self::walk(&self.bytes, 0, i);
        }
        let idx = self.index();
        let start = idx.get(i / INDEX_STEP).map(|&o| o as usize).unwrap_or(0);
        let skip = if idx.len() > i / INDEX_STEP { i % INDEX_STEP } else { i };
        Self::walk(&self.bytes, start, skip)
    }

    fn walk(bytes: &[u8], mut off: usize, n: usize) -> usize {
        for _ in 0..n {
            if off >= bytes.len() {
                break;
            }
            off += wtf8::decode_code_point(&bytes[off..]).1.max(1);
        }
        off
    }

    /// CPython's `hash(s)` (cached).
    #[inline(always)]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != i64::MIN {
            return h;
        }
        self.compute_hash()
    }

    #[inline(never)]
    fn compute_hash(&self) -> i64 {
        let h = if self.is_ascii() {
            hash::hash_bytes(&self.bytes)
        } else {
            hash::hash_code_points(self.code_points(), self.max_cp, self.len)
        };
        self.hash.set(h);
        h
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.bytes == other.bytes
    }
}
