//! WTF-8 strings: UTF-8 generalised to allow lone surrogates (U+D800..U+DFFF),
//! so every Python `str` (which may hold lone surrogates, e.g. `'\ud800'` or
//! `surrogateescape` file names) has a byte representation.
//!
//! A surrogate code point is encoded with the ordinary 3-byte UTF-8 pattern.
//! Well-formed WTF-8 never contains a high surrogate followed by a low one (such a
//! pair would be a supplementary character); Python strings, however, *can* hold
//! such a pair as two code points, so pyrite's buffers allow it too ("generalised
//! UTF-8"). Text without surrogates is plain UTF-8 and `as_str` returns it.

use std::fmt;

/// An owned WTF-8 string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Wtf8Buf {
    bytes: Vec<u8>,
}

impl Wtf8Buf {
    /// An empty string.
    pub fn new() -> Wtf8Buf {
        Wtf8Buf { bytes: Vec::new() }
    }

    /// Takes bytes that are already generalised UTF-8 (not checked).
    pub fn from_bytes_unchecked(bytes: Vec<u8>) -> Wtf8Buf {
        Wtf8Buf { bytes }
    }

    /// Appends one code point (0..=0x10FFFF, surrogates allowed). Larger values are
    /// replaced by U+FFFD.
    pub fn push(&mut self, cp: u32) {
        push_code_point(&mut self.bytes, cp);
    }

    /// Appends UTF-8 text.
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// The encoded bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Consumes the buffer, returning the encoded bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The text as `&str` when it holds no surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// Iterates over code points.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.bytes }
    }

    /// Text with each surrogate replaced by U+FFFD (for display only).
    pub fn to_string_lossy(&self) -> String {
        match self.as_str() {
            Some(s) => s.to_owned(),
            None => self
                .code_points()
                .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                .collect(),
        }
    }
}

impl From<&str> for Wtf8Buf {
    fn from(s: &str) -> Wtf8Buf {
        Wtf8Buf { bytes: s.as_bytes().to_vec() }
    }
}

impl From<String> for Wtf8Buf {
    fn from(s: String) -> Wtf8Buf {
        Wtf8Buf { bytes: s.into_bytes() }
    }
}

impl fmt::Debug for Wtf8Buf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_string_lossy())
    }
}

/// Appends code point `cp` to `out` in generalised UTF-8.
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    let cp = if cp > 0x10FFFF { 0xFFFD } else { cp };
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.push(0xC0 | (cp >> 6) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else if cp < 0x10000 {
        out.push(0xE0 | (cp >> 12) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    } else {
        out.push(0xF0 | (cp >> 18) as u8);
        out.push(0x80 | ((cp >> 12) & 0x3F) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    }
}

/// Decodes the code point starting at `bytes[0]`; returns it and its length.
/// Malformed input (only possible from unverified data) decodes as U+FFFD, 1 byte.
#[inline]
pub fn decode_code_point(bytes: &[u8]) -> (u32, usize) {
    let b0 = bytes[0] as u32;
    let cont = |i: usize| -> Option<u32> {
        let b = *bytes.get(i)? as u32;
        if b & 0xC0 == 0x80 {
            Some(b & 0x3F)
        } else {
            None
        }
    };
    if b0 < 0x80 {
        return (b0, 1);
    }
    if b0 & 0xE0 == 0xC0 {
        if let Some(c1) = cont(1) {
            return (((b0 & 0x1F) << 6) | c1, 2);
        }
    } else if b0 & 0xF0 == 0xE0 {
        if let (Some(c1), Some(c2)) = (cont(1), cont(2)) {
            return (((b0 & 0x0F) << 12) | (c1 << 6) | c2, 3);
        }
    } else if b0 & 0xF8 == 0xF0 {
        if let (Some(c1), Some(c2), Some(c3)) = (cont(1), cont(2), cont(3)) {
            return (((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, 4);
        }
    }
    (0xFFFD, 1)
}

/// Iterator over the code points of generalised UTF-8 bytes.
#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
}

impl<'a> CodePoints<'a> {
    /// Iterates over the code points of `bytes` (generalised UTF-8).
    pub fn new(bytes: &'a [u8]) -> Self {
        CodePoints { bytes }
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.bytes.is_empty() {
            return None;
        }
        let (cp, n) = decode_code_point(self.bytes);
        self.bytes = &self.bytes[n..];
        Some(cp)
    }
}
