//! The `Vm`: the interpreter state (builtin types, modules, interned names, the
//! frame stack) and the constructors every other file uses to make objects and
//! raise CPython's errors.

use crate::error::{PyErr, PyResult};
use crate::eval::frame::Frame;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::dict::DictData;
use crate::types::function::{Args, BuiltinFunction, BuiltinKind, NativeFn};
use crate::types::str::PyStr;
use crate::types::typeobj::{flags, Layout, TypeData};
use crate::value::Value;
use num_bigint::BigInt;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

macro_rules! type_table {
    ($($field:ident),* $(,)?) => {
        /// The builtin types, created at start-up.
        pub struct Types {
            $(pub $field: PyRef,)*
        }
    };
}

type_table! {
    object, type_, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict,
    set, frozenset, range, slice, none, not_implemented, ellipsis, function,
    builtin_function, method_descriptor, classmethod_descriptor, wrapper_descriptor, method_wrapper,
    method, code, cell, module,
    property, staticmethod, classmethod, super_, generator, coroutine, async_generator,
    coroutine_wrapper, async_gen_asend, async_gen_athrow, async_gen_wrapped,
    traceback, frame, getset_descriptor, member_descriptor, iterator, mappingproxy,
    dict_keys, dict_values, dict_items, memoryview,
}

/// Static configuration of an interpreter run (from the command line).
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `-O` level.
    pub optimize: u8,
    /// `-B` / `PYTHONDONTWRITEBYTECODE`.
    pub dont_write_bytecode: bool,
    /// `-E`/`-I`: ignore PYTHON* environment variables.
    pub ignore_environment: bool,
    /// `-I`: isolated mode.
    pub isolated: bool,
    /// `-S`: don't import site.
    pub no_site: bool,
    /// `-u`.
    pub unbuffered: bool,
    /// `-v`.
    pub verbose: u8,
    /// Extra entries for the front of `sys.path` (the script's directory, or '').
    pub path0: Option<String>,
    /// `PYTHONPATH` entries.
    pub pythonpath: Vec<String>,
    /// CPython's `Lib/` directory, if one was found.
    pub stdlib: Option<String>,
    /// Interactive mode (`-i` or the REPL).
    pub interactive: bool,
    /// The executable path for `sys.executable`.
    pub executable: String,
    /// `-X` options.
    pub xoptions: Vec<String>,
    /// `-W` options.
    pub warnoptions: Vec<String>,
}

/// The interpreter.
pub struct Vm {
    pub types: Types,
    pub exc: crate::types::exceptions::ExcTypes,
    pub config: Config,
    /// The `builtins` module and its dict.
    pub builtins: PyRef,
    pub builtins_dict: PyRef,
    /// The `sys` module and its dict.
    pub sys: PyRef,
    pub sys_dict: PyRef,
    /// `sys.modules`.
    pub modules: PyRef,
    pub none_singletons: Singletons,
    interned: HashMap<Box<[u8]>, PyRef>,
    /// Frames of running Python code, innermost last.
    pub frames: Vec<Box<Frame>>,
    /// Nesting of Python frames plus native re-entries into Python (recursion limit).
    pub depth: usize,
    pub recursion_limit: usize,
    /// Old classes from `__class__` assignment, kept alive (see `PyObject::set_class`).
    pub graveyard: Vec<PyRef>,
    /// Native modules by name: their init functions.
    pub native_modules: HashMap<&'static str, fn(&mut Vm) -> PyResult<PyRef>>,
    /// Interned names used by the VM itself.
    pub names: crate::names::Names,
    /// Set by the SIGINT handler; checked on loop back-edges and calls.
    pub interrupted: &'static std::sync::atomic::AtomicBool,
    /// Extra per-interpreter state of native modules, by key.
    pub state: HashMap<&'static str, Value>,
    /// Set by RERAISE: the exception being unwound already has this frame in
    /// its traceback.
    pub reraising: bool,
    /// The exception currently being handled (`sys.exc_info()[1]`), or None.
    pub exc_info: Value,
    /// Finished frames kept for reuse (saves allocations per call).
    pub frame_pool: Vec<Box<Frame>>,
}

/// Singleton objects.
pub struct Singletons {
    pub not_implemented: PyRef,
    pub ellipsis: PyRef,
    pub empty_tuple: PyRef,
    pub empty_str: PyRef,
}

/// The SIGINT flag (set asynchronously by the signal handler).
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl Vm {
    /// Creates an interpreter with all builtin types, `builtins` and `sys`.
    pub fn new(config: Config) -> Box<Vm> {
        crate::boot::boot(config)
    }

    /// Assembles a Vm from pre-built parts (used by `boot`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_parts(
        types: Types,
        exc: crate::types::exceptions::ExcTypes,
        config: Config,
        builtins: PyRef,
        builtins_dict: PyRef,
        sys: PyRef,
        sys_dict: PyRef,
        modules: PyRef,
        singletons: Singletons,
        names: crate::names::Names,
        interned: HashMap<Box<[u8]>, PyRef>,
    ) -> Vm {
        Vm {
            types,
            exc,
            config,
            builtins,
            builtins_dict,
            sys,
            sys_dict,
            modules,
            none_singletons: singletons,
            interned,
            frames: Vec::new(),
            depth: 0,
            recursion_limit: 1000,
            graveyard: Vec::new(),
            native_modules: HashMap::new(),
            names,
            interrupted: &INTERRUPTED,
            state: HashMap::new(),
            reraising: false,
            exc_info: Value::None,
            frame_pool: Vec::new(),
        }
    }

    // ----- object creation -------------------------------------------------

    /// The interned str object for `s` (created on first use).
    pub fn intern(&mut self, s: &str) -> PyRef {
        if let Some(o) = self.interned.get(s.as_bytes()) {
            return o.clone();
        }
        let o = PyObject::new(self.types.str.clone(), Payload::Str(PyStr::new(s)));
        self.interned.insert(s.as_bytes().into(), o.clone());
        o
    }

    /// Interns an existing str object (returns the canonical one).
    pub fn intern_obj(&mut self, o: &PyRef) -> PyRef {
        let Some(s) = o.as_str() else { return o.clone() };
        if let Some(c) = self.interned.get(s.as_wtf8()) {
            return c.clone();
        }
        self.interned.insert(s.as_wtf8().into(), o.clone());
        o.clone()
    }

    /// A new str value.
    pub fn new_str(&self, s: &str) -> Value {
        if s.is_empty() {
            return Value::Obj(self.none_singletons.empty_str.clone());
        }
        Value::Obj(PyObject::new(self.types.str.clone(), Payload::Str(PyStr::new(s))))
    }

    /// A new str value from a `PyStr`.
    pub fn new_str_data(&self, s: PyStr) -> Value {
        Value::Obj(PyObject::new(self.types.str.clone(), Payload::Str(s)))
    }

    /// A new tuple.
    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::Obj(self.none_singletons.empty_tuple.clone());
        }
        Value::Obj(PyObject::new(self.types.tuple.clone(), Payload::Tuple(items.into_boxed_slice())))
    }

    /// A new list.
    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::Obj(PyObject::new(self.types.list.clone(), Payload::List(RefCell::new(items))))
    }

    /// A new empty dict object.
    pub fn new_dict(&self) -> PyRef {
        PyObject::new(self.types.dict.clone(), Payload::Dict(RefCell::new(DictData::new())))
    }

    /// A new bytes object.
    pub fn new_bytes(&self, b: Vec<u8>) -> Value {
        Value::Obj(PyObject::new(self.types.bytes.clone(), Payload::Bytes(b.into_boxed_slice())))
    }

    /// An int value from a big integer (immediate when it fits in i64).
    pub fn new_int(&self, n: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(PyObject::new(self.types.int.clone(), Payload::Int(n))),
        }
    }

    /// `NotImplemented`.
    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.none_singletons.not_implemented.clone())
    }

    /// True if `v` is `NotImplemented`.
    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if Rc::ptr_eq(o, &self.none_singletons.not_implemented))
    }

    /// A builtin function object (not bound).
    pub fn new_builtin(&self, name: &'static str, func: NativeFn) -> Value {
        Value::Obj(PyObject::new(
            self.types.builtin_function.clone(),
            Payload::Builtin(Box::new(BuiltinFunction {
                name,
                func,
                kind: BuiltinKind::Function,
                self_: None,
                owner: None,
                doc: None,
            })),
        ))
    }

    /// Adds methods to a builtin type's namespace from a table.
    pub fn add_methods(&mut self, ty: &PyRef, methods: &[(&'static str, NativeFn)]) {
        self.add_builtins_of_kind(ty, methods, BuiltinKind::Method);
    }

    /// Adds class methods (`dict.fromkeys`) to a builtin type.
    pub fn add_classmethods(&mut self, ty: &PyRef, methods: &[(&'static str, NativeFn)]) {
        self.add_builtins_of_kind(ty, methods, BuiltinKind::ClassMethod);
    }

    /// Adds static methods (`str.maketrans`) to a builtin type.
    pub fn add_staticmethods(&mut self, ty: &PyRef, methods: &[(&'static str, NativeFn)]) {
        self.add_builtins_of_kind(ty, methods, BuiltinKind::StaticMethod);
    }

    fn add_builtins_of_kind(&mut self, ty: &PyRef, methods: &[(&'static str, NativeFn)], kind: BuiltinKind) {
        let owner: &'static str = ty
            .as_type()
            .map(|t| &*Box::leak(t.name().into_boxed_str()))
            .unwrap_or("?");
        let cls = match kind {
            BuiltinKind::ClassMethod => self.types.classmethod_descriptor.clone(),
            BuiltinKind::Method => self.types.method_descriptor.clone(),
            _ => self.types.builtin_function.clone(),
        };
        for &(name, func) in methods {
            // Methods that fill a type slot are slot wrappers in CPython.
            let cls = if kind == BuiltinKind::Method && is_slot_wrapper(owner, name) { self.types.wrapper_descriptor.clone() } else { cls.clone() };
            let f = PyObject::new(
                cls,
                Payload::Builtin(Box::new(BuiltinFunction {
                    name,
                    func,
                    kind,
                    self_: None,
                    owner: Some(owner),
                    doc: None,
                })),
            );
            self.type_set_attr_raw(ty, name, Value::Obj(f));
        }
    }

    /// Adds builtin attributes (`getset descriptors`) to a builtin type.
    pub fn add_getsets(&mut self, ty: &PyRef, getsets: &[crate::types::descr::GetSetDef]) {
        for gs in getsets {
            let o = PyObject::new(
                self.types.getset_descriptor.clone(),
                Payload::GetSet(crate::types::descr::GetSetData {
                    name: gs.name,
                    get: gs.get,
                    set: gs.set,
                    owner: ty.clone(),
                }),
            );
            self.type_set_attr_raw(ty, gs.name, Value::Obj(o));
        }
    }

    /// Sets `ty.name = v` in the type's namespace without any checks, and
    /// invalidates attribute caches.
    pub fn type_set_attr_raw(&mut self, ty: &PyRef, name: &str, v: Value) {
        let key = self.intern(name);
        let d = ty.dict.borrow().clone();
        if let Some(d) = d {
            crate::types::dict::dict_set_str(&d, &key, v);
        }
        if let Some(t) = ty.as_type() {
            crate::types::typeobj::invalidate(t);
        }
    }

    /// Creates a builtin type (used at start-up and by native modules).
    pub fn new_builtin_type(&mut self, name: &str, module: &'static str, base: &PyRef, layout: Layout, fl: u32) -> PyRef {
        crate::types::typeobj::new_static_type(self, name, module, base, layout, fl)
    }

    // ----- type queries ----------------------------------------------------

    /// `type(v)`.
    #[inline]
    pub fn type_of(&self, v: &Value) -> PyRef {
        match v {
            Value::Obj(o) => o.class().clone(),
            Value::Int(_) => self.types.int.clone(),
            Value::Float(_) => self.types.float.clone(),
            Value::Bool(_) => self.types.bool.clone(),
            Value::None => self.types.none.clone(),
            Value::Null => self.types.none.clone(),
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Obj(o) => o.class().as_type().map(|t| t.name()).unwrap_or_default(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Bool(_) => "bool".into(),
            Value::None | Value::Null => "NoneType".into(),
        }
    }

    /// True if class `sub` is `sup` or derives from it (by MRO).
    pub fn is_subtype(&self, sub: &PyRef, sup: &PyRef) -> bool {
        if Rc::ptr_eq(sub, sup) {
            return true;
        }
        match sub.as_type() {
            Some(t) => t.mro.borrow().iter().any(|c| Rc::ptr_eq(c, sup)),
            None => false,
        }
    }

    /// `isinstance(v, cls)` by type only (no `__instancecheck__`).
    #[inline]
    pub fn is_instance(&self, v: &Value, cls: &PyRef) -> bool {
        match v {
            Value::Obj(o) => self.is_subtype(o.class(), cls),
            _ => {
                let t = self.type_of(v);
                self.is_subtype(&t, cls)
            }
        }
    }

    // ----- errors ----------------------------------------------------------

    /// A new exception of class `cls` with a single message argument.
    pub fn new_exception_msg(&mut self, cls: &PyRef, msg: &str) -> PyErr {
        let m = self.new_str(msg);
        crate::types::exceptions::new_exception(self, cls, vec![m])
    }

    /// A new exception of class `cls` with these args.
    pub fn new_exception(&mut self, cls: &PyRef, args: Vec<Value>) -> PyErr {
        crate::types::exceptions::new_exception(self, cls, args)
    }

    /// `TypeError(msg)`.
    pub fn type_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.type_error.clone();
        self.new_exception_msg(&c, msg.as_ref())
    }

    /// CPython's error for calling a method descriptor on the wrong object:
    /// "descriptor 'NAME' requires a 'OWNER' object but received a 'T'", or
    /// "descriptor 'NAME' of 'OWNER' object needs an argument" when `got` is None.
    pub fn descriptor_error(&mut self, name: &str, owner: &str, got: Option<&Value>) -> PyErr {
        let msg = match got {
            Some(v) => format!("descriptor '{}' requires a '{}' object but received a '{}'", name, owner, self.type_name(v)),
            None => format!("descriptor '{}' of '{}' object needs an argument", name, owner),
        };
        self.type_error(msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.value_error.clone();
        self.new_exception_msg(&c, msg.as_ref())
    }

    /// `IndexError(msg)`.
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.index_error.clone();
        self.new_exception_msg(&c, msg.as_ref())
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let c = self.exc.key_error.clone();
        self.new_exception(&c, vec![key])
    }

    /// `AttributeError(msg)`.
    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.attribute_error.clone();
        self.new_exception_msg(&c, msg.as_ref())
    }

    /// `AttributeError: 'T' object has no attribute 'name'`, with `name`/`obj` set.
    pub fn no_attribute(&mut self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Obj(o) if o.as_type().is_some() => {
                format!("type object '{}' has no attribute '{}'", o.as_type().map(|t| t.name()).unwrap_or_default(), name)
            }
            Value::Obj(o) if matches!(o.payload, Payload::Module(_)) => {
                let mname = crate::types::module::module_name(self, o);
                format!("module '{}' has no attribute '{}'", mname, name)
            }
            _ => format!("'{}' object has no attribute '{}'", self.type_name(obj), name),
        };
        let e = self.attribute_error(msg);
        let n = self.new_str(name);
        crate::types::exceptions::set_attr_error_context(self, &e, n, obj.clone());
        e
    }

    /// `NameError: name 'x' is not defined`.
    pub fn name_error(&mut self, name: &str) -> PyErr {
        let c = self.exc.name_error.clone();
        let e = self.new_exception_msg(&c, &format!("name '{}' is not defined", name));
        let n = self.new_str(name);
        crate::types::exceptions::set_name_error_name(self, &e, n);
        e
    }

    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(&mut self, msg: &str) -> PyErr {
        let c = self.exc.zero_division_error.clone();
        self.new_exception_msg(&c, msg)
    }

    /// `OverflowError(msg)`.
    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.overflow_error.clone();
        self.new_exception_msg(&c, msg.as_ref())
    }

    /// `RuntimeError(msg)`.
    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.runtime_error.clone();
        self.new_exception_msg(&c, msg.as_ref())
    }

    /// `SystemError(msg)`: a broken internal invariant reached from Python.
    pub fn system_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.system_error.clone();
        self.new_exception_msg(&c, msg.as_ref())
    }

    /// `MemoryError()`.
    pub fn memory_error(&mut self) -> PyErr {
        let c = self.exc.memory_error.clone();
        self.new_exception(&c, vec![])
    }

    /// `StopIteration(value)`.
    pub fn stop_iteration(&mut self, value: Option<Value>) -> PyErr {
        let c = self.exc.stop_iteration.clone();
        self.new_exception(&c, value.into_iter().collect())
    }

    /// `RecursionError: maximum recursion depth exceeded{suffix}`.
    pub fn recursion_error(&mut self, suffix: &str) -> PyErr {
        let c = self.exc.recursion_error.clone();
        self.new_exception_msg(&c, &format!("maximum recursion depth exceeded{suffix}"))
    }

    /// True if the raised exception is an instance of `cls`.
    pub fn err_matches(&self, e: &PyErr, cls: &PyRef) -> bool {
        self.is_subtype(e.0.class(), cls)
    }

    // ----- recursion guard ------------------------------------------------------

    /// Enters a native re-entry into Python (or a deep native recursion such as
    /// repr of nested lists); raises RecursionError past the limit. Pair with `leave`.
    #[inline]
    pub fn enter(&mut self, suffix: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.recursion_limit || !crate::stack::has_room() {
            self.depth -= 1;
            return Err(self.recursion_error(suffix));
        }
        Ok(())
    }

    /// Leaves what `enter` entered.
    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- convenience -----------------------------------------------------

    /// Calls a builtin `NativeFn` directly with positional args.
    pub fn call_native(&mut self, f: NativeFn, args: &[Value]) -> PyResult<Value> {
        f(self, Args::pos(args))
    }

    /// The `object` type (shorthand).
    pub fn object_type(&self) -> &PyRef {
        &self.types.object
    }
}

/// Marks a type immutable and a base type: the common flags of builtin types.
pub const BUILTIN_FLAGS: u32 = flags::BASETYPE | flags::IMMUTABLE;

/// Shorthand for `Layout` in type tables.
pub use crate::types::typeobj::Layout as TypeLayout;

/// The data of a type object (re-export for convenience).
pub type TypeDataRef = TypeData;

/// True when CPython exposes builtin method `name` of type `owner` as a slot
/// wrapper (`wrapper_descriptor`): the special methods that fill a type slot
/// (`slotdefs` in Objects/typeobject.c), except the few that the type also
/// defines as ordinary methods for speed (`METH_COEXIST`).
fn is_slot_wrapper(owner: &str, name: &str) -> bool {
    const SLOTS: &[&str] = &[
        "__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__repr__", "__hash__",
        "__call__", "__str__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
        "__iter__", "__next__", "__get__", "__set__", "__delete__", "__init__", "__del__",
        "__await__", "__aiter__", "__anext__", "__add__", "__radd__", "__sub__", "__rsub__",
        "__mul__", "__rmul__", "__mod__", "__rmod__", "__divmod__", "__rdivmod__", "__pow__",
        "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__", "__invert__", "__lshift__",
        "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__xor__", "__rxor__",
        "__or__", "__ror__", "__int__", "__float__", "__iadd__", "__isub__", "__imul__",
        "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ixor__", "__ior__",
        "__floordiv__", "__rfloordiv__", "__truediv__", "__rtruediv__", "__ifloordiv__",
        "__itruediv__", "__index__", "__matmul__", "__rmatmul__", "__imatmul__", "__len__",
        "__getitem__", "__setitem__", "__delitem__", "__contains__",
    ];
    let coexist = matches!(
        (owner, name),
        ("dict", "__getitem__") | ("dict", "__contains__") | ("list", "__getitem__") | ("set", "__contains__") | ("frozenset", "__contains__")
    );
    !coexist && SLOTS.contains(&name)
}
