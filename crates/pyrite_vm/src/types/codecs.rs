//! Text encodings for `str.encode` / `bytes.decode`; CPython:
//! Objects/unicodeobject.c (the UTF-8, ASCII, Latin-1, UTF-16 and UTF-32
//! codecs) and Python/codecs.c (the error handlers).
//!
//! Codecs: utf-8, ascii, latin-1, utf-16(-le/-be), utf-32(-le/-be).
//! Error handlers: strict, ignore, replace, backslashreplace, surrogateescape,
//! surrogatepass, xmlcharrefreplace (namereplace falls back to backslash escapes).

use crate::error::{PyErr, PyResult};
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

/// A supported codec.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
    Cp1252,
}

/// cp1252's bytes 0x80..=0x9F (0: undefined); other bytes map to Latin-1.
const CP1252_HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0, 0,
    0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178,
];

fn cp1252_encode(c: u32) -> Option<u8> {
    if c < 0x80 || (0xA0..0x100).contains(&c) {
        return Some(c as u8);
    }
    CP1252_HIGH.iter().position(|&x| x as u32 == c && x != 0).map(|i| 0x80 + i as u8)
}

impl Codec {
    /// CPython's canonical codec name (used in error messages).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
            Codec::Cp1252 => "charmap",
        }
    }
}

/// Looks up a codec by any of its names (case, '-', '_' and ' ' insensitive).
pub fn lookup(name: &str) -> Option<Codec> {
    let n: String = name
        .trim()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() })
        .collect();
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367" | "csascii"
        | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100"
        | "iso_8859_1_1987" | "ibm819" | "csisolatin1" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16,
        "utf_16_le" | "utf_16le" | "utf16le" => Codec::Utf16Le,
        "utf_16_be" | "utf_16be" | "utf16be" => Codec::Utf16Be,
        "utf_32" | "utf32" | "u32" => Codec::Utf32,
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32Le,
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32Be,
        "cp1252" | "windows_1252" | "1252" => Codec::Cp1252,
        _ => return None,
    })
}

fn unknown_encoding(vm: &mut Vm, name: &str) -> PyErr {
    let c = vm.exc.lookup_error.clone();
    vm.new_exception_msg(&c, &format!("unknown encoding: {}", name))
}

fn unknown_handler(vm: &mut Vm, name: &str) -> PyErr {
    let c = vm.exc.lookup_error.clone();
    vm.new_exception_msg(&c, &format!("unknown error handler name '{}'", name))
}

fn known_handler(name: &str) -> bool {
    matches!(
        name,
        "strict" | "ignore" | "replace" | "backslashreplace" | "surrogateescape" | "surrogatepass" | "xmlcharrefreplace" | "namereplace"
    )
}

/// A UnicodeEncodeError with CPython's args and attributes.
pub fn encode_error(vm: &mut Vm, enc: &str, obj: &Value, start: usize, end: usize, reason: &str) -> PyErr {
    let cls = vm.exc.unicode_encode_error.clone();
    unicode_error(vm, &cls, enc, obj.clone(), start, end, reason)
}

/// A UnicodeDecodeError with CPython's args and attributes.
pub fn decode_error(vm: &mut Vm, enc: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let cls = vm.exc.unicode_decode_error.clone();
    let obj = vm.new_bytes(data.to_vec());
    unicode_error(vm, &cls, enc, obj, start, end, reason)
}

fn unicode_error(vm: &mut Vm, cls: &crate::object::PyRef, enc: &str, obj: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let e = vm.new_str(enc);
    let r = vm.new_str(reason);
    let args = vec![e.clone(), obj.clone(), Value::Int(start as i64), Value::Int(end as i64), r.clone()];
    let err = vm.new_exception(cls, args);
    let d = err.0.dict.borrow().clone();
    if let Some(d) = d {
        for (k, v) in [
            ("encoding", e),
            ("object", obj),
            ("start", Value::Int(start as i64)),
            ("end", Value::Int(end as i64)),
            ("reason", r),
        ] {
            let k = vm.intern(k);
            crate::types::dict::dict_set_str(&d, &k, v);
        }
    }
    err
}

/// CPython's message for a Unicode(En|De)codeError (what its `__str__` shows).
pub fn unicode_error_message(vm: &mut Vm, exc: &Value) -> PyResult<Option<String>> {
    let get = |vm: &mut Vm, n: &str| -> PyResult<Option<Value>> {
        let k = vm.intern(n);
        vm.get_attr_opt(exc, &k)
    };
    let (Some(enc), Some(obj), Some(start), Some(end), Some(reason)) =
        (get(vm, "encoding")?, get(vm, "object")?, get(vm, "start")?, get(vm, "end")?, get(vm, "reason")?)
    else {
        return Ok(None);
    };
    let enc = vm.str_string(&enc)?;
    let reason = vm.str_string(&reason)?;
    let (Value::Int(start), Value::Int(end)) = (start, end) else { return Ok(None) };
    if let Some(s) = crate::types::strops::str_of(&obj) {
        if end == start + 1 {
            if let Some(c) = s.code_point_at(start.max(0) as usize) {
                let ch = if c < 0x100 {
                    format!("\\x{:02x}", c)
                } else if c < 0x10000 {
                    format!("\\u{:04x}", c)
                } else {
                    format!("\\U{:08x}", c)
                };
                return Ok(Some(format!(
                    "'{}' codec can't encode character '{}' in position {}: {}",
                    enc, ch, start, reason
                )));
            }
        }
        return Ok(Some(format!(
            "'{}' codec can't encode characters in position {}-{}: {}",
            enc,
            start,
            end - 1,
            reason
        )));
    }
    if let Some(b) = crate::types::strops::bytes_like(&obj) {
        if end == start + 1 {
            if let Some(byte) = b.get(start.max(0) as usize) {
                return Ok(Some(format!(
                    "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                    enc, byte, start, reason
                )));
            }
        }
        return Ok(Some(format!(
            "'{}' codec can't decode bytes in position {}-{}: {}",
            enc,
            start,
            end - 1,
            reason
        )));
    }
    Ok(None)
}

// ----- encoding ------------------------------------------------------------------

fn push_escape(out: &mut Vec<u8>, c: u32) {
    let s = if c < 0x100 {
        format!("\\x{:02x}", c)
    } else if c < 0x10000 {
        format!("\\u{:04x}", c)
    } else {
        format!("\\U{:08x}", c)
    };
    out.extend_from_slice(s.as_bytes());
}

fn push_unit(out: &mut Vec<u8>, codec: Codec, c: u32) {
    match codec {
        Codec::Utf8 => pyrite_bytecode::wtf8::push_code_point(out, c),
        Codec::Ascii | Codec::Latin1 => out.push(c as u8),
        Codec::Cp1252 => out.push(cp1252_encode(c).unwrap_or(b'?')),
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let be = codec == Codec::Utf16Be;
            let mut put = |u: u16| {
                if be {
                    out.extend_from_slice(&u.to_be_bytes())
                } else {
                    out.extend_from_slice(&u.to_le_bytes())
                }
            };
            if c >= 0x10000 {
                let v = c - 0x10000;
                put(0xD800 | (v >> 10) as u16);
                put(0xDC00 | (v & 0x3FF) as u16);
            } else {
                put(c as u16);
            }
        }
        Codec::Utf32 | Codec::Utf32Le => out.extend_from_slice(&c.to_le_bytes()),
        Codec::Utf32Be => out.extend_from_slice(&c.to_be_bytes()),
    }
}

/// `s.encode(encoding, errors)`; `obj` is the str object (for error attributes).
pub fn encode(vm: &mut Vm, obj: &Value, s: &PyStr, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = lookup(encoding) else {
        return Err(unknown_encoding(vm, encoding));
    };
    if codec == Codec::Utf8 && s.try_as_str().is_some() {
        return Ok(s.as_wtf8().to_vec());
    }
    let (limit, reason) = match codec {
        Codec::Ascii => (0x80, "ordinal not in range(128)"),
        Codec::Latin1 => (0x100, "ordinal not in range(256)"),
        Codec::Cp1252 => (0x100, "character maps to <undefined>"),
        _ => (0x110000, "surrogates not allowed"),
    };
    let bad = |c: u32| {
        if codec == Codec::Cp1252 {
            return cp1252_encode(c).is_none();
        }
        c >= limit || (0xD800..0xE000).contains(&c)
    };
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    match codec {
        Codec::Utf16 => out.extend_from_slice(&[0xFF, 0xFE]),
        Codec::Utf32 => out.extend_from_slice(&[0xFF, 0xFE, 0, 0]),
        _ => {}
    }
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if !bad(c) {
            push_unit(&mut out, codec, c);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && bad(cps[end]) {
            end += 1;
        }
        let codec_name = if codec == Codec::Utf16 || codec == Codec::Utf32 {
            codec.name()
        } else {
            codec.name()
        };
        match errors {
            "strict" => return Err(encode_error(vm, codec_name, obj, i, end, reason)),
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat(b'?').take(end - i).flat_map(|q| {
                let mut v = Vec::new();
                push_unit(&mut v, if limit < 0x110000 { Codec::Ascii } else { codec }, q as u32);
                v
            })),
            "backslashreplace" | "namereplace" => {
                for &c in &cps[i..end] {
                    let mut e = Vec::new();
                    push_escape(&mut e, c);
                    for b in e {
                        push_unit(&mut out, codec, b as u32);
                    }
                }
            }
            "xmlcharrefreplace" => {
                for &c in &cps[i..end] {
                    for b in format!("&#{};", c).bytes() {
                        push_unit(&mut out, codec, b as u32);
                    }
                }
            }
            "surrogateescape" => {
                for (k, &c) in cps[i..end].iter().enumerate() {
                    if (0xDC80..0xDD00).contains(&c) {
                        out.push((c - 0xDC00) as u8);
                    } else {
                        return Err(encode_error(vm, codec_name, obj, i + k, i + k + 1, reason));
                    }
                }
            }
            "surrogatepass" => {
                for (k, &c) in cps[i..end].iter().enumerate() {
                    if (0xD800..0xE000).contains(&c) && limit == 0x110000 {
                        push_unit(&mut out, codec, c);
                    } else {
                        return Err(encode_error(vm, codec_name, obj, i + k, i + k + 1, reason));
                    }
                }
            }
            other => {
                if !known_handler(other) {
                    return Err(unknown_handler(vm, other));
                }
            }
        }
        i = end;
    }
    Ok(out)
}

// ----- decoding ------------------------------------------------------------------

/// Length of a valid UTF-8 sequence at `b[i..]`, or Err((bad length, reason)).
fn utf8_seq(b: &[u8], i: usize, surrogatepass: bool) -> Result<(u32, usize), (usize, &'static str)> {
    let b0 = b[i];
    if b0 < 0x80 {
        return Ok((b0 as u32, 1));
    }
    let (n, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xED => (3, 0x80, if surrogatepass { 0xBF } else { 0x9F }),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return Err((1, "invalid start byte")),
    };
    let mut cp = (b0 as u32) & (0x7F >> n);
    for k in 1..n {
        let Some(&c) = b.get(i + k) else {
            return Err((b.len() - i, "unexpected end of data"));
        };
        let ok = if k == 1 { (lo..=hi).contains(&c) } else { (0x80..=0xBF).contains(&c) };
        if !ok {
            return Err((k, "invalid continuation byte"));
        }
        cp = (cp << 6) | (c as u32 & 0x3F);
    }
    Ok((cp, n))
}

/// Decodes `data`; returns a str value.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    let Some(codec) = lookup(encoding) else {
        return Err(unknown_encoding(vm, encoding));
    };
    if codec == Codec::Utf8 {
        if let Ok(s) = std::str::from_utf8(data) {
            return Ok(vm.new_str(s));
        }
    }
    if codec == Codec::Ascii && data.is_ascii() {
        // SAFETY: ASCII is valid UTF-8.
        return Ok(vm.new_str(unsafe { std::str::from_utf8_unchecked(data) }));
    }
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let name = codec.name();
    let surrogatepass = errors == "surrogatepass";
    let mut i = 0;
    // Byte order for UTF-16/32 with a BOM.
    let mut little = true;
    let unit = match codec {
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => 2,
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => 4,
        _ => 1,
    };
    match codec {
        Codec::Utf16 => {
            if data.starts_with(&[0xFF, 0xFE]) {
                i = 2;
            } else if data.starts_with(&[0xFE, 0xFF]) {
                i = 2;
                little = false;
            }
        }
        Codec::Utf32 => {
            if data.starts_with(&[0xFF, 0xFE, 0, 0]) {
                i = 4;
            } else if data.starts_with(&[0, 0, 0xFE, 0xFF]) {
                i = 4;
                little = false;
            }
        }
        Codec::Utf16Be | Codec::Utf32Be => little = false,
        _ => {}
    }
    let rd16 = |b: &[u8], k: usize| -> u32 {
        if little {
            u16::from_le_bytes([b[k], b[k + 1]]) as u32
        } else {
            u16::from_be_bytes([b[k], b[k + 1]]) as u32
        }
    };
    while i < data.len() {
        // Each arm yields Ok(code point, length) or Err(bad length, reason).
        let r: Result<(u32, usize), (usize, &'static str)> = match codec {
            Codec::Utf8 => utf8_seq(data, i, surrogatepass),
            Codec::Ascii => {
                if data[i] < 0x80 {
                    Ok((data[i] as u32, 1))
                } else {
                    Err((1, "ordinal not in range(128)"))
                }
            }
            Codec::Latin1 => Ok((data[i] as u32, 1)),
            Codec::Cp1252 => {
                let b = data[i];
                if (0x80..0xA0).contains(&b) {
                    match CP1252_HIGH[(b - 0x80) as usize] {
                        0 => Err((1, "character maps to <undefined>")),
                        c => Ok((c as u32, 1)),
                    }
                } else {
                    Ok((b as u32, 1))
                }
            }
            _ if unit == 2 => {
                if i + 2 > data.len() {
                    Err((data.len() - i, "truncated data"))
                } else {
                    let u = rd16(data, i);
                    if (0xD800..0xDC00).contains(&u) {
                        if i + 4 > data.len() {
                            Err((data.len() - i, "unexpected end of data"))
                        } else {
                            let u2 = rd16(data, i + 2);
                            if (0xDC00..0xE000).contains(&u2) {
                                Ok((0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00), 4))
                            } else if surrogatepass {
                                Ok((u, 2))
                            } else {
                                Err((2, "illegal UTF-16 surrogate"))
                            }
                        }
                    } else if (0xDC00..0xE000).contains(&u) && !surrogatepass {
                        Err((2, "illegal encoding"))
                    } else {
                        Ok((u, 2))
                    }
                }
            }
            _ => {
                if i + 4 > data.len() {
                    Err((data.len() - i, "truncated data"))
                } else {
                    let w = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                    let u = if little { u32::from_le_bytes(w) } else { u32::from_be_bytes(w) };
                    if u >= 0x110000 {
                        Err((4, "code point not in range(0x110000)"))
                    } else if (0xD800..0xE000).contains(&u) && !surrogatepass {
                        Err((4, "code point in surrogate code point range(0xd800, 0xe000)"))
                    } else {
                        Ok((u, 4))
                    }
                }
            }
        };
        match r {
            Ok((c, n)) => {
                out.push(c);
                i += n;
            }
            Err((n, reason)) => {
                let end = i + n.max(1);
                match errors {
                    "strict" => return Err(decode_error(vm, name, data, i, end, reason)),
                    "ignore" => {}
                    "replace" => out.push(0xFFFD),
                    "backslashreplace" | "namereplace" => {
                        for &b in &data[i..end] {
                            out.extend(format!("\\x{:02x}", b).bytes().map(|x| x as u32));
                        }
                    }
                    "surrogateescape" => {
                        for (k, &b) in data[i..end].iter().enumerate() {
                            if b < 128 {
                                return Err(decode_error(vm, name, data, i + k, i + k + 1, reason));
                            }
                            out.push(0xDC00 + b as u32);
                        }
                    }
                    "surrogatepass" | "xmlcharrefreplace" => {
                        return Err(decode_error(vm, name, data, i, end, reason));
                    }
                    other => return Err(unknown_handler(vm, other)),
                }
                i = end;
            }
        }
    }
    Ok(crate::types::strtype::from_cps(vm, &out))
}
