//! Text formatting; CPython: Objects/unicodeobject.c (printf-style `%`),
//! Objects/stringlib/unicode_format.h (`str.format`), Python/formatter_unicode.c
//! (the format-spec mini-language), Python/pystrtod.c (float to text).
//!
//! Public pieces other types can use: `FormatSpec` / `parse_format_spec`,
//! `pad`, `fmt_float` (printf-style `e`/`f`/`g`), `percent_format` (str) and
//! `percent_format_bytes`, `str_format` (`str.format` / `format_map`).

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::strops::{self, str_of};
use crate::types::strtype::{cps, from_cps};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

// ----- format-spec mini-language ---------------------------------------------------

/// A parsed format specification: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug)]
pub struct FormatSpec {
    pub fill: u32,
    /// b'<', b'>', b'^', b'=' (None: the type's default).
    pub align: Option<u8>,
    /// b'+', b'-', b' '.
    pub sign: Option<u8>,
    /// `z`: coerce negative zero.
    pub no_neg_zero: bool,
    pub alt: bool,
    pub width: Option<usize>,
    /// b',' or b'_'.
    pub grouping: Option<u8>,
    pub precision: Option<usize>,
    /// The presentation type character.
    pub ty: Option<u32>,
}

fn is_align(c: u32) -> bool {
    matches!(c, 0x3C | 0x3E | 0x5E | 0x3D)
}

fn read_number(vm: &mut Vm, s: &[u32], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut n: usize = 0;
    let mut overflow = false;
    while *pos < s.len() {
        let Some(d) = strops::decimal_value(s[*pos]) else { break };
        match n.checked_mul(10).and_then(|x| x.checked_add(d as usize)) {
            Some(v) if v <= isize::MAX as usize => n = v,
            _ => overflow = true,
        }
        *pos += 1;
    }
    if overflow {
        return Err(vm.value_error("Too many decimal digits in format string"));
    }
    Ok(if *pos == start { None } else { Some(n) })
}

/// Parses a format spec for an object of type `type_name`. `default_align` is
/// b'<' for strings and b'>' for numbers ('0' selects '=' only for numbers).
pub fn parse_format_spec(vm: &mut Vm, spec: &[u32], type_name: &str, default_align: u8) -> PyResult<FormatSpec> {
    let mut f = FormatSpec {
        fill: b' ' as u32,
        align: None,
        sign: None,
        no_neg_zero: false,
        alt: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_given = false;
    if spec.len() >= 2 && is_align(spec[1]) {
        f.fill = spec[0];
        f.align = Some(spec[1] as u8);
        fill_given = true;
        pos = 2;
    } else if !spec.is_empty() && is_align(spec[0]) {
        f.align = Some(spec[0] as u8);
        pos = 1;
    }
    if let Some(&c) = spec.get(pos) {
        if c == b'+' as u32 || c == b'-' as u32 || c == b' ' as u32 {
            f.sign = Some(c as u8);
            pos += 1;
        }
    }
    if spec.get(pos) == Some(&(b'z' as u32)) {
        f.no_neg_zero = true;
        pos += 1;
    }
    if spec.get(pos) == Some(&(b'#' as u32)) {
        f.alt = true;
        pos += 1;
    }
    if !fill_given && spec.get(pos) == Some(&(b'0' as u32)) {
        f.fill = b'0' as u32;
        if f.align.is_none() && default_align == b'>' {
            f.align = Some(b'=');
        }
        pos += 1;
    }
    f.width = read_number(vm, spec, &mut pos)?;
    if let Some(&c) = spec.get(pos) {
        if c == b',' as u32 || c == b'_' as u32 {
            f.grouping = Some(c as u8);
            pos += 1;
            if let Some(&c2) = spec.get(pos) {
                if c2 == b',' as u32 || c2 == b'_' as u32 {
                    if c2 == c {
                        return Err(vm.value_error(format!("Cannot specify '{}' with '{}'.", c as u8 as char, c as u8 as char)));
                    }
                    return Err(vm.value_error("Cannot specify both ',' and '_'."));
                }
            }
        }
    }
    if spec.get(pos) == Some(&(b'.' as u32)) {
        pos += 1;
        f.precision = read_number(vm, spec, &mut pos)?;
        if f.precision.is_none() {
            return Err(vm.value_error("Format specifier missing precision"));
        }
    }
    if spec.len() - pos > 1 {
        let s: String = spec.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
        return Err(vm.value_error(format!("Invalid format specifier '{}' for object of type '{}'", s, type_name)));
    }
    if pos < spec.len() {
        f.ty = Some(spec[pos]);
    }
    if let Some(g) = f.grouping {
        let ok = match f.ty {
            None => true,
            Some(t) => {
                let t = char::from_u32(t).unwrap_or('?');
                matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
                    || (g == b'_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
            }
        };
        if !ok {
            let t = f.ty.and_then(char::from_u32).unwrap_or('?');
            if (t as u32) > 32 && (t as u32) < 128 {
                return Err(vm.value_error(format!("Cannot specify '{}' with '{}'.", g as char, t)));
            }
            return Err(vm.value_error(format!("Cannot specify '{}' with '\\x{:x}'.", g as char, t as u32)));
        }
    }
    Ok(f)
}

/// Pads `body` (code points) to the spec's width with its fill and alignment
/// (`=` is treated as right alignment: callers insert the sign themselves).
pub fn pad(body: &[u32], spec: &FormatSpec, default_align: u8) -> Vec<u32> {
    let width = spec.width.unwrap_or(0);
    if body.len() >= width {
        return body.to_vec();
    }
    let total = width - body.len();
    let (left, right) = match spec.align.unwrap_or(default_align) {
        b'<' => (0, total),
        b'^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let mut out = Vec::with_capacity(width);
    out.extend(std::iter::repeat(spec.fill).take(left));
    out.extend_from_slice(body);
    out.extend(std::iter::repeat(spec.fill).take(right));
    out
}

/// `format(s, spec)` for a str (`spec` non-empty).
pub fn format_str_spec(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    let sp: Vec<u32> = spec.chars().map(|c| c as u32).collect();
    let f = parse_format_spec(vm, &sp, "str", b'<')?;
    if let Some(t) = f.ty {
        if t != b's' as u32 {
            let tc = char::from_u32(t).unwrap_or('?');
            if t > 32 && t < 128 {
                return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'str'", tc)));
            }
            return Err(vm.value_error(format!("Unknown format code '\\x{:x}' for object of type 'str'", t)));
        }
    }
    if f.sign == Some(b' ') {
        return Err(vm.value_error("Space not allowed in string format specifier"));
    }
    if f.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if f.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == Some(b'=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    if let Some(g) = f.grouping {
        return Err(vm.value_error(format!("Cannot specify '{}' with 's'.", g as char)));
    }
    let Some(s) = str_of(v) else { return Err(vm.type_error("expected str")) };
    if f.width.unwrap_or(0) > (1usize << 40) {
        return Err(vm.memory_error());
    }
    // Work on the UTF-8 bytes: truncate to `precision` code points, then pad
    // with the encoded fill character.
    let (body, blen) = match f.precision {
        Some(p) if p < s.len() => (&s.as_wtf8()[..s.byte_offset(p)], p),
        _ => (s.as_wtf8(), s.len()),
    };
    let width = f.width.unwrap_or(0);
    if blen >= width && blen == s.len() {
        // Nothing to change: the object itself, as CPython (even for a subclass).
        return Ok(v.clone());
    }
    let total = width.saturating_sub(blen);
    let (left, right) = match f.align.unwrap_or(b'<') {
        b'<' => (0, total),
        b'^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let mut fill = Vec::with_capacity(4);
    pyrite_bytecode::wtf8::push_code_point(&mut fill, f.fill);
    let mut out = Vec::with_capacity(body.len() + total * fill.len());
    for _ in 0..left {
        out.extend_from_slice(&fill);
    }
    out.extend_from_slice(body);
    for _ in 0..right {
        out.extend_from_slice(&fill);
    }
    Ok(crate::types::strtype::from_wtf8(vm, out))
}

// ----- float to text (printf style) ---------------------------------------------------

/// Formats a finite or non-finite float like C's printf `%.{prec}{ty}` with
/// CPython's conventions (`inf`, `nan`; `ty` in e E f F g G; `alt` is `#`).
pub fn fmt_float(x: f64, prec: usize, ty: u8, alt: bool) -> String {
    let upper = ty.is_ascii_uppercase();
    if !x.is_finite() {
        let s = if x.is_nan() {
            "nan"
        } else if x < 0.0 {
            "-inf"
        } else {
            "inf"
        };
        return if upper { s.to_uppercase() } else { s.to_string() };
    }
    let prec = prec.min(1000);
    let s = match ty.to_ascii_lowercase() {
        b'f' => {
            let mut s = format!("{:.*}", prec, x);
            if alt && prec == 0 {
                s.push('.');
            }
            s
        }
        b'e' => fmt_exp(x, prec, alt),
        _ => {
            let p = if prec == 0 { 1 } else { prec };
            let e = fmt_exp(x, p - 1, false);
            let exp: i64 = e.rsplit('e').next().and_then(|t| t.parse().ok()).unwrap_or(0);
            let mut s = if exp >= -4 && exp < p as i64 {
                format!("{:.*}", (p as i64 - 1 - exp).max(0) as usize, x)
            } else {
                fmt_exp(x, p - 1, alt)
            };
            if alt {
                if !s.contains('.') {
                    match s.find('e') {
                        Some(i) => s.insert(i, '.'),
                        None => s.push('.'),
                    }
                }
            } else {
                let (mant, ex) = match s.find('e') {
                    Some(i) => (s[..i].to_string(), s[i..].to_string()),
                    None => (s.clone(), String::new()),
                };
                let mant = if mant.contains('.') {
                    mant.trim_end_matches('0').trim_end_matches('.').to_string()
                } else {
                    mant
                };
                s = mant + &ex;
            }
            s
        }
    };
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}

fn fmt_exp(x: f64, prec: usize, alt: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (&s[..], "0"),
    };
    let e: i64 = exp.parse().unwrap_or(0);
    let mut m = mant.to_string();
    if alt && prec == 0 {
        m.push('.');
    }
    format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs())
}

// ----- printf-style formatting ----------------------------------------------------

/// An int value's magnitude and sign, for ints, bools and int subclasses.
fn int_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn float_of_value(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

/// `float(v)` for `%e`/`%f`/`%g`.
fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_of_value(v) {
        return Ok(f);
    }
    if let Some(i) = int_of(v) {
        return match i.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    let name = vm.intern("__float__");
    if let Some(r) = vm.call_special(v, &name, &[])? {
        if let Some(f) = float_of_value(&r) {
            return Ok(f);
        }
        return Err(vm.type_error(format!(
            "{}.__float__ returned non-float (type {})",
            vm.type_name(v),
            vm.type_name(&r)
        )));
    }
    let iname = vm.names.__index__.clone();
    if vm.lookup_special(v, &iname).is_some() {
        let i = vm.index(v)?;
        if let Some(b) = int_of(&i) {
            return b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| vm.overflow_error("int too large to convert to float"));
        }
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// The integer for `%d` (accepts floats and objects with `__int__`).
fn to_int_d(vm: &mut Vm, v: &Value, c: char) -> PyResult<BigInt> {
    if let Some(i) = int_of(v) {
        return Ok(i);
    }
    if let Some(f) = float_of_value(v) {
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(float_to_bigint(f.trunc()));
    }
    if str_of(v).is_none() {
        let iname = vm.names.__index__.clone();
        if vm.lookup_special(v, &iname).is_some() {
            let r = vm.index(v)?;
            if let Some(i) = int_of(&r) {
                return Ok(i);
            }
        }
        let name = vm.intern("__int__");
        if let Some(r) = vm.call_special(v, &name, &[])? {
            if let Some(i) = int_of(&r) {
                return Ok(i);
            }
            return Err(vm.type_error(format!("__int__ returned non-int (type {})", vm.type_name(&r))));
        }
        let fname = vm.intern("__float__");
        if vm.lookup_special(v, &fname).is_some() {
            let f = to_float(vm, v)?;
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            return Ok(float_to_bigint(f.trunc()));
        }
    }
    Err(vm.type_error(format!("%{} format: a real number is required, not {}", c, vm.type_name(v))))
}

/// An integral float as a BigInt.
pub fn float_to_bigint(f: f64) -> BigInt {
    if f.abs() < 9.0e15 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = BigInt::from(mant);
    let r = if exp >= 0 { m << (exp as usize) } else { m >> ((-exp) as usize) };
    if f < 0.0 {
        -r
    } else {
        r
    }
}

/// The integer for `%x`/`%o` (requires `__index__`).
fn to_int_x(vm: &mut Vm, v: &Value, c: char) -> PyResult<BigInt> {
    if let Some(i) = int_of(v) {
        return Ok(i);
    }
    let iname = vm.names.__index__.clone();
    if vm.lookup_special(v, &iname).is_some() {
        let r = vm.index(v)?;
        if let Some(i) = int_of(&r) {
            return Ok(i);
        }
    }
    Err(vm.type_error(format!("%{} format: an integer is required, not {}", c, vm.type_name(v))))
}

#[derive(Default, Clone, Copy)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// Lays out a number: sign, prefix, digits, padded per the printf flags.
fn layout_number(neg: bool, prefix: &str, digits: &str, fl: Flags, width: usize) -> String {
    let sign = if neg {
        "-"
    } else if fl.plus {
        "+"
    } else if fl.space {
        " "
    } else {
        ""
    };
    let len = sign.len() + prefix.len() + digits.chars().count();
    if len >= width {
        return format!("{}{}{}", sign, prefix, digits);
    }
    let padn = width - len;
    if fl.left {
        format!("{}{}{}{}", sign, prefix, digits, " ".repeat(padn))
    } else if fl.zero {
        format!("{}{}{}{}", sign, prefix, "0".repeat(padn), digits)
    } else {
        format!("{}{}{}{}", " ".repeat(padn), sign, prefix, digits)
    }
}

fn fmt_int(n: &BigInt, conv: char, fl: Flags, width: usize, prec: Option<usize>) -> String {
    let neg = n.is_negative();
    let mag = n.abs();
    let (radix, prefix) = match conv {
        'x' => (16, if fl.alt { "0x" } else { "" }),
        'X' => (16, if fl.alt { "0X" } else { "" }),
        'o' => (8, if fl.alt { "0o" } else { "" }),
        _ => (10, ""),
    };
    let mut digits = mag.to_str_radix(radix);
    if conv == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(p) = prec {
        if digits.len() < p {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    layout_number(neg, prefix, &digits, fl, width)
}

fn fmt_float_conv(x: f64, conv: char, fl: Flags, width: usize, prec: Option<usize>) -> String {
    let body = fmt_float(x.abs(), prec.unwrap_or(6), conv as u8, fl.alt);
    let neg = x.is_sign_negative() && !x.is_nan();
    let mut f = fl;
    if !x.is_finite() {
        f.zero = false;
    }
    layout_number(neg, "", &body, f, width)
}

/// Output of one `%` conversion: text code points.
enum Piece {
    Text(Vec<u32>),
}

struct ArgState {
    items: Vec<Value>,
    /// Single non-tuple argument (`fmt % x`).
    single: bool,
    next: usize,
    mapping: Option<Value>,
}

impl ArgState {
    fn next_arg(&mut self, vm: &mut Vm) -> PyResult<Value> {
        match self.items.get(self.next) {
            Some(v) => {
                self.next += 1;
                Ok(v.clone())
            }
            None => Err(vm.type_error("not enough arguments for format string")),
        }
    }
}

fn is_mapping_arg(vm: &mut Vm, v: &Value) -> bool {
    if matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Dict(_))) {
        return true;
    }
    if matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Tuple(_))) || str_of(v).is_some() {
        return false;
    }
    if matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_))) {
        return false;
    }
    let gi = vm.names.__getitem__.clone();
    vm.lookup_special(v, &gi).is_some()
}

fn star_arg(vm: &mut Vm, st: &mut ArgState, is_prec: bool) -> PyResult<i64> {
    let v = st.next_arg(vm)?;
    match int_of(&v) {
        Some(i) => match i.to_i64() {
            Some(x) if !is_prec || x.unsigned_abs() <= i32::MAX as u64 => Ok(x),
            Some(_) => Err(vm.value_error("precision too big")),
            None => Err(vm.overflow_error(if is_prec {
                "Python int too large to convert to C int"
            } else {
                "Python int too large to convert to C ssize_t"
            })),
        },
        None => Err(vm.type_error("* wants int")),
    }
}

/// The shared printf engine. `fmt` holds code points (bytes for `bytes %`).
fn percent_engine(vm: &mut Vm, fmt: &[u32], args: &Value, is_bytes: bool) -> PyResult<Vec<Piece>> {
    let (items, single) = match args.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => (t.to_vec(), false),
        _ => (vec![args.clone()], true),
    };
    let mapping = if is_mapping_arg(vm, args) { Some(args.clone()) } else { None };
    let mut st = ArgState { items, single, next: 0, mapping };
    let mut used_key = false;
    let mut out: Vec<Piece> = Vec::new();
    let mut lit: Vec<u32> = Vec::new();
    let mut i = 0;
    let n = fmt.len();
    let pc = b'%' as u32;
    while i < n {
        let c = fmt[i];
        if c != pc {
            lit.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        if fmt[i] == pc {
            lit.push(pc);
            i += 1;
            continue;
        }
        if !lit.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut lit)));
        }
        // Mapping key.
        let mut keyed: Option<Value> = None;
        if fmt[i] == b'(' as u32 {
            let Some(m) = st.mapping.clone() else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let kstart = i + 1;
            i += 1;
            while i < n && depth > 0 {
                if fmt[i] == b')' as u32 {
                    depth -= 1;
                } else if fmt[i] == b'(' as u32 {
                    depth += 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key_cps = &fmt[kstart..i - 1];
            let key = if is_bytes {
                vm.new_bytes(key_cps.iter().map(|&c| c as u8).collect())
            } else {
                from_cps(vm, key_cps)
            };
            keyed = Some(vm.get_item(&m, &key)?);
            used_key = true;
        }
        let mut fl = Flags::default();
        while i < n {
            match char::from_u32(fmt[i]).unwrap_or('\0') {
                '-' => fl.left = true,
                '+' => fl.plus = true,
                ' ' => fl.space = true,
                '#' => fl.alt = true,
                '0' => fl.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: usize = 0;
        if i < n && fmt[i] == b'*' as u32 {
            let w = star_arg(vm, &mut st, false)?;
            if w < 0 {
                fl.left = true;
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < n && (b'0' as u32..=b'9' as u32).contains(&fmt[i]) {
                width = width.checked_mul(10).and_then(|w| w.checked_add((fmt[i] - b'0' as u32) as usize)).unwrap_or(usize::MAX);
                if width > isize::MAX as usize {
                    return Err(vm.value_error("width too big"));
                }
                i += 1;
            }
        }
        let mut prec: Option<usize> = None;
        if i < n && fmt[i] == b'.' as u32 {
            i += 1;
            if i < n && fmt[i] == b'*' as u32 {
                let p = star_arg(vm, &mut st, true)?;
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < n && (b'0' as u32..=b'9' as u32).contains(&fmt[i]) {
                    p = p.checked_mul(10).and_then(|w| w.checked_add((fmt[i] - b'0' as u32) as usize)).unwrap_or(usize::MAX);
                    if p > i32::MAX as usize {
                        return Err(vm.value_error("precision too big"));
                    }
                    i += 1;
                }
                prec = Some(p);
            }
        }
        while i < n && matches!(fmt[i], 0x68 | 0x6C | 0x4C) {
            // Length modifiers h, l, L are accepted and ignored.
            i += 1;
        }
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        let conv_cp = fmt[i];
        let conv_index = i;
        i += 1;
        let conv = char::from_u32(conv_cp).unwrap_or('\u{FFFD}');
        let v = match keyed.take() {
            Some(v) => v,
            None => st.next_arg(vm)?,
        };
        if width >= (1usize << 40) {
            return Err(vm.memory_error());
        }
        let piece: Piece = match conv {
            's' | 'r' | 'a' if !is_bytes || conv != 's' => {
                let sv = match conv {
                    's' => Value::Obj(vm.str(&v)?),
                    'r' if !is_bytes => Value::Obj(vm.repr(&v)?),
                    _ => crate::builtins::ascii_of(vm, &v)?,
                };
                let mut c = str_of(&sv).map(cps).unwrap_or_default();
                if let Some(p) = prec {
                    c.truncate(p);
                }
                Piece::Text(pad_printf(c, width, fl.left))
            }
            's' | 'b' if is_bytes => {
                let mut b = bytes_for_b(vm, &v)?;
                if let Some(p) = prec {
                    b.truncate(p);
                }
                let c: Vec<u32> = b.iter().map(|&x| x as u32).collect();
                Piece::Text(pad_printf(c, width, fl.left))
            }
            'd' | 'i' | 'u' => {
                let b = to_int_d(vm, &v, conv)?;
                if b.bits() > 2000 {
                    // Enforces sys.get_int_max_str_digits().
                    crate::types::int::int_to_decimal(vm, &b)?;
                }
                Piece::Text(fmt_int(&b, 'd', fl, width, prec).chars().map(|c| c as u32).collect())
            }
            'x' | 'X' | 'o' => {
                let b = to_int_x(vm, &v, conv)?;
                Piece::Text(fmt_int(&b, conv, fl, width, prec).chars().map(|c| c as u32).collect())
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = to_float(vm, &v)?;
                Piece::Text(fmt_float_conv(x, conv, fl, width, prec).chars().map(|c| c as u32).collect())
            }
            'c' => {
                let ch = if is_bytes {
                    match int_of(&v) {
                        Some(i) => match i.to_u8() {
                            Some(b) => b as u32,
                            None => return Err(vm.overflow_error("%c arg not in range(256)")),
                        },
                        None => match strops::bytes_like(&v) {
                            Some(b) if b.len() == 1 => b[0] as u32,
                            _ => return Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
                        },
                    }
                } else if let Some(s) = str_of(&v) {
                    if s.len() != 1 {
                        return Err(vm.type_error("%c requires int or char"));
                    }
                    s.code_point_at(0).unwrap_or(0)
                } else {
                    let iname = vm.names.__index__.clone();
                    if int_of(&v).is_none() && vm.lookup_special(&v, &iname).is_none() {
                        return Err(vm.type_error("%c requires int or char"));
                    }
                    let r = vm.index(&v)?;
                    match int_of(&r).and_then(|b| b.to_u32()) {
                        Some(c) if c < 0x110000 => c,
                        _ => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                    }
                };
                Piece::Text(pad_printf(vec![ch], width, fl.left))
            }
            _ => {
                let msg = if conv_cp > 32 && conv_cp < 127 {
                    format!("unsupported format character '{}' (0x{:x}) at index {}", conv, conv_cp, conv_index)
                } else {
                    format!("unsupported format character '\\x{:x}' (0x{:x}) at index {}", conv_cp, conv_cp, conv_index)
                };
                return Err(vm.value_error(msg));
            }
        };
        out.push(piece);
    }
    if !lit.is_empty() {
        out.push(Piece::Text(lit));
    }
    if !used_key && st.mapping.is_none() && st.next < st.items.len() {
        let _ = st.single;
        return Err(vm.type_error(if is_bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

fn pad_printf(c: Vec<u32>, width: usize, left: bool) -> Vec<u32> {
    if c.len() >= width {
        return c;
    }
    let n = width - c.len();
    let mut out = Vec::with_capacity(width);
    if left {
        out.extend(c);
        out.extend(std::iter::repeat(b' ' as u32).take(n));
    } else {
        out.extend(std::iter::repeat(b' ' as u32).take(n));
        out.extend(c);
    }
    out
}

fn bytes_for_b(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = strops::bytes_like(v) {
        return Ok(b);
    }
    let name = vm.intern("__bytes__");
    if let Some(r) = vm.call_special(v, &name, &[])? {
        if let Some(b) = strops::bytes_like(&r) {
            return Ok(b);
        }
        return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r))));
    }
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(v)
    )))
}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let Some(f) = str_of(fmt) else { return Ok(vm.not_implemented()) };
    if let Some(r) = percent_simple(vm, f, args) {
        return r;
    }
    let fc = cps(f);
    let pieces = percent_engine(vm, &fc, args, false)?;
    let mut out = Vec::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.extend(t),
        }
    }
    Ok(from_cps(vm, &out))
}

/// One conversion of a simple `%` format: `%s`, `%r`, `%d` or `%i`, with an
/// optional `-` flag and a width of at most four digits.
#[derive(Copy, Clone)]
struct SimpleSpec {
    conv: u8,
    left: bool,
    width: usize,
}

/// Parses the conversion whose `%` is at `fmt[i - 1]`: `Ok(None)` for `%%`,
/// `Ok(Some((spec, next)))` for a simple conversion, `Err(())` for anything
/// else (the general engine handles the whole format then).
#[inline]
fn simple_spec_at(fmt: &[u8], mut i: usize) -> Result<Option<(SimpleSpec, usize)>, ()> {
    if fmt.get(i) == Some(&b'%') {
        return Ok(None);
    }
    let mut left = false;
    if fmt.get(i) == Some(&b'-') {
        left = true;
        i += 1;
    }
    let mut width = 0usize;
    let mut digits = 0;
    while let Some(&c) = fmt.get(i) {
        if !c.is_ascii_digit() {
            break;
        }
        digits += 1;
        if digits > 4 {
            return Err(());
        }
        width = width * 10 + (c - b'0') as usize;
        i += 1;
    }
    match fmt.get(i) {
        Some(&conv @ (b's' | b'r' | b'd' | b'i')) => Ok(Some((SimpleSpec { conv, left, width }, i + 1))),
        _ => Err(()),
    }
}

/// True if every conversion of `fmt` is simple, there is one per item of
/// `items`, and each `%d`/`%i` item is a machine int or bool.
fn simple_format_applies(fmt: &[u8], items: &[Value]) -> bool {
    let mut i = 0;
    let mut n = 0;
    while let Some(p) = fmt[i..].iter().position(|&b| b == b'%') {
        i += p + 1;
        match simple_spec_at(fmt, i) {
            Err(()) => return false,
            Ok(None) => i += 1,
            Ok(Some((sp, next))) => {
                let Some(v) = items.get(n) else { return false };
                if matches!(sp.conv, b'd' | b'i') && !matches!(v, Value::Int(_) | Value::Bool(_)) {
                    return false;
                }
                n += 1;
                i = next;
            }
        }
    }
    n > 0 && n == items.len()
}

/// `fmt % args` when every conversion is simple (see `SimpleSpec`), the
/// argument count matches and every `%d` argument is a machine int or bool:
/// formatted straight into UTF-8 without the code-point engine. Returns None,
/// having run no Python code, when any of that does not hold.
fn percent_simple(vm: &mut Vm, f: &crate::types::str::PyStr, args: &Value) -> Option<PyResult<Value>> {
    let fmt = f.as_wtf8();
    let items: &[Value] = match args.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => t,
        _ => std::slice::from_ref(args),
    };
    if !simple_format_applies(fmt, items) {
        return None;
    }
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len() + 8 * items.len());
    let mut len = f.len();
    let mut max_cp = f.max_code_point();
    let mut i = 0;
    let mut n = 0;
    while let Some(p) = fmt[i..].iter().position(|&b| b == b'%') {
        out.extend_from_slice(&fmt[i..i + p]);
        i += p + 1;
        let spec_start = i - 1;
        let sp = match simple_spec_at(fmt, i) {
            Ok(Some((sp, next))) => {
                i = next;
                sp
            }
            _ => {
                out.push(b'%');
                // "%%" is two code points of the format and one of the result.
                len -= 1;
                i += 1;
                continue;
            }
        };
        len -= i - spec_start;
        let Some(v) = items.get(n) else { break };
        n += 1;
        let mut buf = [0u8; 20];
        let piece_obj;
        let (bytes, plen, pmax): (&[u8], usize, u32) = match (sp.conv, v) {
            (b'd' | b'i' | b's', Value::Int(x)) => {
                let d = strops::i64_decimal(*x, &mut buf);
                (d, d.len(), 0x39)
            }
            (b'd' | b'i', Value::Bool(b)) => (if *b { b"1" } else { b"0" }, 1, 0x31),
            (b's', Value::Obj(o)) if std::rc::Rc::ptr_eq(o.class(), &vm.types.str) => match o.as_str() {
                Some(s) => (s.as_wtf8(), s.len(), s.max_code_point()),
                None => (&[][..], 0, 0),
            },
            _ => {
                let r = if sp.conv == b'r' { vm.repr(v) } else { vm.str(v) };
                match r {
                    Ok(o) => {
                        piece_obj = o;
                        match piece_obj.as_str() {
                            Some(s) => (s.as_wtf8(), s.len(), s.max_code_point()),
                            None => (&[][..], 0, 0),
                        }
                    }
                    Err(e) => return Some(Err(e)),
                }
            }
        };
        let padn = sp.width.saturating_sub(plen);
        if !sp.left {
            out.resize(out.len() + padn, b' ');
        }
        out.extend_from_slice(bytes);
        if sp.left {
            out.resize(out.len() + padn, b' ');
        }
        len += plen + padn;
        max_cp = max_cp.max(pmax);
        if padn > 0 {
            max_cp = max_cp.max(b' ' as u32);
        }
    }
    out.extend_from_slice(&fmt[i..]);
    if len == out.len() {
        // ASCII: the removed spec characters may have held the largest one.
        max_cp = out.iter().copied().max().unwrap_or(0) as u32;
    }
    if out.is_empty() {
        return Some(Ok(Value::Obj(vm.none_singletons.empty_str.clone())));
    }
    Some(Ok(vm.new_str_data(crate::types::str::PyStr::from_parts(out, len, max_cp))))
}

/// `fmt % args` for bytes/bytearray: the formatted bytes.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let fc: Vec<u32> = fmt.iter().map(|&b| b as u32).collect();
    let pieces = percent_engine(vm, &fc, args, true)?;
    let mut out = Vec::new();
    for p in pieces {
        match p {
            Piece::Text(t) => {
                for c in t {
                    if c < 256 {
                        out.push(c as u8);
                    } else {
                        // %r/%a produce ASCII for bytes; anything else is escaped.
                        out.extend(format!("\\u{:04x}", c).bytes());
                    }
                }
            }
        }
    }
    Ok(out)
}

// ----- str.format -----------------------------------------------------------------

enum AutoNum {
    Init,
    Auto(usize),
    Manual,
}

struct FmtCtx<'a> {
    args: &'a [Value],
    kwargs: &'a [(PyRef, Value)],
    mapping: Option<Value>,
    positional_allowed: bool,
    auto: AutoNum,
}

fn get_integer(vm: &mut Vm, s: &[u32]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for &c in s {
        let Some(d) = strops::decimal_value(c) else { return Ok(None) };
        n = match n.checked_mul(10).and_then(|x| x.checked_add(d as usize)) {
            Some(v) if v <= isize::MAX as usize => v,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(n))
}

fn lookup_kw(vm: &mut Vm, ctx: &FmtCtx, key: &[u32]) -> PyResult<Value> {
    let k = from_cps(vm, key);
    if let Some(m) = &ctx.mapping {
        let m = m.clone();
        return vm.get_item(&m, &k);
    }
    let ks = str_of(&k).map(|s| s.as_wtf8().to_vec()).unwrap_or_default();
    for (name, v) in ctx.kwargs {
        if name.as_str().map(|s| s.as_wtf8() == ks.as_slice()).unwrap_or(false) {
            return Ok(v.clone());
        }
    }
    Err(vm.key_error(k))
}

fn get_field(vm: &mut Vm, ctx: &mut FmtCtx, field: &[u32]) -> PyResult<Value> {
    let mut i = 0;
    while i < field.len() && field[i] != b'.' as u32 && field[i] != b'[' as u32 {
        i += 1;
    }
    let first = &field[..i];
    let idx = get_integer(vm, first)?;
    let empty = first.is_empty();
    let numeric = empty || idx.is_some();
    let mut index = idx;
    if numeric {
        if matches!(ctx.auto, AutoNum::Init) {
            ctx.auto = if empty { AutoNum::Auto(0) } else { AutoNum::Manual };
        }
        match (&ctx.auto, empty) {
            (AutoNum::Manual, true) => {
                return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"))
            }
            (AutoNum::Auto(_), false) => {
                return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"))
            }
            _ => {}
        }
        if empty {
            if let AutoNum::Auto(n) = &mut ctx.auto {
                index = Some(*n);
                *n += 1;
            }
        }
    }
    let mut obj = match index {
        None => lookup_kw(vm, ctx, first)?,
        Some(ix) => {
            if !ctx.positional_allowed {
                return Err(vm.value_error("Format string contains positional fields"));
            }
            match ctx.args.get(ix) {
                Some(v) => v.clone(),
                None => {
                    return Err(vm.index_error(format!(
                        "Replacement index {} out of range for positional args tuple",
                        ix
                    )))
                }
            }
        }
    };
    // The rest: .attr and [key] parts.
    while i < field.len() {
        let c = field[i];
        i += 1;
        if c == b'.' as u32 {
            let st = i;
            while i < field.len() && field[i] != b'.' as u32 && field[i] != b'[' as u32 {
                i += 1;
            }
            if st == i {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let name = from_cps(vm, &field[st..i]);
            let name = match name.as_obj() {
                Some(o) => vm.intern_obj(o),
                None => return Err(vm.value_error("bad attribute")),
            };
            obj = vm.get_attr(&obj, &name)?;
        } else if c == b'[' as u32 {
            let st = i;
            while i < field.len() && field[i] != b']' as u32 {
                i += 1;
            }
            if i >= field.len() {
                return Err(vm.value_error("Missing ']' in format string"));
            }
            let key = &field[st..i];
            i += 1;
            if key.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let k = match get_integer(vm, key)? {
                Some(n) => Value::Int(n as i64),
                None => from_cps(vm, key),
            };
            obj = vm.get_item(&obj, &k)?;
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(obj)
}

/// Expands the replacement fields of a format string held as generalised
/// UTF-8 (`{`, `}`, `:`, `!`, `[`, `]` are ASCII, so they are found by byte);
/// the result is appended to `out` in the same encoding.
fn build_string(vm: &mut Vm, ctx: &mut FmtCtx, s: &[u8], depth: i32, out: &mut Vec<u8>) -> PyResult<()> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let n = s.len();
    let mut i = 0;
    let (lb, rb) = (b'{', b'}');
    while i < n {
        // Copy literal text up to the next brace.
        let lit_end = s[i..].iter().position(|&c| c == lb || c == rb).map(|p| i + p).unwrap_or(n);
        out.extend_from_slice(&s[i..lit_end]);
        i = lit_end;
        if i >= n {
            break;
        }
        let c = s[i];
        if c == rb {
            if i + 1 < n && s[i + 1] == rb {
                out.push(rb);
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if i + 1 >= n {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if s[i + 1] == lb {
            out.push(lb);
            i += 2;
            continue;
        }
        i += 1;
        // Field name: up to '}', ':' or '!' ('[...]' may contain them).
        let fstart = i;
        let mut term = 0u8;
        while i < n {
            let ch = s[i];
            i += 1;
            if ch == lb {
                return Err(vm.value_error("unexpected '{' in field name"));
            }
            if ch == b'[' {
                while i < n && s[i] != b']' {
                    i += 1;
                }
                continue;
            }
            if ch == rb || ch == b':' || ch == b'!' {
                term = ch;
                break;
            }
        }
        if term == 0 {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        let field = &s[fstart..i - 1];
        let mut conversion: Option<u32> = None;
        let mut spec: &[u8] = &[];
        let mut needs_expanding = false;
        if term == b'!' || term == b':' {
            let mut go_spec = true;
            if term == b'!' {
                if i >= n {
                    return Err(vm.value_error("end of string while looking for conversion specifier"));
                }
                let (cp, w) = pyrite_bytecode::wtf8::decode_code_point(&s[i..]);
                conversion = Some(cp);
                i += w.max(1);
                if i < n {
                    let ch = s[i];
                    i += 1;
                    if ch == rb {
                        go_spec = false;
                    } else if ch != b':' {
                        return Err(vm.value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            if go_spec {
                let sstart = i;
                let mut count = 1;
                let mut closed = false;
                while i < n {
                    let ch = s[i];
                    i += 1;
                    if ch == lb {
                        needs_expanding = true;
                        count += 1;
                    } else if ch == rb {
                        count -= 1;
                        if count == 0 {
                            spec = &s[sstart..i - 1];
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err(vm.value_error("unmatched '{' in format spec"));
                }
            }
        }
        let mut obj = if field.is_empty() {
            get_field(vm, ctx, &[])?
        } else {
            let fc: Vec<u32> = pyrite_bytecode::wtf8::CodePoints::new(field).collect();
            get_field(vm, ctx, &fc)?
        };
        if let Some(cv) = conversion {
            obj = match char::from_u32(cv).unwrap_or('\0') {
                'r' => Value::Obj(vm.repr(&obj)?),
                's' => Value::Obj(vm.str(&obj)?),
                'a' => crate::builtins::ascii_of(vm, &obj)?,
                _ => {
                    let msg = if cv > 32 && cv < 127 {
                        format!("Unknown conversion specifier {}", char::from_u32(cv).unwrap_or('?'))
                    } else {
                        format!("Unknown conversion specifier \\x{:x}", cv)
                    };
                    return Err(vm.value_error(msg));
                }
            };
        }
        let spec_v = if needs_expanding {
            let mut sub = Vec::new();
            build_string(vm, ctx, spec, depth - 1, &mut sub)?;
            crate::types::strtype::from_wtf8(vm, sub)
        } else if spec.is_empty() {
            Value::Obj(vm.none_singletons.empty_str.clone())
        } else {
            crate::types::strtype::from_wtf8(vm, spec.to_vec())
        };
        let r = crate::builtins::format(vm, &obj, &spec_v)?;
        if let Some(rs) = str_of(&r) {
            out.extend_from_slice(rs.as_wtf8());
        }
    }
    Ok(())
}

/// `fmt.format(*args, **kwargs)`, or `fmt.format_map(mapping)` when `mapping` is given.
pub fn str_format(vm: &mut Vm, fmt: &Value, args: &[Value], kwargs: &[(PyRef, Value)], mapping: Option<Value>) -> PyResult<Value> {
    let Some(f) = str_of(fmt) else { return Err(vm.type_error("format requires a str")) };
    let positional_allowed = mapping.is_none();
    let mut ctx = FmtCtx { args, kwargs, mapping, positional_allowed, auto: AutoNum::Init };
    let mut out = Vec::with_capacity(f.as_wtf8().len() + 16);
    build_string(vm, &mut ctx, f.as_wtf8(), 2, &mut out)?;
    Ok(crate::types::strtype::from_wtf8(vm, out))
}

/// Checks a value is zero (used by callers formatting `-0`).
pub fn is_zero(b: &BigInt) -> bool {
    b.is_zero()
}
