//! The math module; CPython: Modules/mathmodule.c. Elementary functions come
//! from the platform libm (as in CPython); errors follow CPython's `math_1`
//! rules ("math domain error" / "math range error").

use crate::builtins::check_args;
use crate::error::{PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::types::function::{Args, NativeFn};
use crate::types::int::{int_val, to_bigint};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn dlsym(handle: *mut std::ffi::c_void, symbol: *const std::ffi::c_char) -> *mut std::ffi::c_void;
}

/// Looks up a `double f(double)` of the platform libm by name (statically
/// linked builtins of the same name would otherwise shadow some of them and
/// round differently from CPython).
fn platform_fn(cell: &std::sync::OnceLock<usize>, name: &std::ffi::CStr) -> Option<extern "C" fn(f64) -> f64> {
    let p = *cell.get_or_init(|| {
        // SAFETY: dlsym with RTLD_DEFAULT (null) and a NUL-terminated name.
        unsafe { dlsym(std::ptr::null_mut(), name.as_ptr()) as usize }
    });
    if p == 0 {
        return None;
    }
    // SAFETY: the symbol is libm's `double name(double)`.
    Some(unsafe { std::mem::transmute::<usize, extern "C" fn(f64) -> f64>(p) })
}

macro_rules! libm_fn {
    ($($rust:ident, $cname:literal, $fallback:expr;)*) => {
        $(
            fn $rust(x: f64) -> f64 {
                static CELL: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
                match platform_fn(&CELL, $cname) {
                    Some(f) => f(x),
                    None => $fallback(x),
                }
            }
        )*
    };
}

libm_fn! {
    libm_cbrt, c"cbrt", f64::cbrt;
    libm_asinh, c"asinh", f64::asinh;
    libm_acosh, c"acosh", f64::acosh;
    libm_atanh, c"atanh", f64::atanh;
}

// Lanczos approximation (N=13, g=6.024680040776729583740234375) in rational
// form, as CPython's mathmodule.c evaluates it.
const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
    1925.0, 66.0, 1.0,
];
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x) with exact zeros at integers.
fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

/// Gamma; NaN signals a domain error, inf from finite input a range error.
fn tgamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x == 0.0 {
        return f64::NAN;
    }
    if x == x.floor() {
        if x < 0.0 {
            return f64::NAN;
        }
        if x <= 23.0 {
            let mut r = 1.0f64;
            let mut k = 2.0;
            while k < x {
                r *= k;
                k += 1.0;
            }
            return r;
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return 1.0 / x;
    }
    if absx > 200.0 {
        if x < 0.0 {
            return 0.0 / sinpi(x);
        }
        return f64::INFINITY;
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF { (y - absx) - LANCZOS_G_MINUS_HALF } else { (y - LANCZOS_G_MINUS_HALF) - absx };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    r
}

fn lgamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() { x } else { f64::INFINITY };
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { f64::NAN } else { 0.0 };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return -absx.ln();
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    r
}

/// Registers `math` as a native module.
pub fn init(vm: &mut Vm) {
    vm.native_modules.insert("math", make_module);
}

fn domain(vm: &mut Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &mut Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// A real-number argument as a float (`PyFloat_AsDouble`).
pub fn farg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = crate::types::float::float_val(v) {
        return Ok(f);
    }
    if let Some(i) = int_val(v) {
        return crate::types::int::int_to_f64(vm, i);
    }
    let name = vm.intern("__float__");
    if vm.lookup_special(v, &name).is_some() {
        return crate::types::float::float_from_object(vm, v);
    }
    let iname = vm.names.__index__.clone();
    if vm.lookup_special(v, &iname).is_some() {
        let r = vm.index(v)?;
        let n = to_bigint(&r).unwrap_or_default();
        return crate::types::int::big_to_f64(vm, &n);
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

fn math_1(vm: &mut Vm, args: &Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    check_args(vm, name, args, 1, 1)?;
    let x = farg(vm, &args.args[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::Float(r))
}

macro_rules! m1 {
    ($($fname:ident, $pyname:literal, $f:expr, $ovf:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
                math_1(vm, &args, $pyname, $f, $ovf)
            }
        )*
    };
}

fn c_gamma(x: f64) -> f64 {
    tgamma(x)
}

fn c_lgamma(x: f64) -> f64 {
    lgamma(x)
}

fn c_cbrt(x: f64) -> f64 {
    libm_cbrt(x)
}

fn c_log(x: f64) -> f64 {
    if x.is_finite() && x <= 0.0 {
        return f64::NAN;
    }
    x.ln()
}
fn c_log2(x: f64) -> f64 {
    if x.is_finite() && x <= 0.0 {
        return f64::NAN;
    }
    x.log2()
}
fn c_log10(x: f64) -> f64 {
    if x.is_finite() && x <= 0.0 {
        return f64::NAN;
    }
    x.log10()
}
fn c_log1p(x: f64) -> f64 {
    if x <= -1.0 {
        return f64::NAN;
    }
    x.ln_1p()
}
fn c_sqrt(x: f64) -> f64 {
    x.sqrt()
}
fn c_atanh(x: f64) -> f64 {
    if x.abs() >= 1.0 && x.is_finite() {
        return f64::NAN;
    }
    libm_atanh(x)
}
fn c_acosh(x: f64) -> f64 {
    libm_acosh(x)
}
fn c_erf(x: f64) -> f64 {
    // SAFETY: plain libm call on a double.
    unsafe { erf(x) }
}
fn c_erfc(x: f64) -> f64 {
    // SAFETY: plain libm call on a double.
    unsafe { erfc(x) }
}
fn c_trig(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_infinite() {
        return f64::NAN;
    }
    f(x)
}

m1! {
    m_sqrt, "math.sqrt", c_sqrt, false;
    m_exp, "math.exp", f64::exp, true;
    m_exp2, "math.exp2", f64::exp2, true;
    m_expm1, "math.expm1", f64::exp_m1, true;
    m_log1p, "math.log1p", c_log1p, false;
    m_sin, "math.sin", |x| c_trig(x, f64::sin), false;
    m_cos, "math.cos", |x| c_trig(x, f64::cos), false;
    m_tan, "math.tan", |x| c_trig(x, f64::tan), false;
    m_asin, "math.asin", f64::asin, false;
    m_acos, "math.acos", f64::acos, false;
    m_atan, "math.atan", f64::atan, false;
    m_sinh, "math.sinh", f64::sinh, true;
    m_cosh, "math.cosh", f64::cosh, true;
    m_tanh, "math.tanh", f64::tanh, false;
    m_asinh, "math.asinh", libm_asinh, false;
    m_acosh, "math.acosh", c_acosh, false;
    m_atanh, "math.atanh", c_atanh, false;
    m_erf, "math.erf", c_erf, false;
    m_erfc, "math.erfc", c_erfc, false;
    m_gamma, "math.gamma", c_gamma, true;
    m_lgamma, "math.lgamma", c_lgamma, true;
    m_fabs, "math.fabs", f64::abs, false;
    m_cbrt, "math.cbrt", c_cbrt, false;
    m_degrees, "math.degrees", |x| x * (180.0 / std::f64::consts::PI), true;
    m_radians, "math.radians", |x| x * (std::f64::consts::PI / 180.0), false;
}

/// log/log2/log10 of an argument, handling ints too large for a float.
fn loghelper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = int_val(v) {
        if i.is_neg() || i.is_zero() {
            return Err(domain(vm));
        }
        let n = i.big();
        if let Some(x) = crate::types::int::big_to_f64_opt(&n) {
            return Ok(f(x));
        }
        // n = m * 2**e with m in [0.5, 1).
        let bits = n.bits();
        let top = (&n >> (bits - 63)).to_u64().unwrap_or(0) as f64 / (1u64 << 63) as f64;
        return Ok(f(top) + f(2.0) * bits as f64);
    }
    let x = farg(vm, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if x.is_finite() && x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(r)
}

fn m_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    let n = args.args.len();
    if n == 0 || n > 2 {
        return Err(vm.type_error(format!(
            "log expected {} argument{}, got {}",
            if n == 0 { "at least 1" } else { "at most 2" },
            if n == 0 { "" } else { "s" },
            n
        )));
    }
    let num = loghelper(vm, &args.args[0], c_log)?;
    if n == 2 {
        let den = loghelper(vm, &args.args[1], c_log)?;
        if den == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        return Ok(Value::Float(num / den));
    }
    Ok(Value::Float(num))
}

fn m_log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.log2", &args, 1, 1)?;
    Ok(Value::Float(loghelper(vm, &args.args[0], c_log2)?))
}

fn m_log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.log10", &args, 1, 1)?;
    Ok(Value::Float(loghelper(vm, &args.args[0], c_log10)?))
}

fn two(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    check_args(vm, name, args, 2, 2)?;
    let x = farg(vm, &args.args[0])?;
    let y = farg(vm, &args.args[1])?;
    Ok((x, y))
}

fn m_atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (y, x) = two(vm, &args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn m_copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn m_fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

fn m_remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "remainder")?;
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(domain(vm));
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return Ok(Value::Float(1f64.copysign(x) * r));
    }
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(y));
    }
    if x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(Value::Float(x))
}

fn m_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "pow")?;
    let r;
    if !x.is_finite() || !y.is_finite() {
        r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    r = x.powf(y);
    if r.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain(vm) } else { range(vm) });
    }
    Ok(Value::Float(r))
}

fn m_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.floor", &args, 1, 1)?;
    let x = &args.args[0];
    if let Value::Float(f) = x {
        return crate::types::int::float_to_int(vm, f.floor());
    }
    if let Some(i) = int_val(x) {
        return Ok(vm.new_int(i.big()));
    }
    let name = vm.intern("__floor__");
    if let Some(r) = vm.call_special(x, &name, &[])? {
        return Ok(r);
    }
    let f = farg(vm, x)?;
    crate::types::int::float_to_int(vm, f.floor())
}

fn m_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.ceil", &args, 1, 1)?;
    let x = &args.args[0];
    if let Value::Float(f) = x {
        return crate::types::int::float_to_int(vm, f.ceil());
    }
    if let Some(i) = int_val(x) {
        return Ok(vm.new_int(i.big()));
    }
    let name = vm.intern("__ceil__");
    if let Some(r) = vm.call_special(x, &name, &[])? {
        return Ok(r);
    }
    let f = farg(vm, x)?;
    crate::types::int::float_to_int(vm, f.ceil())
}

fn m_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.trunc", &args, 1, 1)?;
    let x = &args.args[0];
    if let Value::Float(f) = x {
        return crate::types::int::float_to_int(vm, *f);
    }
    let name = vm.intern("__trunc__");
    match vm.call_special(x, &name, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("type {} doesn't define __trunc__ method", vm.type_name(x)))),
    }
}

fn m_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.isfinite", &args, 1, 1)?;
    Ok(Value::Bool(farg(vm, &args.args[0])?.is_finite()))
}
fn m_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.isinf", &args, 1, 1)?;
    Ok(Value::Bool(farg(vm, &args.args[0])?.is_infinite()))
}
fn m_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.isnan", &args, 1, 1)?;
    Ok(Value::Bool(farg(vm, &args.args[0])?.is_nan()))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let r = vm.index(v)?;
    Ok(to_bigint(&r).unwrap_or_default())
}

fn m_isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.isqrt", &args, 1, 1)?;
    let n = int_arg(vm, &args.args[0])?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_int(n.sqrt()))
}

/// Product of the integers in [lo, hi) by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for k in lo..hi {
            match small.checked_mul(k) {
                Some(v) => small = v,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn m_factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.factorial", &args, 1, 1)?;
    let n = int_arg(vm, &args.args[0])?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    if n > 50_000_000 {
        return Err(vm.memory_error());
    }
    Ok(vm.new_int(range_product(1, n as u64 + 1)))
}

fn comb_perm(vm: &mut Vm, args: Args, comb: bool) -> PyResult<Value> {
    let name = if comb { "comb" } else { "perm" };
    check_args(vm, name, &args, if comb { 2 } else { 1 }, 2)?;
    let n = int_arg(vm, &args.args[0])?;
    let k = match args.args.get(1) {
        Some(Value::None) | None => {
            if comb {
                return Err(vm.type_error("comb expected 2 arguments, got 1"));
            }
            if n.sign() == Sign::Minus {
                return Err(vm.value_error("n must be a non-negative integer"));
            }
            let Some(nn) = n.to_u64() else {
                return Err(vm.overflow_error("n must not exceed 9223372036854775807"));
            };
            return Ok(vm.new_int(range_product(1, nn + 1)));
        }
        Some(v) => int_arg(vm, v)?,
    };
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.sign() == Sign::Minus {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let kk = if comb { std::cmp::min(k.clone(), &n - &k) } else { k.clone() };
    let Some(kk) = kk.to_u64() else {
        return Err(vm.overflow_error(format!(
            "{} must not exceed 9223372036854775807",
            if comb { "min(n - k, k)" } else { "k" }
        )));
    };
    if kk > 50_000_000 {
        return Err(vm.memory_error());
    }
    // Falling product n (n-1) ... (n-kk+1).
    let mut num = BigInt::one();
    let mut i = 0u64;
    while i < kk {
        num *= &n - BigInt::from(i);
        i += 1;
    }
    if comb {
        num /= range_product(1, kk + 1);
    }
    Ok(vm.new_int(num))
}

fn m_comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    comb_perm(vm, args, true)
}
fn m_perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    comb_perm(vm, args, false)
}

fn m_gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("gcd() takes no keyword arguments"));
    }
    let mut g = BigInt::zero();
    for a in args.args {
        let n = int_arg(vm, a)?;
        g = g.gcd(&n);
    }
    Ok(vm.new_int(g))
}

fn m_lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("lcm() takes no keyword arguments"));
    }
    let mut l = BigInt::one();
    for a in args.args {
        let n = int_arg(vm, a)?;
        if l.is_zero() {
            continue;
        }
        if n.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&n);
    }
    Ok(vm.new_int(l.abs()))
}

fn m_fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.fsum", &args, 1, 1)?;
    let it = vm.iter(&args.args[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = vm.next(&it)? {
        let mut x = farg(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn m_prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "prod", args.kwargs, &["start"])?;
    if args.args.len() != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({} given)", args.args.len())));
    }
    let mut acc = kw[0].clone().unwrap_or(Value::Int(1));
    let it = vm.iter(&args.args[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &x, pyrite_bytecode::opcode::BinaryOp::Multiply)?;
    }
    Ok(acc)
}

/// CPython's `vector_norm`: an accurately rounded Euclidean norm.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::hash::frexp(max);
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = crate::types::int::ldexp(1.0, -(max_e as i64));
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    let dl_mul = |x: f64, y: f64| -> (f64, f64) {
        let hi = x * y;
        (hi, x.mul_add(y, -hi))
    };
    let dl_fast_sum = |a: f64, b: f64| -> (f64, f64) {
        let hi = a + b;
        (hi, (a - hi) + b)
    };
    for &v in vec.iter() {
        let x = v * scale;
        let pr = dl_mul(x, x);
        let sm = dl_fast_sum(csum, pr.0);
        csum = sm.0;
        frac1 += pr.1;
        frac2 += sm.1;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = dl_mul(-h, h);
    let sm = dl_fast_sum(csum, pr.0);
    csum = sm.0;
    frac1 += pr.1;
    frac2 += sm.1;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn m_hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    let mut v = Vec::with_capacity(args.args.len());
    let mut max = 0.0f64;
    let mut nan = false;
    for a in args.args {
        let x = farg(vm, a)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, nan)))
}

fn seq_items(vm: &mut Vm, v: &Value, which: &str) -> PyResult<Vec<Value>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => Ok(t.to_vec()),
        Some(Payload::List(l)) => Ok(l.borrow().clone()),
        _ => {
            let _ = which;
            vm.collect(v)
        }
    }
}

fn m_dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "dist", &args, 2, 2)?;
    let p = seq_items(vm, &args.args[0], "p")?;
    let q = seq_items(vm, &args.args[1], "q")?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut nan = false;
    for (a, b) in p.iter().zip(q.iter()) {
        let x = (farg(vm, a)? - farg(vm, b)?).abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, nan)))
}

fn m_isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "isclose", args.kwargs, &["a", "b", "rel_tol", "abs_tol"])?;
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", args.args.len())));
    }
    let get = |i: usize| args.args.get(i).cloned().or_else(|| kw[i].clone());
    let Some(a) = get(0) else { return Err(vm.type_error("isclose() missing required argument 'a' (pos 1)")) };
    let Some(b) = get(1) else { return Err(vm.type_error("isclose() missing required argument 'b' (pos 2)")) };
    let a = farg(vm, &a)?;
    let b = farg(vm, &b)?;
    let rel = match &kw[2] {
        Some(v) => farg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match &kw[3] {
        Some(v) => farg(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol))
}

fn m_frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.frexp", &args, 1, 1)?;
    let x = farg(vm, &args.args[0])?;
    let (m, e) = crate::hash::frexp(x);
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "ldexp", &args, 2, 2)?;
    let x = farg(vm, &args.args[0])?;
    let iv = &args.args[1];
    if int_val(iv).is_none() {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let e = int_arg(vm, iv)?;
    let e = e.to_i64().unwrap_or(if e.sign() == Sign::Minus { -100_000 } else { 100_000 }).clamp(-100_000, 100_000);
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = crate::types::int::ldexp(x, e);
    if r.is_infinite() {
        return Err(range(vm));
    }
    Ok(Value::Float(r))
}

fn m_modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.modf", &args, 1, 1)?;
    let x = farg(vm, &args.args[0])?;
    if x.is_infinite() {
        return Ok(vm.new_tuple(vec![Value::Float(0f64.copysign(x)), Value::Float(x)]));
    }
    let i = x.trunc();
    let f = (x - i).copysign(x);
    Ok(vm.new_tuple(vec![Value::Float(f), Value::Float(i)]))
}

/// C's `nextafter`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "nextafter")?;
    Ok(Value::Float(nextafter(x, y)))
}

fn m_ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "math.ulp", &args, 1, 1)?;
    let x = farg(vm, &args.args[0])?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(Value::Float(x - nextafter(x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(x2 - x))
}

/// Builds the math module.
pub fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    let m = crate::types::module::new_module(vm, "math");
    let fns: &[(&'static str, NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("gamma", m_gamma),
        ("lgamma", m_lgamma),
        ("fabs", m_fabs),
        ("cbrt", m_cbrt),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("copysign", m_copysign),
        ("fmod", m_fmod),
        ("remainder", m_remainder),
        ("pow", m_pow),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("factorial", m_factorial),
        ("comb", m_comb),
        ("perm", m_perm),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("fsum", m_fsum),
        ("prod", m_prod),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("isclose", m_isclose),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
    ];
    let d = m.dict.borrow().clone();
    let Some(d) = d else { return Err(vm.system_error("module without dict")) };
    for &(name, f) in fns {
        let v = vm.new_builtin(name, f);
        if let Value::Obj(o) = &v {
            if let Payload::Builtin(_) = &o.payload {}
        }
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&d, &k, v);
    }
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, v) in consts {
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&d, &k, Value::Float(v));
    }
    Ok(m)
}
