//! Escape sequences of string and bytes literals, as CPython 3.11 decodes
//! them (Parser/string_parser.c `decode_unicode_with_escapes`, then the
//! `unicodeescape` codec; `_PyBytes_DecodeEscape` for bytes). Only the errors
//! are produced: "(unicode error) 'unicodeescape' codec can't decode bytes in
//! position A-B: ..." and "(value error) invalid \x escape at position N".

/// Checks the body (between the quotes) of a non-raw literal.
pub fn check_escapes(body: &[u8], is_bytes: bool) -> Result<(), String> {
    if !body.contains(&b'\\') {
        return Ok(());
    }
    if is_bytes {
        return check_bytes(body);
    }
    // CPython first rewrites non-ASCII characters as \UXXXXXXXX (10 bytes)
    // and a backslash before one (or at the end) as \u005c: positions are
    // counted in that buffer.
    let mut buf: Vec<u8> = Vec::with_capacity(body.len() * 2);
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'\\' {
            buf.push(b'\\');
            i += 1;
            if i >= body.len() || body[i] & 0x80 != 0 {
                buf.extend_from_slice(b"u005c");
                if i >= body.len() {
                    break;
                }
            }
        }
        if body[i] & 0x80 != 0 {
            let len = utf8_len(body[i]).min(body.len() - i);
            let ch = std::str::from_utf8(&body[i..i + len]).ok().and_then(|s| s.chars().next()).map_or(0xfffd, |c| c as u32);
            buf.extend_from_slice(format!("\\U{ch:08x}").as_bytes());
            i += len;
            continue;
        }
        buf.push(body[i]);
        i += 1;
    }
    check_unicode_escape(&buf)
}

fn utf8_len(b: u8) -> usize {
    match b {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

fn unicode_error(start: usize, end: usize, msg: &str) -> String {
    format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {msg}", end - 1)
}

/// The `unicodeescape` decoder's error cases.
fn check_unicode_escape(s: &[u8]) -> Result<(), String> {
    let end = s.len();
    let mut i = 0;
    while i < end {
        if s[i] != b'\\' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= end {
            return Err(unicode_error(start, end, "\\ at end of string"));
        }
        let c = s[i];
        i += 1;
        let (count, msg) = match c {
            b'x' => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' => {
                let msg = "malformed \\N character escape";
                if i >= end {
                    return Err(unicode_error(start, end, msg));
                }
                if s[i] == b'{' {
                    i += 1;
                    let name_start = i;
                    while i < end && s[i] != b'}' {
                        i += 1;
                    }
                    if i >= end {
                        return Err(unicode_error(start, end, msg));
                    }
                    if i > name_start {
                        let name = String::from_utf8_lossy(&s[name_start..i]).into_owned();
                        i += 1;
                        if unicode_names2::character(&name).is_some() {
                            continue;
                        }
                        return Err(unicode_error(start, i, "unknown Unicode character name"));
                    }
                }
                return Err(unicode_error(start, i, msg));
            }
            _ => continue,
        };
        let mut ch: u32 = 0;
        for _ in 0..count {
            if i >= end {
                return Err(unicode_error(start, end, msg));
            }
            let Some(d) = (s[i] as char).to_digit(16) else {
                return Err(unicode_error(start, i, msg));
            };
            ch = (ch << 4) | d;
            i += 1;
        }
        if ch > 0x10ffff {
            return Err(unicode_error(start, i, "illegal Unicode character"));
        }
    }
    Ok(())
}

/// `_PyBytes_DecodeEscape`: only `\x` can fail.
fn check_bytes(s: &[u8]) -> Result<(), String> {
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'\\' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= s.len() {
            return Err("(value error) Trailing \\ in string".into());
        }
        let c = s[i];
        i += 1;
        if c == b'x' {
            let ok = i + 1 < s.len() && s[i].is_ascii_hexdigit() && s[i + 1].is_ascii_hexdigit();
            if !ok {
                return Err(format!("(value error) invalid \\x escape at position {start}"));
            }
            i += 2;
        }
    }
    Ok(())
}
