//! Source decoding per PEP 263: UTF-8 BOM, a coding cookie on line 1 or 2,
//! UTF-8 by default. CPython: Parser/tokenizer.c (`check_bom`,
//! `check_coding_spec`, `get_normal_name`, `decode_str`) and `encodings`.
//!
//! Two flavours, as CPython has two: [`decode_source`] is `compile(bytes)` /
//! `import` (errors as `compile()` reports them) and [`decode_source_file`] is
//! the script runner's file tokenizer ("Non-UTF-8 code starting with ...").

use crate::{CompileError, ErrorKind};

/// Decodes source bytes as `compile(source_bytes, ...)` (and `import`) does.
///
/// Invalid UTF-8 inside comments is tolerated (CPython never decodes comments);
/// elsewhere it is the "(unicode error) 'utf-8' codec can't decode ..." error of
/// the token holding it. Invalid bytes inside bytes literals are replaced with
/// U+FFFD so that the parser reports "bytes can only contain ASCII literal
/// characters", as CPython does. `lineno == 0` with `offset == 0` stands for
/// CPython's `lineno=0, offset=-1` (encoding errors) and for `None` (null bytes).
pub fn decode_source(bytes: &[u8]) -> Result<String, CompileError> {
    if bytes.contains(&0) {
        return Err(null_bytes_error());
    }
    let (body, encoding) = find_encoding(bytes, false)?;
    match encoding {
        None => decode_utf8_tokens(body),
        Some(enc) => decode_with(body, bytes.len() - body.len(), &enc, false),
    }
}

/// Decodes a script file as `python3 FILE` does; `filename` appears in the
/// "Non-UTF-8 code" message.
pub fn decode_source_file(bytes: &[u8], filename: &str) -> Result<String, CompileError> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let lineno = line_at(bytes, pos);
        return Err(CompileError {
            kind: ErrorKind::SyntaxError,
            msg: "source code cannot contain null bytes".into(),
            lineno,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        });
    }
    let (body, encoding) = find_encoding(bytes, true)?;
    match encoding {
        None => match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_owned()),
            Err(e) => {
                let pos = e.valid_up_to();
                let skipped = bytes.len() - body.len();
                Err(plain_error(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[pos],
                    filename,
                    line_at(bytes, pos + skipped)
                )))
            }
        },
        Some(enc) => decode_with(body, bytes.len() - body.len(), &enc, true),
    }
}

fn null_bytes_error() -> CompileError {
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg: "source code string cannot contain null bytes".into(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// An error CPython reports with `lineno=0, offset=-1`.
fn plain_error(msg: String) -> CompileError {
    CompileError { kind: ErrorKind::SyntaxError, msg, lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: None }
}

fn line_at(bytes: &[u8], pos: usize) -> u32 {
    bytes[..pos.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() as u32 + 1
}

/// Strips a UTF-8 BOM and reads the coding cookie. Returns the remaining bytes
/// and the declared encoding's normalised name (`None` for UTF-8).
fn find_encoding(bytes: &[u8], file: bool) -> Result<(&[u8], Option<String>), CompileError> {
    let (body, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let mut cookie = None;
    if let Some(first) = lines.next() {
        match coding_spec(first) {
            Cookie::Found(name) => cookie = Some(name),
            Cookie::CommentOrBlank => {
                if let Some(second) = lines.next() {
                    if let Cookie::Found(name) = coding_spec(second) {
                        cookie = Some(name);
                    }
                }
            }
            Cookie::Code => {}
        }
    }
    let Some(name) = cookie else { return Ok((body, None)) };
    if name == "utf-8" {
        return Ok((body, None));
    }
    if bom {
        return Err(plain_error(format!("encoding problem: {name} with BOM")));
    }
    if codec_of(&name).is_none() {
        let msg = if file { format!("encoding problem: {name}") } else { format!("unknown encoding: {name}") };
        return Err(plain_error(msg));
    }
    Ok((body, Some(name)))
}

enum Cookie {
    Found(String),
    CommentOrBlank,
    Code,
}

/// `get_coding_spec` + `get_normal_name`: the line must be a comment; the
/// cookie matches `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
fn coding_spec(line: &[u8]) -> Cookie {
    let mut i = 0;
    while i < line.len() && matches!(line[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    if i >= line.len() || matches!(line[i], b'\n' | b'\r') {
        return Cookie::CommentOrBlank;
    }
    if line[i] != b'#' {
        return Cookie::Code;
    }
    let text = &line[i..];
    let mut k = 0;
    while k + 6 <= text.len() {
        if &text[k..k + 6] == b"coding" {
            let mut j = k + 6;
            if j < text.len() && (text[j] == b':' || text[j] == b'=') {
                j += 1;
                while j < text.len() && (text[j] == b' ' || text[j] == b'\t') {
                    j += 1;
                }
                let start = j;
                while j < text.len() && (text[j].is_ascii_alphanumeric() || matches!(text[j], b'-' | b'_' | b'.')) {
                    j += 1;
                }
                if j > start {
                    let raw = String::from_utf8_lossy(&text[start..j]).into_owned();
                    return Cookie::Found(normal_name(&raw));
                }
            }
        }
        k += 1;
    }
    Cookie::CommentOrBlank
}

/// CPython's `get_normal_name`: spellings of UTF-8 and Latin-1 become
/// "utf-8" and "iso-8859-1"; anything else is kept as written.
fn normal_name(s: &str) -> String {
    let buf: String = s.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].iter().any(|p| buf == *p || buf.starts_with(&format!("{p}-"))) {
        "iso-8859-1".into()
    } else {
        s.to_owned()
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Cp1252,
    Iso8859_15,
}

/// Python's codec lookup: `encodings.normalize_encoding`, then the alias table.
fn codec_of(name: &str) -> Option<Codec> {
    let mut norm = String::new();
    let mut pending_sep = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending_sep && !norm.is_empty() {
                norm.push('_');
            }
            pending_sep = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            pending_sep = true;
        }
    }
    let codec = match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "utf_8_sig" => Codec::Utf8Sig,
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3.4_1986" | "ansi_x3_4_1968" | "cp367" | "csascii"
        | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" | "us_ascii" => Codec::Ascii,
        "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1" | "iso_8859_1"
        | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => Codec::Latin1,
        "cp1252" | "1252" | "windows_1252" => Codec::Cp1252,
        "iso8859_15" | "iso_8859_15" | "l9" | "latin9" => Codec::Iso8859_15,
        _ => return None,
    };
    Some(codec)
}

/// cp1252's 0x80..=0x9F (0 = undefined); 0xA0..=0xFF are Latin-1.
const CP1252_HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
    0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e,
    0x0178,
];

/// Decodes with a declared non-UTF-8 codec. `skipped` is how many bytes (a
/// BOM) precede `body`, for error positions.
fn decode_with(body: &[u8], skipped: usize, name: &str, file: bool) -> Result<String, CompileError> {
    let codec = codec_of(name).unwrap_or(Codec::Utf8);
    let mut out = String::with_capacity(body.len());
    let fail = |codec_name: &str, i: usize, reason: &str| {
        plain_error(format!(
            "'{codec_name}' codec can't decode byte 0x{:02x} in position {}: {reason}",
            body[i],
            i + skipped
        ))
    };
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => {
            let body = if codec == Codec::Utf8Sig { body.strip_prefix(b"\xef\xbb\xbf").unwrap_or(body) } else { body };
            return if file { decode_source_file(body, "<string>") } else { decode_utf8_tokens(body) };
        }
        Codec::Ascii => {
            for (i, &b) in body.iter().enumerate() {
                if b >= 0x80 {
                    return Err(fail("ascii", i, "ordinal not in range(128)"));
                }
                out.push(b as char);
            }
        }
        Codec::Latin1 => out.extend(body.iter().map(|&b| b as char)),
        Codec::Cp1252 => {
            for (i, &b) in body.iter().enumerate() {
                if (0x80..0xa0).contains(&b) {
                    match char::from_u32(u32::from(CP1252_HIGH[usize::from(b - 0x80)])) {
                        Some(c) if c != '\0' => out.push(c),
                        _ => return Err(fail("charmap", i, "character maps to <undefined>")),
                    }
                } else {
                    out.push(b as char);
                }
            }
        }
        Codec::Iso8859_15 => {
            for &b in body {
                let c = match b {
                    0xa4 => '\u{20ac}',
                    0xa6 => '\u{160}',
                    0xa8 => '\u{161}',
                    0xb4 => '\u{17d}',
                    0xb8 => '\u{17e}',
                    0xbc => '\u{152}',
                    0xbd => '\u{153}',
                    0xbe => '\u{178}',
                    _ => b as char,
                };
                out.push(c);
            }
        }
    }
    Ok(out)
}

/// Where a byte sits, as CPython's tokenizer sees it.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Ctx {
    Code,
    Comment,
    Str { quote: u8, triple: bool, bytes: bool, start: usize, backslash: bool },
}

/// Decodes UTF-8 source the way CPython's string tokenizer meets it: bytes
/// are only decoded as part of tokens, so invalid UTF-8 in comments passes,
/// and elsewhere the error names the token's own position.
fn decode_utf8_tokens(body: &[u8]) -> Result<String, CompileError> {
    if let Ok(s) = std::str::from_utf8(body) {
        return Ok(s.to_owned());
    }
    // Bad byte ranges, in order.
    let mut bad: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for chunk in body.utf8_chunks() {
        pos += chunk.valid().len();
        let n = chunk.invalid().len();
        if n > 0 {
            bad.push((pos, n));
            pos += n;
        }
    }
    let mut out = String::with_capacity(body.len());
    let mut ctx = Ctx::Code;
    let mut i = 0;
    let mut next_bad = 0;
    let mut last_copied = 0;
    while i < body.len() {
        if next_bad < bad.len() && bad[next_bad].0 == i {
            let (_, n) = bad[next_bad];
            match ctx {
                Ctx::Comment => {}
                Ctx::Str { bytes: true, .. } => {}
                Ctx::Str { start, backslash, .. } => return Err(string_utf8_error(body, start, ctx, backslash)),
                Ctx::Code => return Err(ident_utf8_error(body, i)),
            }
            out.push_str(std::str::from_utf8(&body[last_copied..i]).unwrap_or(""));
            out.push('\u{fffd}');
            i += n;
            last_copied = i;
            next_bad += 1;
            continue;
        }
        let b = body[i];
        match ctx {
            Ctx::Code => {
                if b == b'#' {
                    ctx = Ctx::Comment;
                } else if b == b'\'' || b == b'"' {
                    let triple = body.get(i + 1) == Some(&b) && body.get(i + 2) == Some(&b);
                    let mut p = i;
                    let mut is_bytes = false;
                    while p > 0 && body[p - 1].is_ascii_alphabetic() {
                        p -= 1;
                        if body[p] == b'b' || body[p] == b'B' {
                            is_bytes = true;
                        }
                    }
                    let width = if triple { 3 } else { 1 };
                    ctx = Ctx::Str { quote: b, triple, bytes: is_bytes, start: i + width, backslash: false };
                    i += width;
                    continue;
                }
            }
            Ctx::Comment => {
                if b == b'\n' || b == b'\r' {
                    ctx = Ctx::Code;
                }
            }
            Ctx::Str { quote, triple, ref mut backslash, .. } => {
                if b == b'\\' {
                    *backslash = true;
                    i += 2;
                    continue;
                }
                if b == quote {
                    if !triple {
                        ctx = Ctx::Code;
                    } else if body.get(i + 1) == Some(&quote) && body.get(i + 2) == Some(&quote) {
                        ctx = Ctx::Code;
                        i += 3;
                        continue;
                    }
                } else if b == b'\n' && !triple {
                    ctx = Ctx::Code;
                }
            }
        }
        i += 1;
    }
    out.push_str(std::str::from_utf8(&body[last_copied.min(body.len())..]).unwrap_or(""));
    Ok(out)
}

/// The utf-8 codec's reason for the sequence starting at `i` of `s`.
fn utf8_reason(s: &[u8], i: usize) -> &'static str {
    let b = s[i];
    if !(0xc2..=0xf4).contains(&b) {
        return "invalid start byte";
    }
    match std::str::from_utf8(&s[i..]) {
        Err(e) if e.error_len().is_none() => "unexpected end of data",
        _ => "invalid continuation byte",
    }
}

/// (line number, byte column) of `pos`.
fn line_col(body: &[u8], pos: usize) -> (u32, usize) {
    let line_start = body[..pos].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    (line_at(body, pos), pos - line_start)
}

fn line_text(body: &[u8], pos: usize) -> String {
    let start = body[..pos].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let end = body[pos..].iter().position(|&b| b == b'\n').map_or(body.len(), |p| pos + p + 1);
    String::from_utf8_lossy(&body[start..end]).into_owned()
}

/// An undecodable byte inside a string literal: CPython decodes the literal's
/// body (or, when it has escapes, each run of non-ASCII bytes) and reports the
/// error at the token after the literal.
fn string_utf8_error(body: &[u8], start: usize, ctx: Ctx, backslash_seen: bool) -> CompileError {
    let Ctx::Str { quote, triple, .. } = ctx else { return ident_utf8_error(body, start) };
    // Find the end of the literal.
    let mut j = start;
    let mut has_backslash = backslash_seen;
    while j < body.len() {
        let b = body[j];
        if b == b'\\' {
            has_backslash = true;
            j += 2;
            continue;
        }
        if b == quote && (!triple || (body.get(j + 1) == Some(&quote) && body.get(j + 2) == Some(&quote))) {
            break;
        }
        if b == b'\n' && !triple {
            break;
        }
        j += 1;
    }
    let content = &body[start..j.min(body.len())];
    // First undecodable position within the decoded unit.
    let (unit_start, unit) = if has_backslash {
        let mut k = 0;
        let mut found = (0, content);
        while k < content.len() {
            if content[k] >= 0x80 {
                let run_end = content[k..].iter().position(|&b| b < 0x80).map_or(content.len(), |p| k + p);
                if std::str::from_utf8(&content[k..run_end]).is_err() {
                    found = (k, &content[k..run_end]);
                    break;
                }
                k = run_end;
            } else {
                k += 1;
            }
        }
        found
    } else {
        (0, content)
    };
    let bad = match std::str::from_utf8(unit) {
        Err(e) => e.valid_up_to(),
        Ok(_) => 0,
    };
    let msg = format!(
        "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
        unit.get(bad).copied().unwrap_or(0),
        bad,
        utf8_reason(unit, bad.min(unit.len().saturating_sub(1)))
    );
    let _ = unit_start;
    // The token after the literal: skip its closing quote(s) and blanks.
    let mut t = (j + if triple { 3 } else { 1 }).min(body.len());
    while t < body.len() && matches!(body[t], b' ' | b'\t' | b'\x0c') {
        t += 1;
    }
    if t < body.len() && body[t] == b'#' {
        while t < body.len() && body[t] != b'\n' {
            t += 1;
        }
    }
    let (lineno, col) = line_col(body, t.min(body.len()));
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg,
        lineno,
        offset: col as u32 + 1,
        end_lineno: lineno,
        end_offset: col as u32 + 1,
        text: Some(line_text(body, t.min(body.len().saturating_sub(1)))),
    }
}

/// An undecodable byte outside strings and comments: it is part of an
/// identifier token, whose decoding fails.
fn ident_utf8_error(body: &[u8], pos: usize) -> CompileError {
    let mut start = pos;
    while start > 0 && (body[start - 1].is_ascii_alphanumeric() || body[start - 1] == b'_' || body[start - 1] >= 0x80) {
        start -= 1;
    }
    let mut end = pos;
    while end < body.len() && (body[end].is_ascii_alphanumeric() || body[end] == b'_' || body[end] >= 0x80) {
        end += 1;
    }
    let tok = &body[start..end];
    let bad = pos - start;
    let (lineno, col) = line_col(body, start);
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg: format!(
            "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
            body[pos],
            bad,
            utf8_reason(tok, bad)
        ),
        lineno,
        offset: col as u32 + 1,
        end_lineno: lineno,
        end_offset: 0,
        text: Some(line_text(body, pos)),
    }
}
