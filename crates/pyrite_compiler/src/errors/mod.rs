//! CPython-compatible syntax errors: the tokenizer-level checks
//! (`tokenizer`), a depth guard run before ruff's recursive parser (`guard`),
//! and the translation of ruff's parse errors into CPython's messages (`parser`).

pub mod fstring;
pub mod guard;
pub mod strings;
pub mod parser;
pub mod scopes;
pub mod tokenizer;
