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
    match encoding.as_deref() {
        None => decode_utf8_tokens(body, false),
        Some("utf-8") => decode_utf8_tokens(body, true),
        Some(enc) => decode_with(body, bytes.len() - body.len(), enc, false),
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
    match encoding.as_deref() {
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
        // A declared UTF-8 is decoded token by token, as compile() does.
        Some("utf-8") => decode_utf8_tokens(body, true),
        Some(enc) => decode_with(body, bytes.len() - body.len(), enc, true)
            .map_err(|_| plain_error(format!("encoding problem: {enc}"))),
    }
}

/// The offset convention CPython uses for parser errors in this source:
/// characters when a coding cookie is declared, else bytes.
pub fn offsets_for(bytes: &[u8]) -> crate::parse::Offsets {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let declared = match lines.next().map(coding_spec) {
        Some(Cookie::Found(_)) => true,
        Some(Cookie::CommentOrBlank) => matches!(lines.next().map(coding_spec), Some(Cookie::Found(_))),
        _ => false,
    };
    if declared {
        crate::parse::Offsets::Chars
    } else {
        crate::parse::Offsets::Bytes
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
        return Ok((body, Some(name)));
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
    /// Another single-byte code page: its upper half.
    Table(&'static [u16; 128]),
    /// A codec pyrite only decodes for ASCII-only sources.
    AsciiOnly,
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
        other => match code_page(other) {
            Some(t) => Codec::Table(t),
            None if OTHER_ASCII_COMPATIBLE.contains(&other) => Codec::AsciiOnly,
            None => return None,
        },
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
            let _ = file;
            return decode_utf8_tokens(body, true);
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
        Codec::AsciiOnly => {
            if let Some(i) = body.iter().position(|&b| b >= 0x80) {
                return Err(plain_error(format!(
                    "encoding problem: {name} (pyrite decodes this codec for ASCII sources only; byte 0x{:02x} at position {})",
                    body[i],
                    i + skipped
                )));
            }
            out.extend(body.iter().map(|&b| b as char));
        }
        Codec::Table(t) => {
            for (i, &b) in body.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    match char::from_u32(u32::from(t[usize::from(b - 0x80)])) {
                        Some(c) if c != '\0' => out.push(c),
                        _ => return Err(fail("charmap", i, "character maps to <undefined>")),
                    }
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
/// `declared`: a coding cookie named UTF-8, which changes how CPython counts
/// columns on lines with undecodable bytes.
fn decode_utf8_tokens(body: &[u8], declared: bool) -> Result<String, CompileError> {
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
                Ctx::Str { start, backslash, .. } => {
                    let mut e = string_utf8_error(body, start, ctx, backslash);
                    if declared {
                        // Each bad byte becomes a 3-byte U+FFFD in CPython's
                        // line copy, and its byte offset is read as characters.
                        let line_start = body[..i].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
                        let bad_before = body[line_start..].iter().take(e.offset as usize).filter(|&&b| b >= 0x80).count() as u32;
                        e.offset = e.offset.saturating_sub(2 * bad_before).max(1);
                    }
                    return Err(e);
                }
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
    // CPython points after the identifier token (a byte column).
    let (lineno, col) = line_col(body, end);
    let col = col.saturating_sub(1);
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

// ---------------------------------------------------------------------------
// Single-byte code pages: the upper half (0x80..=0xFF) of each, 0 = undefined.
// Generated from CPython's `encodings` tables.

const KOI8_R_HIGH: [u16; 128] = [
    0x2500, 0x2502, 0x250c, 0x2510, 0x2514, 0x2518, 0x251c, 0x2524, 0x252c, 0x2534, 0x253c, 0x2580, 0x2584, 0x2588, 0x258c, 0x2590,
    0x2591, 0x2592, 0x2593, 0x2320, 0x25a0, 0x2219, 0x221a, 0x2248, 0x2264, 0x2265, 0x00a0, 0x2321, 0x00b0, 0x00b2, 0x00b7, 0x00f7,
    0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556, 0x2557, 0x2558, 0x2559, 0x255a, 0x255b, 0x255c, 0x255d, 0x255e,
    0x255f, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565, 0x2566, 0x2567, 0x2568, 0x2569, 0x256a, 0x256b, 0x256c, 0x00a9,
    0x044e, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433, 0x0445, 0x0438, 0x0439, 0x043a, 0x043b, 0x043c, 0x043d, 0x043e,
    0x043f, 0x044f, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432, 0x044c, 0x044b, 0x0437, 0x0448, 0x044d, 0x0449, 0x0447, 0x044a,
    0x042e, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041a, 0x041b, 0x041c, 0x041d, 0x041e,
    0x041f, 0x042f, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, 0x042c, 0x042b, 0x0417, 0x0428, 0x042d, 0x0429, 0x0427, 0x042a,
];

const KOI8_U_HIGH: [u16; 128] = [
    0x2500, 0x2502, 0x250c, 0x2510, 0x2514, 0x2518, 0x251c, 0x2524, 0x252c, 0x2534, 0x253c, 0x2580, 0x2584, 0x2588, 0x258c, 0x2590,
    0x2591, 0x2592, 0x2593, 0x2320, 0x25a0, 0x2219, 0x221a, 0x2248, 0x2264, 0x2265, 0x00a0, 0x2321, 0x00b0, 0x00b2, 0x00b7, 0x00f7,
    0x2550, 0x2551, 0x2552, 0x0451, 0x0454, 0x2554, 0x0456, 0x0457, 0x2557, 0x2558, 0x2559, 0x255a, 0x255b, 0x0491, 0x255d, 0x255e,
    0x255f, 0x2560, 0x2561, 0x0401, 0x0404, 0x2563, 0x0406, 0x0407, 0x2566, 0x2567, 0x2568, 0x2569, 0x256a, 0x0490, 0x256c, 0x00a9,
    0x044e, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433, 0x0445, 0x0438, 0x0439, 0x043a, 0x043b, 0x043c, 0x043d, 0x043e,
    0x043f, 0x044f, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432, 0x044c, 0x044b, 0x0437, 0x0448, 0x044d, 0x0449, 0x0447, 0x044a,
    0x042e, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041a, 0x041b, 0x041c, 0x041d, 0x041e,
    0x041f, 0x042f, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, 0x042c, 0x042b, 0x0417, 0x0428, 0x042d, 0x0429, 0x0427, 0x042a,
];

const CP1250_HIGH: [u16; 128] = [
    0x20ac, 0x0000, 0x201a, 0x0000, 0x201e, 0x2026, 0x2020, 0x2021, 0x0000, 0x2030, 0x0160, 0x2039, 0x015a, 0x0164, 0x017d, 0x0179,
    0x0000, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0161, 0x203a, 0x015b, 0x0165, 0x017e, 0x017a,
    0x00a0, 0x02c7, 0x02d8, 0x0141, 0x00a4, 0x0104, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x015e, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x017b,
    0x00b0, 0x00b1, 0x02db, 0x0142, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x0105, 0x015f, 0x00bb, 0x013d, 0x02dd, 0x013e, 0x017c,
    0x0154, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x0139, 0x0106, 0x00c7, 0x010c, 0x00c9, 0x0118, 0x00cb, 0x011a, 0x00cd, 0x00ce, 0x010e,
    0x0110, 0x0143, 0x0147, 0x00d3, 0x00d4, 0x0150, 0x00d6, 0x00d7, 0x0158, 0x016e, 0x00da, 0x0170, 0x00dc, 0x00dd, 0x0162, 0x00df,
    0x0155, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x013a, 0x0107, 0x00e7, 0x010d, 0x00e9, 0x0119, 0x00eb, 0x011b, 0x00ed, 0x00ee, 0x010f,
    0x0111, 0x0144, 0x0148, 0x00f3, 0x00f4, 0x0151, 0x00f6, 0x00f7, 0x0159, 0x016f, 0x00fa, 0x0171, 0x00fc, 0x00fd, 0x0163, 0x02d9,
];

const CP1251_HIGH: [u16; 128] = [
    0x0402, 0x0403, 0x201a, 0x0453, 0x201e, 0x2026, 0x2020, 0x2021, 0x20ac, 0x2030, 0x0409, 0x2039, 0x040a, 0x040c, 0x040b, 0x040f,
    0x0452, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0459, 0x203a, 0x045a, 0x045c, 0x045b, 0x045f,
    0x00a0, 0x040e, 0x045e, 0x0408, 0x00a4, 0x0490, 0x00a6, 0x00a7, 0x0401, 0x00a9, 0x0404, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x0407,
    0x00b0, 0x00b1, 0x0406, 0x0456, 0x0491, 0x00b5, 0x00b6, 0x00b7, 0x0451, 0x2116, 0x0454, 0x00bb, 0x0458, 0x0405, 0x0455, 0x0457,
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041a, 0x041b, 0x041c, 0x041d, 0x041e, 0x041f,
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042a, 0x042b, 0x042c, 0x042d, 0x042e, 0x042f,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043a, 0x043b, 0x043c, 0x043d, 0x043e, 0x043f,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044a, 0x044b, 0x044c, 0x044d, 0x044e, 0x044f,
];

const CP1253_HIGH: [u16; 128] = [
    0x20ac, 0x0000, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x0000, 0x2030, 0x0000, 0x2039, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0000, 0x203a, 0x0000, 0x0000, 0x0000, 0x0000,
    0x00a0, 0x0385, 0x0386, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x0000, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x2015,
    0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x0384, 0x00b5, 0x00b6, 0x00b7, 0x0388, 0x0389, 0x038a, 0x00bb, 0x038c, 0x00bd, 0x038e, 0x038f,
    0x0390, 0x0391, 0x0392, 0x0393, 0x0394, 0x0395, 0x0396, 0x0397, 0x0398, 0x0399, 0x039a, 0x039b, 0x039c, 0x039d, 0x039e, 0x039f,
    0x03a0, 0x03a1, 0x0000, 0x03a3, 0x03a4, 0x03a5, 0x03a6, 0x03a7, 0x03a8, 0x03a9, 0x03aa, 0x03ab, 0x03ac, 0x03ad, 0x03ae, 0x03af,
    0x03b0, 0x03b1, 0x03b2, 0x03b3, 0x03b4, 0x03b5, 0x03b6, 0x03b7, 0x03b8, 0x03b9, 0x03ba, 0x03bb, 0x03bc, 0x03bd, 0x03be, 0x03bf,
    0x03c0, 0x03c1, 0x03c2, 0x03c3, 0x03c4, 0x03c5, 0x03c6, 0x03c7, 0x03c8, 0x03c9, 0x03ca, 0x03cb, 0x03cc, 0x03cd, 0x03ce, 0x0000,
];

const CP1254_HIGH: [u16; 128] = [
    0x20ac, 0x0000, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x0000, 0x0000,
    0x0000, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x0000, 0x0000, 0x0178,
    0x00a0, 0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00af,
    0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf,
    0x00c0, 0x00c1, 0x00c2, 0x00c3, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x00cc, 0x00cd, 0x00ce, 0x00cf,
    0x011e, 0x00d1, 0x00d2, 0x00d3, 0x00d4, 0x00d5, 0x00d6, 0x00d7, 0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x0130, 0x015e, 0x00df,
    0x00e0, 0x00e1, 0x00e2, 0x00e3, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x00ec, 0x00ed, 0x00ee, 0x00ef,
    0x011f, 0x00f1, 0x00f2, 0x00f3, 0x00f4, 0x00f5, 0x00f6, 0x00f7, 0x00f8, 0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x0131, 0x015f, 0x00ff,
];

const CP1257_HIGH: [u16; 128] = [
    0x20ac, 0x0000, 0x201a, 0x0000, 0x201e, 0x2026, 0x2020, 0x2021, 0x0000, 0x2030, 0x0000, 0x2039, 0x0000, 0x00a8, 0x02c7, 0x00b8,
    0x0000, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0000, 0x203a, 0x0000, 0x00af, 0x02db, 0x0000,
    0x00a0, 0x0000, 0x00a2, 0x00a3, 0x00a4, 0x0000, 0x00a6, 0x00a7, 0x00d8, 0x00a9, 0x0156, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00c6,
    0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00f8, 0x00b9, 0x0157, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00e6,
    0x0104, 0x012e, 0x0100, 0x0106, 0x00c4, 0x00c5, 0x0118, 0x0112, 0x010c, 0x00c9, 0x0179, 0x0116, 0x0122, 0x0136, 0x012a, 0x013b,
    0x0160, 0x0143, 0x0145, 0x00d3, 0x014c, 0x00d5, 0x00d6, 0x00d7, 0x0172, 0x0141, 0x015a, 0x016a, 0x00dc, 0x017b, 0x017d, 0x00df,
    0x0105, 0x012f, 0x0101, 0x0107, 0x00e4, 0x00e5, 0x0119, 0x0113, 0x010d, 0x00e9, 0x017a, 0x0117, 0x0123, 0x0137, 0x012b, 0x013c,
    0x0161, 0x0144, 0x0146, 0x00f3, 0x014d, 0x00f5, 0x00f6, 0x00f7, 0x0173, 0x0142, 0x015b, 0x016b, 0x00fc, 0x017c, 0x017e, 0x02d9,
];

const ISO8859_2_HIGH: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008a, 0x008b, 0x008c, 0x008d, 0x008e, 0x008f,
    0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009a, 0x009b, 0x009c, 0x009d, 0x009e, 0x009f,
    0x00a0, 0x0104, 0x02d8, 0x0141, 0x00a4, 0x013d, 0x015a, 0x00a7, 0x00a8, 0x0160, 0x015e, 0x0164, 0x0179, 0x00ad, 0x017d, 0x017b,
    0x00b0, 0x0105, 0x02db, 0x0142, 0x00b4, 0x013e, 0x015b, 0x02c7, 0x00b8, 0x0161, 0x015f, 0x0165, 0x017a, 0x02dd, 0x017e, 0x017c,
    0x0154, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x0139, 0x0106, 0x00c7, 0x010c, 0x00c9, 0x0118, 0x00cb, 0x011a, 0x00cd, 0x00ce, 0x010e,
    0x0110, 0x0143, 0x0147, 0x00d3, 0x00d4, 0x0150, 0x00d6, 0x00d7, 0x0158, 0x016e, 0x00da, 0x0170, 0x00dc, 0x00dd, 0x0162, 0x00df,
    0x0155, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x013a, 0x0107, 0x00e7, 0x010d, 0x00e9, 0x0119, 0x00eb, 0x011b, 0x00ed, 0x00ee, 0x010f,
    0x0111, 0x0144, 0x0148, 0x00f3, 0x00f4, 0x0151, 0x00f6, 0x00f7, 0x0159, 0x016f, 0x00fa, 0x0171, 0x00fc, 0x00fd, 0x0163, 0x02d9,
];

const ISO8859_5_HIGH: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008a, 0x008b, 0x008c, 0x008d, 0x008e, 0x008f,
    0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009a, 0x009b, 0x009c, 0x009d, 0x009e, 0x009f,
    0x00a0, 0x0401, 0x0402, 0x0403, 0x0404, 0x0405, 0x0406, 0x0407, 0x0408, 0x0409, 0x040a, 0x040b, 0x040c, 0x00ad, 0x040e, 0x040f,
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041a, 0x041b, 0x041c, 0x041d, 0x041e, 0x041f,
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042a, 0x042b, 0x042c, 0x042d, 0x042e, 0x042f,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043a, 0x043b, 0x043c, 0x043d, 0x043e, 0x043f,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044a, 0x044b, 0x044c, 0x044d, 0x044e, 0x044f,
    0x2116, 0x0451, 0x0452, 0x0453, 0x0454, 0x0455, 0x0456, 0x0457, 0x0458, 0x0459, 0x045a, 0x045b, 0x045c, 0x00a7, 0x045e, 0x045f,
];

const ISO8859_7_HIGH: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008a, 0x008b, 0x008c, 0x008d, 0x008e, 0x008f,
    0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009a, 0x009b, 0x009c, 0x009d, 0x009e, 0x009f,
    0x00a0, 0x2018, 0x2019, 0x00a3, 0x20ac, 0x20af, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x037a, 0x00ab, 0x00ac, 0x00ad, 0x0000, 0x2015,
    0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x0384, 0x0385, 0x0386, 0x00b7, 0x0388, 0x0389, 0x038a, 0x00bb, 0x038c, 0x00bd, 0x038e, 0x038f,
    0x0390, 0x0391, 0x0392, 0x0393, 0x0394, 0x0395, 0x0396, 0x0397, 0x0398, 0x0399, 0x039a, 0x039b, 0x039c, 0x039d, 0x039e, 0x039f,
    0x03a0, 0x03a1, 0x0000, 0x03a3, 0x03a4, 0x03a5, 0x03a6, 0x03a7, 0x03a8, 0x03a9, 0x03aa, 0x03ab, 0x03ac, 0x03ad, 0x03ae, 0x03af,
    0x03b0, 0x03b1, 0x03b2, 0x03b3, 0x03b4, 0x03b5, 0x03b6, 0x03b7, 0x03b8, 0x03b9, 0x03ba, 0x03bb, 0x03bc, 0x03bd, 0x03be, 0x03bf,
    0x03c0, 0x03c1, 0x03c2, 0x03c3, 0x03c4, 0x03c5, 0x03c6, 0x03c7, 0x03c8, 0x03c9, 0x03ca, 0x03cb, 0x03cc, 0x03cd, 0x03ce, 0x0000,
];

const ISO8859_9_HIGH: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008a, 0x008b, 0x008c, 0x008d, 0x008e, 0x008f,
    0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009a, 0x009b, 0x009c, 0x009d, 0x009e, 0x009f,
    0x00a0, 0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00af,
    0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf,
    0x00c0, 0x00c1, 0x00c2, 0x00c3, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x00cc, 0x00cd, 0x00ce, 0x00cf,
    0x011e, 0x00d1, 0x00d2, 0x00d3, 0x00d4, 0x00d5, 0x00d6, 0x00d7, 0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x0130, 0x015e, 0x00df,
    0x00e0, 0x00e1, 0x00e2, 0x00e3, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x00ec, 0x00ed, 0x00ee, 0x00ef,
    0x011f, 0x00f1, 0x00f2, 0x00f3, 0x00f4, 0x00f5, 0x00f6, 0x00f7, 0x00f8, 0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x0131, 0x015f, 0x00ff,
];

const ISO8859_13_HIGH: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008a, 0x008b, 0x008c, 0x008d, 0x008e, 0x008f,
    0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009a, 0x009b, 0x009c, 0x009d, 0x009e, 0x009f,
    0x00a0, 0x201d, 0x00a2, 0x00a3, 0x00a4, 0x201e, 0x00a6, 0x00a7, 0x00d8, 0x00a9, 0x0156, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00c6,
    0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x201c, 0x00b5, 0x00b6, 0x00b7, 0x00f8, 0x00b9, 0x0157, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00e6,
    0x0104, 0x012e, 0x0100, 0x0106, 0x00c4, 0x00c5, 0x0118, 0x0112, 0x010c, 0x00c9, 0x0179, 0x0116, 0x0122, 0x0136, 0x012a, 0x013b,
    0x0160, 0x0143, 0x0145, 0x00d3, 0x014c, 0x00d5, 0x00d6, 0x00d7, 0x0172, 0x0141, 0x015a, 0x016a, 0x00dc, 0x017b, 0x017d, 0x00df,
    0x0105, 0x012f, 0x0101, 0x0107, 0x00e4, 0x00e5, 0x0119, 0x0113, 0x010d, 0x00e9, 0x017a, 0x0117, 0x0123, 0x0137, 0x012b, 0x013c,
    0x0161, 0x0144, 0x0146, 0x00f3, 0x014d, 0x00f5, 0x00f6, 0x00f7, 0x0173, 0x0142, 0x015b, 0x016b, 0x00fc, 0x017c, 0x017e, 0x2019,
];

const CP437_HIGH: [u16; 128] = [
    0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7, 0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5,
    0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9, 0x00ff, 0x00d6, 0x00dc, 0x00a2, 0x00a3, 0x00a5, 0x20a7, 0x0192,
    0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba, 0x00bf, 0x2310, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510,
    0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x255e, 0x255f, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b, 0x256a, 0x2518, 0x250c, 0x2588, 0x2584, 0x258c, 0x2590, 0x2580,
    0x03b1, 0x00df, 0x0393, 0x03c0, 0x03a3, 0x03c3, 0x00b5, 0x03c4, 0x03a6, 0x0398, 0x03a9, 0x03b4, 0x221e, 0x03c6, 0x03b5, 0x2229,
    0x2261, 0x00b1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00f7, 0x2248, 0x00b0, 0x2219, 0x00b7, 0x221a, 0x207f, 0x00b2, 0x25a0, 0x00a0,
];

const CP850_HIGH: [u16; 128] = [
    0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7, 0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5,
    0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9, 0x00ff, 0x00d6, 0x00dc, 0x00f8, 0x00a3, 0x00d8, 0x00d7, 0x0192,
    0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba, 0x00bf, 0x00ae, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00c1, 0x00c2, 0x00c0, 0x00a9, 0x2563, 0x2551, 0x2557, 0x255d, 0x00a2, 0x00a5, 0x2510,
    0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x00e3, 0x00c3, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x00a4,
    0x00f0, 0x00d0, 0x00ca, 0x00cb, 0x00c8, 0x0131, 0x00cd, 0x00ce, 0x00cf, 0x2518, 0x250c, 0x2588, 0x2584, 0x00a6, 0x00cc, 0x2580,
    0x00d3, 0x00df, 0x00d4, 0x00d2, 0x00f5, 0x00d5, 0x00b5, 0x00fe, 0x00de, 0x00da, 0x00db, 0x00d9, 0x00fd, 0x00dd, 0x00af, 0x00b4,
    0x00ad, 0x00b1, 0x2017, 0x00be, 0x00b6, 0x00a7, 0x00f7, 0x00b8, 0x00b0, 0x00a8, 0x00b7, 0x00b9, 0x00b3, 0x00b2, 0x25a0, 0x00a0,
];

const CP866_HIGH: [u16; 128] = [
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041a, 0x041b, 0x041c, 0x041d, 0x041e, 0x041f,
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042a, 0x042b, 0x042c, 0x042d, 0x042e, 0x042f,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043a, 0x043b, 0x043c, 0x043d, 0x043e, 0x043f,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510,
    0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x255e, 0x255f, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b, 0x256a, 0x2518, 0x250c, 0x2588, 0x2584, 0x258c, 0x2590, 0x2580,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044a, 0x044b, 0x044c, 0x044d, 0x044e, 0x044f,
    0x0401, 0x0451, 0x0404, 0x0454, 0x0407, 0x0457, 0x040e, 0x045e, 0x00b0, 0x2219, 0x00b7, 0x221a, 0x2116, 0x00a4, 0x25a0, 0x00a0,
];

const MAC_ROMAN_HIGH: [u16; 128] = [
    0x00c4, 0x00c5, 0x00c7, 0x00c9, 0x00d1, 0x00d6, 0x00dc, 0x00e1, 0x00e0, 0x00e2, 0x00e4, 0x00e3, 0x00e5, 0x00e7, 0x00e9, 0x00e8,
    0x00ea, 0x00eb, 0x00ed, 0x00ec, 0x00ee, 0x00ef, 0x00f1, 0x00f3, 0x00f2, 0x00f4, 0x00f6, 0x00f5, 0x00fa, 0x00f9, 0x00fb, 0x00fc,
    0x2020, 0x00b0, 0x00a2, 0x00a3, 0x00a7, 0x2022, 0x00b6, 0x00df, 0x00ae, 0x00a9, 0x2122, 0x00b4, 0x00a8, 0x2260, 0x00c6, 0x00d8,
    0x221e, 0x00b1, 0x2264, 0x2265, 0x00a5, 0x00b5, 0x2202, 0x2211, 0x220f, 0x03c0, 0x222b, 0x00aa, 0x00ba, 0x03a9, 0x00e6, 0x00f8,
    0x00bf, 0x00a1, 0x00ac, 0x221a, 0x0192, 0x2248, 0x2206, 0x00ab, 0x00bb, 0x2026, 0x00a0, 0x00c0, 0x00c3, 0x00d5, 0x0152, 0x0153,
    0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0x00f7, 0x25ca, 0x00ff, 0x0178, 0x2044, 0x20ac, 0x2039, 0x203a, 0xfb01, 0xfb02,
    0x2021, 0x00b7, 0x201a, 0x201e, 0x2030, 0x00c2, 0x00ca, 0x00c1, 0x00cb, 0x00c8, 0x00cd, 0x00ce, 0x00cf, 0x00cc, 0x00d3, 0x00d4,
    0xf8ff, 0x00d2, 0x00da, 0x00db, 0x00d9, 0x0131, 0x02c6, 0x02dc, 0x00af, 0x02d8, 0x02d9, 0x02da, 0x00b8, 0x02dd, 0x02db, 0x02c7,
];

/// The table of a single-byte codec by normalised name, with Python's aliases.
fn code_page(norm: &str) -> Option<&'static [u16; 128]> {
    match norm {
        "cskoi8r" | "koi8_r" => Some(&KOI8_R_HIGH),
        "koi8_u" => Some(&KOI8_U_HIGH),
        "1250" | "cp1250" | "windows_1250" => Some(&CP1250_HIGH),
        "1251" | "cp1251" | "windows_1251" => Some(&CP1251_HIGH),
        "1253" | "cp1253" | "windows_1253" => Some(&CP1253_HIGH),
        "1254" | "cp1254" | "windows_1254" => Some(&CP1254_HIGH),
        "1257" | "cp1257" | "windows_1257" => Some(&CP1257_HIGH),
        "csisolatin2" | "iso8859_2" | "iso_8859_2" | "iso_8859_2_1987" | "iso_ir_101" | "l2" | "latin2" => Some(&ISO8859_2_HIGH),
        "csisolatincyrillic" | "cyrillic" | "iso8859_5" | "iso_8859_5" | "iso_8859_5_1988" | "iso_ir_144" => Some(&ISO8859_5_HIGH),
        "csisolatingreek" | "ecma_118" | "elot_928" | "greek" | "greek8" | "iso8859_7" | "iso_8859_7" | "iso_8859_7_1987" | "iso_ir_126" => Some(&ISO8859_7_HIGH),
        "csisolatin5" | "iso8859_9" | "iso_8859_9" | "iso_8859_9_1989" | "iso_ir_148" | "l5" | "latin5" => Some(&ISO8859_9_HIGH),
        "iso8859_13" | "iso_8859_13" | "l7" | "latin7" => Some(&ISO8859_13_HIGH),
        "437" | "cp437" | "cspc8codepage437" | "ibm437" => Some(&CP437_HIGH),
        "850" | "cp850" | "cspc850multilingual" | "ibm850" => Some(&CP850_HIGH),
        "866" | "cp866" | "csibm866" | "ibm866" => Some(&CP866_HIGH),
        "mac_roman" | "macintosh" | "macroman" => Some(&MAC_ROMAN_HIGH),
        _ => None,
    }
}

/// Other codecs Python knows (normalised names and aliases) whose encoding of
/// ASCII is ASCII. pyrite has no tables for them: sources in these encodings
/// decode when they are pure ASCII.
const OTHER_ASCII_COMPATIBLE: &[&str] = &[
    "1125", "1250", "1251", "1252", "1253", "1254", "1255", "1256", "1257", "1258", "437", "646", "775",
    "850", "852", "855", "857", "858", "860", "861", "862", "863", "864", "865", "866", "869", "8859", "932",
    "936", "949", "950", "ansi_x3.4_1968", "ansi_x3.4_1986", "ansi_x3_4_1968", "arabic", "ascii", "asmo_708",
    "big5", "big5_hkscs", "big5_tw", "big5hkscs", "charmap", "chinese", "cp1006", "cp1051", "cp1125",
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp1361",
    "cp154", "cp367", "cp437", "cp65001", "cp720", "cp737", "cp775", "cp819", "cp850", "cp852", "cp855",
    "cp856", "cp857", "cp858", "cp860", "cp861", "cp862", "cp863", "cp864", "cp865", "cp866", "cp866u",
    "cp869", "cp874", "cp932", "cp936", "cp949", "cp950", "cp_gr", "cp_is", "csascii", "csbig5", "csibm855",
    "csibm857", "csibm858", "csibm860", "csibm861", "csibm863", "csibm864", "csibm865", "csibm866",
    "csibm869", "csiso2022jp", "csiso2022kr", "csiso58gb231280", "csisolatin1", "csisolatin2", "csisolatin3",
    "csisolatin4", "csisolatin5", "csisolatin6", "csisolatinarabic", "csisolatincyrillic", "csisolatingreek",
    "csisolatinhebrew", "cskoi8r", "cspc775baltic", "cspc850multilingual", "cspc862latinhebrew",
    "cspc8codepage437", "cspcp852", "csptcp154", "csshiftjis", "cyrillic", "cyrillic_asian", "ecma_114",
    "ecma_118", "elot_928", "euc_cn", "euc_jis2004", "euc_jis_2004", "euc_jisx0213", "euc_jp", "euc_kr",
    "euccn", "eucgb2312_cn", "eucjis2004", "eucjisx0213", "eucjp", "euckr", "gb18030", "gb18030_2000",
    "gb2312", "gb2312_1980", "gb2312_80", "gbk", "greek", "greek8", "hebrew", "hkscs", "hp_roman8", "hz",
    "hz_gb", "hz_gb_2312", "hzgb", "ibm1051", "ibm1125", "ibm367", "ibm437", "ibm775", "ibm819", "ibm850",
    "ibm852", "ibm855", "ibm857", "ibm858", "ibm860", "ibm861", "ibm862", "ibm863", "ibm864", "ibm865",
    "ibm866", "ibm869", "idna", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004",
    "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr", "iso2022jp", "iso2022jp_1", "iso2022jp_2",
    "iso2022jp_2004", "iso2022jp_3", "iso2022jp_ext", "iso2022kr", "iso646_us", "iso8859", "iso8859_1",
    "iso8859_10", "iso8859_11", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "iso8859_2",
    "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9", "iso_2022_jp",
    "iso_2022_jp_1", "iso_2022_jp_2", "iso_2022_jp_2004", "iso_2022_jp_3", "iso_2022_jp_ext", "iso_2022_kr",
    "iso_646.irv_1991", "iso_8859_1", "iso_8859_10", "iso_8859_10_1992", "iso_8859_11", "iso_8859_11_2001",
    "iso_8859_13", "iso_8859_14", "iso_8859_14_1998", "iso_8859_15", "iso_8859_16", "iso_8859_16_2001",
    "iso_8859_1_1987", "iso_8859_2", "iso_8859_2_1987", "iso_8859_3", "iso_8859_3_1988", "iso_8859_4",
    "iso_8859_4_1988", "iso_8859_5", "iso_8859_5_1988", "iso_8859_6", "iso_8859_6_1987", "iso_8859_7",
    "iso_8859_7_1987", "iso_8859_8", "iso_8859_8_1988", "iso_8859_9", "iso_8859_9_1989", "iso_celtic",
    "iso_ir_100", "iso_ir_101", "iso_ir_109", "iso_ir_110", "iso_ir_126", "iso_ir_127", "iso_ir_138",
    "iso_ir_144", "iso_ir_148", "iso_ir_157", "iso_ir_166", "iso_ir_199", "iso_ir_226", "iso_ir_58",
    "iso_ir_6", "jisx0213", "johab", "koi8_r", "koi8_t", "koi8_u", "korean", "ks_c_5601", "ks_c_5601_1987",
    "ks_x_1001", "ksc5601", "ksx1001", "kz1048", "kz_1048", "l1", "l10", "l2", "l3", "l4", "l5", "l6", "l7",
    "l8", "l9", "latin", "latin1", "latin10", "latin2", "latin3", "latin4", "latin5", "latin6", "latin7",
    "latin8", "latin9", "latin_1", "mac_arabic", "mac_centeuro", "mac_croatian", "mac_cyrillic", "mac_farsi",
    "mac_greek", "mac_iceland", "mac_latin2", "mac_roman", "mac_romanian", "mac_turkish", "maccentraleurope",
    "maccyrillic", "macgreek", "maciceland", "macintosh", "maclatin2", "macroman", "macturkish", "ms1361",
    "ms932", "ms936", "ms949", "ms950", "ms_kanji", "mskanji", "palmos", "pt154", "ptcp154", "r8",
    "raw_unicode_escape", "rk1048", "roman8", "ruscii", "s_jis", "s_jis_2004", "s_jisx0213", "shift_jis",
    "shift_jis_2004", "shift_jisx0213", "shiftjis", "shiftjis2004", "shiftjisx0213", "sjis", "sjis_2004",
    "sjisx0213", "strk1048_2002", "thai", "tis620", "tis_620", "tis_620_0", "tis_620_2529_0",
    "tis_620_2529_1", "u7", "u8", "u_jis", "uhc", "ujis", "unicode_1_1_utf_7", "us", "us_ascii", "utf",
    "utf7", "utf8", "utf8_ucs2", "utf8_ucs4", "utf_7", "utf_8", "windows_1250", "windows_1251",
    "windows_1252", "windows_1253", "windows_1254", "windows_1255", "windows_1256", "windows_1257",
    "windows_1258", "x_mac_japanese", "x_mac_korean", "x_mac_simp_chinese", "x_mac_trad_chinese",
];
