//! Heap objects: a class pointer, an optional instance `__dict__`, `__slots__`
//! storage, and a `Payload` that holds the builtin part of the object (the list's
//! items for a list or a subclass of list, nothing for a plain instance).
//!
//! Objects are reference-counted (`Rc`): finalisation is deterministic as in
//! CPython. Every payload can enumerate the values it holds (`Payload::trace`),
//! which the cycle collector uses.

use crate::types::dict::DictData;
use crate::types::function::{BuiltinFunction, Function};
use crate::types::str::PyStr;
use crate::types::typeobj::TypeData;
use crate::value::Value;
use num_bigint::BigInt;
use std::any::Any;
use std::cell::{Cell, RefCell, UnsafeCell};
use std::rc::Rc;

/// A counted reference to a heap object.
pub type PyRef = Rc<PyObject>;

/// A heap object.
pub struct PyObject {
    /// The object's type. Changed only by `__class__` assignment (`set_class`).
    class: UnsafeCell<Option<PyRef>>,
    /// The instance `__dict__` (a dict object), for objects that have one.
    pub dict: RefCell<Option<PyRef>>,
    /// Values of `__slots__` members, in the order of the class's slot layout.
    pub slots: RefCell<Vec<Value>>,
    /// The builtin part of the object.
    pub payload: Payload,
    /// Set once `__del__` has been scheduled for this object (PEP 442: at most once).
    pub finalized: Cell<bool>,
}

thread_local! {
    /// Objects whose last reference went while their class defines `__del__`:
    /// the loop calls their `__del__` at the next instruction boundary.
    pub static PENDING_FINALIZERS: RefCell<Vec<PyRef>> = const { RefCell::new(Vec::new()) };
}

/// Set when `PENDING_FINALIZERS` is non-empty (checked by the loop).
pub static FINALIZERS_PENDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

thread_local! {
    /// Weak references that have a callback, by the address of their referent
    /// (an address is not reused while its object is alive).
    static WEAK_CALLBACKS: RefCell<std::collections::HashMap<usize, Vec<std::rc::Weak<PyObject>>>> =
        RefCell::new(std::collections::HashMap::new());
    /// Number of referents in `WEAK_CALLBACKS` (checked by every destruction).
    static WEAK_CALLBACK_REFERENTS: Cell<usize> = const { Cell::new(0) };
    /// Weak references whose referent died: their callbacks run with the
    /// pending finalisers (`finalize::run_pending`).
    pub static PENDING_WEAK_CALLBACKS: RefCell<Vec<PyRef>> = const { RefCell::new(Vec::new()) };
}

/// Records that weak reference `wr` to `referent` has a callback to call when
/// the referent dies.
pub fn register_weak_callback(referent: &PyRef, wr: &PyRef) {
    let addr = Rc::as_ptr(referent) as usize;
    let _ = WEAK_CALLBACKS.try_with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            let e = m.entry(addr).or_default();
            if e.is_empty() {
                let _ = WEAK_CALLBACK_REFERENTS.try_with(|c| c.set(c.get() + 1));
            }
            e.push(Rc::downgrade(wr));
        }
    });
}

/// Schedules the callbacks of the weak references to the object at `addr`,
/// which is being destroyed (newest reference first, as CPython).
fn schedule_weak_callbacks(addr: usize) {
    let list = WEAK_CALLBACKS.try_with(|m| m.try_borrow_mut().ok().and_then(|mut m| m.remove(&addr))).ok().flatten();
    let Some(list) = list else { return };
    let _ = WEAK_CALLBACK_REFERENTS.try_with(|c| c.set(c.get().saturating_sub(1)));
    let live: Vec<PyRef> = list.iter().rev().filter_map(|w| w.upgrade()).collect();
    if live.is_empty() {
        return;
    }
    let _ = PENDING_WEAK_CALLBACKS.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            p.extend(live);
            FINALIZERS_PENDING.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    });
}

impl Drop for PyObject {
    fn drop(&mut self) {
        if WEAK_CALLBACK_REFERENTS.try_with(|c| c.get()).unwrap_or(0) > 0 {
            schedule_weak_callbacks(self as *const PyObject as usize);
        }
        if self.finalized.get() {
            return;
        }
        let has_del = match self.class.get_mut() {
            Some(c) => c.as_type().map(|t| t.flags.get() & crate::types::typeobj::flags::HAS_DEL != 0).unwrap_or(false),
            None => false,
        };
        // A suspended generator is closed when its last reference goes, so
        // its `finally` blocks run (CPython's `_PyGen_Finalize`).
        let suspended_gen = match &self.payload {
            Payload::Generator(g) => match g.try_borrow() {
                Ok(g) => g.started && !g.finished && g.frame.is_some(),
                Err(_) => false,
            },
            _ => false,
        };
        if !has_del && !suspended_gen {
            self.release_contents();
            return;
        }
        // Move the object's state into a new object that `__del__` can see
        // (Rc cannot resurrect a dropped allocation); it is finalised only once.
        let revived = Rc::new(PyObject {
            class: UnsafeCell::new(self.class.get_mut().take()),
            dict: RefCell::new(self.dict.get_mut().take()),
            slots: RefCell::new(std::mem::take(self.slots.get_mut())),
            payload: std::mem::replace(&mut self.payload, Payload::None),
            finalized: Cell::new(true),
        });
        let _ = PENDING_FINALIZERS.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                p.push(revived);
                FINALIZERS_PENDING.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        });
    }
}

/// How deeply object destructions may nest before further ones are deferred.
const DROP_DEPTH_LIMIT: u32 = 4096;

/// What a deferred destruction still has to drop.
type Trash = (Payload, Option<PyRef>, Vec<Value>);

thread_local! {
    /// Nesting depth of `release_contents` (an object's last reference going
    /// drops what it holds, which can be another object's last reference...).
    static DROP_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Contents of objects destroyed beyond `DROP_DEPTH_LIMIT`, dropped by the
    /// outermost destruction in a loop (CPython's trashcan): freeing a linked
    /// chain of millions of objects needs no deep native stack.
    static TRASH: RefCell<Vec<Trash>> = const { RefCell::new(Vec::new()) };
}

impl PyObject {
    /// Drops what a dying object holds (payload, instance dict, slots), with
    /// bounded native recursion.
    fn release_contents(&mut self) {
        let dict = self.dict.get_mut().take();
        if !self.payload.may_hold_references() && dict.is_none() && self.slots.get_mut().is_empty() {
            return;
        }
        let payload = std::mem::replace(&mut self.payload, Payload::None);
        let slots = std::mem::take(self.slots.get_mut());
        let depth = DROP_DEPTH.try_with(|d| d.get()).unwrap_or(0);
        if depth >= DROP_DEPTH_LIMIT {
            // Fails only while the thread is being torn down, when the
            // contents are simply dropped here.
            let _ = TRASH.try_with(move |t| {
                if let Ok(mut t) = t.try_borrow_mut() {
                    t.push((payload, dict, slots));
                }
            });
            return;
        }
        let _ = DROP_DEPTH.try_with(|d| d.set(depth + 1));
        if let Some(d) = dict {
            recycle_dict(d);
        }
        drop(slots);
        drop(payload);
        if depth == 0 {
            // The outermost destruction empties the trash, one item at a time
            // (each may park more).
            loop {
                let next = TRASH.try_with(|t| t.try_borrow_mut().ok().and_then(|mut t| t.pop())).ok().flatten();
                match next {
                    Some(item) => drop(item),
                    None => break,
                }
            }
        }
        let _ = DROP_DEPTH.try_with(|d| d.set(depth));
    }
}

thread_local! {
    /// Emptied dicts of dead objects, reused as the `__dict__` of new instances
    /// (saves the dict object's and its table's allocations).
    static DICT_POOL: RefCell<Vec<PyRef>> = const { RefCell::new(Vec::new()) };
}

/// How many emptied dicts `DICT_POOL` keeps.
const DICT_POOL_MAX: usize = 128;

/// Keeps `d`, the `__dict__` of an object being destroyed, for reuse when
/// nothing else references it and its table is small; otherwise drops it.
fn recycle_dict(d: PyRef) {
    if Rc::strong_count(&d) != 1 || Rc::weak_count(&d) != 0 || d.dict.borrow().is_some() {
        return;
    }
    let Payload::Dict(dd) = &d.payload else { return };
    match dd.try_borrow_mut() {
        Ok(mut dd) => {
            if !dd.reset_for_reuse() {
                return;
            }
        }
        Err(_) => return,
    }
    let _ = DICT_POOL.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            if p.len() < DICT_POOL_MAX {
                p.push(d);
            }
        }
    });
}

/// An empty dict from the pool of recycled instance dicts, if any; its class
/// is whatever class the dict had (the caller checks it).
#[inline]
pub fn take_pooled_dict() -> Option<PyRef> {
    DICT_POOL.try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop())).ok().flatten()
}

impl PyObject {
    /// A new object of class `class`.
    pub fn new(class: PyRef, payload: Payload) -> PyRef {
        Rc::new(PyObject {
            class: UnsafeCell::new(Some(class)),
            dict: RefCell::new(None),
            slots: RefCell::new(Vec::new()),
            payload,
            finalized: Cell::new(false),
        })
    }

    /// A new object with an instance dict.
    pub fn with_dict(class: PyRef, payload: Payload, dict: PyRef) -> PyRef {
        Rc::new(PyObject {
            class: UnsafeCell::new(Some(class)),
            dict: RefCell::new(Some(dict)),
            slots: RefCell::new(Vec::new()),
            payload,
            finalized: Cell::new(false),
        })
    }

    /// The object's class.
    #[inline]
    pub fn class(&self) -> &PyRef {
        // SAFETY: single-threaded; `set_class` never drops the old class while a
        // borrow from here may be alive (the caller parks it in `graveyard`).
        // Only the bootstrap objects `type` and `object` are briefly classless.
        match unsafe { &*self.class.get() } {
            Some(c) => c,
            None => unreachable_class(),
        }
    }

    /// `obj.__class__ = cls`. The old class is returned so the caller can keep
    /// it alive (references handed out by `class()` may still point to it).
    pub fn set_class(&self, cls: PyRef) -> Option<PyRef> {
        // SAFETY: see `class`.
        unsafe { std::mem::replace(&mut *self.class.get(), Some(cls)) }
    }

    /// A classless object; used only while creating `type` and `object` at boot.
    pub(crate) fn new_classless(payload: Payload, dict: PyRef) -> PyRef {
        Rc::new(PyObject {
            class: UnsafeCell::new(None),
            dict: RefCell::new(Some(dict)),
            slots: RefCell::new(Vec::new()),
            payload,
            finalized: Cell::new(false),
        })
    }

    /// A classless dict object; used only at boot before `dict` exists.
    pub(crate) fn new_classless_dict() -> PyRef {
        Rc::new(PyObject {
            class: UnsafeCell::new(None),
            dict: RefCell::new(None),
            slots: RefCell::new(Vec::new()),
            payload: Payload::Dict(RefCell::new(DictData::new())),
            finalized: Cell::new(false),
        })
    }

    /// The type payload, if this object is a type.
    #[inline]
    pub fn as_type(&self) -> Option<&TypeData> {
        match &self.payload {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }

    /// The str payload, if this object is a str (or a str subclass instance).
    #[inline]
    pub fn as_str(&self) -> Option<&PyStr> {
        match &self.payload {
            Payload::Str(s) => Some(s),
            _ => None,
        }
    }
}

#[cold]
#[inline(never)]
fn unreachable_class() -> &'static PyRef {
    // Boot gives every object a class before any Python code runs.
    panic!("object used before boot assigned its class")
}

/// A cell: a variable shared between a function and its closures.
pub type CellData = RefCell<Value>;

/// The builtin part of an object. Each variant's data type lives in the file of
/// its type under `types/`.
pub enum Payload {
    /// A plain instance (or `object()`): everything is in the dict/slots.
    None,
    /// An int too large for `Value::Int`, or the value of an int-subclass instance.
    Int(BigInt),
    /// The value of a float-subclass instance.
    Float(f64),
    Complex { re: f64, im: f64 },
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    Dict(RefCell<DictData>),
    /// A set; `frozen` for frozenset.
    Set(RefCell<crate::types::set::SetData>),
    Type(Box<TypeData>),
    Function(Box<Function>),
    Builtin(Box<BuiltinFunction>),
    /// A bound method.
    Method { func: Value, self_: Value },
    Cell(CellData),
    Code(Rc<crate::types::code::Code>),
    Module(crate::types::module::ModuleData),
    Range { start: Value, stop: Value, step: Value },
    Slice { start: Value, stop: Value, step: Value },
    Property(crate::types::descr::PropertyData),
    StaticMethod(RefCell<Value>),
    ClassMethod(RefCell<Value>),
    /// A builtin attribute (`func.__name__`, `exc.args` ...), stored in type dicts.
    GetSet(crate::types::descr::GetSetData),
    /// A `__slots__` member descriptor.
    Member(crate::types::descr::MemberData),
    Super { type_: Value, obj: Value, obj_type: Value },
    /// A BaseException instance's builtin state.
    Exception(RefCell<crate::types::exceptions::ExceptionData>),
    Traceback(crate::types::exceptions::TracebackData),
    Frame(crate::types::frameobj::FrameObjData),
    Generator(RefCell<crate::types::generator::GenData>),
    /// Builtin iterators (list_iterator, range_iterator, zip ...).
    Iter(RefCell<crate::types::iter::IterState>),
    NotImplemented,
    Ellipsis,
    /// Native data of an extension type (a native module's own objects).
    Native(Box<dyn Any>),
    /// A cell for `Value` data a native object mutates.
    NativeCell(RefCell<Box<dyn Any>>),
    /// Mutable counter used by e.g. weakref placeholders.
    Counter(Cell<i64>),
}

impl Payload {
    /// Calls `f` on every value this payload holds (for the cycle collector).
    pub fn trace(&self, f: &mut dyn FnMut(&Value)) {
        match self {
            Payload::Tuple(items) => items.iter().for_each(&mut *f),
            Payload::List(items) => items.borrow().iter().for_each(&mut *f),
            Payload::Dict(d) => d.borrow().trace(f),
            Payload::Method { func, self_ } => {
                f(func);
                f(self_);
            }
            Payload::Cell(c) => f(&c.borrow()),
            Payload::StaticMethod(v) | Payload::ClassMethod(v) => f(&v.borrow()),
            _ => {}
        }
    }
}

impl Payload {
    /// False for payloads that hold no references to other objects (their
    /// destruction cannot free anything else).
    #[inline]
    pub fn may_hold_references(&self) -> bool {
        !matches!(
            self,
            Payload::None
                | Payload::Int(_)
                | Payload::Float(_)
                | Payload::Complex { .. }
                | Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::NotImplemented
                | Payload::Ellipsis
                | Payload::Counter(_)
        )
    }
}
