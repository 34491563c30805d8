//! Type objects' data; CPython: Objects/typeobject.c.
//!
//! A type's namespace is its object's `dict` (a dict object, like any
//! instance dict). Builtin types fill it at start-up from their method tables.
//! `version` changes whenever the namespace of the type or of any base changes,
//! so attribute caches keyed by it stay correct.

use crate::object::PyRef;
use crate::value::Value;
use std::cell::{Cell, RefCell};

/// Which builtin payload instances of a type (and its subclasses) carry.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    Module,
    Property,
    StaticMethod,
    ClassMethod,
    Function,
    /// A type whose instances cannot be created from Python (`type(len)`...).
    Opaque,
}

/// Bit flags of a type.
pub mod flags {
    /// Instances get a `__dict__`.
    pub const HAS_DICT: u32 = 1;
    /// Python code can subclass it.
    pub const BASETYPE: u32 = 2;
    /// Created by a `class` statement (attributes settable).
    pub const HEAPTYPE: u32 = 4;
    /// Subclass of BaseException.
    pub const EXCEPTION: u32 = 8;
    /// A builtin type whose attributes cannot be set.
    pub const IMMUTABLE: u32 = 16;
    /// Defines `__getattribute__` other than object's (slow attribute path).
    pub const CUSTOM_GETATTRIBUTE: u32 = 32;
    /// Defines `__getattr__`.
    pub const HAS_GETATTR: u32 = 64;
    /// Abstract: `__abstractmethods__` non-empty.
    pub const ABSTRACT: u32 = 128;
    /// Defines `__del__`: instances are finalised when their last reference goes.
    pub const HAS_DEL: u32 = 256;
}

/// The data of a type object.
pub struct TypeData {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    /// `__module__` for builtin types (heap types keep it in their dict).
    pub module: &'static str,
    pub bases: RefCell<Vec<PyRef>>,
    /// `__mro__`, this type first.
    pub mro: RefCell<Vec<PyRef>>,
    pub flags: Cell<u32>,
    pub layout: Layout,
    /// Attribute-cache version tag; bumped on any namespace change here or in a base.
    pub version: Cell<u64>,
    /// Names of `__slots__` members, in layout order (including inherited ones).
    pub slot_names: RefCell<Vec<String>>,
    /// Weak list of direct subclasses (for version propagation and `__subclasses__`).
    pub subclasses: RefCell<Vec<std::rc::Weak<crate::object::PyObject>>>,
    /// What calling the type does (`__new__` / `__init__` resolved), valid
    /// while `version` equals the cache's version.
    pub ctor_cache: RefCell<CtorCache>,
    /// The largest instance `__dict__` seen filled by attribute stores, so
    /// new instances get a table of that size up front.
    pub dict_size_hint: Cell<u32>,
}

/// How `cls(...)` creates an instance, cached per type version by
/// `type_call_impl`.
#[derive(Default)]
pub struct CtorCache {
    pub version: u64,
    /// One of the `ctor_kind` constants.
    pub kind: u8,
    /// The `__init__` for `PY_INIT` (a Python function), else Null.
    pub init: Value,
    /// `__new__` and `__init__` as found in the MRO (Null when absent).
    pub new: Value,
    pub generic_init: Value,
}

/// Kinds of `CtorCache` entries.
pub mod ctor_kind {
    /// Use the generic algorithm.
    pub const GENERIC: u8 = 0;
    /// `__new__` is `object.__new__` (with `object` the nearest builtin base)
    /// and `__init__` is a Python function: extra arguments go to `__init__`.
    pub const PY_INIT: u8 = 1;
    /// `__new__` is `object.__new__` and `__init__` is `object.__init__`:
    /// no arguments allowed.
    pub const OBJECT_INIT: u8 = 2;
    /// `__new__` is `BaseException.__new__` and `__init__` is a Python
    /// function: an exception instance holding the positional arguments,
    /// then `__init__`.
    pub const EXC_PY_INIT: u8 = 3;
}

impl TypeData {
    /// A new type's data (namespace and MRO are set by the caller).
    pub fn new(name: &str, module: &'static str, layout: Layout, flags: u32) -> TypeData {
        TypeData {
            name: RefCell::new(name.to_owned()),
            qualname: RefCell::new(name.to_owned()),
            module,
            bases: RefCell::new(Vec::new()),
            mro: RefCell::new(Vec::new()),
            flags: Cell::new(flags),
            layout,
            version: Cell::new(next_version()),
            slot_names: RefCell::new(Vec::new()),
            subclasses: RefCell::new(Vec::new()),
            ctor_cache: RefCell::new(CtorCache::default()),
            dict_size_hint: Cell::new(0),
        }
    }

    /// True if any bit of `f` is set.
    #[inline]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }

    /// The type's `__name__`.
    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }
}

thread_local! {
    static VERSION: Cell<u64> = const { Cell::new(1) };
}

/// A fresh, never-before-used version tag.
pub fn next_version() -> u64 {
    VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

use crate::object::{Payload, PyObject};
use crate::vm::Vm;
use std::rc::Rc;

/// Invalidates attribute caches of `t` and of all its subclasses.
pub fn invalidate(t: &TypeData) {
    t.version.set(next_version());
    let subs: Vec<PyRef> = t.subclasses.borrow().iter().filter_map(|w| w.upgrade()).collect();
    for s in subs {
        if let Some(st) = s.as_type() {
            invalidate(st);
        }
    }
}

/// What the method cache remembers of a lookup's result. Objects are held
/// weakly: the cache must not keep a class attribute alive after the class
/// drops it (its `__del__` runs then, as in CPython).
enum CachedLookup {
    Absent,
    Imm(Value),
    Obj(std::rc::Weak<PyObject>),
}

/// One entry of the method cache: `lookup(type, name)` gave `value` when the
/// type had version tag `version`.
struct MethodCacheEntry {
    version: u64,
    name: Option<PyRef>,
    value: CachedLookup,
}

const METHOD_CACHE_BITS: u32 = 12;

thread_local! {
    /// CPython's type method cache: results of `lookup` keyed by the type's
    /// version tag and the name's identity (the entry keeps the name alive,
    /// so its address is not reused while cached). Version tags are never
    /// reused, so entries of changed or dead types are never hit again.
    static METHOD_CACHE: RefCell<Vec<MethodCacheEntry>> = RefCell::new(
        (0..1usize << METHOD_CACHE_BITS).map(|_| MethodCacheEntry { version: 0, name: None, value: CachedLookup::Absent }).collect(),
    );
}

#[inline]
fn method_cache_index(version: u64, name: &PyRef) -> usize {
    let h = version ^ ((Rc::as_ptr(name) as usize as u64) >> 4);
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - METHOD_CACHE_BITS)) as usize
}

/// Looks `name` up along the MRO of type `ty` (no descriptors applied),
/// through the method cache. CPython: `_PyType_Lookup`.
pub fn lookup(ty: &PyRef, name: &PyRef) -> Option<Value> {
    let t = ty.as_type()?;
    let version = t.version.get();
    let i = method_cache_index(version, name);
    let hit = METHOD_CACHE.with(|c| {
        let c = c.borrow();
        let e = &c[i];
        match &e.name {
            Some(n) if e.version == version && Rc::ptr_eq(n, name) => match &e.value {
                CachedLookup::Absent => Some(None),
                CachedLookup::Imm(v) => Some(Some(v.clone())),
                CachedLookup::Obj(w) => w.upgrade().map(|o| Some(Value::Obj(o))),
            },
            _ => None,
        }
    });
    if let Some(r) = hit {
        return r;
    }
    let found = lookup_uncached(t, name);
    let value = match &found {
        None => CachedLookup::Absent,
        Some(Value::Obj(o)) => CachedLookup::Obj(Rc::downgrade(o)),
        Some(v) => CachedLookup::Imm(v.clone()),
    };
    let old = METHOD_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let e = &mut c[i];
        e.version = version;
        (std::mem::replace(&mut e.name, Some(name.clone())), std::mem::replace(&mut e.value, value))
    });
    // Dropped with the cache not borrowed.
    drop(old);
    found
}

/// `lookup` without the method cache: walks the MRO.
fn lookup_uncached(t: &TypeData, name: &PyRef) -> Option<Value> {
    for c in t.mro.borrow().iter() {
        let d = c.dict.borrow();
        if let Some(d) = d.as_ref() {
            if let Some(v) = crate::types::dict::dict_get_str(d, name) {
                return Some(v);
            }
        }
    }
    None
}

/// Creates a builtin (static) type with one base.
pub fn new_static_type(vm: &mut Vm, name: &str, module: &'static str, base: &PyRef, layout: Layout, fl: u32) -> PyRef {
    let d = vm.new_dict();
    let data = TypeData::new(name, module, layout, fl);
    let t = PyObject::with_dict(vm.types.type_.clone(), Payload::Type(Box::new(data)), d);
    set_bases_simple(&t, base);
    t
}

/// Sets a single base and the MRO `[t] + base.__mro__`, registering `t` as a
/// subclass of `base`.
pub fn set_bases_simple(t: &PyRef, base: &PyRef) {
    let Some(td) = t.as_type() else { return };
    *td.bases.borrow_mut() = vec![base.clone()];
    let mut mro = vec![t.clone()];
    if let Some(bd) = base.as_type() {
        mro.extend(bd.mro.borrow().iter().cloned());
        bd.subclasses.borrow_mut().push(Rc::downgrade(t));
    }
    *td.mro.borrow_mut() = mro;
}

/// C3 linearisation of `bases` for a new class. CPython: `mro_implementation`.
/// Returns None when no consistent order exists (the caller raises TypeError
/// "Cannot create a consistent method resolution order (MRO) for bases ...").
pub fn c3_mro(t: &PyRef, bases: &[PyRef]) -> Option<Vec<PyRef>> {
    let mut seqs: Vec<Vec<PyRef>> = bases
        .iter()
        .map(|b| b.as_type().map(|bt| bt.mro.borrow().clone()).unwrap_or_default())
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![t.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs.iter().any(|s2| s2[1..].iter().any(|c| Rc::ptr_eq(c, cand)));
            if !in_tail {
                found = Some(cand.clone());
                break;
            }
        }
        let c = found?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Recomputes the flags that depend on which special methods a class defines
/// (`__getattribute__`, `__getattr__`).
pub fn refresh_flags(vm: &mut Vm, cls: &PyRef) {
    let Some(t) = cls.as_type() else { return };
    let mut f = t.flags.get() & !(flags::CUSTOM_GETATTRIBUTE | flags::HAS_GETATTR | flags::HAS_DEL);
    if t.has_flag(flags::HEAPTYPE) && lookup(cls, &vm.names.__del__.clone()).is_some() {
        f |= flags::HAS_DEL;
    }
    if let Some(ga) = lookup(cls, &vm.names.__getattribute__.clone()) {
        let is_object = matches!(lookup(&vm.types.object, &vm.names.__getattribute__.clone()), Some(Value::Obj(o)) if matches!(&ga, Value::Obj(g) if Rc::ptr_eq(g, &o)));
        if !is_object {
            f |= flags::CUSTOM_GETATTRIBUTE;
        }
    }
    if lookup(cls, &vm.names.__getattr__.clone()).is_some() {
        f |= flags::HAS_GETATTR;
    }
    t.flags.set(f);
}

/// After `cls.name = ...`: refreshes flags of `cls` and its subclasses if the
/// name is one they depend on.
pub fn update_flags_for_name(vm: &mut Vm, cls: &PyRef, name: &PyRef) {
    let relevant = name.as_str().map(|s| matches!(&*s.as_str_lossy(), "__getattribute__" | "__getattr__" | "__del__")).unwrap_or(false);
    if !relevant {
        return;
    }
    let mut todo = vec![cls.clone()];
    while let Some(c) = todo.pop() {
        refresh_flags(vm, &c);
        if let Some(t) = c.as_type() {
            todo.extend(t.subclasses.borrow().iter().filter_map(|w| w.upgrade()));
        }
    }
}
