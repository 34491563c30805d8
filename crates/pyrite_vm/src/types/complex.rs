//! The complex type; CPython: Objects/complexobject.c. Values carry
//! `Payload::Complex { re, im }`.
//!
//! Registration table (`init`): __add__ __radd__ __sub__ __rsub__ __mul__
//! __rmul__ __truediv__ __rtruediv__ __pow__ __rpow__ __neg__ __pos__ __abs__
//! __bool__ __eq__ __ne__ __hash__ __repr__ __format__ __getnewargs__
//! __complex__ conjugate; static __new__; getsets real imag.

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::types::descr::GetSetDef;
use crate::types::function::{Args, NativeFn};
use crate::types::int::int_val;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// (re, im) of a complex (or complex-subclass) instance.
#[inline]
pub fn complex_val(v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Complex { re, im } => Some((*re, *im)),
            _ => None,
        },
        _ => None,
    }
}

/// True for complex instances.
pub fn is_complex(v: &Value) -> bool {
    complex_val(v).is_some()
}

/// A new exact complex value.
pub fn new_complex(vm: &Vm, re: f64, im: f64) -> Value {
    Value::Obj(PyObject::new(vm.types.complex.clone(), Payload::Complex { re, im }))
}

/// A complex operand: complex, float or int; `Ok(None)` otherwise.
fn operand(vm: &mut Vm, v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = complex_val(v) {
        return Ok(Some(c));
    }
    Ok(crate::types::float::as_float_operand(vm, v)?.map(|f| (f, 0.0)))
}

type C = (f64, f64);

fn c_mul(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Complex division (Smith's method as CPython's `_Py_c_quot`); None on division by zero.
fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn c_powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_mul(r, p);
        }
        mask <<= 1;
        p = c_mul(p, p);
    }
    r
}

/// `a ** b` for complex numbers.
pub fn complex_pow(vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    let zero_err = |vm: &mut Vm| vm.zero_division("0.0 to a negative or complex power");
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            c_powu(a, n as u64)
        } else {
            match c_quot((1.0, 0.0), c_powu(a, (-n) as u64)) {
                Some(r) => r,
                None => return Err(zero_err(vm)),
            }
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(zero_err(vm));
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        if phase.is_infinite() {
            // cos/sin of an infinite phase set EDOM in C, which CPython reports so.
            return Err(zero_err(vm));
        }
        (len * phase.cos(), len * phase.sin())
    };
    if (r.0.is_infinite() || r.1.is_infinite()) && a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(new_complex(vm, r.0, r.1))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum COp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

fn self_c(vm: &mut Vm, args: &Args, name: &str) -> PyResult<C> {
    match args.args.first() {
        Some(v) => match complex_val(v) {
            Some(c) => Ok(c),
            None => Err(vm.descriptor_error(name, "complex", Some(v))),
        },
        None => Err(vm.descriptor_error(name, "complex", None)),
    }
}

fn binop(vm: &mut Vm, args: Args, op: COp, rev: bool, name: &str) -> PyResult<Value> {
    let a = self_c(vm, &args, name)?;
    let max = if op == COp::Pow { 3 } else { 2 };
    if args.args.len() < 2 || args.args.len() > max {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.args.len().saturating_sub(1))));
    }
    if op == COp::Pow && args.args.len() == 3 && !args.args[2].is_none() {
        return Err(vm.value_error("complex modulo"));
    }
    let Some(b) = operand(vm, &args.args[1])? else { return Ok(vm.not_implemented()) };
    let (x, y) = if rev { (b, a) } else { (a, b) };
    let r = match op {
        COp::Add => (x.0 + y.0, x.1 + y.1),
        COp::Sub => (x.0 - y.0, x.1 - y.1),
        COp::Mul => c_mul(x, y),
        COp::Div => match c_quot(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_division("complex division by zero")),
        },
        COp::Pow => return complex_pow(vm, x, y),
    };
    Ok(new_complex(vm, r.0, r.1))
}

macro_rules! cbinops {
    ($($f:ident, $rf:ident, $op:expr, $n:literal, $rn:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> { binop(vm, args, $op, false, $n) }
            fn $rf(vm: &mut Vm, args: Args) -> PyResult<Value> { binop(vm, args, $op, true, $rn) }
        )*
    };
}

cbinops! {
    c_add, c_radd, COp::Add, "__add__", "__radd__";
    c_sub, c_rsub, COp::Sub, "__sub__", "__rsub__";
    c_mul_m, c_rmul, COp::Mul, "__mul__", "__rmul__";
    c_div, c_rdiv, COp::Div, "__truediv__", "__rtruediv__";
    c_pow, c_rpow, COp::Pow, "__pow__", "__rpow__";
}

fn c_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "__neg__")?;
    Ok(new_complex(vm, -a.0, -a.1))
}
fn c_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "__pos__")?;
    Ok(new_complex(vm, a.0, a.1))
}
fn c_complex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "__complex__")?;
    if let Some(Value::Obj(o)) = args.args.first() {
        if Rc::ptr_eq(o.class(), &vm.types.complex) {
            return Ok(args.args[0].clone());
        }
    }
    Ok(new_complex(vm, a.0, a.1))
}
fn c_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "conjugate")?;
    Ok(new_complex(vm, a.0, -a.1))
}
fn c_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "__abs__")?;
    if a.0.is_infinite() || a.1.is_infinite() {
        return Ok(Value::Float(f64::INFINITY));
    }
    if a.0.is_nan() || a.1.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    let r = a.0.hypot(a.1);
    if r.is_infinite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(Value::Float(r))
}
fn c_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "__bool__")?;
    Ok(Value::Bool(a.0 != 0.0 || a.1 != 0.0))
}

fn c_eq_impl(vm: &mut Vm, args: Args, ne: bool) -> PyResult<Value> {
    let a = self_c(vm, &args, if ne { "__ne__" } else { "__eq__" })?;
    let Some(o) = args.args.get(1) else { return Err(vm.type_error("expected 1 argument, got 0")) };
    let eq = if let Some(b) = complex_val(o) {
        a == b
    } else if let Some(f) = crate::types::float::float_val(o) {
        a.1 == 0.0 && a.0 == f
    } else if let Some(i) = int_val(o) {
        a.1 == 0.0 && crate::types::float::cmp_float_int(a.0, i) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::Bool(eq != ne))
}
fn c_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    c_eq_impl(vm, args, false)
}
fn c_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    c_eq_impl(vm, args, true)
}

fn c_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "__hash__")?;
    let id = args.args[0].id() >> 4;
    let hr = crate::hash::hash_f64(a.0, id) as u64;
    let hi = crate::hash::hash_f64(a.1, id) as u64;
    let mut h = hr.wrapping_add(1_000_003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}

fn c_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "__repr__")?;
    Ok(vm.new_str(&crate::types::numfmt::complex_repr(a.0, a.1)))
}

fn c_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "__format__")?;
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
    let s = crate::types::numfmt::format_complex(vm, a.0, a.1, &spec, &tname)?;
    Ok(vm.new_str(&s))
}

fn c_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = self_c(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::Float(a.0), Value::Float(a.1)]))
}

fn get_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match complex_val(v) {
        Some(c) => Ok(Value::Float(c.0)),
        None => Err(vm.type_error("descriptor requires a complex")),
    }
}
fn get_imag(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match complex_val(v) {
        Some(c) => Ok(Value::Float(c.1)),
        None => Err(vm.type_error("descriptor requires a complex")),
    }
}

/// Parses complex text as `complex(str)` does.
pub fn parse_complex_str(s: &str) -> Option<C> {
    let a = crate::types::int::to_ascii_numeric(s);
    let mut t = a.trim();
    if t.starts_with('(') && t.ends_with(')') && t.len() >= 2 {
        t = t[1..t.len() - 1].trim();
    }
    if t.is_empty() {
        return None;
    }
    // Imaginary only?
    let parse_f = |x: &str| -> Option<f64> {
        if x.is_empty() || x.contains(|c: char| c.is_whitespace()) {
            return None;
        }
        crate::types::float::parse_float_str(x)
    };
    let imag_of = |x: &str| -> Option<f64> {
        match x {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => parse_f(x),
        }
    };
    if let Some(body) = t.strip_suffix('j').or_else(|| t.strip_suffix('J')) {
        // Find the split between real and imaginary parts: a sign not at the
        // start and not following an exponent marker.
        let b = body.as_bytes();
        let mut split = None;
        for i in (1..b.len()).rev() {
            if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        return match split {
            Some(i) => Some((parse_f(&body[..i])?, imag_of(&body[i..])?)),
            None => Some((0.0, imag_of(body)?)),
        };
    }
    Some((parse_f(t)?, 0.0))
}

fn to_complex_arg(vm: &mut Vm, v: &Value, first: bool) -> PyResult<C> {
    if let Some(c) = complex_val(v) {
        if let Value::Obj(o) = v {
            if Rc::ptr_eq(o.class(), &vm.types.complex) {
                return Ok(c);
            }
        }
    }
    let cn = vm.intern("__complex__");
    if vm.lookup_special(v, &cn).is_some() {
        let r = vm.call_special(v, &cn, &[])?.unwrap_or(Value::None);
        return match complex_val(&r) {
            Some(c) => Ok(c),
            None => Err(vm.type_error(format!("__complex__ returned non-complex (type {})", vm.type_name(&r)))),
        };
    }
    if let Some(c) = complex_val(v) {
        return Ok(c);
    }
    let fname = vm.intern("__float__");
    let iname = vm.names.__index__.clone();
    if crate::types::float::float_val(v).is_some()
        || int_val(v).is_some()
        || vm.lookup_special(v, &fname).is_some()
        || vm.lookup_special(v, &iname).is_some()
    {
        let f = crate::types::float::float_from_object(vm, v)?;
        return Ok((f, 0.0));
    }
    Err(vm.type_error(if first {
        format!("complex() first argument must be a string or a number, not '{}'", vm.type_name(v))
    } else {
        format!("complex() second argument must be a number, not '{}'", vm.type_name(v))
    }))
}

fn complex_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("complex.__new__(X): X is not a type object")),
    };
    let pos = &args.args[1..];
    if pos.len() > 2 {
        return Err(vm.type_error(format!("complex() takes at most 2 arguments ({} given)", pos.len())));
    }
    let mut real = pos.first().cloned();
    let mut imag = pos.get(1).cloned();
    for (k, v) in args.kwargs {
        let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        match ks.as_str() {
            "real" => {
                if real.is_some() {
                    return Err(vm.type_error("argument for complex() given by name ('real') and position (1)"));
                }
                real = Some(v.clone());
            }
            "imag" => {
                if imag.is_some() {
                    return Err(vm.type_error("argument for complex() given by name ('imag') and position (2)"));
                }
                imag = Some(v.clone());
            }
            _ => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for complex()", ks))),
        }
    }
    let is_str = |v: &Option<Value>| matches!(v.as_ref().and_then(|x| x.as_obj()).map(|o| &o.payload), Some(Payload::Str(_)));
    let (re, im) = if is_str(&real) {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let s = real.as_ref().and_then(|v| v.as_obj()).and_then(|o| o.as_str()).map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        let s = crate::types::int::to_ascii_numeric(&s);
        if s.contains('_') {
            // Underscores only between digits (`_Py_string_to_number_with_underscores`).
            let mut prev = '\0';
            let mut ok = true;
            for c in s.chars() {
                if c == '_' {
                    ok &= prev.is_ascii_digit();
                } else if prev == '_' && !c.is_ascii_digit() {
                    ok = false;
                }
                prev = c;
            }
            if !ok || prev == '_' {
                let r = vm.repr_string(real.as_ref().unwrap_or(&Value::None))?;
                return Err(vm.value_error(format!("could not convert string to complex: {}", r)));
            }
        }
        match parse_complex_str(&s.replace('_', "")) {
            Some(c) => c,
            None => return Err(vm.value_error("complex() arg is a malformed string")),
        }
    } else {
        if is_str(&imag) {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
        if let (Some(r), None) = (&real, &imag) {
            if let Value::Obj(o) = r {
                if Rc::ptr_eq(o.class(), &vm.types.complex) && Rc::ptr_eq(&cls, &vm.types.complex) {
                    return Ok(r.clone());
                }
            }
        }
        let (r, r_is_complex) = match &real {
            Some(v) => {
                let c = to_complex_arg(vm, v, true)?;
                (c, is_complex(v) || c.1 != 0.0 || !(crate::types::float::float_val(v).is_some() || int_val(v).is_some()))
            }
            None => ((0.0, 0.0), false),
        };
        let (i, i_is_complex) = match &imag {
            Some(v) => match complex_val(v) {
                Some(c) => (c, true),
                None => (to_complex_arg(vm, v, false)?, false),
            },
            None => ((0.0, 0.0), false),
        };
        let mut re = r.0;
        let mut im = i.0;
        if i_is_complex {
            re -= i.1;
        }
        if r_is_complex && imag.is_some() {
            im += r.1;
        } else if imag.is_none() {
            im = r.1;
        }
        (re, im)
    };
    if Rc::ptr_eq(&cls, &vm.types.complex) {
        return Ok(new_complex(vm, re, im));
    }
    if !vm.is_subtype(&cls, &vm.types.complex) {
        let n = cls.as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.type_error(format!("complex.__new__({}): {} is not a subtype of complex", n, n)));
    }
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &cls, Payload::Complex { re, im })))
}

/// Registers complex's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.complex.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("__add__", c_add),
        ("__radd__", c_radd),
        ("__sub__", c_sub),
        ("__rsub__", c_rsub),
        ("__mul__", c_mul_m),
        ("__rmul__", c_rmul),
        ("__truediv__", c_div),
        ("__rtruediv__", c_rdiv),
        ("__pow__", c_pow),
        ("__rpow__", c_rpow),
        ("__neg__", c_neg),
        ("__pos__", c_pos),
        ("__abs__", c_abs),
        ("__bool__", c_bool),
        ("__eq__", c_eq),
        ("__ne__", c_ne),
        ("__hash__", c_hash),
        ("__repr__", c_repr),
        ("__format__", c_format),
        ("__getnewargs__", c_getnewargs),
        ("__complex__", c_complex),
        ("conjugate", c_conjugate),
    ];
    vm.add_methods(&t, methods);
    vm.add_staticmethods(&t, &[("__new__", complex_new)]);
    vm.add_getsets(
        &t,
        &[GetSetDef { name: "real", get: get_real, set: None }, GetSetDef { name: "imag", get: get_imag, set: None }],
    );
}
