//! Small str helpers shared by the VM core.

use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

/// A one-character str.
pub fn char_value(vm: &mut Vm, cp: u32) -> Value {
    if cp < 128 {
        let s = [cp as u8];
        // SAFETY: ASCII.
        let s = unsafe { std::str::from_utf8_unchecked(&s) };
        return crate::value::Value::Obj(vm.intern(s));
    }
    vm.new_str_data(PyStr::from_code_points([cp]))
}

/// The decimal digits of `i` (with a leading `-`), written at the end of `buf`.
pub fn i64_decimal(i: i64, buf: &mut [u8; 20]) -> &[u8] {
    let mut n = i.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

/// `str(i)` for a machine int: always a new str, as in CPython.
pub fn int_str(vm: &mut Vm, i: i64) -> PyRef {
    let mut buf = [0u8; 20];
    let d = i64_decimal(i, &mut buf);
    let max = d.iter().copied().max().unwrap_or(0) as u32;
    crate::object::PyObject::new(vm.types.str.clone(), crate::object::Payload::Str(PyStr::from_parts(d.to_vec(), d.len(), max)))
}

/// The text of a str value, if it is one.
pub fn as_rust_str(v: &Value) -> Option<String> {
    v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str_lossy().into_owned())
}

// ----- Unicode character properties -----------------------------------------

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::unicode_db as db;

fn in_table(t: &[(u32, u32)], c: u32) -> bool {
    t.binary_search_by(|&(a, b)| {
        if c < a {
            std::cmp::Ordering::Greater
        } else if c > b {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

fn map_lookup(t: &'static [(u32, &'static str)], c: u32) -> Option<&'static str> {
    t.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| t[i].1)
}

/// `c.isalpha()`.
pub fn is_alpha(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphabetic();
    }
    in_table(db::ALPHA, c)
}
/// `c.isdecimal()`.
pub fn is_decimal(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    in_table(db::DECIMAL, c)
}
/// `c.isdigit()`.
pub fn is_digit(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    in_table(db::DIGIT, c)
}
/// `c.isnumeric()`.
pub fn is_numeric(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    in_table(db::NUMERIC, c)
}
/// `c.isalnum()`.
pub fn is_alnum(c: u32) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}
/// `c.isspace()`.
pub fn is_space(c: u32) -> bool {
    if c < 128 {
        return matches!(c, 9..=13 | 28..=32);
    }
    in_table(db::SPACE, c)
}
/// The Lowercase property.
pub fn is_lower(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_lowercase();
    }
    in_table(db::LOWER, c)
}
/// The Uppercase property.
pub fn is_upper(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_uppercase();
    }
    in_table(db::UPPER, c)
}
/// Titlecase letter (Lt).
pub fn is_titlecase(c: u32) -> bool {
    c >= 128 && in_table(db::TITLE, c)
}
/// Cased: lowercase, uppercase or titlecase.
pub fn is_cased(c: u32) -> bool {
    is_lower(c) || is_upper(c) || is_titlecase(c)
}
/// Case-ignorable (for the final sigma rule).
pub fn is_case_ignorable(c: u32) -> bool {
    in_table(db::CASE_IGNORABLE, c)
}
/// `c.isprintable()`.
pub fn is_printable(c: u32) -> bool {
    if c < 128 {
        return (32..127).contains(&c);
    }
    in_table(db::PRINTABLE, c)
}
/// Identifier start (XID_Start or '_').
pub fn is_xid_start(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphabetic() || c == b'_' as u32;
    }
    in_table(db::XID_START, c)
}
/// Identifier continuation (XID_Continue).
pub fn is_xid_continue(c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphanumeric() || c == b'_' as u32;
    }
    in_table(db::XID_CONTINUE, c)
}
/// The decimal value of a decimal digit character (`unicodedata.decimal`).
pub fn decimal_value(c: u32) -> Option<u32> {
    if c < 128 {
        return (c as u8 as char).to_digit(10);
    }
    let t = db::DECIMAL;
    let i = t.partition_point(|&(a, _)| a <= c);
    let (a, b) = *t.get(i.checked_sub(1)?)?;
    if c >= a && c <= b {
        Some((c - a) % 10)
    } else {
        None
    }
}

fn push_mapped(out: &mut Vec<u32>, m: &str) {
    out.extend(m.chars().map(|ch| ch as u32));
}

/// Appends the full lowercase mapping of `c`.
pub fn push_lower(out: &mut Vec<u32>, c: u32) {
    if c < 128 {
        out.push((c as u8).to_ascii_lowercase() as u32);
    } else if let Some(m) = map_lookup(db::LOWER_MAP, c) {
        push_mapped(out, m);
    } else {
        out.push(c);
    }
}
/// Appends the full uppercase mapping of `c`.
pub fn push_upper(out: &mut Vec<u32>, c: u32) {
    if c < 128 {
        out.push((c as u8).to_ascii_uppercase() as u32);
    } else if let Some(m) = map_lookup(db::UPPER_MAP, c) {
        push_mapped(out, m);
    } else {
        out.push(c);
    }
}
/// Appends the full titlecase mapping of `c`.
pub fn push_title(out: &mut Vec<u32>, c: u32) {
    if c >= 128 {
        if let Some(m) = map_lookup(db::TITLE_MAP, c) {
            push_mapped(out, m);
            return;
        }
    }
    push_upper(out, c)
}
/// Appends the case folding of `c`.
pub fn push_fold(out: &mut Vec<u32>, c: u32) {
    if c >= 128 {
        if let Some(m) = map_lookup(db::FOLD_MAP, c) {
            push_mapped(out, m);
            return;
        }
    }
    push_lower(out, c)
}

/// Lowercases code point `i` of `cps`, applying the final sigma rule.
pub fn push_lower_at(out: &mut Vec<u32>, cps: &[u32], i: usize) {
    let c = cps[i];
    if c == 0x3A3 {
        out.push(if final_sigma(cps, i) { 0x3C2 } else { 0x3C3 });
    } else {
        push_lower(out, c);
    }
}

fn final_sigma(cps: &[u32], i: usize) -> bool {
    let mut j = i;
    let mut before = false;
    while j > 0 {
        j -= 1;
        let c = cps[j];
        if !is_case_ignorable(c) {
            before = is_cased(c);
            break;
        }
    }
    if !before {
        return false;
    }
    for &c in &cps[i + 1..] {
        if !is_case_ignorable(c) {
            return !is_cased(c);
        }
    }
    true
}

// ----- slices and indices ----------------------------------------------------

/// An index argument clamped to `isize` (slice bounds accept any int).
pub fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        _ => {
            let has_index = {
                let n = vm.names.__index__.clone();
                vm.lookup_special(v, &n).is_some()
            };
            if !has_index && !matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Int(_))) {
                return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
            }
            match vm.index(v)? {
                Value::Int(i) => Ok(Some(i)),
                Value::Obj(o) => match &o.payload {
                    Payload::Int(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX })),
                    _ => Ok(Some(0)),
                },
                _ => Ok(Some(0)),
            }
        }
    }
}

/// `slice.indices(len)`: (start, stop, step, number of items).
pub fn slice_indices(vm: &mut Vm, slice: &PyRef, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let Payload::Slice { start, stop, step } = &slice.payload else {
        return Err(vm.type_error("expected a slice"));
    };
    let (start, stop, step) = (start.clone(), stop.clone(), step.clone());
    let step = slice_bound(vm, &step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let step = step.max(-i64::MAX);
    let len = len as i64;
    let start = slice_bound(vm, &start)?;
    let stop = slice_bound(vm, &stop)?;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, dflt: i64| -> i64 {
        match v {
            None => dflt,
            Some(x) if x < 0 => {
                let y = x.saturating_add(len);
                if y < 0 {
                    lo
                } else {
                    y
                }
            }
            Some(x) => x.min(hi),
        }
    };
    let start = fix(start, if step < 0 { hi } else { lo });
    let stop = fix(stop, if step < 0 { lo } else { hi });
    let n = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, n))
}

/// Normalises a sequence index (negative counts from the end); None when out of range.
pub fn seq_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i.checked_add(len)? } else { i };
    if j < 0 || j >= len {
        None
    } else {
        Some(j as usize)
    }
}

/// The index value of `v` for subscripts: `Ok(Some(i))` for ints (clamped for
/// huge ints so the range check fails), `Ok(None)` if `v` has no `__index__`.
pub fn subscript_index(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::Float(_) | Value::None | Value::Null => Ok(None),
        Value::Obj(o) => {
            if let Payload::Int(b) = &o.payload {
                // A big int, or an int subclass instance of any size.
                if let Some(i) = num_traits::ToPrimitive::to_i64(b) {
                    return Ok(Some(i));
                }
                return Ok(Some(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }));
            }
            let n = vm.names.__index__.clone();
            if vm.lookup_special(v, &n).is_none() {
                return Ok(None);
            }
            match vm.index(v)? {
                Value::Int(i) => Ok(Some(i)),
                Value::Obj(o) => match &o.payload {
                    Payload::Int(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX })),
                    _ => Ok(None),
                },
                _ => Ok(None),
            }
        }
    }
}

/// Adjusts `start`/`end` arguments of `find`-like methods to `0..=len`.
pub fn adjust_range(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize, bool) {
    let len_i = len as i64;
    let fix = |v: i64| -> i64 {
        if v < 0 {
            (v.saturating_add(len_i)).max(0)
        } else {
            v
        }
    };
    let s = fix(start.unwrap_or(0));
    let e = fix(end.unwrap_or(len_i)).min(len_i);
    if s > len_i {
        return (len, len, false);
    }
    (s as usize, e.max(0) as usize, s <= e)
}

/// The text of `v` if it is a str (any subclass).
pub fn str_of(v: &Value) -> Option<&PyStr> {
    v.as_obj().and_then(|o| o.as_str())
}

/// The bytes of a bytes-like object (bytes, bytearray, or a subclass).
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        Some(Payload::Native(_)) => crate::types::memoryview::view_of(v)
            .filter(|m| !m.released.get())
            .map(crate::types::memoryview::view_bytes),
        _ => None,
    }
}

/// A Python int value from a usize.
pub fn int_value(n: usize) -> Value {
    Value::Int(n as i64)
}
