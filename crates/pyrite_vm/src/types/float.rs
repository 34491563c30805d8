//! The float type; CPython: Objects/floatobject.c. Floats are `Value::Float`
//! immediates; float-subclass instances carry `Payload::Float`.
//!
//! Registration table (`init`): __add__ __radd__ __sub__ __rsub__ __mul__
//! __rmul__ __truediv__ __rtruediv__ __floordiv__ __rfloordiv__ __mod__ __rmod__
//! __divmod__ __rdivmod__ __pow__ __rpow__ __neg__ __pos__ __abs__ __bool__
//! __int__ __float__ __trunc__ __floor__ __ceil__ __round__ __hash__ __repr__
//! __format__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __getnewargs__
//! is_integer as_integer_ratio hex conjugate; classmethod fromhex; static
//! __new__; getsets real imag.

use crate::error::PyResult;
use crate::object::Payload;
use crate::types::descr::GetSetDef;
use crate::types::function::{Args, NativeFn};
use crate::types::int::{int_val, IntVal};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::rc::Rc;

/// The value of a float or float-subclass instance.
#[inline]
pub fn float_val(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

/// A float operand: float or int (converted, OverflowError if too large);
/// `Ok(None)` for other types.
pub fn as_float_operand(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = float_val(v) {
        return Ok(Some(f));
    }
    match int_val(v) {
        Some(i) => Ok(Some(crate::types::int::int_to_f64(vm, i)?)),
        None => Ok(None),
    }
}

fn range_error(vm: &mut Vm) -> crate::error::PyErr {
    let c = vm.exc.overflow_error.clone();
    let m = vm.new_str("Numerical result out of range");
    vm.new_exception(&c, vec![Value::Int(34), m])
}

/// `x ** y` for floats (a complex result for a negative base and a fractional exponent).
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    let is_odd = |w: f64| w.is_finite() && (w % 2.0).abs() == 1.0;
    if y == 0.0 {
        return Ok(Value::Float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let a = x.abs();
        return Ok(Value::Float(if a == 1.0 {
            1.0
        } else if (y > 0.0) == (a > 1.0) {
            y.abs()
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd(y);
        return Ok(Value::Float(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::Float(if is_odd(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return crate::types::complex::complex_pow(vm, (x, 0.0), (y, 0.0));
        }
        base = -x;
        negate = is_odd(y);
    }
    if base == 1.0 {
        return Ok(Value::Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(if negate { -r } else { r }))
}

/// Python's float `divmod`: (floor quotient, remainder with the divisor's sign).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(y);
    }
    let fd = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(x / y)
    };
    (fd, m)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    DivMod,
    Pow,
}

fn float_binop(vm: &mut Vm, op: FOp, x: f64, y: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        FOp::Add => x + y,
        FOp::Sub => x - y,
        FOp::Mul => x * y,
        FOp::Div => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        FOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        FOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        FOp::DivMod => {
            if y == 0.0 {
                return Err(vm.zero_division("float divmod()"));
            }
            let (d, m) = float_divmod(x, y);
            return Ok(vm.new_tuple(vec![Value::Float(d), Value::Float(m)]));
        }
        FOp::Pow => return float_pow(vm, x, y),
    }))
}

fn self_float(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    match args.args.first() {
        Some(v) => match float_val(v) {
            Some(f) => Ok(f),
            None => Err(vm.descriptor_error(name, "float", Some(v))),
        },
        None => Err(vm.descriptor_error(name, "float", None)),
    }
}

fn binop(vm: &mut Vm, args: Args, op: FOp, rev: bool, name: &str) -> PyResult<Value> {
    let a = self_float(vm, &args, name)?;
    let n = if op == FOp::Pow { 3 } else { 2 };
    if args.args.len() < 2 || args.args.len() > n {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.args.len().saturating_sub(1))));
    }
    if op == FOp::Pow && args.args.len() == 3 && !args.args[2].is_none() {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let Some(b) = as_float_operand(vm, &args.args[1])? else { return Ok(vm.not_implemented()) };
    if rev {
        float_binop(vm, op, b, a)
    } else {
        float_binop(vm, op, a, b)
    }
}

macro_rules! fbinops {
    ($($f:ident, $rf:ident, $op:expr, $n:literal, $rn:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> { binop(vm, args, $op, false, $n) }
            fn $rf(vm: &mut Vm, args: Args) -> PyResult<Value> { binop(vm, args, $op, true, $rn) }
        )*
    };
}

fbinops! {
    float_add, float_radd, FOp::Add, "__add__", "__radd__";
    float_sub, float_rsub, FOp::Sub, "__sub__", "__rsub__";
    float_mul, float_rmul, FOp::Mul, "__mul__", "__rmul__";
    float_truediv, float_rtruediv, FOp::Div, "__truediv__", "__rtruediv__";
    float_floordiv, float_rfloordiv, FOp::FloorDiv, "__floordiv__", "__rfloordiv__";
    float_mod, float_rmod, FOp::Mod, "__mod__", "__rmod__";
    float_divmod_m, float_rdivmod, FOp::DivMod, "__divmod__", "__rdivmod__";
    float_pow_m, float_rpow, FOp::Pow, "__pow__", "__rpow__";
}

/// Exact comparison of a float with an int; None if `f` is NaN.
pub fn cmp_float_int(f: f64, i: IntVal) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    if let Some(s) = i.small() {
        if s.unsigned_abs() < (1u64 << 53) {
            return f.partial_cmp(&(s as f64));
        }
    }
    let fl = f.floor();
    let fb = BigInt::from_f64(fl).unwrap_or_default();
    match fb.cmp(&i.big()) {
        Ordering::Equal => Some(if f > fl { Ordering::Greater } else { Ordering::Equal }),
        o => Some(o),
    }
}

fn float_cmp(vm: &mut Vm, args: Args, name: &str, f: fn(Ordering) -> bool) -> PyResult<Value> {
    let a = self_float(vm, &args, name)?;
    if args.args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.args.len().saturating_sub(1))));
    }
    let o = &args.args[1];
    let ord = if let Some(b) = float_val(o) {
        a.partial_cmp(&b)
    } else if let Some(i) = int_val(o) {
        cmp_float_int(a, i)
    } else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::Bool(match ord {
        Some(o) => f(o),
        None => name == "__ne__",
    }))
}

fn float_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_cmp(vm, args, "__eq__", |o| o.is_eq())
}
fn float_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_cmp(vm, args, "__ne__", |o| o.is_ne())
}
fn float_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_cmp(vm, args, "__lt__", |o| o.is_lt())
}
fn float_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_cmp(vm, args, "__le__", |o| o.is_le())
}
fn float_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_cmp(vm, args, "__gt__", |o| o.is_gt())
}
fn float_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    float_cmp(vm, args, "__ge__", |o| o.is_ge())
}

fn float_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(-self_float(vm, &args, "__neg__")?))
}
fn float_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args, "__pos__")?))
}
fn float_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args, "__abs__")?.abs()))
}
fn float_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(self_float(vm, &args, "__bool__")? != 0.0))
}
fn float_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args, "__float__")?))
}
fn float_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "__int__")?;
    crate::types::int::float_to_int(vm, f)
}
fn float_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "__floor__")?;
    crate::types::int::float_to_int(vm, f.floor())
}
fn float_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "__ceil__")?;
    crate::types::int::float_to_int(vm, f.ceil())
}

/// Decomposes a finite nonzero float into (mantissa, exponent) with x = m * 2**e exactly.
pub fn decompose(x: f64) -> (BigInt, i64) {
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
    let m = BigInt::from(m);
    (if neg { -m } else { m }, e)
}

/// `round(x, nd)`, correctly rounded half-even on the exact value.
pub fn round_float(x: f64, nd: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if nd > 330 {
        return x;
    }
    if nd < -330 {
        return 0.0 * x;
    }
    let (m, e) = decompose(x);
    let p10 = num_traits::Pow::pow(&BigInt::from(10), nd.unsigned_abs() as u32);
    // value * 10**nd = num / den
    let (mut num, mut den) = (m, BigInt::from(1));
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    if nd >= 0 {
        num *= &p10;
    } else {
        den *= &p10;
    }
    let (q, r) = num.div_mod_floor(&den);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&den) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    if q.is_zero() {
        return 0f64.copysign(x);
    }
    let res = if nd >= 0 {
        let tmp_vm_free = |a: &BigInt, b: &BigInt| -> f64 {
            // Correctly rounded a / b without a Vm (b > 0).
            let neg = a.sign() == Sign::Minus;
            let (ma, mb) = (a.magnitude(), b.magnitude());
            let diff = ma.bits() as i64 - mb.bits() as i64;
            let shift = if diff - 1 < -1022 { -1076 } else { diff - 55 };
            let (n2, d2) = if shift >= 0 { (ma.clone(), mb << (shift as u64)) } else { (ma << ((-shift) as u64), mb.clone()) };
            let (qq, rr) = n2.div_rem(&d2);
            let mut qq = qq.to_u64().unwrap_or(u64::MAX);
            if !rr.is_zero() {
                qq |= 1;
            }
            let f = crate::types::int::ldexp(qq as f64, shift);
            if neg {
                -f
            } else {
                f
            }
        };
        tmp_vm_free(&q, &p10)
    } else {
        crate::types::int::big_to_f64_opt(&(q * p10)).unwrap_or(f64::INFINITY.copysign(x))
    };
    res
}

fn float_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = self_float(vm, &args, "__round__")?;
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", args.args.len() - 1)));
    }
    match args.args.get(1) {
        None | Some(Value::None) => {
            let r = x.round();
            let r = if (x - x.trunc()).abs() == 0.5 { 2.0 * (x / 2.0).round() } else { r };
            crate::types::int::float_to_int(vm, r)
        }
        Some(nd) => {
            let nd = vm.index(nd)?;
            let nd = match int_val(&nd) {
                Some(i) => i.small().unwrap_or(if i.is_neg() { i64::MIN } else { i64::MAX }),
                None => 0,
            };
            let r = round_float(x, nd);
            if r.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("rounded value too large to represent"));
            }
            Ok(Value::Float(r))
        }
    }
}

fn float_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "__trunc__")?;
    crate::types::int::float_to_int(vm, f)
}

fn float_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "__hash__")?;
    let id = args.args[0].id() >> 4;
    Ok(Value::Int(crate::hash::hash_f64(f, id)))
}

fn float_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "__repr__")?;
    Ok(vm.new_str(&crate::types::floatrepr::repr(f)))
}

fn float_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "__format__")?;
    let spec = match args.args.get(1) {
        Some(Value::Obj(o)) if o.as_str().is_some() => o.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default(),
        Some(v) => return Err(vm.type_error(format!("__format__() argument must be str, not {}", vm.type_name(v)))),
        None => return Err(vm.type_error("__format__() takes exactly one argument (0 given)")),
    };
    if spec.is_empty() {
        let s = args.args[0].clone();
        let r = vm.str(&s)?;
        return Ok(Value::Obj(r));
    }
    let tname = vm.type_name(&args.args[0]);
    let s = crate::types::numfmt::format_float(vm, f, &spec, &tname)?;
    Ok(vm.new_str(&s))
}

fn float_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::Float(f)]))
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "is_integer")?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "as_integer_ratio")?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f == 0.0 {
        return Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let (mut m, mut e) = decompose(f);
    let tz = m.magnitude().trailing_zeros().unwrap_or(0) as i64;
    m >>= tz as u64;
    e += tz;
    let (n, d) = if e >= 0 { (m << (e as u64), BigInt::from(1)) } else { (m, BigInt::from(1) << ((-e) as u64)) };
    let (n, d) = (vm.new_int(n), vm.new_int(d));
    Ok(vm.new_tuple(vec![n, d]))
}

/// `float.hex()` text.
pub fn float_hex_string(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let (m, e) = crate::hash::frexp(x.abs());
    let shift = 1 - (-1021 - e).max(0);
    let mut m = crate::types::int::ldexp(m, shift as i64);
    let e = e - shift;
    let mut s = String::new();
    let d = m as u32;
    s.push(char::from_digit(d, 16).unwrap_or('0'));
    m -= d as f64;
    s.push('.');
    for _ in 0..13 {
        m *= 16.0;
        let d = m as u32;
        s.push(char::from_digit(d, 16).unwrap_or('0'));
        m -= d as f64;
    }
    format!("{}0x{}p{}{}", sign, s, if e < 0 { '-' } else { '+' }, e.abs())
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_float(vm, &args, "hex")?;
    Ok(vm.new_str(&float_hex_string(f)))
}

/// Parses `float.fromhex` text; Err(true) for overflow, Err(false) for syntax.
pub fn parse_hex_float(s: &str) -> Result<f64, bool> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(false);
    }
    if !ip.chars().chain(fp.chars()).all(|c| c.is_ascii_hexdigit()) {
        return Err(false);
    }
    let mut e: i64 = match exp {
        Some(x) => {
            let x2 = x.strip_prefix('+').unwrap_or(x);
            if x2.is_empty() || !x2.trim_start_matches('-').chars().all(|c| c.is_ascii_digit()) || x2.trim_start_matches('-').is_empty() {
                return Err(false);
            }
            match x2.parse::<i64>() {
                Ok(v) => v.clamp(-100_000, 100_000),
                Err(_) => {
                    if x2.starts_with('-') {
                        -100_000
                    } else {
                        100_000
                    }
                }
            }
        }
        None => 0,
    };
    let digits: String = format!("{}{}", ip, fp);
    let digits = digits.trim_start_matches('0');
    e -= 4 * fp.len() as i64;
    if digits.is_empty() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    let bits = m.bits() as i64;
    let top = bits + e; // value in [2**(top-1), 2**top)
    if top > 1024 {
        return Err(true);
    }
    // Round to 53 bits (fewer for subnormals) with half-even.
    let keep = if top - 1 < -1022 { 53 - (-1022 - (top - 1)) } else { 53 };
    let f = if keep <= 0 {
        if keep == 0 {
            // Maybe rounds up to the smallest subnormal.
            let half = BigInt::from(1) << ((bits - 1) as u64);
            if m > half {
                crate::types::int::ldexp(1.0, top - 1 + 0)
            } else {
                0.0
            }
        } else {
            0.0
        }
    } else if bits <= keep {
        crate::types::int::ldexp(m.to_u64().unwrap_or(0) as f64, e)
    } else {
        let drop = (bits - keep) as u64;
        let q = &m >> drop;
        let r = &m - (&q << drop);
        let half = BigInt::from(1) << (drop - 1);
        let mut q = q.to_u64().unwrap_or(0);
        if r > half || (r == half && q & 1 == 1) {
            q += 1;
        }
        crate::types::int::ldexp(q as f64, e + drop as i64)
    };
    if f.is_infinite() {
        return Err(true);
    }
    Ok(if neg { -f } else { f })
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "fromhex", &args, 2, 2)?;
    let s = match args.args[1].as_obj().and_then(|o| o.as_str()) {
        Some(s) => s.as_str_lossy().into_owned(),
        None => return Err(vm.type_error(format!("fromhex() argument must be str, not {}", vm.type_name(&args.args[1])))),
    };
    let f = match parse_hex_float(&s) {
        Ok(f) => f,
        Err(true) => return Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
        Err(false) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
    };
    let cls = args.args[0].clone();
    if let Value::Obj(c) = &cls {
        if !Rc::ptr_eq(c, &vm.types.float) {
            return vm.call(&cls, &[Value::Float(f)], &[]);
        }
    }
    Ok(Value::Float(f))
}

fn float_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &args, "conjugate")?))
}

fn get_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match float_val(v) {
        Some(f) => Ok(Value::Float(f)),
        None => Err(vm.type_error("descriptor requires a float")),
    }
}

fn get_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Float(0.0))
}

/// Parses float text as `float()` does (after the caller's str extraction).
pub fn parse_float_str(s: &str) -> Option<f64> {
    let a = crate::types::int::to_ascii_numeric(s);
    let t = a.trim_matches(|c: char| c.is_ascii_whitespace() || ('\x1c'..='\x1f').contains(&c));
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = v {
        return Some(if neg { -v } else { v });
    }
    // Validate: digits with single underscores between digits, optional
    // fraction, optional exponent.
    let b = body.as_bytes();
    let mut clean = String::with_capacity(b.len());
    let mut i = 0;
    let mut mant_digits = 0;
    let digits = |i: &mut usize, clean: &mut String| -> Option<usize> {
        let mut n = 0;
        while *i < b.len() {
            let c = b[*i];
            if c.is_ascii_digit() {
                clean.push(c as char);
                n += 1;
                *i += 1;
            } else if c == b'_' && n > 0 && *i + 1 < b.len() && b[*i + 1].is_ascii_digit() {
                *i += 1;
            } else {
                break;
            }
        }
        if *i < b.len() && b[*i] == b'_' {
            return None;
        }
        Some(n)
    };
    mant_digits += digits(&mut i, &mut clean)?;
    if i < b.len() && b[i] == b'.' {
        clean.push('.');
        i += 1;
        if i < b.len() && b[i] == b'_' {
            return None;
        }
        mant_digits += digits(&mut i, &mut clean)?;
    }
    if mant_digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        clean.push('e');
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            clean.push(b[i] as char);
            i += 1;
        }
        if i < b.len() && b[i] == b'_' {
            return None;
        }
        if digits(&mut i, &mut clean)? == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    let v: f64 = clean.parse().ok()?;
    Some(if neg { -v } else { v })
}

/// `float(x)` for one argument.
pub fn float_from_object(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => {
                let t = s.as_str_lossy().into_owned();
                return match parse_float_str(&t) {
                    Some(f) => Ok(f),
                    None => {
                        let r = vm.repr_string(x)?;
                        Err(vm.value_error(format!("could not convert string to float: {}", r)))
                    }
                };
            }
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                let b = match &o.payload {
                    Payload::Bytes(b) => b.to_vec(),
                    Payload::ByteArray(b) => b.borrow().clone(),
                    _ => Vec::new(),
                };
                let t = String::from_utf8_lossy(&b).into_owned();
                return match parse_float_str(&t) {
                    Some(f) => Ok(f),
                    None => {
                        let r = vm.repr_string(x)?;
                        Err(vm.value_error(format!("could not convert string to float: {}", r)))
                    }
                };
            }
            _ => {}
        },
        _ => {}
    }
    let name = vm.intern("__float__");
    if let Some(r) = vm.call_special(x, &name, &[])? {
        return match float_val(&r) {
            Some(f) => {
                if !matches!(r, Value::Float(_)) {
                    let msg = format!(
                        "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.",
                        vm.type_name(x),
                        vm.type_name(&r)
                    );
                    crate::types::int::deprecation_warning(vm, &msg)?;
                }
                Ok(f)
            }
            None => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(x),
                vm.type_name(&r)
            ))),
        };
    }
    let iname = vm.names.__index__.clone();
    if vm.lookup_special(x, &iname).is_some() {
        let r = vm.index(x)?;
        let i = int_val(&r).map(|i| i.big()).unwrap_or_default();
        return crate::types::int::big_to_f64(vm, &i);
    }
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
}

fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("float.__new__(X): X is not a type object")),
    };
    if !args.kwargs.is_empty() && Rc::ptr_eq(&cls, &vm.types.float) {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let pos = &args.args[1..];
    if pos.len() > 1 {
        return Err(vm.type_error(format!("float expected at most 1 argument, got {}", pos.len())));
    }
    let f = match pos.first() {
        None => 0.0,
        Some(x) => float_from_object(vm, x)?,
    };
    if Rc::ptr_eq(&cls, &vm.types.float) {
        return Ok(Value::Float(f));
    }
    if !vm.is_subtype(&cls, &vm.types.float) {
        let n = cls.as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.type_error(format!("float.__new__({}): {} is not a subtype of float", n, n)));
    }
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &cls, Payload::Float(f))))
}

/// Registers float's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.float.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("__add__", float_add),
        ("__radd__", float_radd),
        ("__sub__", float_sub),
        ("__rsub__", float_rsub),
        ("__mul__", float_mul),
        ("__rmul__", float_rmul),
        ("__truediv__", float_truediv),
        ("__rtruediv__", float_rtruediv),
        ("__floordiv__", float_floordiv),
        ("__rfloordiv__", float_rfloordiv),
        ("__mod__", float_mod),
        ("__rmod__", float_rmod),
        ("__divmod__", float_divmod_m),
        ("__rdivmod__", float_rdivmod),
        ("__pow__", float_pow_m),
        ("__rpow__", float_rpow),
        ("__neg__", float_neg),
        ("__pos__", float_pos),
        ("__abs__", float_abs),
        ("__bool__", float_bool),
        ("__int__", float_int),
        ("__float__", float_float),
        ("__trunc__", float_trunc),
        ("__floor__", float_floor),
        ("__ceil__", float_ceil),
        ("__round__", float_round),
        ("__hash__", float_hash),
        ("__repr__", float_repr),
        ("__format__", float_format),
        ("__eq__", float_eq),
        ("__ne__", float_ne),
        ("__lt__", float_lt),
        ("__le__", float_le),
        ("__gt__", float_gt),
        ("__ge__", float_ge),
        ("__getnewargs__", float_getnewargs),
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("conjugate", float_conjugate),
    ];
    vm.add_methods(&t, methods);
    vm.add_classmethods(&t, &[("fromhex", float_fromhex)]);
    vm.add_staticmethods(&t, &[("__new__", float_new)]);
    vm.add_getsets(
        &t,
        &[GetSetDef { name: "real", get: get_real, set: None }, GetSetDef { name: "imag", get: get_imag, set: None }],
    );
    let _ = Signed::abs(&BigInt::from(0));
}
