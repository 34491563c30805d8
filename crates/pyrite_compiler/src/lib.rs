//! The compiler: Python source -> `CodeObject`.
//!
//! Pipeline (one file per stage, each naming its CPython counterpart):
//! `source` (PEP 263 decoding) -> ruff parser -> `validate` (CPython's extra
//! SyntaxErrors) -> `symtable` -> `codegen` -> `flowgraph` (CFG, peephole,
//! constant folding) -> `assemble` (stack depth, exception table, locations).
//!
//! The compiler knows no VM types: constants are `pyrite_bytecode::Constant`
//! and errors are `CompileError` values that the VM turns into SyntaxError.

mod errors;
mod fxhash;
pub mod assemble;
pub mod codegen;
pub mod flowgraph;
pub mod parse;
pub mod symtable;
pub mod unparse;
pub mod source;
pub mod validate;

pub use source::{decode_source, decode_source_file};

use pyrite_bytecode::CodeObject;

/// What kind of source is compiled (CPython's `compile()` modes).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or script (`'exec'`).
    Exec,
    /// A single expression (`'eval'`); the code returns its value.
    Eval,
    /// One interactive statement (`'single'`); expression statements print via PRINT_EXPR.
    Single,
}

/// Options that change the generated code.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// `-O` level: 0 keeps asserts and `__debug__` is True; 1 removes asserts;
    /// 2 also removes docstrings.
    pub optimize: u8,
    /// `__future__` flags inherited from the caller (`CodeFlags::FUTURE_*` bits).
    pub future_flags: u32,
}

/// The Python exception class a compile error becomes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// "maximum recursion depth exceeded during compilation".
    RecursionError,
    /// e.g. "source code string cannot contain null bytes" from `compile()`.
    ValueError,
}

/// A compile error, with CPython's message and position.
/// Lines are 1-based; offsets are 1-based *character* offsets into the line (as
/// `SyntaxError.offset`), `0` when unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line the error is on (with its newline), if known.
    pub text: Option<String>,
}

/// A warning the compiler emits (`SyntaxWarning`, `DeprecationWarning`).
/// Stored in the cache with the code and emitted again when loaded from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    /// `"SyntaxWarning"` or `"DeprecationWarning"`.
    pub category: String,
    pub msg: String,
    pub lineno: u32,
}

/// The result of compiling one source.
#[derive(Clone, Debug)]
pub struct CompileOutput {
    pub code: CodeObject,
    pub warnings: Vec<CompileWarning>,
}

/// Compiles decoded source text. `filename` becomes `co_filename`.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    options: CompileOptions,
) -> Result<CompileOutput, CompileError> {
    compile_with_offsets(source, filename, mode, options, parse::Offsets::Bytes)
}

/// `compile` with the unit CPython uses for parser-error offsets in this
/// context: characters for `compile(str)`/`exec`/`eval` and sources with a
/// coding cookie, bytes otherwise (see `source::offsets_for`).
pub fn compile_with_offsets(
    source: &str,
    filename: &str,
    mode: Mode,
    options: CompileOptions,
    offsets: parse::Offsets,
) -> Result<CompileOutput, CompileError> {
    let (module, starts) = parse::parse_with_lines(source, mode, offsets)?;
    let lines = codegen::LineIndex::from_starts(starts);
    let (code, warnings) = codegen::compile_module_with_lines(source, lines, &module, filename, mode, options)?;
    Ok(CompileOutput { code, warnings })
}
