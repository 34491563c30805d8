//! Runtime code objects: a `CodeObject` from the compiler or the cache plus what
//! the VM derives from it once (constants as values, interned names).
//! CPython: Objects/codeobject.c.

use crate::object::PyRef;
use crate::value::Value;
use pyrite_bytecode::CodeObject;

/// A code object ready to run.
pub struct Code {
    pub co: CodeObject,
    /// `co_consts` as Python values (nested code objects converted too).
    pub consts: Vec<Value>,
    /// `co_names` as interned str objects.
    pub names: Vec<PyRef>,
    /// `co_varnames` as interned str objects (for keyword-argument binding).
    pub varnames: Vec<PyRef>,
    /// `co_cellvars` then `co_freevars` as interned str objects.
    pub cellnames: Vec<PyRef>,
    /// The instruction stream (same as `co.code`, kept here for locality).
    pub instrs: Box<[u32]>,
    /// LOAD_GLOBAL cache, one entry per `co_names` index: the value found
    /// when the globals and builtins dicts had these version tags.
    pub global_cache: Box<[GlobalCache]>,
}

/// One LOAD_GLOBAL cache entry.
#[derive(Default)]
pub struct GlobalCache {
    pub globals_version: std::cell::Cell<u64>,
    pub builtins_version: std::cell::Cell<u64>,
    pub value: std::cell::RefCell<Value>,
}

impl Default for Value {
    fn default() -> Value {
        Value::Null
    }
}

impl Code {
    /// Line number of instruction `index` (0 if none).
    pub fn line_of(&self, index: usize) -> u32 {
        let mut i = index.min(self.co.locations.len().saturating_sub(1));
        loop {
            match self.co.locations.get(i) {
                Some(l) if l.line != 0 => return l.line,
                _ if i == 0 => return self.co.firstlineno,
                _ => i -= 1,
            }
        }
    }
}
