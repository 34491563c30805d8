//! Code objects: what the compiler produces, the cache stores and the VM runs.
//! CPython: `Include/cpython/code.h`, `Objects/codeobject.c`.

use crate::opcode::Instr;
use crate::wtf8::Wtf8Buf;
use num_bigint::BigInt;
use std::rc::Rc;

/// `co_flags` bits; values are CPython's (`Include/cpython/code.h`), so
/// `inspect` reads them correctly.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default, Hash)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    /// `from __future__ import annotations` (CPython's `CO_FUTURE_ANNOTATIONS`).
    pub const FUTURE_ANNOTATIONS: u32 = 0x100_0000;
    /// `from __future__ import barry_as_FLUFL`.
    pub const FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;
    /// `from __future__ import generator_stop` and other no-op futures share no bit here.

    /// True if every bit of `flag` is set.
    #[inline]
    pub fn has(self, flag: u32) -> bool {
        self.0 & flag == flag
    }
}

/// Source position of one instruction (PEP 657). Lines are 1-based; columns are
/// 0-based UTF-8 byte offsets within their line, as CPython's `co_positions()`.
/// `line == 0` means the instruction has no location (artificial code).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default, Hash)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

impl Location {
    /// The location of an instruction that corresponds to no source.
    pub const NONE: Location = Location { line: 0, end_line: 0, col: 0, end_col: 0 };
}

/// One exception-table entry: an exception raised by an instruction in
/// `start..end` (instruction indices, end exclusive) unwinds the value stack to
/// `depth` items, pushes the instruction index of the raising instruction if
/// `lasti`, pushes the exception, and jumps to `target`.
/// CPython: `Objects/exception_handling_notes.txt`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// A compile-time constant (`co_consts` item).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    /// An int that fits in `i64`.
    Int(i64),
    /// Any other int.
    BigInt(BigInt),
    Float(f64),
    Complex { re: f64, im: f64 },
    Str(Wtf8Buf),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// Items in the order the compiler produced them (the VM builds the set).
    FrozenSet(Vec<Constant>),
    Code(Rc<CodeObject>),
}

impl Constant {
    /// A `str` constant from UTF-8 text.
    pub fn str(s: &str) -> Constant {
        Constant::Str(Wtf8Buf::from(s))
    }
}

/// A compiled code object. Field names follow CPython's `co_*` attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Maximum value-stack depth (verified on load).
    pub stacksize: u32,
    pub flags: CodeFlags,
    /// The instructions.
    pub code: Vec<Instr>,
    pub consts: Vec<Constant>,
    /// Names used by *_NAME, *_GLOBAL, *_ATTR, LOAD_METHOD, IMPORT_* instructions.
    pub names: Vec<String>,
    /// Local variable names, arguments first (in CPython's order).
    pub varnames: Vec<String>,
    /// Locals captured by inner scopes (cell variables).
    pub cellvars: Vec<String>,
    /// Variables from enclosing scopes (free variables).
    pub freevars: Vec<String>,
    /// For each cell variable that is also an argument: (cell index, argument index).
    /// The VM moves the argument into the cell when the frame starts.
    pub cell2arg: Vec<(u32, u32)>,
    pub filename: String,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    /// One location per instruction (same length as `code`).
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
}

impl CodeObject {
    /// Number of cell plus free variables (the range of `Cell` operands).
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The innermost exception handler covering instruction `index`, if any.
    pub fn find_handler(&self, index: u32) -> Option<&ExceptionEntry> {
        // Entries are sorted by start and do not overlap (the assembler emits them
        // that way, and the verifier checks it), so a binary search finds it.
        let t = &self.exception_table;
        let pos = t.partition_point(|e| e.start <= index);
        if pos == 0 {
            return None;
        }
        let e = &t[pos - 1];
        (index < e.end).then_some(e)
    }

    /// Calls `f` on this code object and every code object nested in its constants.
    pub fn walk(&self, f: &mut dyn FnMut(&CodeObject)) {
        f(self);
        for c in &self.consts {
            if let Constant::Code(code) = c {
                code.walk(f);
            }
        }
    }
}
