//! Float to text as CPython lays it out; CPython: Python/pystrtod.c
//! (`format_float_short`). Digits come from Rust's float formatting, which is
//! exact: `{:e}` gives the shortest round-trip digits, `{:.*e}` and `{:.*}`
//! are correctly rounded.

/// Shortest round-trip digits of a finite `x >= 0` and `decpt` such that
/// `x = 0.d1d2d3... * 10**decpt`.
pub fn shortest_digits(x: f64) -> (String, i32) {
    if x == 0.0 {
        return ("0".into(), 1);
    }
    // ryu breaks exact ties to even as CPython's dtoa does.
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(x);
    let (mant, exp) = match s.find(|c| c == 'e' || c == 'E') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let mant = mant.trim_start_matches('-');
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let all = format!("{}{}", ip, fp);
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_start_matches('0').trim_end_matches('0');
    if digits.is_empty() {
        return ("0".into(), 1);
    }
    (digits.to_string(), ip.len() as i32 - lead as i32 + exp)
}

/// Digits of `x >= 0` rounded to `ndigits` significant digits (at least 1), and `decpt`.
pub fn rounded_digits(x: f64, ndigits: usize) -> (String, i32) {
    split_exp(&format!("{:.*e}", ndigits.max(1) - 1, x))
}

/// Splits Rust's `d.ddde[-]N` into ("dddd", N + 1).
fn split_exp(s: &str) -> (String, i32) {
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp + 1)
}

fn exp_suffix(out: &mut String, e: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if e < 0 { '-' } else { '+' });
    let a = e.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// Lays out significant digits: exponent form or fixed form.
/// `alt` keeps a decimal point always; `add_dot0` adds ".0" to integral fixed output.
fn layout(digits: &str, decpt: i32, use_exp: bool, alt: bool, add_dot0: bool, upper: bool) -> String {
    let mut out = String::new();
    if use_exp {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        if !rest.is_empty() || alt {
            out.push('.');
            out.push_str(rest);
        }
        exp_suffix(&mut out, decpt - 1, upper);
        return out;
    }
    let n = digits.len() as i32;
    if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(digits);
    } else if decpt >= n {
        out.push_str(digits);
        for _ in 0..(decpt - n) {
            out.push('0');
        }
        if alt {
            out.push('.');
        } else if add_dot0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

fn strip_zeros(mut d: String) -> String {
    while d.len() > 1 && d.ends_with('0') {
        d.pop();
    }
    d
}

fn special(x: f64, upper: bool) -> Option<String> {
    if x.is_nan() {
        return Some(if upper { "NAN" } else { "nan" }.into());
    }
    if x.is_infinite() {
        return Some(if upper { "INF" } else { "inf" }.into());
    }
    None
}

/// `repr(x)` for a float.
pub fn repr(x: f64) -> String {
    let mut s = String::new();
    if x.is_sign_negative() && !x.is_nan() {
        s.push('-');
    }
    s.push_str(&repr_abs(x.abs(), false, false));
    s
}

/// The repr layout ('r' mode) of `x >= 0`: shortest digits, exponent when
/// `decpt <= -4 or decpt > 16`.
pub fn repr_abs(x: f64, alt: bool, upper: bool) -> String {
    repr_abs_opt(x, alt, upper, true)
}

/// The repr layout; `add_dot0` false gives complex's parts ("1", not "1.0").
pub fn repr_abs_opt(x: f64, alt: bool, upper: bool, add_dot0: bool) -> String {
    if let Some(s) = special(x, upper) {
        return s;
    }
    let (d, decpt) = shortest_digits(x);
    let use_exp = decpt <= -4 || decpt > 16;
    layout(&d, decpt, use_exp, alt, add_dot0, upper)
}

/// 'e' format of `x >= 0` with `prec` digits after the point.
pub fn format_e(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    if let Some(s) = special(x, upper) {
        return s;
    }
    let (d, decpt) = rounded_digits(x, prec + 1);
    layout(&d, decpt, true, alt, false, upper)
}

/// 'f' format of `x >= 0` with `prec` digits after the point.
pub fn format_f(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    if let Some(s) = special(x, upper) {
        return s;
    }
    let mut s = format!("{:.*}", prec, x);
    if alt && prec == 0 {
        s.push('.');
    }
    s
}

/// 'g' format of `x >= 0` with `prec` significant digits. `add_dot0` is the
/// no-type-with-precision variant (exponent from `decpt > prec - 1`, ".0" added).
pub fn format_g(x: f64, prec: usize, alt: bool, upper: bool, add_dot0: bool) -> String {
    if let Some(s) = special(x, upper) {
        return s;
    }
    let p = prec.max(1);
    let (d, decpt) = rounded_digits(x, p);
    let mut d = if alt { d } else { strip_zeros(d) };
    if x == 0.0 {
        d = if alt { "0".repeat(p) } else { "0".into() };
    }
    let limit = if add_dot0 { p as i32 - 1 } else { p as i32 };
    let use_exp = decpt <= -4 || decpt > limit;
    layout(&d, if x == 0.0 { 1 } else { decpt }, use_exp, alt, add_dot0, upper)
}

/// printf-style formatting of `x` (any sign) for `%`-formatting and `__format__`:
/// `ty` is one of e E f F g G r; returns the text without sign for `|x|` and
/// whether `x` is negative.
pub fn format_abs(x: f64, ty: char, prec: Option<usize>, alt: bool) -> (bool, String) {
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let s = match ty {
        'e' | 'E' => format_e(a, prec.unwrap_or(6), alt, ty == 'E'),
        'f' | 'F' => format_f(a, prec.unwrap_or(6), alt, ty == 'F'),
        'g' | 'G' => format_g(a, prec.unwrap_or(6), alt, ty == 'G', false),
        _ => match prec {
            None => repr_abs(a, alt, false),
            Some(p) => format_g(a, p, alt, false, true),
        },
    };
    (neg, s)
}
