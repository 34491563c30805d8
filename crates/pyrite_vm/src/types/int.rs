//! The int type; CPython: Objects/longobject.c. Ints that fit in i64 are
//! `Value::Int` immediates; larger ones (and int-subclass instances) carry
//! `Payload::Int(BigInt)`. bool instances are `Value::Bool` and are ints too.
//!
//! Registration table (`init`): __add__ __radd__ __sub__ __rsub__ __mul__
//! __rmul__ __truediv__ __rtruediv__ __floordiv__ __rfloordiv__ __mod__ __rmod__
//! __divmod__ __rdivmod__ __pow__ __rpow__ __lshift__ __rlshift__ __rshift__
//! __rrshift__ __and__ __rand__ __or__ __ror__ __xor__ __rxor__ __neg__ __pos__
//! __abs__ __invert__ __bool__ __int__ __float__ __index__ __trunc__ __floor__
//! __ceil__ __round__ __hash__ __repr__ __format__ __eq__ __ne__ __lt__ __le__
//! __gt__ __ge__ __getnewargs__ __sizeof__ bit_length bit_count to_bytes
//! as_integer_ratio conjugate; classmethod from_bytes; static __new__;
//! getsets real imag numerator denominator. Builtins abs divmod pow round bin
//! oct hex.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::function::{Args, NativeFn};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// Default of `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: i64 = 4300;
/// `sys.int_info.str_digits_check_threshold`.
pub const STR_DIGITS_CHECK_THRESHOLD: i64 = 640;

/// Sets the int<->str digit limit (0 = unlimited). The caller validates `n`.
pub fn set_max_str_digits(vm: &mut Vm, n: i64) {
    vm.state.insert("int_max_str_digits", Value::Int(n));
}

/// The int<->str digit limit (0 = unlimited).
pub fn get_max_str_digits(vm: &Vm) -> i64 {
    match vm.state.get("int_max_str_digits") {
        Some(Value::Int(n)) => *n,
        _ => DEFAULT_MAX_STR_DIGITS,
    }
}

/// An int operand: immediate or big.
#[derive(Clone, Copy)]
pub enum IntVal<'a> {
    S(i64),
    B(&'a BigInt),
}

impl IntVal<'_> {
    pub fn big(&self) -> BigInt {
        match self {
            IntVal::S(i) => BigInt::from(*i),
            IntVal::B(b) => (*b).clone(),
        }
    }
    pub fn small(&self) -> Option<i64> {
        match self {
            IntVal::S(i) => Some(*i),
            IntVal::B(b) => b.to_i64(),
        }
    }
    pub fn is_neg(&self) -> bool {
        match self {
            IntVal::S(i) => *i < 0,
            IntVal::B(b) => b.sign() == Sign::Minus,
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            IntVal::S(i) => *i == 0,
            IntVal::B(b) => b.is_zero(),
        }
    }
}

/// The int value of an int, bool or int-subclass instance.
#[inline]
pub fn int_val(v: &Value) -> Option<IntVal<'_>> {
    match v {
        Value::Int(i) => Some(IntVal::S(*i)),
        Value::Bool(b) => Some(IntVal::S(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(n) => Some(IntVal::B(n)),
            _ => None,
        },
        _ => None,
    }
}

/// The value of an int as a BigInt, if `v` is an int.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    int_val(v).map(|i| i.big())
}

/// True if `v` is an int (including bool and subclasses).
pub fn is_int(v: &Value) -> bool {
    int_val(v).is_some()
}

// ----- conversions ------------------------------------------------------------

/// 2**k exactly, for -1074 <= k <= 1023.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// `x * 2**e` with a single rounding.
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, fe) = crate::hash::frexp(x);
    let ne = (fe as i64).saturating_add(e);
    if ne > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if ne >= -1021 {
        return (m * 2.0) * pow2(ne - 1);
    }
    if ne < -1074 {
        return 0f64.copysign(x);
    }
    m * pow2(ne)
}

/// A BigInt to the nearest float (round-half-even); None on overflow.
pub fn big_to_f64_opt(n: &BigInt) -> Option<f64> {
    let bits = n.bits();
    let neg = n.sign() == Sign::Minus;
    let mag = n.magnitude();
    let f = if bits <= 64 {
        mag.to_u64().unwrap_or(0) as f64
    } else {
        let shift = bits - 64;
        let top = (mag >> shift).to_u64().unwrap_or(0);
        let sticky = mag.trailing_zeros().map(|t| t < shift).unwrap_or(false);
        let f = (top | sticky as u64) as f64;
        if shift > 2000 {
            return None;
        }
        ldexp(f, shift as i64)
    };
    if f.is_infinite() {
        return None;
    }
    Some(if neg { -f } else { f })
}

/// A BigInt to float, OverflowError "int too large to convert to float".
pub fn big_to_f64(vm: &mut Vm, n: &BigInt) -> PyResult<f64> {
    big_to_f64_opt(n).ok_or_else(|| vm.overflow_error("int too large to convert to float"))
}

/// An int value to float.
pub fn int_to_f64(vm: &mut Vm, v: IntVal) -> PyResult<f64> {
    match v {
        IntVal::S(i) => Ok(i as f64),
        IntVal::B(b) => big_to_f64(vm, b),
    }
}

fn limit_error_to_str(vm: &mut Vm, limit: i64) -> crate::error::PyErr {
    vm.value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        limit
    ))
}

/// Decimal text of `n`, honouring the int<->str digit limit.
pub fn int_to_decimal(vm: &mut Vm, n: &BigInt) -> PyResult<String> {
    let limit = get_max_str_digits(vm);
    let bits = n.bits();
    if limit > 0 && bits > 2000 {
        // At least floor((bits - 1) * log10(2)) + 1 digits.
        let min_digits = ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as i64 + 1;
        if min_digits > limit + 1 {
            return Err(limit_error_to_str(vm, limit));
        }
    }
    let s = n.to_string();
    if limit > 0 {
        let nd = s.len() as i64 - (n.sign() == Sign::Minus) as i64;
        if nd > limit && nd > STR_DIGITS_CHECK_THRESHOLD {
            return Err(limit_error_to_str(vm, limit));
        }
    }
    Ok(s)
}

/// `repr(int)` text.
pub fn int_repr_string(vm: &mut Vm, v: IntVal) -> PyResult<String> {
    match v {
        IntVal::S(i) => Ok(i.to_string()),
        IntVal::B(b) => int_to_decimal(vm, b),
    }
}

/// Maps a Unicode decimal digit to its value (CPython accepts them in int()/float()).
pub fn unicode_digit(c: char) -> Option<u32> {
    const STARTS: &[u32] = &[
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
        0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50,
        0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x11066, 0x1D7CE, 0x1D7D8,
        0x1D7E2, 0x1D7EC, 0x1D7F6,
    ];
    let c = c as u32;
    for &s in STARTS {
        if c >= s && c < s + 10 {
            return Some(c - s);
        }
    }
    None
}

/// Normalises Unicode digits and spaces to ASCII (as
/// `_PyUnicode_TransformDecimalAndSpaceToASCII`); None if a char is not mappable.
pub fn to_ascii_numeric(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if let Some(d) = unicode_digit(c) {
                char::from_digit(d, 10).unwrap_or('?')
            } else if c.is_whitespace() {
                ' '
            } else {
                '?'
            }
        })
        .collect()
}

/// Parses the text of an int in `base` (0 = from prefix). `orig` is the repr
/// shown in the error message.
pub fn parse_int(vm: &mut Vm, text: &str, base: u32, orig_repr: &str) -> PyResult<Value> {
    let bad = |vm: &mut Vm| vm.value_error(format!("invalid literal for int() with base {}: {}", base, orig_repr));
    let ascii = to_ascii_numeric(text);
    let s = ascii.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x1c' || c == '\x1d' || c == '\x1e' || c == '\x1f');
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let b = s.as_bytes();
    let mut base = base;
    let mut pos = 0;
    let mut after_prefix = false;
    if b.len() >= 2 && b[0] == b'0' {
        let p = b[1].to_ascii_lowercase();
        let pb = match p {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            base = pb;
            pos = 2;
            after_prefix = true;
        }
    }
    let zero_rule = base == 0;
    if base == 0 {
        base = 10;
    }
    let mut digits: Vec<u8> = Vec::with_capacity(b.len());
    let mut us_at_start = after_prefix; // an underscore may follow the prefix
    let mut last_was_digit = false;
    for &c in &b[pos..] {
        if c == b'_' {
            if !(last_was_digit || (digits.is_empty() && us_at_start)) {
                return Err(bad(vm));
            }
            us_at_start = false;
            last_was_digit = false;
            continue;
        }
        let d = match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'a'..=b'z' => (c - b'a') as u32 + 10,
            b'A'..=b'Z' => (c - b'A') as u32 + 10,
            _ => return Err(bad(vm)),
        };
        if d >= base {
            return Err(bad(vm));
        }
        digits.push(c);
        last_was_digit = true;
    }
    if digits.is_empty() || !last_was_digit {
        return Err(bad(vm));
    }
    if zero_rule && !after_prefix && digits[0] == b'0' && digits.iter().any(|&d| d != b'0') {
        return Err(bad(vm));
    }
    if !base.is_power_of_two() {
        let limit = get_max_str_digits(vm);
        let nd = digits.len() as i64;
        if limit > 0 && nd > STR_DIGITS_CHECK_THRESHOLD && nd > limit {
            return Err(vm.value_error(format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                limit, nd
            )));
        }
    }
    if digits.len() <= 18 && base == 10 {
        let mut v: i64 = 0;
        for &d in &digits {
            v = v * 10 + (d - b'0') as i64;
        }
        return Ok(Value::Int(if neg { -v } else { v }));
    }
    match BigInt::parse_bytes(&digits, base) {
        Some(n) => Ok(vm.new_int(if neg { -n } else { n })),
        None => Err(bad(vm)),
    }
}

// ----- arithmetic -------------------------------------------------------------

/// Binary int operations.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Op {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    DivMod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

/// Correctly rounded `a / b` for ints.
pub fn true_divide(vm: &mut Vm, a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        return Err(vm.zero_division("division by zero"));
    }
    let neg = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let sgn = |f: f64| if neg { -f } else { f };
    if a.is_zero() {
        return Ok(sgn(0.0));
    }
    let (ma, mb) = (a.magnitude(), b.magnitude());
    if ma.bits() <= 53 && mb.bits() <= 53 {
        let x = ma.to_u64().unwrap_or(0) as f64 / mb.to_u64().unwrap_or(1) as f64;
        return Ok(sgn(x));
    }
    let diff = ma.bits() as i64 - mb.bits() as i64;
    if diff > 1025 {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    if diff < -1080 {
        return Ok(sgn(0.0));
    }
    // Scale so the quotient has 55 or 56 bits (or fewer for subnormals).
    let mut shift = diff - 55; // result ~ q * 2**shift
    if diff - 1 < -1022 {
        // Subnormal: keep two bits below 2**-1074.
        shift = -1074 - 2;
    }
    let (num, den) = if shift >= 0 {
        (ma.clone(), mb << (shift as u64))
    } else {
        (ma << ((-shift) as u64), mb.clone())
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    let f = ldexp(q as f64, shift);
    if f.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(sgn(f))
}

fn shift_count(vm: &mut Vm, b: IntVal) -> PyResult<Option<u64>> {
    if b.is_neg() {
        return Err(vm.value_error("negative shift count"));
    }
    Ok(match b {
        IntVal::S(i) => Some(i as u64),
        IntVal::B(n) => n.to_u64(),
    })
}

/// `a ** b` for ints (b may be negative: float result).
pub fn int_pow(vm: &mut Vm, a: IntVal, b: IntVal) -> PyResult<Value> {
    if b.is_neg() {
        let x = int_to_f64(vm, a)?;
        let y = int_to_f64(vm, b)?;
        return crate::types::float::float_pow(vm, x, y);
    }
    if let (IntVal::S(x), Some(y)) = (a, b.small()) {
        if let Ok(y32) = u32::try_from(y) {
            if let Some(r) = x.checked_pow(y32) {
                return Ok(Value::Int(r));
            }
        }
    }
    let base = a.big();
    if base.is_zero() {
        return Ok(Value::Int(if b.is_zero() { 1 } else { 0 }));
    }
    if base.is_one() {
        return Ok(Value::Int(1));
    }
    if base == BigInt::from(-1) {
        let odd = match b {
            IntVal::S(i) => i & 1 == 1,
            IntVal::B(n) => n.is_odd(),
        };
        return Ok(Value::Int(if odd { -1 } else { 1 }));
    }
    let Some(e) = b.small().and_then(|e| u32::try_from(e).ok()) else {
        return Err(vm.memory_error());
    };
    if (base.bits() as u128) * (e as u128) > (1u128 << 36) {
        return Err(vm.memory_error());
    }
    Ok(vm.new_int(num_traits::Pow::pow(&base, e)))
}

/// `pow(a, b, m)` for ints.
pub fn int_pow_mod(vm: &mut Vm, a: IntVal, b: IntVal, m: IntVal) -> PyResult<Value> {
    let m = m.big();
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let mm = m.abs();
    let mut base = a.big().mod_floor(&mm);
    let mut e = b.big();
    if e.sign() == Sign::Minus {
        let g = base.extended_gcd(&mm);
        if !g.gcd.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        base = g.x.mod_floor(&mm);
        e = -e;
    }
    let mut r = if mm.is_one() { BigInt::zero() } else { base.modpow(&e, &mm) };
    if m.sign() == Sign::Minus && !r.is_zero() {
        r -= &mm;
    }
    Ok(vm.new_int(r))
}

/// `a <op> b` for two ints.
pub fn int_binop(vm: &mut Vm, op: Op, a: IntVal, b: IntVal) -> PyResult<Value> {
    if let (IntVal::S(x), IntVal::S(y)) = (a, b) {
        let r = match op {
            Op::Add => x.checked_add(y),
            Op::Sub => x.checked_sub(y),
            Op::Mul => x.checked_mul(y),
            Op::And => Some(x & y),
            Op::Or => Some(x | y),
            Op::Xor => Some(x ^ y),
            Op::FloorDiv | Op::Mod | Op::DivMod if y == 0 => {
                let msg = if op == Op::Mod { "integer modulo by zero" } else { "integer division or modulo by zero" };
                return Err(vm.zero_division(msg));
            }
            Op::FloorDiv if !(x == i64::MIN && y == -1) => Some(Integer::div_floor(&x, &y)),
            Op::Mod if y != -1 => Some(x.mod_floor(&y)),
            Op::Mod => Some(0),
            Op::DivMod if !(x == i64::MIN && y == -1) => {
                let (q, r) = x.div_mod_floor(&y);
                return Ok(vm.new_tuple(vec![Value::Int(q), Value::Int(r)]));
            }
            Op::TrueDiv => {
                if y == 0 {
                    return Err(vm.zero_division("division by zero"));
                }
                if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
                    return Ok(Value::Float(x as f64 / y as f64));
                }
                None
            }
            Op::RShift if y >= 0 => Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y }),
            Op::LShift if (0..64).contains(&y) => {
                let r = x.checked_shl(y as u32);
                match r {
                    Some(r) if (r >> y) == x => Some(r),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Value::Int(r));
        }
    }
    match op {
        Op::Pow => return int_pow(vm, a, b),
        Op::TrueDiv => {
            let f = true_divide(vm, &a.big(), &b.big())?;
            return Ok(Value::Float(f));
        }
        Op::LShift => {
            let Some(n) = shift_count(vm, b)? else {
                if a.is_zero() {
                    return Ok(Value::Int(0));
                }
                return Err(vm.memory_error());
            };
            if a.is_zero() {
                return Ok(Value::Int(0));
            }
            if n > (1 << 36) {
                return Err(vm.memory_error());
            }
            return Ok(vm.new_int(a.big() << n));
        }
        Op::RShift => {
            let n = shift_count(vm, b)?;
            let x = a.big();
            let r = match n {
                Some(n) if n < x.bits() + 1 => x >> n,
                _ => BigInt::from(if x.sign() == Sign::Minus { -1 } else { 0 }),
            };
            return Ok(vm.new_int(r));
        }
        _ => {}
    }
    let (x, y) = (a.big(), b.big());
    let r = match op {
        Op::Add => x + y,
        Op::Sub => x - y,
        Op::Mul => x * y,
        Op::And => x & y,
        Op::Or => x | y,
        Op::Xor => x ^ y,
        Op::FloorDiv | Op::Mod | Op::DivMod => {
            if y.is_zero() {
                let msg = if op == Op::Mod { "integer modulo by zero" } else { "integer division or modulo by zero" };
                return Err(vm.zero_division(msg));
            }
            let (q, r) = x.div_mod_floor(&y);
            match op {
                Op::FloorDiv => q,
                Op::Mod => r,
                _ => {
                    let (q, r) = (vm.new_int(q), vm.new_int(r));
                    return Ok(vm.new_tuple(vec![q, r]));
                }
            }
        }
        _ => return Err(vm.system_error("bad int op")),
    };
    Ok(vm.new_int(r))
}

// ----- methods ----------------------------------------------------------------

fn self_int<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<IntVal<'a>> {
    match args.args.first() {
        Some(v) => match int_val(v) {
            Some(i) => Ok(i),
            None => Err(vm.descriptor_error(name, "int", Some(v))),
        },
        None => Err(vm.descriptor_error(name, "int", None)),
    }
}

fn other_arg<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.args.len().saturating_sub(1))));
    }
    let _ = name;
    Ok(&args.args[1])
}

fn binop(vm: &mut Vm, args: Args, op: Op, rev: bool, name: &str) -> PyResult<Value> {
    let a = self_int(vm, &args, name)?;
    let o = other_arg(vm, &args, name)?;
    let Some(b) = int_val(o) else { return Ok(vm.not_implemented()) };
    if rev {
        int_binop(vm, op, b, a)
    } else {
        int_binop(vm, op, a, b)
    }
}

macro_rules! binops {
    ($($f:ident, $rf:ident, $op:expr, $n:literal, $rn:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> { binop(vm, args, $op, false, $n) }
            fn $rf(vm: &mut Vm, args: Args) -> PyResult<Value> { binop(vm, args, $op, true, $rn) }
        )*
    };
}

binops! {
    int_add, int_radd, Op::Add, "__add__", "__radd__";
    int_sub, int_rsub, Op::Sub, "__sub__", "__rsub__";
    int_mul, int_rmul, Op::Mul, "__mul__", "__rmul__";
    int_truediv, int_rtruediv, Op::TrueDiv, "__truediv__", "__rtruediv__";
    int_floordiv, int_rfloordiv, Op::FloorDiv, "__floordiv__", "__rfloordiv__";
    int_mod, int_rmod, Op::Mod, "__mod__", "__rmod__";
    int_divmod, int_rdivmod, Op::DivMod, "__divmod__", "__rdivmod__";
    int_lshift, int_rlshift, Op::LShift, "__lshift__", "__rlshift__";
    int_rshift, int_rrshift, Op::RShift, "__rshift__", "__rrshift__";
    int_and, int_rand, Op::And, "__and__", "__rand__";
    int_or, int_ror, Op::Or, "__or__", "__ror__";
    int_xor, int_rxor, Op::Xor, "__xor__", "__rxor__";
}

fn pow_impl(vm: &mut Vm, args: Args, rev: bool) -> PyResult<Value> {
    let name = if rev { "__rpow__" } else { "__pow__" };
    let a = self_int(vm, &args, name)?;
    if args.args.len() < 2 || args.args.len() > 3 {
        return Err(vm.type_error(format!("expected 1 or 2 arguments, got {}", args.args.len().saturating_sub(1))));
    }
    let Some(b) = int_val(&args.args[1]) else { return Ok(vm.not_implemented()) };
    let (a, b) = if rev { (b, a) } else { (a, b) };
    match args.args.get(2) {
        None | Some(Value::None) => int_binop(vm, Op::Pow, a, b),
        Some(m) => match int_val(m) {
            Some(m) => int_pow_mod(vm, a, b, m),
            None => Ok(vm.not_implemented()),
        },
    }
}

fn int_pow_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, args, false)
}

fn int_rpow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, args, true)
}

fn exact(vm: &mut Vm, v: IntVal) -> Value {
    match v {
        IntVal::S(i) => Value::Int(i),
        IntVal::B(b) => vm.new_int(b.clone()),
    }
}

fn int_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__neg__")?;
    Ok(match a {
        IntVal::S(i) if i != i64::MIN => Value::Int(-i),
        _ => vm.new_int(-a.big()),
    })
}

fn int_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__pos__")?;
    Ok(exact(vm, a))
}

fn int_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__abs__")?;
    Ok(match a {
        IntVal::S(i) if i != i64::MIN => Value::Int(i.abs()),
        _ => vm.new_int(a.big().abs()),
    })
}

fn int_invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__invert__")?;
    Ok(match a {
        IntVal::S(i) => Value::Int(!i),
        _ => vm.new_int(!a.big()),
    })
}

fn int_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__bool__")?;
    Ok(Value::Bool(!a.is_zero()))
}

fn int_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__int__")?;
    Ok(exact(vm, a))
}

fn int_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__float__")?;
    Ok(Value::Float(int_to_f64(vm, a)?))
}

fn int_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__round__")?;
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", args.args.len() - 1)));
    }
    let Some(nd) = args.args.get(1) else { return Ok(exact(vm, a)) };
    let nd = vm.index(nd)?;
    let nd = to_bigint(&nd).unwrap_or_default();
    if nd.sign() != Sign::Minus {
        return Ok(exact(vm, a));
    }
    let x = a.big();
    let Some(k) = (-nd).to_u32() else { return Ok(Value::Int(0)) };
    if (k as u64) > x.bits() / 3 + 2 {
        return Ok(Value::Int(0));
    }
    let p = num_traits::Pow::pow(&BigInt::from(10), k);
    let (q, r) = x.div_mod_floor(&p);
    let twice = &r * 2;
    let mut res = &x - &r;
    if twice > p || (twice == p && q.is_odd()) {
        res += &p;
    }
    Ok(vm.new_int(res))
}

fn int_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__hash__")?;
    Ok(Value::Int(match a {
        IntVal::S(i) => crate::hash::hash_i64(i),
        IntVal::B(b) => crate::hash::hash_bigint(b),
    }))
}

fn int_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__repr__")?;
    let s = int_repr_string(vm, a)?;
    Ok(vm.new_str(&s))
}

fn int_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__format__")?;
    let spec = match args.args.get(1) {
        Some(Value::Obj(o)) if o.as_str().is_some() => o.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default(),
        Some(v) => return Err(vm.type_error(format!("__format__() argument must be str, not {}", vm.type_name(v)))),
        None => return Err(vm.type_error("__format__() takes exactly one argument (0 given)")),
    };
    if spec.is_empty() {
        // str(self): bool shows True/False.
        let s = args.args[0].clone();
        let r = vm.str(&s)?;
        return Ok(Value::Obj(r));
    }
    let n = a.big();
    let tname = vm.type_name(&args.args[0]);
    let s = crate::types::numfmt::format_int(vm, &n, &spec, &tname)?;
    Ok(vm.new_str(&s))
}

fn int_cmp(vm: &mut Vm, args: Args, name: &str, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    let a = self_int(vm, &args, name)?;
    let o = other_arg(vm, &args, name)?;
    let Some(b) = int_val(o) else { return Ok(vm.not_implemented()) };
    let ord = match (a, b) {
        (IntVal::S(x), IntVal::S(y)) => x.cmp(&y),
        _ => a.big().cmp(&b.big()),
    };
    Ok(Value::Bool(f(ord)))
}

fn int_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_cmp(vm, args, "__eq__", |o| o.is_eq())
}
fn int_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_cmp(vm, args, "__ne__", |o| o.is_ne())
}
fn int_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_cmp(vm, args, "__lt__", |o| o.is_lt())
}
fn int_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_cmp(vm, args, "__le__", |o| o.is_le())
}
fn int_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_cmp(vm, args, "__gt__", |o| o.is_gt())
}
fn int_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_cmp(vm, args, "__ge__", |o| o.is_ge())
}

fn int_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__getnewargs__")?;
    let v = exact(vm, a);
    Ok(vm.new_tuple(vec![v]))
}

fn int_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "__sizeof__")?;
    let bits = a.big().magnitude().bits();
    let ndigits = bits.div_ceil(30).max(1);
    Ok(Value::Int(24 + 4 * ndigits as i64))
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "bit_length")?;
    Ok(Value::Int(match a {
        IntVal::S(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        IntVal::B(b) => b.bits() as i64,
    }))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "bit_count")?;
    Ok(Value::Int(match a {
        IntVal::S(i) => i.unsigned_abs().count_ones() as i64,
        IntVal::B(b) => b.magnitude().iter_u64_digits().map(|d| d.count_ones() as i64).sum(),
    }))
}

fn byteorder_arg(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else { return Ok(true) };
    let s = match v.as_obj().and_then(|o| o.as_str()) {
        Some(s) => s.as_str_lossy().into_owned(),
        None => {
            return Err(vm.type_error(format!("{}() argument 'byteorder' must be str, not {}", fname, vm.type_name(v))))
        }
    };
    match s.as_str() {
        "big" => Ok(true),
        "little" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "to_bytes")?.big();
    let kw = crate::builtins::kwargs_of(vm, "to_bytes", args.kwargs, &["length", "byteorder", "signed"])?;
    let pos = &args.args[1..];
    if pos.len() > 2 {
        return Err(vm.type_error(format!("to_bytes() takes at most 2 positional arguments ({} given)", pos.len())));
    }
    let length = match pos.first().or(kw[0].as_ref()) {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    let big = byteorder_arg(vm, pos.get(1).or(kw[1].as_ref()), "to_bytes")?;
    let signed = match &kw[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    if !signed && a.sign() == Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let mut bytes = a.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && *bytes.last().unwrap_or(&1) == 0 {
        bytes.pop();
    }
    if a.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    if length > (1 << 32) {
        return Err(vm.memory_error());
    }
    let fillb = if a.sign() == Sign::Minus { 0xff } else { 0 };
    bytes.resize(length, fillb);
    if big {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Obj(o) = v {
        match &o.payload {
            Payload::Bytes(b) => return Ok(b.to_vec()),
            Payload::ByteArray(b) => return Ok(b.borrow().clone()),
            _ => {}
        }
    }
    let bname = vm.intern("__bytes__");
    if let Some(bf) = vm.get_attr_opt(v, &bname)? {
        let r = vm.call(&bf, &[], &[])?;
        if let Some(Payload::Bytes(b)) = r.as_obj().map(|o| &o.payload) {
            return Ok(b.to_vec());
        }
    }
    let items = match vm.collect(v) {
        Ok(i) => i,
        Err(_) => {
            return Err(vm.type_error(format!("cannot convert '{}' object to bytes", vm.type_name(v))));
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = vm.index_i64(&it)?;
        if !(0..256).contains(&i) {
            return Err(vm.value_error("bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(out)
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.args[0].clone();
    let kw = crate::builtins::kwargs_of(vm, "from_bytes", args.kwargs, &["bytes", "byteorder", "signed"])?;
    let pos = &args.args[1..];
    let Some(data) = pos.first().or(kw[0].as_ref()).cloned() else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let big = byteorder_arg(vm, pos.get(1).or(kw[1].as_ref()), "from_bytes")?;
    let signed = match &kw[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let mut b = bytes_of(vm, &data)?;
    if big {
        b.reverse();
    }
    let n = if signed { BigInt::from_signed_bytes_le(&b) } else { BigInt::from_bytes_le(Sign::Plus, &b) };
    let v = vm.new_int(n);
    if let Value::Obj(c) = &cls {
        if !Rc::ptr_eq(c, &vm.types.int) {
            return vm.call(&cls, &[v], &[]);
        }
    }
    Ok(v)
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "as_integer_ratio")?;
    let v = exact(vm, a);
    Ok(vm.new_tuple(vec![v, Value::Int(1)]))
}

fn int_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_int(vm, &args, "conjugate")?;
    Ok(exact(vm, a))
}

fn get_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match int_val(v) {
        Some(a) => Ok(exact(vm, a)),
        None => Err(vm.type_error("descriptor requires an int")),
    }
}

fn get_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn get_one(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(1))
}

/// `int(x)` semantics for one argument, returning an exact int.
pub fn int_from_object(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(f) => return float_to_int(vm, *f),
        Value::Obj(o) => {
            if Rc::ptr_eq(o.class(), &vm.types.int) {
                return Ok(x.clone());
            }
            match &o.payload {
                Payload::Str(s) => {
                    let t = s.as_str_lossy().into_owned();
                    let r = str_repr_trunc(vm, x)?;
                    return parse_int(vm, &t, 10, &r);
                }
                Payload::Bytes(_) | Payload::ByteArray(_) => {
                    let b = bytes_of(vm, x)?;
                    let t = String::from_utf8_lossy(&b).into_owned();
                    let r = vm.repr_string(x)?;
                    return parse_int(vm, &t, 10, &r);
                }
                _ => {}
            }
        }
        _ => {}
    }
    let name = vm.intern("__int__");
    if let Some(r) = vm.call_special(x, &name, &[])? {
        return match int_val(&r) {
            Some(_) => {
                if !matches!(&r, Value::Int(_)) && !matches!(&r, Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.int)) {
                    let msg = format!(
                        "__int__ returned non-int (type {}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.",
                        vm.type_name(&r)
                    );
                    deprecation_warning(vm, &msg)?;
                    let i = to_bigint(&r).unwrap_or_default();
                    return Ok(vm.new_int(i));
                }
                Ok(r.clone())
            }
            None => Err(vm.type_error(format!("__int__ returned non-int (type {})", vm.type_name(&r)))),
        };
    }
    let iname = vm.names.__index__.clone();
    if vm.lookup_special(x, &iname).is_some() {
        let r = vm.index(x)?;
        let i = int_val(&r).map(|i| i.big()).unwrap_or_default();
        return Ok(vm.new_int(i));
    }
    let tname = vm.intern("__trunc__");
    if vm.lookup_special(x, &tname).is_some() {
        deprecation_warning(vm, "The delegation of int() to __trunc__ is deprecated.")?;
    }
    if let Some(r) = vm.call_special(x, &tname, &[])? {
        if let Some(i) = int_val(&r) {
            return Ok(exact(vm, i));
        }
        let iname = vm.names.__index__.clone();
        if vm.lookup_special(&r, &iname).is_none() {
            return Err(vm.type_error(format!("__trunc__ returned non-Integral (type {})", vm.type_name(&r))));
        }
        let r2 = vm.index(&r)?;
        let i = to_bigint(&r2).unwrap_or_default();
        return Ok(vm.new_int(i));
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

/// Issues a DeprecationWarning attributed to the calling Python code.
pub fn deprecation_warning(vm: &mut Vm, msg: &str) -> PyResult<()> {
    let m = vm.import_module("_warnings")?;
    let warn = vm.get_attr_str(&m, "warn")?;
    let text = vm.new_str(msg);
    let cat = Value::Obj(vm.exc.deprecation_warning.clone());
    vm.call(&warn, &[text, cat, Value::Int(1)], &[])?;
    Ok(())
}

/// repr of a str for error messages, cut at 200 characters as CPython does.
fn str_repr_trunc(vm: &mut Vm, x: &Value) -> PyResult<String> {
    if let Some(s) = x.as_obj().and_then(|o| o.as_str()) {
        if s.len() > 200 {
            let cut: String = s.as_str_lossy().chars().take(200).collect();
            let v = vm.new_str(&cut);
            return vm.repr_string(&v);
        }
    }
    vm.repr_string(x)
}

/// `int(f)` for a float.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    use num_traits::FromPrimitive;
    Ok(vm.new_int(BigInt::from_f64(t).unwrap_or_default()))
}

fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("int.__new__(X): X is not a type object")),
    };
    let pos = &args.args[1..];
    let mut base: Option<Value> = None;
    for (k, v) in args.kwargs {
        let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        if ks == "base" {
            base = Some(v.clone());
        } else {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for int()", ks)));
        }
    }
    if pos.len() > 2 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({} given)", pos.len())));
    }
    if pos.len() == 2 {
        if base.is_some() {
            return Err(vm.type_error("argument for int() given by name ('base') and position (2)"));
        }
        base = Some(pos[1].clone());
    }
    let v = match (pos.first(), base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_from_object(vm, x)?,
        (Some(x), Some(b)) => {
            let b = vm.index(&b)?;
            let bi = match int_val(&b).and_then(|i| i.small()) {
                Some(i) if i == 0 || (2..=36).contains(&i) => i as u32,
                _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            match x.as_obj().map(|o| &o.payload) {
                Some(Payload::Str(s)) => {
                    let t = s.as_str_lossy().into_owned();
                    let r = str_repr_trunc(vm, x)?;
                    parse_int(vm, &t, bi, &r)?
                }
                Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                    let bytes = bytes_of(vm, x)?;
                    let t = String::from_utf8_lossy(&bytes).into_owned();
                    let r = vm.repr_string(x)?;
                    parse_int(vm, &t, bi, &r)?
                }
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
    };
    if Rc::ptr_eq(&cls, &vm.types.int) {
        return Ok(v);
    }
    if !vm.is_subtype(&cls, &vm.types.int) {
        let n = cls.as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.type_error(format!("int.__new__({}): {} is not a subtype of int", n, n)));
    }
    let n = to_bigint(&v).unwrap_or_default();
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &cls, Payload::Int(n))))
}

// ----- builtins ---------------------------------------------------------------

fn builtin_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "abs", &args, 1, 1)?;
    let x = &args.args[0];
    match x {
        Value::Int(i) if *i != i64::MIN => return Ok(Value::Int(i.abs())),
        Value::Float(f) => return Ok(Value::Float(f.abs())),
        _ => {}
    }
    let name = vm.intern("__abs__");
    match vm.call_special(x, &name, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(x)))),
    }
}

fn builtin_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "divmod", &args, 2, 2)?;
    let (a, b) = (&args.args[0], &args.args[1]);
    if let (Some(x), Some(y)) = (int_val(a), int_val(b)) {
        if matches!(a, Value::Int(_) | Value::Bool(_)) && matches!(b, Value::Int(_) | Value::Bool(_)) {
            return int_binop(vm, Op::DivMod, x, y);
        }
    }
    let (l, r) = (vm.intern("__divmod__"), vm.intern("__rdivmod__"));
    match vm.binary_op1(a, b, &l, &r)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        ))),
    }
}

fn builtin_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "pow", args.kwargs, &["base", "exp", "mod"])?;
    if args.args.len() > 3 {
        return Err(vm.type_error(format!("pow expected at most 3 arguments, got {}", args.args.len())));
    }
    let get = |i: usize| args.args.get(i).cloned().or_else(|| kw[i].clone());
    let Some(a) = get(0) else { return Err(vm.type_error("pow() missing required argument 'base' (pos 1)")) };
    let Some(b) = get(1) else { return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)")) };
    let m = get(2).unwrap_or(Value::None);
    if m.is_none() {
        return vm.binary_op(&a, &b, pyrite_bytecode::opcode::BinaryOp::Power);
    }
    if let (Some(x), Some(y), Some(z)) = (int_val(&a), int_val(&b), int_val(&m)) {
        return int_pow_mod(vm, x, y, z);
    }
    let num = |v: &Value| is_int(v) || matches!(v, Value::Float(_)) || matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Float(_) | Payload::Complex { .. }));
    if num(&a) && num(&b) {
        // The first numeric slot that accepts the operands decides: float's
        // rejects a modulus outright, complex's says "complex modulo".
        let a_float = crate::types::float::float_val(&a).is_some();
        let b_float = crate::types::float::float_val(&b).is_some();
        let a_complex = crate::types::complex::is_complex(&a);
        if !a_float && (a_complex || (!b_float && crate::types::complex::is_complex(&b))) {
            return Err(vm.value_error("complex modulo"));
        }
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let pn = vm.names.__pow__.clone();
    if let Some(r) = vm.call_special(&a, &pn, &[b.clone(), m.clone()])? {
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(&a),
        vm.type_name(&b),
        vm.type_name(&m)
    )))
}

fn builtin_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "round", args.kwargs, &["number", "ndigits"])?;
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("round() takes at most 2 arguments ({} given)", args.args.len())));
    }
    let Some(x) = args.args.first().cloned().or_else(|| kw[0].clone()) else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = args.args.get(1).cloned().or_else(|| kw[1].clone()).unwrap_or(Value::None);
    let name = vm.intern("__round__");
    if vm.lookup_special(&x, &name).is_none() {
        return Err(vm.type_error(format!("type {} doesn't define __round__ method", vm.type_name(&x))));
    }
    let r = if nd.is_none() { vm.call_special(&x, &name, &[])? } else { vm.call_special(&x, &name, &[nd])? };
    Ok(r.unwrap_or(Value::None))
}

fn radix_repr(vm: &mut Vm, args: Args, fname: &str, radix: u32, prefix: &str) -> PyResult<Value> {
    crate::builtins::check_args(vm, fname, &args, 1, 1)?;
    let v = vm.index(&args.args[0])?;
    let n = to_bigint(&v).unwrap_or_default();
    let s = format!("{}{}{}", if n.sign() == Sign::Minus { "-" } else { "" }, prefix, n.magnitude().to_str_radix(radix));
    Ok(vm.new_str(&s))
}

fn builtin_bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_repr(vm, args, "bin", 2, "0b")
}
fn builtin_oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_repr(vm, args, "oct", 8, "0o")
}
fn builtin_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_repr(vm, args, "hex", 16, "0x")
}

/// Registers int's methods, the numeric builtins and the digit-limit state.
pub fn init(vm: &mut Vm) {
    let t: PyRef = vm.types.int.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("__add__", int_add),
        ("__radd__", int_radd),
        ("__sub__", int_sub),
        ("__rsub__", int_rsub),
        ("__mul__", int_mul),
        ("__rmul__", int_rmul),
        ("__truediv__", int_truediv),
        ("__rtruediv__", int_rtruediv),
        ("__floordiv__", int_floordiv),
        ("__rfloordiv__", int_rfloordiv),
        ("__mod__", int_mod),
        ("__rmod__", int_rmod),
        ("__divmod__", int_divmod),
        ("__rdivmod__", int_rdivmod),
        ("__pow__", int_pow_m),
        ("__rpow__", int_rpow),
        ("__lshift__", int_lshift),
        ("__rlshift__", int_rlshift),
        ("__rshift__", int_rshift),
        ("__rrshift__", int_rrshift),
        ("__and__", int_and),
        ("__rand__", int_rand),
        ("__or__", int_or),
        ("__ror__", int_ror),
        ("__xor__", int_xor),
        ("__rxor__", int_rxor),
        ("__neg__", int_neg),
        ("__pos__", int_pos),
        ("__abs__", int_abs),
        ("__invert__", int_invert),
        ("__bool__", int_bool),
        ("__int__", int_int),
        ("__float__", int_float),
        ("__index__", int_int),
        ("__trunc__", int_int),
        ("__floor__", int_int),
        ("__ceil__", int_int),
        ("__round__", int_round),
        ("__hash__", int_hash),
        ("__repr__", int_repr),
        ("__format__", int_format),
        ("__eq__", int_eq),
        ("__ne__", int_ne),
        ("__lt__", int_lt),
        ("__le__", int_le),
        ("__gt__", int_gt),
        ("__ge__", int_ge),
        ("__getnewargs__", int_getnewargs),
        ("__sizeof__", int_sizeof),
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("as_integer_ratio", int_as_integer_ratio),
        ("conjugate", int_conjugate),
    ];
    vm.add_methods(&t, methods);
    vm.add_classmethods(&t, &[("from_bytes", int_from_bytes)]);
    vm.add_staticmethods(&t, &[("__new__", int_new)]);
    vm.add_getsets(
        &t,
        &[
            GetSetDef { name: "real", get: get_real, set: None },
            GetSetDef { name: "imag", get: get_imag, set: None },
            GetSetDef { name: "numerator", get: get_real, set: None },
            GetSetDef { name: "denominator", get: get_one, set: None },
        ],
    );
    if !vm.state.contains_key("int_max_str_digits") {
        set_max_str_digits(vm, DEFAULT_MAX_STR_DIGITS);
    }
    let fns: &[(&'static str, NativeFn)] = &[
        ("abs", builtin_abs),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("round", builtin_round),
        ("bin", builtin_bin),
        ("oct", builtin_oct),
        ("hex", builtin_hex),
    ];
    let bd = vm.builtins_dict.clone();
    for &(name, f) in fns {
        let v = vm.new_builtin(name, f);
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&bd, &k, v);
    }
}
