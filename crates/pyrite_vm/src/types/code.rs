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
    /// Invariant relied on by the loop: every low byte is a valid opcode
    /// (`Vm::make_code` checks).
    pub instrs: Box<[u32]>,
    /// LOAD_GLOBAL cache, one entry per `co_names` index: the value found
    /// when the globals and builtins dicts had these version tags.
    pub global_cache: Box<[GlobalCache]>,
    /// LOAD_ATTR / LOAD_METHOD cache, one entry per `co_names` index.
    pub attr_cache: Box<[AttrCache]>,
    /// STORE_ATTR cache, one entry per `co_names` index.
    pub store_cache: Box<[AttrCache]>,
}

/// One attribute inline-cache entry: what the MRO lookup of the name gave for
/// the type whose version tag was `version` (version tags are never reused,
/// so the tag alone identifies the type and the state of its namespace).
#[derive(Default)]
pub struct AttrCache {
    pub version: std::cell::Cell<u64>,
    /// One of the `attr_kind` constants.
    pub kind: std::cell::Cell<u8>,
    /// The attribute found in the type.
    pub descr: std::cell::RefCell<CachedDescr>,
    /// Where the name was last found in an instance dict's entries (for
    /// `SLOT` / `STORE_SLOT`: the slot index).
    pub hint: std::cell::Cell<u32>,
    /// The name's str hash, set when the entry is filled.
    pub name_hash: std::cell::Cell<i64>,
}

/// An attribute cache's reference to what the type holds. Objects are held
/// weakly, so a cache never keeps a class attribute alive after the class
/// drops it (its `__del__` runs then, as in CPython); while the type's version
/// tag is unchanged the type itself keeps it alive.
#[derive(Default)]
pub enum CachedDescr {
    #[default]
    Absent,
    Imm(Value),
    Obj(std::rc::Weak<crate::object::PyObject>),
}

impl CachedDescr {
    /// Remembers `v` (Null: absent).
    pub fn new(v: Value) -> CachedDescr {
        match v {
            Value::Null => CachedDescr::Absent,
            Value::Obj(o) => CachedDescr::Obj(std::rc::Rc::downgrade(&o)),
            v => CachedDescr::Imm(v),
        }
    }

    /// The value, if present and alive.
    #[inline(always)]
    pub fn get(&self) -> Option<Value> {
        match self {
            CachedDescr::Absent => None,
            CachedDescr::Imm(v) => Some(v.clone()),
            CachedDescr::Obj(w) => w.upgrade().map(Value::Obj),
        }
    }
}

/// Kinds of `AttrCache` entries.
pub mod attr_kind {
    /// Nothing cached.
    pub const EMPTY: u8 = 0;
    /// Not in the type: the instance dict decides.
    pub const ABSENT: u8 = 1;
    /// A non-data descriptor or plain value: the instance dict first, then `descr`.
    pub const NON_DATA: u8 = 2;
    /// A Python function or unbound builtin method (non-data; LOAD_METHOD
    /// pushes it unbound).
    pub const METHOD: u8 = 3;
    /// A builtin data descriptor (property, getset, slot member): `descr` decides.
    pub const DATA: u8 = 4;
    /// STORE_ATTR: the type's `__setattr__` is object's and the name is not a
    /// data descriptor: the value goes into the instance dict.
    pub const STORE_DICT: u8 = 5;
    /// A `__slots__` member: the value is the instance's slot `hint`.
    pub const SLOT: u8 = 6;
    /// STORE_ATTR: the type's `__setattr__` is object's and the name is a
    /// `__slots__` member: the value goes into the instance's slot `hint`.
    pub const STORE_SLOT: u8 = 7;
    /// A plain value in the type (its `__get__` is the identity): the
    /// instance dict first, then `descr` itself.
    pub const CLASS_VALUE: u8 = 8;
}

/// One LOAD_GLOBAL (and module-level LOAD_NAME) cache entry: where the name
/// was found when the globals and builtins dicts had these layout tags
/// (`DictData::keys_version`: values may change, positions may not). The
/// entry's position is cached, not its value, so the cache keeps nothing alive.
#[derive(Default)]
pub struct GlobalCache {
    pub globals_version: std::cell::Cell<u64>,
    pub builtins_version: std::cell::Cell<u64>,
    /// Entry index in the globals dict, or in the builtins dict when `in_builtins`.
    pub index: std::cell::Cell<u32>,
    pub in_builtins: std::cell::Cell<bool>,
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
