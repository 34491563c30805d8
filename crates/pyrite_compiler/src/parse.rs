//! Parsing: ruff's parser (target Python 3.11) plus CPython's extra SyntaxErrors.
//! Produces a module/expression AST or a `CompileError` with CPython's message.
//!
//! Order of checks, as CPython orders them: null bytes; tokenizer errors
//! (`errors::tokenizer`, which win over parser errors); a depth guard so that
//! ruff never recurses deeply; ruff's parse, whose errors are turned into
//! CPython's messages (`errors::parser`); 3.12+ syntax that ruff accepts;
//! then the compile-time checks of `validate`.

use crate::errors::tokenizer::{self, Lines, TokError};
use crate::errors::{guard, parser as perr};
use crate::{CompileError, ErrorKind, Mode};
use ruff_python_ast::Mod;

/// Parses `source` in `mode`, rejecting everything CPython 3.11 rejects before
/// code generation (parser errors, 3.12+ syntax, and the checks in `validate`).
pub fn parse(source: &str, mode: Mode) -> Result<Mod, CompileError> {
    let (module, lines) = parse_syntax(source, mode)?;
    crate::validate::validate(&module, &lines, mode)?;
    Ok(module)
}

/// Everything `parse` does except the compile-time checks of `validate`
/// (f-string replacement fields are checked this way, as CPython does).
pub(crate) fn parse_syntax(source: &str, mode: Mode) -> Result<(Mod, Lines<'_>), CompileError> {
    if source.contains('\0') {
        return Err(CompileError {
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
        return Err(e.clone());
    }
    guard::check(&toks, &lines)?;
    let pmode = match mode {
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
    };
    let options = ruff_python_parser::ParseOptions::from(pmode)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    if let Some(first) = parsed.errors().first() {
        return Err(perr::convert(&lines, &toks, first, parsed.errors(), parsed.syntax()));
    }
    if let Some(TokError::Deferred { err, .. }) = &toks.error {
        return Err(err.clone());
    }
    if let Some(e) = perr::unclosed_at_eof(&lines, &toks) {
        return Err(e);
    }
    if let Some(e) = perr::fstring_errors(&lines, &toks) {
        return Err(e);
    }
    if let Some(u) = parsed.unsupported_syntax_errors().first() {
        return Err(perr::convert_unsupported(&lines, &toks, u));
    }
    guard::check_int_digits(&toks, &lines)?;
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
