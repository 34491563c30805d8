//! f-strings as CPython 3.11 parses them (Parser/string_parser.c:
//! `fstring_find_literal`, `fstring_find_expr`): the tokenizer sees an
//! f-string as one STRING token, and its replacement fields are scanned
//! afterwards. ruff lexes f-strings the 3.12 way (PEP 701), so the 3.11
//! restrictions (no backslash or '#' in expressions, no nesting deeper than
//! two levels, ...) and messages are checked here. CPython reports these
//! errors at the token that follows the string (or concatenated strings).

use super::parser::Cx;
use super::tokenizer::Tok;
use crate::CompileError;

/// An f-string error: message, and for errors inside a replacement field
/// the (line, offset) CPython reports, relative to the parenthesised field.
type FErr = (String, Option<(u32, u32)>);

fn msg(m: impl Into<String>) -> FErr {
    (m.into(), None)
}

/// Checks every f-string token that starts before byte `limit`; returns the
/// first error, located as CPython locates it.
pub(crate) fn check_before(cx: &Cx, limit: usize) -> Option<CompileError> {
    let mut i = 0;
    while i < cx.toks.len() && cx.toks[i].start < limit {
        if cx.toks[i].kind == Tok::String {
            // A run of adjacent strings is parsed by one action.
            let run_start = i;
            while i < cx.toks.len() && cx.toks[i].kind == Tok::String {
                i += 1;
            }
            for k in run_start..i {
                if let Err((m, at)) = check_token(cx.text(k)) {
                    let t = cx.toks[i.min(cx.toks.len() - 1)];
                    let mut e = cx.syntax(m, t.start, t.start);
                    if let Some((line, off)) = at {
                        e.lineno = cx.lines.line_of(cx.toks[k].start) + line.max(1) - 1;
                        e.offset = off;
                        e.end_lineno = e.lineno;
                        e.end_offset = off + 1;
                        e.text = Some(cx.lines.text(e.lineno).to_owned());
                    }
                    return Some(e);
                }
            }
            continue;
        }
        i += 1;
    }
    None
}

/// Splits a string token into (prefix, body without quotes).
fn split(tok: &str) -> Option<(&str, &str)> {
    let q = tok.find(['\'', '"'])?;
    let (prefix, rest) = tok.split_at(q);
    let qc = rest.as_bytes()[0];
    let triple = rest.len() >= 6 && rest.as_bytes()[1] == qc && rest.as_bytes()[2] == qc;
    let n = if triple { 3 } else { 1 };
    if rest.len() < 2 * n {
        return None;
    }
    Some((prefix, &rest[n..rest.len() - n]))
}

/// Checks one STRING token; `Err` carries CPython's message.
pub(crate) fn check_token(tok: &str) -> Result<(), FErr> {
    let Some((prefix, body)) = split(tok) else { return Ok(()) };
    let has = |c: u8| prefix.bytes().any(|p| p.eq_ignore_ascii_case(&c));
    let raw = has(b'r');
    if !has(b'f') {
        if raw {
            return Ok(());
        }
        return super::strings::check_escapes(body.as_bytes(), has(b'b')).map_err(msg);
    }
    let b = body.as_bytes();
    let mut pos = 0;
    parse(b, &mut pos, raw, 0)
}

/// `fstring_find_literal` + `fstring_find_expr` over `b[pos..]`, at nesting
/// level `lvl` (0 for the string, 1 for a format spec). Stops at a '}' that
/// ends a format spec when `lvl > 0`.
fn parse(b: &[u8], pos: &mut usize, raw: bool, lvl: u32) -> Result<(), FErr> {
    loop {
        // Literal part.
        let lit_start = *pos;
        let r = scan_literal(b, pos, raw, lvl)?;
        if !raw {
            super::strings::check_escapes(&b[lit_start..*pos], false).map_err(msg)?;
        }
        match r {
            Literal::End => return Ok(()),
            Literal::Expr => {}
        }
        find_expr(b, pos, raw, lvl)?;
    }
}

enum Literal {
    End,
    Expr,
}

/// Scans a literal run up to a replacement field (`Expr`) or the end.
fn scan_literal(b: &[u8], pos: &mut usize, raw: bool, lvl: u32) -> Result<Literal, FErr> {
    {
        while *pos < b.len() {
            let c = b[*pos];
            if !raw && c == b'\\' && *pos + 1 < b.len() {
                // \N{...} keeps its braces.
                if b[*pos + 1] == b'N' && b.get(*pos + 2) == Some(&b'{') {
                    let close = b[*pos..].iter().position(|&x| x == b'}').map_or(b.len(), |p| *pos + p + 1);
                    *pos = close;
                    continue;
                }
                *pos += 2;
                continue;
            }
            if c == b'{' || c == b'}' {
                if lvl > 0 && c == b'}' {
                    return Ok(Literal::End);
                }
                if b.get(*pos + 1) == Some(&c) {
                    *pos += 2;
                    continue;
                }
                if c == b'}' {
                    return Err(msg("f-string: single '}' is not allowed"));
                }
                return Ok(Literal::Expr);
            }
            *pos += 1;
        }
        Ok(Literal::End)
    }
}

fn find_expr(b: &[u8], pos: &mut usize, raw: bool, lvl: u32) -> Result<(), FErr> {
    if lvl >= 2 {
        return Err(msg("f-string: expressions nested too deeply"));
    }
    *pos += 1;
    let start = *pos;
    let mut quote: u8 = 0;
    let mut triple = false;
    let mut stack: Vec<u8> = Vec::new();
    while *pos < b.len() {
        let ch = b[*pos];
        if ch == b'\\' {
            return Err(msg("f-string expression part cannot include a backslash"));
        }
        if quote != 0 {
            if ch == quote {
                if triple {
                    if *pos + 2 < b.len() && b[*pos + 1] == ch && b[*pos + 2] == ch {
                        *pos += 3;
                        quote = 0;
                        continue;
                    }
                } else {
                    quote = 0;
                }
            }
            *pos += 1;
            continue;
        }
        match ch {
            b'\'' | b'"' => {
                if *pos + 2 < b.len() && b[*pos + 1] == ch && b[*pos + 2] == ch {
                    triple = true;
                    *pos += 2;
                } else {
                    triple = false;
                }
                quote = ch;
            }
            b'[' | b'{' | b'(' => {
                if stack.len() >= 200 {
                    return Err(msg("f-string: too many nested parenthesis"));
                }
                stack.push(ch);
            }
            b'#' => return Err(msg("f-string expression part cannot include '#'")),
            b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                let next = b.get(*pos + 1).copied();
                if next == Some(b'=') && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                    *pos += 2;
                    continue;
                }
                if ch == b'>' || ch == b'<' {
                    *pos += 1;
                    continue;
                }
                break;
            }
            b']' | b'}' | b')' => {
                let Some(open) = stack.pop() else {
                    return Err(msg(format!("f-string: unmatched '{}'", ch as char)));
                };
                if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    return Err(msg(format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, open as char
                    )));
                }
            }
            _ => {}
        }
        *pos += 1;
    }
    if quote != 0 {
        return Err(msg("f-string: unterminated string"));
    }
    if let Some(&open) = stack.last() {
        return Err(msg(format!("f-string: unmatched '{}'", open as char)));
    }
    if *pos >= b.len() {
        return Err(msg("f-string: expecting '}'"));
    }
    let expr = &b[start..*pos];
    if expr.iter().all(|c| c.is_ascii_whitespace()) {
        return Err(msg("f-string: empty expression not allowed"));
    }
    check_expression(expr).map_err(|(m, p)| {
        let nl_before = b[..start].iter().filter(|&&c| c == b'\n').count() as u32;
        (m, p.map(|(l, o)| (l + nl_before, o)))
    })?;
    if b[*pos] == b'=' {
        *pos += 1;
        while *pos < b.len() && b[*pos].is_ascii_whitespace() {
            *pos += 1;
        }
        if *pos >= b.len() {
            return Err(msg("f-string: expecting '}'"));
        }
    }
    if b[*pos] == b'!' {
        *pos += 1;
        if *pos >= b.len() {
            return Err(msg("f-string: expecting '}'"));
        }
        let conv = b[*pos];
        *pos += 1;
        if !matches!(conv, b's' | b'r' | b'a') {
            return Err(msg("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
        }
    }
    if *pos < b.len() && b[*pos] == b':' {
        *pos += 1;
        if *pos >= b.len() {
            return Err(msg("f-string: expecting '}'"));
        }
        parse(b, pos, raw, lvl + 1)?;
    }
    if *pos >= b.len() || b[*pos] != b'}' {
        return Err(msg("f-string: expecting '}'"));
    }
    *pos += 1;
    Ok(())
}

/// `fstring_compile_expr`: the replacement field must parse as an
/// expression inside parentheses; failures become "f-string: <message>".
fn check_expression(expr: &[u8]) -> Result<(), FErr> {
    let text = String::from_utf8_lossy(expr);
    let src = format!("({text})");
    match crate::parse::parse_syntax(&src, crate::Mode::Eval) {
        Ok(_) => Ok(()),
        Err((e, _)) if e.msg.starts_with("f-string") => Err((e.msg, Some((e.lineno, e.offset)))),
        Err((e, _)) if e.msg.contains("was never closed") || e.msg.starts_with("unmatched") => {
            Err(("f-string: invalid syntax".into(), Some((e.lineno, e.offset))))
        }
        // Tokenizer errors keep their own words.
        Err((e, true)) => Err((e.msg, Some((e.lineno, e.offset)))),
        Err((e, false)) => Err((format!("f-string: {}", e.msg), Some((e.lineno, e.offset)))),
    }
}
