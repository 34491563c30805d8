//! Parsing: ruff's parser (target Python 3.11) plus CPython's extra SyntaxErrors.
//! Produces a module/expression AST or a `CompileError` with CPython's message.
//!
//! Order of checks, as CPython orders them: null bytes; tokenizer errors
//! (`errors::tokenizer`, which win over parser errors); a depth guard so that
//! ruff never recurses deeply; ruff's parse, whose errors are turned into
//! CPython's messages (`errors::parser`); 3.12+ syntax that ruff accepts;
//! then the compile-time checks of `validate`.
//!
//! Offsets: CPython counts a SyntaxError's offset in characters for errors
//! its tokenizer raises, but in bytes (UTF-8) for parser errors when the
//! source was given as bytes without a coding cookie (`import`, scripts,
//! `compile(bytes)`) and always for compiler errors. `parse` follows the
//! bytes convention; `parse_with(.., Offsets::Chars)` gives characters for
//! parser errors, as `compile(str)` and sources with a cookie do.

use crate::errors::tokenizer::{self, Lines, TokError};
use crate::errors::{guard, parser as perr};
use crate::{CompileError, ErrorKind, Mode};
use ruff_python_ast::Mod;

/// How parser-error offsets are counted (see the module comment).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Offsets {
    /// UTF-8 bytes: `import`, scripts, `compile(bytes)` without a cookie.
    #[default]
    Bytes,
    /// Characters: `compile(str)`, `exec(str)`, sources with a coding cookie.
    Chars,
}

/// Parses `source` in `mode`, rejecting everything CPython 3.11 rejects before
/// code generation (parser errors, 3.12+ syntax, and the checks in `validate`).
pub fn parse(source: &str, mode: Mode) -> Result<Mod, CompileError> {
    parse_with(source, mode, Offsets::Bytes)
}

/// `parse` with a choice of offset units for parser errors.
pub fn parse_with(source: &str, mode: Mode, offsets: Offsets) -> Result<Mod, CompileError> {
    parse_with_lines(source, mode, offsets).map(|(module, _)| module)
}

/// `parse_with`, also returning the line starts of `source` (see `Lines`).
pub(crate) fn parse_with_lines(source: &str, mode: Mode, offsets: Offsets) -> Result<(Mod, Vec<usize>), CompileError> {
    let (module, lines) = match parse_syntax(source, mode) {
        Ok(v) => v,
        Err((mut e, from_tokenizer)) => {
            if !from_tokenizer && offsets == Offsets::Bytes {
                to_byte_offsets(&mut e, &Lines::new(source));
            }
            return Err(e);
        }
    };
    crate::validate::validate(&module, &lines).map_err(|mut e| {
        to_byte_offsets(&mut e, &lines);
        e
    })?;
    Ok((module, lines.into_starts()))
}

/// Re-expresses `e`'s character offsets as UTF-8 byte offsets (+1).
fn to_byte_offsets(e: &mut CompileError, lines: &Lines) {
    let conv = |line: u32, off: u32| -> u32 {
        if line == 0 || off == 0 {
            return off;
        }
        let text = lines.text(line);
        let mut bytes = 0usize;
        let mut n = 0u32;
        for c in text.chars() {
            if n + 1 >= off {
                break;
            }
            bytes += c.len_utf8();
            n += 1;
        }
        (bytes as u32) + (off - 1 - n) + 1
    };
    e.offset = conv(e.lineno, e.offset);
    e.end_offset = conv(e.end_lineno, e.end_offset);
}

/// Everything `parse` does except the compile-time checks of `validate`
/// (f-string replacement fields are checked this way, as CPython does).
/// Errors say whether CPython's tokenizer raised them (character offsets).
pub(crate) fn parse_syntax(source: &str, mode: Mode) -> Result<(Mod, Lines<'_>), (CompileError, bool)> {
    if mode == Mode::Single {
        if let Some(r) = single_prefix(source) {
            return r;
        }
    }
    parse_syntax_inner(source, mode).map_err(|(mut e, t)| {
        // Without an implicit final newline ('eval', 'single'), the
        // tokenizer's end-of-line column on the last line is one less.
        if mode != Mode::Exec
            && e.msg == "unindent does not match any outer indentation level"
            && !source.ends_with('\n')
            && e.lineno == Lines::new(source).last_line()
        {
            e.offset = e.offset.saturating_sub(1);
        }
        (e, t)
    })
}

/// 'single' input: CPython parses only the first statement, then rejects
/// anything but blanks and comments after it. When something follows, the
/// first statement (up to the end of its last line) is parsed on its own.
fn single_prefix(source: &str) -> Option<Result<(Mod, Lines<'_>), (CompileError, bool)>> {
    let options = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let Mod::Module(m) = parsed.syntax() else { return None };
    let first = m.body.first()?;
    let end = ruff_text_size::Ranged::range(first).end().to_usize();
    // Cut after the NEWLINE token that ends the first statement.
    let lines = Lines::new(source);
    let toks = tokenizer::tokenize(source, &lines);
    let nl = toks.toks.iter().find(|t| t.kind == tokenizer::Tok::Newline && t.start >= end)?;
    let cut = source[nl.start..].find('\n').map(|p| nl.start + p + 1)?;
    if !has_code(&source[cut..]) {
        return None;
    }
    let compound = is_compound(first);
    // If the first statement is itself wrong, CPython reads on: parse it all.
    match parse_syntax_inner(&source[..cut], Mode::Single) {
        Err(_) => None,
        Ok(_) => {
            let t = &toks.toks;
            let e = if compound {
                let k = t.iter().position(|x| x.start >= cut && !matches!(x.kind, tokenizer::Tok::Newline | tokenizer::Tok::Dedent | tokenizer::Tok::Indent));
                match k {
                    Some(k) => error_at_tok(&lines, "invalid syntax", t[k].start, t[k].end),
                    None => error_at_tok(&lines, "invalid syntax", cut, cut),
                }
            } else {
                let nl = source[..cut].trim_end_matches(['\n', '\r']).len();
                let nl = source[..nl].rfind('#').filter(|&h| !source[h..nl].contains(['\'', '"'])).map_or(nl, |h| {
                    // A NEWLINE after a comment starts at the comment.
                    source[..h].trim_end_matches([' ', '\t']).len().max(h)
                });
                let mut e = error_at_tok(&lines, "multiple statements found while compiling a single statement", nl, nl);
                e.end_offset = e.offset;
                e
            };
            Some(Err((e, false)))
        }
    }
}

/// `bad_single_statement`: anything but whitespace and comments.
fn has_code(rest: &str) -> bool {
    let mut in_comment = false;
    for c in rest.chars() {
        match c {
            '\n' => in_comment = false,
            _ if in_comment => {}
            '#' => in_comment = true,
            ' ' | '\t' | '\x0c' | '\r' => {}
            _ => return true,
        }
    }
    false
}

fn is_compound(s: &ruff_python_ast::Stmt) -> bool {
    use ruff_python_ast::Stmt;
    matches!(
        s,
        Stmt::If(_) | Stmt::While(_) | Stmt::For(_) | Stmt::Try(_) | Stmt::With(_) | Stmt::FunctionDef(_) | Stmt::ClassDef(_) | Stmt::Match(_)
    )
}

fn parse_syntax_inner(source: &str, mode: Mode) -> Result<(Mod, Lines<'_>), (CompileError, bool)> {
    let fail = |e: CompileError| Err((e, false));
    if source.contains('\0') {
        return fail(CompileError {
            kind: ErrorKind::SyntaxError,
            msg: "source code string cannot contain null bytes".into(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        });
    }
    let lines = Lines::new(source);
    let toks = tokenizer::tokenize(source, &lines);
    if let Some(TokError::Raised(e)) = &toks.error {
        // CPython's parser may stop on an unexpected INDENT before reaching
        // the bad token; that IndentationError is then final.
        if let Some(ind) = unexpected_indent_before(source, &lines, &toks, e) {
            return Err((ind, false));
        }
        return Err((e.clone(), true));
    }
    if mode != Mode::Exec && !toks.toks.iter().any(|t| !matches!(t.kind, tokenizer::Tok::Newline | tokenizer::Tok::EndMarker)) {
        // Nothing to evaluate: the end marker fails, with no column.
        let line = if source.is_empty() { 0 } else { lines.last_line() };
        return fail(CompileError {
            kind: ErrorKind::SyntaxError,
            msg: "invalid syntax".into(),
            lineno: line,
            offset: 0,
            end_lineno: line,
            end_offset: 0,
            text: None,
        });
    }
    if let Err(e) = guard::check(&toks, &lines) {
        return fail(e);
    }
    let pmode = match mode {
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
    };
    let options = ruff_python_parser::ParseOptions::from(pmode)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    // CPython reports where its first pass stopped. ruff reports some errors
    // after parsing the whole construct (an invalid target, a misplaced
    // yield): then the earliest one is where CPython stopped.
    let first = parsed.errors().first().and_then(|f| {
        if perr::is_after_the_fact(f) {
            parsed.errors().iter().min_by_key(|e| e.location.start())
        } else {
            Some(f)
        }
    });
    if let Some(first) = first {
        let mut e = perr::convert(&lines, &toks, first, parsed.errors(), parsed.syntax());
        if mode == Mode::Eval {
            eval_adjust(&mut e, source, &lines, &toks);
        } else if mode == Mode::Single {
            end_of_input_adjust(&mut e, source, &lines);
        }
        return Err((e, false));
    }
    if let Some(TokError::Deferred { err, .. }) = &toks.error {
        return fail(err.clone());
    }
    if let Some(e) = perr::unclosed_at_eof(&lines, &toks) {
        return fail(e);
    }
    if let Some(e) = perr::fstring_errors(&lines, &toks) {
        return fail(e);
    }
    if let Some(u) = parsed.unsupported_syntax_errors().first() {
        return fail(perr::convert_unsupported(&lines, &toks, u));
    }
    if let Err(e) = guard::check_int_digits(&toks, &lines) {
        return fail(e);
    }
    if mode == Mode::Single {
        if let Some(e) = single_statement(&lines, &toks, parsed.syntax()) {
            return fail(e);
        }
    }
    Ok((parsed.into_syntax(), lines))
}

/// ruff's own error list for `source` (debugging aid for the test suite).
#[doc(hidden)]
pub fn ruff_errors(source: &str) -> Vec<String> {
    let options = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let mut out: Vec<String> = parsed.errors().iter().map(|e| format!("{:?} @ {:?}", e.error, e.location)).collect();
    out.extend(parsed.unsupported_syntax_errors().iter().map(|e| format!("unsupported {:?} @ {:?}", e.kind, e.range)));
    out
}

/// An "unexpected indent" ruff finds before the tokenizer error `e`.
fn unexpected_indent_before(
    source: &str,
    lines: &Lines,
    toks: &tokenizer::Tokens,
    e: &CompileError,
) -> Option<CompileError> {
    // The error's position, less one character: before the bad token.
    let text = lines.text(e.lineno);
    let chars = e.offset.saturating_sub(2) as usize;
    let in_line = text.char_indices().nth(chars).map_or(text.len(), |(b, _)| b);
    let _ = in_line;
    let cut = lines.start_of(e.lineno + 1).min(source.len());
    // Cheap pre-check: an INDENT token before that point.
    if !toks.toks.iter().any(|t| t.kind == tokenizer::Tok::Indent && t.start < cut) {
        return None;
    }
    let line_start = cut;
    let options = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(&source[..line_start], options);
    let first = parsed.errors().iter().min_by_key(|e| e.location.start())?;
    if !matches!(first.error, ruff_python_parser::ParseErrorType::UnexpectedIndentation) {
        return None;
    }
    let sub = tokenizer::tokenize(&source[..line_start], lines);
    Some(perr::convert(lines, &sub, first, parsed.errors(), parsed.syntax()))
}

/// Eval input has no implicit final newline and no indentation: a failure
/// at end of input has no column, and leading blanks are an unexpected indent.
fn eval_adjust(e: &mut CompileError, source: &str, lines: &Lines, toks: &tokenizer::Tokens) {
    if let Some(t) = toks.toks.first() {
        if t.kind == tokenizer::Tok::Indent {
            let line = lines.line_of(t.end);
            *e = CompileError {
                kind: ErrorKind::IndentationError,
                msg: "unexpected indent".into(),
                lineno: line,
                offset: lines.col_chars(t.end),
                end_lineno: line,
                end_offset: 0,
                text: Some(lines.text(line).to_owned()),
            };
            return;
        }
    }
    end_of_input_adjust(e, source, lines);
}

/// Without an implicit final newline ('eval', 'single'), a failure at the
/// end of input is at the end marker, which has no column.
fn end_of_input_adjust(e: &mut CompileError, source: &str, lines: &Lines) {
    if e.msg == "invalid syntax" && !source.ends_with('\n') {
        let last = lines.last_line();
        let end = lines.text(last).chars().count() as u32 + 1;
        if e.lineno == last && e.offset == end {
            e.offset = 0;
            e.end_offset = 0;
        }
    }
}

/// 'single' input is one statement: after a simple statement's line nothing
/// may follow ("multiple statements found while compiling a single
/// statement", at that NEWLINE); after a compound statement, "invalid syntax",
/// and a compound statement must end with a newline.
fn single_statement(lines: &Lines, toks: &tokenizer::Tokens, ast: &Mod) -> Option<CompileError> {
    use ruff_python_ast::Stmt;
    use tokenizer::Tok;
    let Mod::Module(m) = ast else { return None };
    let first = m.body.first()?;
    let compound = matches!(
        first,
        Stmt::If(_) | Stmt::While(_) | Stmt::For(_) | Stmt::Try(_) | Stmt::With(_) | Stmt::FunctionDef(_) | Stmt::ClassDef(_) | Stmt::Match(_)
    );
    let t = &toks.toks;
    let significant = |k: usize| t.get(k).is_some_and(|x| !matches!(x.kind, Tok::Newline | Tok::Dedent | Tok::EndMarker));
    let ends_in_block = t.len() >= 2 && t[t.len() - 2].kind == Tok::Dedent;
    if compound && !lines.src.ends_with('\n') && !ends_in_block {
        // Interactive input gets no implicit final newline: a compound
        // statement ending in a one-line clause is left open, and the end
        // marker has no column.
        let line = lines.last_line();
        let mut e = error_at_tok(lines, "invalid syntax", lines.start_of(line), lines.start_of(line));
        e.offset = 0;
        e.end_offset = 0;
        return Some(e);
    }
    if compound {
        let end = ruff_text_size::Ranged::range(first).end().to_usize();
        let k = t.iter().position(|x| x.start >= end && !matches!(x.kind, Tok::Newline | Tok::Dedent | Tok::Indent))?;
        if !significant(k) {
            return None;
        }
        let line = lines.line_of(t[k].start);
        let mut e = error_at_tok(lines, "invalid syntax", t[k].start, t[k].end);
        e.lineno = line;
        return Some(e);
    }
    let nl = t.iter().position(|x| x.kind == Tok::Newline)?;
    if !(nl + 1..t.len()).any(significant) {
        return None;
    }
    Some(error_at_tok(lines, "multiple statements found while compiling a single statement", t[nl].start, t[nl].start))
}

fn error_at_tok(lines: &Lines, msg: &str, start: usize, end: usize) -> CompileError {
    let line = lines.line_of(start);
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg: msg.into(),
        lineno: line,
        offset: lines.col_chars(start) + 1,
        end_lineno: lines.line_of(end),
        end_offset: lines.col_chars(end) + 1,
        text: Some(lines.text(line).to_owned()),
    }
}
