//! Unparsing annotation expressions to strings for `from __future__ import
//! annotations`. CPython: `Python/ast_unparse.c`.

use crate::codegen::Compiler;
use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

/// The string CPython stores for an annotation under `from __future__ import annotations`.
pub fn unparse_annotation(c: &Compiler, e: &Expr) -> String {
    let r = e.range();
    c.src.get(r.start().to_usize()..r.end().to_usize()).unwrap_or("").to_string()
}
