//! The marshal format for constants and code objects. CPython: `Python/marshal.c`
//! (type-code names kept), but the encoding is pyrite's own: every object is a
//! type-code byte and a body, lengths and integers are LEB128 varints, floats
//! are IEEE-754 bits, strings are WTF-8, and repeated strings are written once
//! and then referenced by index (`TYPE_REF`). Decoding never trusts a length:
//! each is checked against the bytes that remain before anything is allocated.
//! `docs/internals/pyc.md` is the specification.

use crate::error::MarshalError;
use num_bigint::{BigInt, Sign};
use pyrite_bytecode::{CodeFlags, CodeObject, Constant, ExceptionEntry, Instr, Location, Wtf8Buf};
use std::collections::HashMap;
use std::rc::Rc;

/// `None`.
pub const TYPE_NONE: u8 = b'N';
/// `False`.
pub const TYPE_FALSE: u8 = b'F';
/// `True`.
pub const TYPE_TRUE: u8 = b'T';
/// `...`.
pub const TYPE_ELLIPSIS: u8 = b'.';
/// An int fitting in `i64`: zigzag varint.
pub const TYPE_INT: u8 = b'i';
/// Any other int: sign byte, varint byte count, magnitude little-endian.
pub const TYPE_LONG: u8 = b'l';
/// A float: 8 bytes, IEEE-754 bits little-endian.
pub const TYPE_BINARY_FLOAT: u8 = b'g';
/// A complex: real then imaginary part, 8 bytes each.
pub const TYPE_BINARY_COMPLEX: u8 = b'y';
/// `bytes`: varint length, bytes.
pub const TYPE_STRING: u8 = b's';
/// `str` with non-ASCII text: varint length, WTF-8 bytes.
pub const TYPE_UNICODE: u8 = b'u';
/// ASCII `str` of 256 bytes or more: varint length, bytes.
pub const TYPE_ASCII: u8 = b'a';
/// ASCII `str` shorter than 256 bytes: one length byte, bytes.
pub const TYPE_SHORT_ASCII: u8 = b'z';
/// A tuple of 256 items or more: varint count, items.
pub const TYPE_TUPLE: u8 = b'(';
/// A tuple shorter than 256 items: one count byte, items.
pub const TYPE_SMALL_TUPLE: u8 = b')';
/// A frozenset: varint count, items in the compiler's order.
pub const TYPE_FROZENSET: u8 = b'>';
/// A code object (layout in `write_code`).
pub const TYPE_CODE: u8 = b'c';
/// A reference to the n-th string flagged with `FLAG_REF`: varint n.
pub const TYPE_REF: u8 = b'r';
/// Set on a string's type code: the string enters the reference table.
pub const FLAG_REF: u8 = 0x80;

/// Maximum nesting of tuples, frozensets and code objects in one file.
pub const MAX_DEPTH: usize = 200;

/// Appends `v` as an unsigned LEB128 varint.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Zigzag mapping of a signed value onto an unsigned one (0, -1, 1, -2 ... -> 0, 1, 2, 3 ...).
fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Serialises constants and code objects. The string reference table is filled
/// in writing order, so equal input always gives equal bytes.
pub(crate) struct Writer {
    pub(crate) out: Vec<u8>,
    refs: HashMap<Vec<u8>, u32>,
}

impl Writer {
    pub(crate) fn new() -> Writer {
        Writer {
            out: Vec::new(),
            refs: HashMap::new(),
        }
    }

    fn varint(&mut self, v: u64) {
        put_varint(&mut self.out, v);
    }

    /// A `str` (WTF-8 bytes): a reference if written before, else the text with
    /// `FLAG_REF` so later occurrences can refer to it.
    pub(crate) fn write_str(&mut self, s: &[u8]) {
        if let Some(&i) = self.refs.get(s) {
            self.out.push(TYPE_REF);
            self.varint(i as u64);
            return;
        }
        let index = self.refs.len() as u32;
        self.refs.insert(s.to_vec(), index);
        if s.is_ascii() {
            if s.len() < 256 {
                self.out.push(TYPE_SHORT_ASCII | FLAG_REF);
                self.out.push(s.len() as u8);
            } else {
                self.out.push(TYPE_ASCII | FLAG_REF);
                self.varint(s.len() as u64);
            }
        } else {
            self.out.push(TYPE_UNICODE | FLAG_REF);
            self.varint(s.len() as u64);
        }
        self.out.extend_from_slice(s);
    }

    fn write_str_list(&mut self, items: &[String]) {
        self.varint(items.len() as u64);
        for s in items {
            self.write_str(s.as_bytes());
        }
    }

    fn write_seq(&mut self, items: &[Constant]) {
        self.varint(items.len() as u64);
        for c in items {
            self.write_const(c);
        }
    }

    pub(crate) fn write_const(&mut self, c: &Constant) {
        match c {
            Constant::None => self.out.push(TYPE_NONE),
            Constant::Ellipsis => self.out.push(TYPE_ELLIPSIS),
            Constant::Bool(false) => self.out.push(TYPE_FALSE),
            Constant::Bool(true) => self.out.push(TYPE_TRUE),
            Constant::Int(i) => {
                self.out.push(TYPE_INT);
                self.varint(zigzag(*i));
            }
            Constant::BigInt(i) => {
                let (sign, mag) = i.to_bytes_le();
                self.out.push(TYPE_LONG);
                self.out.push((sign == Sign::Minus) as u8);
                let mag: &[u8] = if sign == Sign::NoSign { &[] } else { &mag };
                self.varint(mag.len() as u64);
                self.out.extend_from_slice(mag);
            }
            Constant::Float(f) => {
                self.out.push(TYPE_BINARY_FLOAT);
                self.out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Constant::Complex { re, im } => {
                self.out.push(TYPE_BINARY_COMPLEX);
                self.out.extend_from_slice(&re.to_bits().to_le_bytes());
                self.out.extend_from_slice(&im.to_bits().to_le_bytes());
            }
            Constant::Str(s) => self.write_str(s.as_bytes()),
            Constant::Bytes(b) => {
                self.out.push(TYPE_STRING);
                self.varint(b.len() as u64);
                self.out.extend_from_slice(b);
            }
            Constant::Tuple(items) => {
                if items.len() < 256 {
                    self.out.push(TYPE_SMALL_TUPLE);
                    self.out.push(items.len() as u8);
                    for c in items {
                        self.write_const(c);
                    }
                } else {
                    self.out.push(TYPE_TUPLE);
                    self.write_seq(items);
                }
            }
            Constant::FrozenSet(items) => {
                self.out.push(TYPE_FROZENSET);
                self.write_seq(items);
            }
            Constant::Code(code) => self.write_code(code),
        }
    }

    /// A code object: `c`, six varints (argcount, posonlyargcount,
    /// kwonlyargcount, stacksize, flags, firstlineno), the instructions
    /// (varint count; opcode byte + varint operand each), the constants
    /// (varint count; objects), names, varnames, cellvars, freevars (varint
    /// count; strings each), cell2arg (varint count; two varints each),
    /// filename, name, qualname (strings), locations (varint count; delta
    /// encoded, see `write_location`), exception table (varint count; start,
    /// end, target, depth << 1 | lasti as varints).
    pub(crate) fn write_code(&mut self, co: &CodeObject) {
        self.out.push(TYPE_CODE);
        for v in [
            co.argcount,
            co.posonlyargcount,
            co.kwonlyargcount,
            co.stacksize,
            co.flags.0,
            co.firstlineno,
        ] {
            self.varint(v as u64);
        }
        self.varint(co.code.len() as u64);
        for instr in &co.code {
            self.out.push(instr.op_byte());
            self.varint(instr.arg() as u64);
        }
        self.write_seq(&co.consts);
        self.write_str_list(&co.names);
        self.write_str_list(&co.varnames);
        self.write_str_list(&co.cellvars);
        self.write_str_list(&co.freevars);
        self.varint(co.cell2arg.len() as u64);
        for &(cell, arg) in &co.cell2arg {
            self.varint(cell as u64);
            self.varint(arg as u64);
        }
        self.write_str(co.filename.as_bytes());
        self.write_str(co.name.as_bytes());
        self.write_str(co.qualname.as_bytes());
        self.varint(co.locations.len() as u64);
        let mut prev = Location::NONE;
        for loc in &co.locations {
            self.write_location(prev, *loc);
            prev = *loc;
        }
        self.varint(co.exception_table.len() as u64);
        for e in &co.exception_table {
            self.varint(e.start as u64);
            self.varint(e.end as u64);
            self.varint(e.target as u64);
            self.varint(((e.depth as u64) << 1) | e.lasti as u64);
        }
    }

    /// One location, relative to the previous one (`Location::NONE` before the
    /// first): varint 0 if equal to it; otherwise varint
    /// `1 + zigzag(line - prev.line)`, then `zigzag(end_line - line)`, `col`,
    /// `zigzag(end_col - col)`.
    fn write_location(&mut self, prev: Location, loc: Location) {
        if loc == prev {
            self.varint(0);
            return;
        }
        self.varint(1 + zigzag(loc.line as i64 - prev.line as i64));
        self.varint(zigzag(loc.end_line as i64 - loc.line as i64));
        self.varint(loc.col as u64);
        self.varint(zigzag(loc.end_col as i64 - loc.col as i64));
    }
}

/// Serialises one constant (any kind, code objects included) on its own.
pub fn dump_constant(c: &Constant) -> Vec<u8> {
    let mut w = Writer::new();
    w.write_const(c);
    w.out
}

/// Decodes the output of `dump_constant`; the input must be exactly one
/// constant. Code objects inside are decoded but not verified (call `verify`).
pub fn load_constant(bytes: &[u8]) -> Result<Constant, MarshalError> {
    let mut r = Reader::new(bytes);
    let c = r.read_const(0)?;
    r.finish()?;
    Ok(c)
}

fn corrupt(msg: &str) -> MarshalError {
    MarshalError::Corrupt(msg.to_string())
}

/// Checks generalised UTF-8 (UTF-8 that also admits encoded surrogates, as
/// `Wtf8Buf` holds): no overlong forms, nothing above U+10FFFF, no truncation.
pub(crate) fn is_generalized_utf8(s: &[u8]) -> bool {
    let mut i = 0;
    let cont = |j: usize| s.get(j).is_some_and(|&b| b & 0xC0 == 0x80);
    while i < s.len() {
        let b = s[i];
        let (n, lo, hi) = match b {
            0x00..=0x7F => {
                i += 1;
                continue;
            }
            0xC2..=0xDF => (2, 0x80, 0xBF),
            0xE0 => (3, 0xA0, 0xBF),
            0xE1..=0xEF => (3, 0x80, 0xBF),
            0xF0 => (4, 0x90, 0xBF),
            0xF1..=0xF3 => (4, 0x80, 0xBF),
            0xF4 => (4, 0x80, 0x8F),
            _ => return false,
        };
        match s.get(i + 1) {
            Some(&b1) if (lo..=hi).contains(&b1) => {}
            _ => return false,
        }
        if !(2..n).all(|k| cont(i + k)) {
            return false;
        }
        i += n;
    }
    true
}

/// Decodes constants and code objects from untrusted bytes.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    /// Byte ranges (into `buf`) of the strings flagged with `FLAG_REF`, in order.
    refs: Vec<(usize, usize)>,
    /// Bytes that references may still copy out; bounds what a small file can
    /// make the decoder allocate by referring to one long string many times.
    ref_budget: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader {
            buf,
            pos: 0,
            refs: Vec::new(),
            ref_budget: buf.len().saturating_mul(32).saturating_add(1 << 20),
        }
    }

    fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// Fails unless every byte was consumed.
    pub(crate) fn finish(&self) -> Result<(), MarshalError> {
        if self.pos != self.buf.len() {
            return Err(corrupt("trailing data"));
        }
        Ok(())
    }

    fn byte(&mut self) -> Result<u8, MarshalError> {
        let b = *self.buf.get(self.pos).ok_or(MarshalError::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], MarshalError> {
        if n > self.remaining() {
            return Err(MarshalError::Truncated);
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u64_le(&mut self) -> Result<u64, MarshalError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    /// A minimal-length LEB128 varint of at most 64 bits.
    pub(crate) fn varint(&mut self) -> Result<u64, MarshalError> {
        let mut v: u64 = 0;
        let mut shift = 0u32;
        loop {
            let b = self.byte()?;
            let bits = (b & 0x7F) as u64;
            if shift == 63 && bits > 1 {
                return Err(corrupt("varint overflows 64 bits"));
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                if b == 0 && shift != 0 {
                    return Err(corrupt("overlong varint"));
                }
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                return Err(corrupt("varint overflows 64 bits"));
            }
        }
    }

    pub(crate) fn varint_u32(&mut self) -> Result<u32, MarshalError> {
        u32::try_from(self.varint()?).map_err(|_| corrupt("value exceeds 32 bits"))
    }

    /// A count of items each at least `min_size` bytes long, checked against
    /// the remaining input so the caller can allocate for it.
    fn count(&mut self, min_size: usize) -> Result<usize, MarshalError> {
        let n = self.varint()?;
        if n > (self.remaining() / min_size) as u64 {
            return Err(MarshalError::Truncated);
        }
        Ok(n as usize)
    }

    /// The body of a string whose type code `t` (flag removed) was just read.
    fn str_body(&mut self, t: u8) -> Result<&'a [u8], MarshalError> {
        let s = match t {
            TYPE_SHORT_ASCII => {
                let n = self.byte()? as usize;
                self.take(n)?
            }
            TYPE_ASCII | TYPE_UNICODE => {
                let n = self.varint()?;
                if n > self.remaining() as u64 {
                    return Err(MarshalError::Truncated);
                }
                self.take(n as usize)?
            }
            _ => return Err(corrupt("expected a string")),
        };
        let ok = if t == TYPE_UNICODE {
            is_generalized_utf8(s)
        } else {
            s.is_ascii()
        };
        if !ok {
            return Err(corrupt("malformed string"));
        }
        Ok(s)
    }

    /// The bytes of the string object whose type byte `tb` was just read.
    fn str_object(&mut self, tb: u8) -> Result<&'a [u8], MarshalError> {
        if tb == TYPE_REF {
            let i = self.varint()?;
            let &(start, end) = usize::try_from(i)
                .ok()
                .and_then(|i| self.refs.get(i))
                .ok_or_else(|| corrupt("string reference out of range"))?;
            self.ref_budget = self
                .ref_budget
                .checked_sub(end - start)
                .ok_or_else(|| corrupt("too many string references"))?;
            return Ok(&self.buf[start..end]);
        }
        let s = self.str_body(tb & !FLAG_REF)?;
        if tb & FLAG_REF != 0 {
            let end = self.pos;
            self.refs.push((end - s.len(), end));
        }
        Ok(s)
    }

    /// A string that must be valid UTF-8 (identifiers, file names, messages).
    pub(crate) fn read_string(&mut self) -> Result<String, MarshalError> {
        let tb = self.byte()?;
        let s = self.str_object(tb)?;
        match std::str::from_utf8(s) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => Err(corrupt("name is not valid UTF-8")),
        }
    }

    fn read_string_list(&mut self) -> Result<Vec<String>, MarshalError> {
        let n = self.count(2)?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.read_string()?);
        }
        Ok(v)
    }

    fn read_seq(&mut self, n: usize, depth: usize) -> Result<Vec<Constant>, MarshalError> {
        if n > self.remaining() {
            return Err(MarshalError::Truncated);
        }
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.read_const(depth)?);
        }
        Ok(v)
    }

    /// One constant. `depth` is the number of enclosing containers.
    pub(crate) fn read_const(&mut self, depth: usize) -> Result<Constant, MarshalError> {
        let tb = self.byte()?;
        Ok(match tb {
            TYPE_NONE => Constant::None,
            TYPE_ELLIPSIS => Constant::Ellipsis,
            TYPE_FALSE => Constant::Bool(false),
            TYPE_TRUE => Constant::Bool(true),
            TYPE_INT => Constant::Int(unzigzag(self.varint()?)),
            TYPE_LONG => {
                let sign = self.byte()?;
                let n = self.varint()?;
                if n > self.remaining() as u64 {
                    return Err(MarshalError::Truncated);
                }
                let mag = self.take(n as usize)?;
                if sign > 1 || mag.last() == Some(&0) || (sign == 1 && mag.is_empty()) {
                    return Err(corrupt("non-canonical long"));
                }
                let sign = match (sign, mag.is_empty()) {
                    (_, true) => Sign::NoSign,
                    (0, false) => Sign::Plus,
                    _ => Sign::Minus,
                };
                Constant::BigInt(BigInt::from_bytes_le(sign, mag))
            }
            TYPE_BINARY_FLOAT => Constant::Float(f64::from_bits(self.u64_le()?)),
            TYPE_BINARY_COMPLEX => {
                let re = f64::from_bits(self.u64_le()?);
                let im = f64::from_bits(self.u64_le()?);
                Constant::Complex { re, im }
            }
            TYPE_STRING => {
                let n = self.varint()?;
                if n > self.remaining() as u64 {
                    return Err(MarshalError::Truncated);
                }
                Constant::Bytes(self.take(n as usize)?.to_vec())
            }
            TYPE_SMALL_TUPLE | TYPE_TUPLE | TYPE_FROZENSET => {
                if depth >= MAX_DEPTH {
                    return Err(MarshalError::TooDeep);
                }
                let n = if tb == TYPE_SMALL_TUPLE {
                    self.byte()? as usize
                } else {
                    self.count(1)?
                };
                let items = self.read_seq(n, depth + 1)?;
                if tb == TYPE_FROZENSET {
                    Constant::FrozenSet(items)
                } else {
                    Constant::Tuple(items)
                }
            }
            TYPE_CODE => Constant::Code(Rc::new(self.read_code_body(depth)?)),
            _ => {
                let s = self.str_object(tb)?;
                Constant::Str(Wtf8Buf::from_bytes_unchecked(s.to_vec()))
            }
        })
    }

    /// A code object; `c` must come next.
    pub(crate) fn read_code(&mut self) -> Result<CodeObject, MarshalError> {
        if self.byte()? != TYPE_CODE {
            return Err(corrupt("expected a code object"));
        }
        self.read_code_body(0)
    }

    /// The body of a code object whose `c` was just read.
    fn read_code_body(&mut self, depth: usize) -> Result<CodeObject, MarshalError> {
        if depth >= MAX_DEPTH {
            return Err(MarshalError::TooDeep);
        }
        let argcount = self.varint_u32()?;
        let posonlyargcount = self.varint_u32()?;
        let kwonlyargcount = self.varint_u32()?;
        let stacksize = self.varint_u32()?;
        let flags = CodeFlags(self.varint_u32()?);
        let firstlineno = self.varint_u32()?;
        let n = self.count(2)?;
        let mut code = Vec::with_capacity(n);
        for _ in 0..n {
            let op = self.byte()?;
            let arg = self.varint()?;
            if arg > Instr::MAX_ARG as u64 {
                return Err(corrupt("operand exceeds 24 bits"));
            }
            code.push(Instr(op as u32 | (arg as u32) << 8));
        }
        let n = self.count(1)?;
        let consts = self.read_seq(n, depth + 1)?;
        let names = self.read_string_list()?;
        let varnames = self.read_string_list()?;
        let cellvars = self.read_string_list()?;
        let freevars = self.read_string_list()?;
        let n = self.count(2)?;
        let mut cell2arg = Vec::with_capacity(n);
        for _ in 0..n {
            cell2arg.push((self.varint_u32()?, self.varint_u32()?));
        }
        let filename = self.read_string()?;
        let name = self.read_string()?;
        let qualname = self.read_string()?;
        let n = self.count(1)?;
        let mut locations = Vec::with_capacity(n);
        let mut prev = Location::NONE;
        for _ in 0..n {
            prev = self.read_location(prev)?;
            locations.push(prev);
        }
        let n = self.count(4)?;
        let mut exception_table = Vec::with_capacity(n);
        for _ in 0..n {
            let start = self.varint_u32()?;
            let end = self.varint_u32()?;
            let target = self.varint_u32()?;
            let dl = self.varint()?;
            let depth = u32::try_from(dl >> 1).map_err(|_| corrupt("value exceeds 32 bits"))?;
            exception_table.push(ExceptionEntry {
                start,
                end,
                target,
                depth,
                lasti: dl & 1 != 0,
            });
        }
        Ok(CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            filename,
            name,
            qualname,
            firstlineno,
            locations,
            exception_table,
        })
    }

    fn read_location(&mut self, prev: Location) -> Result<Location, MarshalError> {
        let h = self.varint()?;
        if h == 0 {
            return Ok(prev);
        }
        let to_u32 = |v: Option<i64>| {
            v.and_then(|v| u32::try_from(v).ok())
                .ok_or_else(|| corrupt("location out of range"))
        };
        let line = to_u32((prev.line as i64).checked_add(unzigzag(h - 1)))?;
        let end_line = to_u32((line as i64).checked_add(unzigzag(self.varint()?)))?;
        let col = self.varint_u32()?;
        let end_col = to_u32((col as i64).checked_add(unzigzag(self.varint()?)))?;
        Ok(Location {
            line,
            end_line,
            col,
            end_col,
        })
    }
}
