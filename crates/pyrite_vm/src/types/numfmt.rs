//! The format-spec mini-language for numbers (`format(x, spec)` for int,
//! float and complex); CPython: Python/formatter_unicode.c.

use crate::error::PyResult;
use crate::types::floatrepr;
use crate::vm::Vm;
use num_bigint::BigInt;

/// A parsed format spec.
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub fill_given: bool,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alt: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

fn parse_num(vm: &mut Vm, chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut n: usize = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        let d = chars[*pos] as usize - '0' as usize;
        n = match n.checked_mul(10).and_then(|v| v.checked_add(d)) {
            Some(v) if v <= isize::MAX as usize => v,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(n) })
}

/// Parses `spec` for an object of type `tname` (for error messages).
pub fn parse_spec(vm: &mut Vm, spec: &str, tname: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec {
        fill: ' ',
        fill_given: false,
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
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.fill_given = true;
        s.align = Some(chars[1]);
        pos = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        pos = 1;
    }
    if pos < chars.len() && matches!(chars[pos], '+' | '-' | ' ') {
        s.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == 'z' {
        s.no_neg_zero = true;
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '#' {
        s.alt = true;
        pos += 1;
    }
    if !s.fill_given && pos < chars.len() && chars[pos] == '0' {
        s.fill = '0';
        s.fill_given = true;
        if s.align.is_none() {
            s.align = Some('=');
        }
        pos += 1;
    }
    s.width = parse_num(vm, &chars, &mut pos)?;
    if pos < chars.len() && chars[pos] == ',' {
        s.grouping = Some(',');
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '_' {
        if s.grouping.is_some() {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == ',' && s.grouping == Some('_') {
        return Err(vm.value_error("Cannot specify both ',' and '_'."));
    }
    if pos < chars.len() && chars[pos] == '.' {
        pos += 1;
        s.precision = parse_num(vm, &chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(vm.value_error("Format specifier missing precision"));
        }
    }
    if chars.len() - pos > 1 {
        return Err(vm.value_error(format!("Invalid format specifier '{}' for object of type '{}'", spec, tname)));
    }
    if pos < chars.len() {
        s.ty = Some(chars[pos]);
    }
    if let Some(g) = s.grouping {
        let ok = match s.ty {
            None => true,
            Some(t) => matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X')),
        };
        if !ok {
            return Err(vm.value_error(format!("Cannot specify '{}' with '{}'.", g, s.ty.unwrap_or(' '))));
        }
    }
    Ok(s)
}

/// Inserts group separators into `digits`, padding with zeros up to `min_width`
/// characters (CPython's `_PyUnicode_InsertThousandsGrouping`).
fn group(digits: &str, sep: char, every: usize, min_width: isize) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut rem = d.len();
    let mut min = min_width;
    let mut out: Vec<char> = Vec::new();
    loop {
        let l = (rem as isize).max(min).max(1).min(every as isize) as usize;
        let take = rem.min(l);
        for i in (rem - take..rem).rev() {
            out.push(d[i]);
        }
        for _ in take..l {
            out.push('0');
        }
        rem -= take;
        min -= l as isize;
        if rem == 0 && min <= 0 {
            break;
        }
        out.push(sep);
        min -= 1;
    }
    out.iter().rev().collect()
}

/// Assembles sign, prefix, integer digits (grouped), the rest and a suffix,
/// then pads to the width.
fn render(spec: &Spec, neg: bool, prefix: &str, digits: &str, rest: &str, every: usize) -> String {
    let sign = if neg {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let width = spec.width.unwrap_or(0);
    let align = spec.align.unwrap_or('>');
    let zero_mode = spec.fill == '0' && align == '=';
    let body = match spec.grouping {
        Some(sep) if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_alphanumeric()) => {
            let min = if zero_mode {
                width as isize - (sign.chars().count() + prefix.chars().count() + rest.chars().count()) as isize
            } else {
                0
            };
            group(digits, sep, every, min)
        }
        _ => digits.to_string(),
    };
    let len = sign.chars().count() + prefix.chars().count() + body.chars().count() + rest.chars().count();
    let pad = width.saturating_sub(len);
    let fill: String = std::iter::repeat(spec.fill).take(pad).collect();
    match align {
        '<' => format!("{sign}{prefix}{body}{rest}{fill}"),
        '^' => {
            let left: String = std::iter::repeat(spec.fill).take(pad / 2).collect();
            let right: String = std::iter::repeat(spec.fill).take(pad - pad / 2).collect();
            format!("{left}{sign}{prefix}{body}{rest}{right}")
        }
        '=' => format!("{sign}{prefix}{fill}{body}{rest}"),
        _ => format!("{fill}{sign}{prefix}{body}{rest}"),
    }
}

/// Pads an already formed string (used for 'c' and complex).
fn pad_text(spec: &Spec, text: &str, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let n = text.chars().count();
    let pad = width.saturating_sub(n);
    let f = |k: usize| -> String { std::iter::repeat(spec.fill).take(k).collect() };
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{}{}", text, f(pad)),
        '^' => format!("{}{}{}", f(pad / 2), text, f(pad - pad / 2)),
        _ => format!("{}{}", f(pad), text),
    }
}

/// `format(n, spec)` for an int.
pub fn format_int(vm: &mut Vm, n: &BigInt, spec: &str, tname: &str) -> PyResult<String> {
    if spec.is_empty() {
        return crate::types::int::int_to_decimal(vm, n);
    }
    let s = parse_spec(vm, spec, tname)?;
    match s.ty {
        None | Some('d' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let f = crate::types::int::big_to_f64(vm, n)?;
            return format_float_parsed(vm, f, &s, "float");
        }
        Some(t) => return Err(vm.value_error(format!("Unknown format code '{}' for object of type '{}'", t, tname))),
    }
    if s.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if s.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let neg = n.sign() == num_bigint::Sign::Minus;
    let mag = n.magnitude();
    let (prefix, digits, every) = match s.ty {
        Some('c') => {
            if s.sign.is_some() {
                return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
            }
            if s.alt {
                return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
            }
            use num_traits::ToPrimitive;
            let Some(v) = n.to_i64() else {
                return Err(vm.overflow_error("Python int too large to convert to C long"));
            };
            let c = if (0..0x110000).contains(&v) { char::from_u32(v as u32) } else { None };
            let text = match c {
                Some(c) => c.to_string(),
                None if (0..0x110000).contains(&v) => '\u{FFFD}'.to_string(),
                None => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
            };
            return Ok(pad_text(&s, &text, '<'));
        }
        Some('b') => (if s.alt { "0b" } else { "" }, mag.to_str_radix(2), 4),
        Some('o') => (if s.alt { "0o" } else { "" }, mag.to_str_radix(8), 4),
        Some('x') => (if s.alt { "0x" } else { "" }, mag.to_str_radix(16), 4),
        Some('X') => (if s.alt { "0X" } else { "" }, mag.to_str_radix(16).to_uppercase(), 4),
        _ => {
            let d = crate::types::int::int_to_decimal(vm, &BigInt::from(mag.clone()))?;
            ("", d, 3)
        }
    };
    Ok(render(&s, neg, prefix, &digits, "", every))
}

/// `format(x, spec)` for a float.
pub fn format_float(vm: &mut Vm, x: f64, spec: &str, tname: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(floatrepr::repr(x));
    }
    let s = parse_spec(vm, spec, tname)?;
    format_float_parsed(vm, x, &s, tname)
}

fn split_number(text: &str) -> (String, String) {
    let i = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    if text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return (String::new(), text.to_string());
    }
    (text[..i].to_string(), text[i..].to_string())
}

fn float_text(x: f64, ty: Option<char>, prec: Option<usize>, alt: bool, no_neg_zero: bool, complex: bool) -> (bool, String) {
    let (x, ty, pct) = match ty {
        Some('%') => (x * 100.0, 'f', true),
        Some('n') => (x, 'g', false),
        Some(t) => (x, t, false),
        None => (x, 'r', false),
    };
    let (mut neg, mut text) = match (ty, prec, complex) {
        ('r', None, true) => {
            let neg = x.is_sign_negative() && !x.is_nan();
            (neg, floatrepr::repr_abs_opt(x.abs(), alt, false, false))
        }
        ('r', Some(p), true) => floatrepr::format_abs(x, 'g', Some(p), alt),
        _ => floatrepr::format_abs(x, ty, prec, alt),
    };
    if neg && no_neg_zero && text.chars().all(|c| !c.is_ascii_digit() || c == '0') && !text.contains(|c: char| c.is_ascii_alphabetic() && c != 'e' && c != 'E') {
        // The value rounds to zero: drop the sign.
        if text.chars().any(|c| c.is_ascii_digit()) {
            neg = false;
        }
    }
    if pct {
        text.push('%');
    }
    (neg, text)
}

fn format_float_parsed(vm: &mut Vm, x: f64, s: &Spec, tname: &str) -> PyResult<String> {
    match s.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(vm.value_error(format!("Unknown format code '{}' for object of type '{}'", t, tname))),
    }
    let (neg, text) = float_text(x, s.ty, s.precision, s.alt, s.no_neg_zero, false);
    let (digits, rest) = split_number(&text);
    Ok(render(s, neg, "", &digits, &rest, 3))
}

/// `format(z, spec)` for a complex.
pub fn format_complex(vm: &mut Vm, re: f64, im: f64, spec: &str, tname: &str) -> PyResult<String> {
    let s = parse_spec(vm, spec, tname)?;
    match s.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(vm.value_error(format!("Unknown format code '{}' for object of type '{}'", t, tname))),
    }
    if s.fill == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if s.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut skip_re = false;
    let mut parens = false;
    if s.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let (rneg, rtext) = float_text(re, s.ty, s.precision, s.alt, s.no_neg_zero, true);
    let (ineg, itext) = float_text(im, s.ty, s.precision, s.alt, s.no_neg_zero, true);
    let grouped = |t: String| -> String {
        match s.grouping {
            Some(sep) => {
                let (d, rest) = split_number(&t);
                if d.is_empty() {
                    t
                } else {
                    format!("{}{}", group(&d, sep, 3, 0), rest)
                }
            }
            None => t,
        }
    };
    let (rtext, itext) = (grouped(rtext), grouped(itext));
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if !skip_re {
        if rneg {
            out.push('-');
        } else if let Some(c @ ('+' | ' ')) = s.sign {
            out.push(c);
        }
        out.push_str(&rtext);
        out.push(if ineg { '-' } else { '+' });
    } else if ineg {
        out.push('-');
    } else if let Some(c @ ('+' | ' ')) = s.sign {
        out.push(c);
    }
    out.push_str(&itext);
    out.push('j');
    if parens {
        out.push(')');
    }
    Ok(pad_text(&s, &out, '>'))
}

/// `repr(complex)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let part = |x: f64| floatrepr::repr_abs_opt(x.abs(), false, false, false);
    let ims = format!("{}{}j", if im.is_sign_negative() && !im.is_nan() { "-" } else { "+" }, part(im));
    if re == 0.0 && re.is_sign_positive() {
        return ims.trim_start_matches('+').to_string();
    }
    let res = format!("{}{}", if re.is_sign_negative() && !re.is_nan() { "-" } else { "" }, part(re));
    format!("({}{})", res, ims)
}
