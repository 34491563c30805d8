//! Constants: literal values read exactly from the source, and the constant
//! folding CPython 3.11 does on the AST (`Python/ast_opt.c`): unary and binary
//! operators on constants with CPython's size limits, tuples of constants,
//! constant subscripts, `__debug__`. Anything that would raise is left alone.

use super::Compiler;
use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};
use pyrite_bytecode::{Constant, Wtf8Buf};
use ruff_python_ast::*;
use ruff_text_size::Ranged;

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: i64 = 256;
const MAX_STR_SIZE: i64 = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

/// Equality that keeps apart what `co_consts` must keep apart (0 vs 0.0 vs
/// False, 0.0 vs -0.0, NaNs by bits).
pub fn const_identical(a: &Constant, b: &Constant) -> bool {
    use Constant::*;
    match (a, b) {
        (None, None) | (Ellipsis, Ellipsis) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (BigInt(x), BigInt(y)) => x == y,
        (Float(x), Float(y)) => x.to_bits() == y.to_bits(),
        (Complex { re: a, im: b }, Complex { re: c, im: d }) => a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits(),
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) | (FrozenSet(x), FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_identical(p, q))
        }
        (Code(x), Code(y)) => std::rc::Rc::ptr_eq(x, y) || code_equal(x, y),
        _ => false,
    }
}

/// Code objects compare by value, as CPython's `code_richcompare` (equal code
/// compiled twice, e.g. a `while` test, shares one constant).
fn code_equal(a: &pyrite_bytecode::CodeObject, b: &pyrite_bytecode::CodeObject) -> bool {
    a.name == b.name
        && a.qualname == b.qualname
        && a.argcount == b.argcount
        && a.posonlyargcount == b.posonlyargcount
        && a.kwonlyargcount == b.kwonlyargcount
        && a.flags == b.flags
        && a.firstlineno == b.firstlineno
        && a.code == b.code
        && a.names == b.names
        && a.varnames == b.varnames
        && a.cellvars == b.cellvars
        && a.freevars == b.freevars
        && a.locations == b.locations
        && a.exception_table == b.exception_table
        && a.consts.len() == b.consts.len()
        && a.consts.iter().zip(&b.consts).all(|(x, y)| const_identical(x, y))
}

/// A hash consistent with `const_identical`: identical constants hash alike.
fn const_hash(c: &Constant, h: &mut crate::fxhash::FxHasher) {
    use std::hash::{Hash, Hasher};
    match c {
        Constant::None => h.write_u8(0),
        Constant::Ellipsis => h.write_u8(1),
        Constant::Bool(b) => {
            h.write_u8(2);
            h.write_u8(*b as u8);
        }
        Constant::Int(i) => {
            h.write_u8(3);
            h.write_u64(*i as u64);
        }
        Constant::BigInt(i) => {
            h.write_u8(4);
            i.hash(h);
        }
        Constant::Float(f) => {
            h.write_u8(5);
            h.write_u64(f.to_bits());
        }
        Constant::Complex { re, im } => {
            h.write_u8(6);
            h.write_u64(re.to_bits());
            h.write_u64(im.to_bits());
        }
        Constant::Str(s) => {
            h.write_u8(7);
            h.write_usize(s.as_bytes().len());
            h.write(s.as_bytes());
        }
        Constant::Bytes(b) => {
            h.write_u8(8);
            h.write_usize(b.len());
            h.write(b);
        }
        Constant::Tuple(t) | Constant::FrozenSet(t) => {
            h.write_u8(if matches!(c, Constant::Tuple(_)) { 9 } else { 10 });
            h.write_usize(t.len());
            for x in t {
                const_hash(x, h);
            }
        }
        Constant::Code(code) => {
            h.write_u8(11);
            h.write(code.name.as_bytes());
            h.write_u32(code.firstlineno);
            h.write_usize(code.code.len());
        }
    }
}

/// The constants of one code object under construction, deduplicated with
/// `const_identical` through a hash index (the position of each constant in
/// the table is the order of first use, as in CPython's `co_consts`).
#[derive(Default)]
pub struct ConstTable {
    /// Hash -> index of the most recently added constant with that hash.
    heads: crate::fxhash::FxHashMap<u64, u32>,
    /// Index -> index of the previous constant with the same hash (`u32::MAX`: none).
    chain: Vec<u32>,
}

impl ConstTable {
    /// The index of `c` in `consts`, appending it if no identical constant is there.
    /// `consts` must only ever grow through this table.
    pub fn index(&mut self, consts: &mut Vec<Constant>, c: Constant) -> u32 {
        use std::hash::Hasher;
        let mut h = crate::fxhash::FxHasher::default();
        const_hash(&c, &mut h);
        let key = h.finish();
        let head = self.heads.get(&key).copied().unwrap_or(u32::MAX);
        let mut i = head;
        while i != u32::MAX {
            if const_identical(&consts[i as usize], &c) {
                return i;
            }
            i = self.chain[i as usize];
        }
        let n = consts.len() as u32;
        consts.push(c);
        self.chain.push(head);
        self.heads.insert(key, n);
        n
    }
}

pub fn int_const(v: BigInt) -> Constant {
    match v.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(v),
    }
}

fn as_bigint(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(*b as i64)),
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(i) => Some(i.clone()),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => {
            let i = as_bigint(c)?;
            let f = i.to_f64()?;
            if f.is_finite() {
                Some(f)
            } else {
                None
            }
        }
    }
}

fn is_int(c: &Constant) -> bool {
    matches!(c, Constant::Bool(_) | Constant::Int(_) | Constant::BigInt(_))
}

fn nbits(i: &BigInt) -> u64 {
    i.bits()
}

fn seq_len(c: &Constant) -> Option<i64> {
    match c {
        // One code point per byte that is not a continuation byte.
        Constant::Str(s) => Some(s.as_bytes().iter().filter(|&&b| b & 0xC0 != 0x80).count() as i64),
        Constant::Bytes(b) => Some(b.len() as i64),
        Constant::Tuple(t) | Constant::FrozenSet(t) => Some(t.len() as i64),
        _ => None,
    }
}

/// Number of leaf items in nested tuples, capped (CPython's `check_complexity`).
fn complexity_ok(c: &Constant, mut limit: i64) -> bool {
    fn walk(c: &Constant, limit: &mut i64) -> bool {
        if let Constant::Tuple(t) | Constant::FrozenSet(t) = c {
            *limit -= t.len() as i64;
            if *limit < 0 {
                return false;
            }
            for x in t {
                if !walk(x, limit) {
                    return false;
                }
            }
        }
        true
    }
    walk(c, &mut limit)
}

fn floordiv_f(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 {
            div = fl + 1.0;
        } else {
            div = fl;
        }
    } else {
        div = 0.0f64.copysign(a / b);
    }
    Some(div)
}

fn mod_f(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Some(m)
}

fn floordiv_i(a: &BigInt, b: &BigInt) -> Option<BigInt> {
    if b.is_zero() {
        return None;
    }
    use num_integer::Integer;
    Some(a.div_floor(b))
}

fn mod_i(a: &BigInt, b: &BigInt) -> Option<BigInt> {
    if b.is_zero() {
        return None;
    }
    use num_integer::Integer;
    Some(a.mod_floor(b))
}

/// `a + b` for str constants. Python strings keep a lead surrogate followed by a
/// trail surrogate as two code points, and generalised UTF-8 stores them that way,
/// so joining the encodings is exact.
fn concat_str(a: &Wtf8Buf, b: &Wtf8Buf) -> Constant {
    let mut v = Vec::with_capacity(a.as_bytes().len() + b.as_bytes().len());
    v.extend_from_slice(a.as_bytes());
    v.extend_from_slice(b.as_bytes());
    Constant::Str(Wtf8Buf::from_bytes_unchecked(v))
}

fn repeat(c: &Constant, n: i64) -> Option<Constant> {
    let n = n.max(0) as usize;
    Some(match c {
        Constant::Str(s) => Constant::Str(Wtf8Buf::from_bytes_unchecked(s.as_bytes().repeat(n))),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            let mut v = Vec::new();
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            Constant::Tuple(v)
        }
        _ => return None,
    })
}

/// CPython's `fold_binop` with its `safe_*` limits. `None` = not folded.
pub fn fold_binop(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use Operator::*;
    if matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. }) {
        return fold_complex(op, l, r);
    }
    if is_int(l) && is_int(r) {
        let a = as_bigint(l)?;
        let b = as_bigint(r)?;
        return Some(match op {
            Add => int_const(a + b),
            Sub => int_const(a - b),
            Mult => {
                if !a.is_zero() && !b.is_zero() && nbits(&a) + nbits(&b) > MAX_INT_SIZE {
                    return None;
                }
                int_const(a * b)
            }
            FloorDiv => int_const(floordiv_i(&a, &b)?),
            Mod => int_const(mod_i(&a, &b)?),
            Div => {
                if b.is_zero() {
                    return None;
                }
                let lim = BigInt::from(1i64 << 53);
                if a.magnitude() > lim.magnitude() || b.magnitude() > lim.magnitude() {
                    return None;
                }
                Constant::Float(a.to_f64()? / b.to_f64()?)
            }
            Pow => {
                if b.sign() == Sign::Minus {
                    if a.is_zero() {
                        return None;
                    }
                    let fa = a.to_f64()?;
                    let fb = b.to_f64()?;
                    let lim = BigInt::from(1i64 << 53);
                    if a.magnitude() > lim.magnitude() {
                        return None;
                    }
                    let r = fa.powf(fb);
                    if !r.is_finite() {
                        return None;
                    }
                    Constant::Float(r)
                } else {
                    if !a.is_zero() && !b.is_zero() {
                        let wbits = b.to_u64()?;
                        if nbits(&a) > MAX_INT_SIZE / wbits {
                            return None;
                        }
                    }
                    let e = b.to_u32()?;
                    int_const(num_traits::pow::pow(a, e as usize))
                }
            }
            LShift => {
                if b.sign() == Sign::Minus {
                    return None;
                }
                if !a.is_zero() && !b.is_zero() {
                    let w = b.to_u64()?;
                    if w > MAX_INT_SIZE || nbits(&a) > MAX_INT_SIZE - w {
                        return None;
                    }
                }
                int_const(a << b.to_usize()?)
            }
            RShift => {
                if b.sign() == Sign::Minus {
                    return None;
                }
                let s = b.to_usize().unwrap_or(usize::MAX);
                if s > 100_000 {
                    int_const(if a.sign() == Sign::Minus { BigInt::from(-1) } else { BigInt::zero() })
                } else {
                    // Python's >> floors toward negative infinity.
                    use num_integer::Integer;
                    int_const(a.div_floor(&(BigInt::from(1) << s)))
                }
            }
            BitOr => {
                if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
                    return Some(Constant::Bool(*x | *y));
                }
                int_const(a | b)
            }
            BitAnd => {
                if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
                    return Some(Constant::Bool(*x & *y));
                }
                int_const(a & b)
            }
            BitXor => {
                if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
                    return Some(Constant::Bool(*x ^ *y));
                }
                int_const(a ^ b)
            }
            MatMult => return None,
        });
    }
    if (is_int(l) || matches!(l, Constant::Float(_))) && (is_int(r) || matches!(r, Constant::Float(_))) {
        let a = as_float(l)?;
        let b = as_float(r)?;
        let v = match op {
            Add => a + b,
            Sub => a - b,
            Mult => a * b,
            Div => {
                if b == 0.0 {
                    return None;
                }
                a / b
            }
            FloorDiv => floordiv_f(a, b)?,
            Mod => mod_f(a, b)?,
            Pow => {
                if a == 0.0 && b < 0.0 {
                    return None;
                }
                if a < 0.0 && b.fract() != 0.0 {
                    return None;
                }
                let v = a.powf(b);
                if !v.is_finite() && a.is_finite() && b.is_finite() {
                    return None;
                }
                v
            }
            _ => return None,
        };
        return Some(Constant::Float(v));
    }
    match op {
        Add => match (l, r) {
            (Constant::Str(a), Constant::Str(b)) => Some(concat_str(a, b)),
            (Constant::Bytes(a), Constant::Bytes(b)) => {
                let mut v = a.clone();
                v.extend_from_slice(b);
                Some(Constant::Bytes(v))
            }
            (Constant::Tuple(a), Constant::Tuple(b)) => {
                let mut v = a.clone();
                v.extend(b.iter().cloned());
                Some(Constant::Tuple(v))
            }
            _ => None,
        },
        Mult => {
            let (n, s) = if is_int(l) { (l, r) } else if is_int(r) { (r, l) } else { return None };
            let size = seq_len(s)?;
            if matches!(s, Constant::FrozenSet(_)) {
                return None;
            }
            let n = as_bigint(n)?.to_i64()?;
            if size > 0 {
                let limit = if matches!(s, Constant::Tuple(_)) { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
                if n < 0 || n > limit / size {
                    return None;
                }
                if matches!(s, Constant::Tuple(_)) && n > 0 && !complexity_ok(s, MAX_TOTAL_ITEMS / n) {
                    return None;
                }
            }
            repeat(s, n)
        }
        _ => None,
    }
}

fn as_complex(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Complex { re, im } => Some((*re, *im)),
        _ => Some((as_float(c)?, 0.0)),
    }
}

fn fold_complex(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    let (a, b) = as_complex(l)?;
    let (c, d) = as_complex(r)?;
    // Mixed real/complex arithmetic in CPython promotes the real operand with a
    // zero imaginary part; add and subtract are exact component-wise.
    let (re, im) = match op {
        Operator::Add => (a + c, b + d),
        Operator::Sub => (a - c, b - d),
        Operator::Mult => (a * c - b * d, a * d + b * c),
        Operator::Div => {
            // CPython's `_Py_c_quot`.
            let (abs_br, abs_bi) = (c.abs(), d.abs());
            if abs_br >= abs_bi {
                if abs_br == 0.0 {
                    return None;
                }
                let ratio = d / c;
                let denom = c + d * ratio;
                ((a + b * ratio) / denom, (b - a * ratio) / denom)
            } else if abs_bi >= abs_br {
                let ratio = c / d;
                let denom = c * ratio + d;
                ((a * ratio + b) / denom, (b * ratio - a) / denom)
            } else {
                (f64::NAN, f64::NAN)
            }
        }
        _ => return None,
    };
    Some(Constant::Complex { re, im })
}

/// CPython's `fold_unaryop`.
pub fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => {
            let t = match v {
                Constant::None => false,
                Constant::Ellipsis => true,
                Constant::Bool(b) => *b,
                Constant::Int(i) => *i != 0,
                Constant::BigInt(i) => !i.is_zero(),
                Constant::Float(f) => *f != 0.0,
                Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
                Constant::Str(s) => !s.as_bytes().is_empty(),
                Constant::Bytes(b) => !b.is_empty(),
                Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
                Constant::Code(_) => return None,
            };
            Some(Constant::Bool(!t))
        }
        UnaryOp::USub => match v {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { re, im } => Some(Constant::Complex { re: -re, im: -im }),
            _ => Some(int_const(-as_bigint(v)?)),
        },
        UnaryOp::UAdd => match v {
            Constant::Float(_) | Constant::Complex { .. } => Some(v.clone()),
            _ => Some(int_const(as_bigint(v)?)),
        },
        UnaryOp::Invert => Some(int_const(-(as_bigint(v)?) - 1)),
    }
}

fn fold_subscript(v: &Constant, idx: &Constant) -> Option<Constant> {
    let i = match idx {
        Constant::Bool(_) | Constant::Int(_) => as_bigint(idx)?.to_i64()?,
        _ => return None,
    };
    let norm = |len: usize| -> Option<usize> {
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            None
        } else {
            Some(j as usize)
        }
    };
    match v {
        Constant::Str(s) => {
            let cps: Vec<u32> = s.code_points().collect();
            let j = norm(cps.len())?;
            let mut out = Wtf8Buf::new();
            out.push(cps[j]);
            Some(Constant::Str(out))
        }
        Constant::Bytes(b) => Some(Constant::Int(b[norm(b.len())?] as i64)),
        Constant::Tuple(t) => Some(t[norm(t.len())?].clone()),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    /// The constant value of `e` after CPython's AST optimizations, if any.
    pub fn fold(&self, e: &Expr) -> Option<Constant> {
        match e {
            Expr::NumberLiteral(n) => Some(self.number_const(n)),
            Expr::StringLiteral(s) => Some(Constant::Str(self.string_value(s))),
            Expr::BytesLiteral(b) => {
                let mut v = Vec::new();
                for part in b.value.iter() {
                    v.extend_from_slice(&part.value);
                }
                Some(Constant::Bytes(v))
            }
            Expr::BooleanLiteral(b) => Some(Constant::Bool(b.value)),
            Expr::NoneLiteral(_) => Some(Constant::None),
            Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
            Expr::Name(n) if n.ctx == ExprContext::Load && n.id.as_str() == "__debug__" => {
                Some(Constant::Bool(self.optimize == 0))
            }
            Expr::UnaryOp(u) => {
                let v = self.fold(&u.operand)?;
                fold_unary(u.op, &v)
            }
            Expr::BinOp(b) => {
                let l = self.fold(&b.left)?;
                let r = self.fold(&b.right)?;
                fold_binop(b.op, &l, &r)
            }
            Expr::Tuple(t) if t.ctx == ExprContext::Load => {
                let mut v = Vec::with_capacity(t.elts.len());
                for x in &t.elts {
                    if matches!(x, Expr::Starred(_)) {
                        return None;
                    }
                    v.push(self.fold(x)?);
                }
                Some(Constant::Tuple(v))
            }
            Expr::Subscript(s) if s.ctx == ExprContext::Load => {
                let v = self.fold(&s.value)?;
                let i = self.fold(&s.slice)?;
                fold_subscript(&v, &i)
            }
            _ => None,
        }
    }

    pub fn number_const(&self, n: &ExprNumberLiteral) -> Constant {
        match &n.value {
            Number::Int(_) => {
                let text = &self.src[n.range().start().to_usize()..n.range().end().to_usize()];
                parse_int_literal(text).map(int_const).unwrap_or(Constant::Int(0))
            }
            Number::Float(f) => Constant::Float(*f),
            Number::Complex { real, imag } => Constant::Complex { re: *real, im: *imag },
        }
    }

    /// The value of a (possibly implicitly concatenated) string literal,
    /// re-read from the source where ruff could not represent a surrogate.
    pub fn string_value(&self, s: &ExprStringLiteral) -> Wtf8Buf {
        let mut parts = s.value.iter();
        let Some(first) = parts.next() else {
            return Wtf8Buf::new();
        };
        let first = self.string_part_value(first);
        if s.value.iter().len() == 1 {
            return first;
        }
        // Generalised UTF-8 joins by concatenating the encodings.
        let mut out = first.into_bytes();
        for part in parts {
            out.extend_from_slice(self.string_part_value(part).as_bytes());
        }
        Wtf8Buf::from_bytes_unchecked(out)
    }

    pub fn string_part_value(&self, part: &StringLiteral) -> Wtf8Buf {
        if !part.flags.prefix().is_raw() && part.value.contains('\u{FFFD}') {
            let r = part.content_range();
            if let Some(text) = self.src.get(r.start().to_usize()..r.end().to_usize()) {
                if let Some(v) = decode_escapes(text) {
                    return v;
                }
            }
        }
        Wtf8Buf::from(&*part.value)
    }
}

/// Parses an int literal's source text (any base, underscores allowed).
pub fn parse_int_literal(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// Decodes the escapes of a non-raw str literal body into WTF-8, keeping lone
/// surrogates. `None` if the text is not a valid body (then ruff's value stands).
pub fn decode_escapes(text: &str) -> Option<Wtf8Buf> {
    let mut out = Wtf8Buf::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            if c == '\r' {
                // Newlines in source are normalized to \n.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n' as u32);
                continue;
            }
            out.push(c as u32);
            continue;
        }
        let Some(e) = chars.next() else { return None };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\' as u32),
            '\'' => out.push('\'' as u32),
            '"' => out.push('"' as u32),
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(10),
            'r' => out.push(13),
            't' => out.push(9),
            'v' => out.push(11),
            '0'..='7' => {
                let mut v = e.to_digit(8)?;
                for _ in 0..2 {
                    match chars.peek() {
                        Some(d) if d.is_digit(8) => {
                            v = v * 8 + d.to_digit(8)?;
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(v);
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                for _ in 0..n {
                    let d = chars.next()?.to_digit(16)?;
                    v = v.checked_mul(16)?.checked_add(d)?;
                }
                if v > 0x10FFFF {
                    return None;
                }
                out.push(v);
            }
            'N' => {
                if chars.next()? != '{' {
                    return None;
                }
                let mut name = String::new();
                loop {
                    let ch = chars.next()?;
                    if ch == '}' {
                        break;
                    }
                    name.push(ch);
                }
                let ch = unicode_names2::character(&name)?;
                out.push(ch as u32);
            }
            other => {
                out.push('\\' as u32);
                out.push(other as u32);
            }
        }
    }
    Some(out)
}
