//! Attribute access: `object.__getattribute__`, `type.__getattribute__`,
//! descriptors, `__getattr__`, `__setattr__`, `__delattr__`.
//! CPython: `PyObject_GenericGetAttr` and `type_getattro` in Objects/.
//! Everything here may run arbitrary Python code.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::dict::{dict_del_str, dict_get_str, dict_set_str};
use crate::types::function::{BuiltinFunction, BuiltinKind};
use crate::types::typeobj::{flags, lookup};
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

impl Vm {
    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &PyRef) -> PyResult<Value> {
        let tp = self.type_of(obj);
        if let Some(t) = tp.as_type() {
            if t.has_flag(flags::CUSTOM_GETATTRIBUTE | flags::HAS_GETATTR) {
                return self.get_attr_slow(obj, &tp, name);
            }
        }
        match self.generic_get_attr(obj, &tp, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, &name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default())),
        }
    }

    /// `getattr(obj, name)` with a Rust string name.
    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.get_attr(obj, &n)
    }

    /// `getattr(obj, name, None)`-like: `Ok(None)` when AttributeError is raised.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
        let tp = self.type_of(obj);
        if let Some(t) = tp.as_type() {
            if !t.has_flag(flags::CUSTOM_GETATTRIBUTE | flags::HAS_GETATTR) {
                // A descriptor (an unset slot, a property) may itself raise
                // AttributeError: that too means "no such attribute" here.
                return match self.generic_get_attr(obj, &tp, name) {
                    Err(e) if self.err_matches(&e, &self.exc.attribute_error.clone()) => Ok(None),
                    r => r,
                };
            }
        }
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, &self.exc.attribute_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn get_attr_slow(&mut self, obj: &Value, tp: &PyRef, name: &PyRef) -> PyResult<Value> {
        let ga = lookup(tp, &self.names.__getattribute__.clone());
        let r = match ga {
            Some(f) if !self.is_object_getattribute(&f) => self.call(&f, &[obj.clone(), Value::Obj(name.clone())], &[]),
            _ => match self.generic_get_attr(obj, tp, name) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(self.no_attribute(obj, &name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default())),
                Err(e) => Err(e),
            },
        };
        match r {
            Err(e) if self.err_matches(&e, &self.exc.attribute_error.clone()) => {
                if let Some(ga) = lookup(tp, &self.names.__getattr__.clone()) {
                    return self.call(&ga, &[obj.clone(), Value::Obj(name.clone())], &[]);
                }
                Err(e)
            }
            r => r,
        }
    }

    fn is_object_getattribute(&self, f: &Value) -> bool {
        match (f, lookup(&self.types.object, &self.names.__getattribute__)) {
            (Value::Obj(a), Some(Value::Obj(b))) => Rc::ptr_eq(a, &b),
            _ => false,
        }
    }

    /// The generic algorithm (`object.__getattribute__` / `type.__getattribute__`);
    /// `Ok(None)` when not found.
    pub fn generic_get_attr(&mut self, obj: &Value, tp: &PyRef, name: &PyRef) -> PyResult<Option<Value>> {
        // Types: look in the metatype first for data descriptors, then the type's MRO.
        if let Value::Obj(o) = obj {
            if o.as_type().is_some() {
                return self.type_get_attr(o, tp, name);
            }
        }
        let descr = lookup(tp, name);
        if let Some(d) = &descr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, obj, tp).map(Some);
            }
        }
        if let Value::Obj(o) = obj {
            let dict = o.dict.borrow().clone();
            if let Some(dict) = dict {
                if let Some(v) = self.dict_get_item_str(&dict, name)? {
                    return Ok(Some(v));
                }
            }
        }
        match descr {
            Some(d) => self.descr_get(&d, obj, tp).map(Some),
            None => Ok(None),
        }
    }

    fn type_get_attr(&mut self, cls: &PyRef, meta: &PyRef, name: &PyRef) -> PyResult<Option<Value>> {
        let meta_attr = lookup(meta, name);
        if let Some(d) = &meta_attr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, &Value::Obj(cls.clone()), meta).map(Some);
            }
        }
        if let Some(v) = lookup(cls, name) {
            return self.descr_get_for_class(&v, cls).map(Some);
        }
        match meta_attr {
            Some(d) => self.descr_get(&d, &Value::Obj(cls.clone()), meta).map(Some),
            None => Ok(None),
        }
    }

    /// True if `d` defines `__set__` or `__delete__`.
    pub fn is_data_descriptor(&mut self, d: &Value) -> bool {
        match d {
            Value::Obj(o) => match &o.payload {
                Payload::Property(_) | Payload::GetSet(_) | Payload::Member(_) => true,
                Payload::Function(_) | Payload::Builtin(_) | Payload::Str(_) | Payload::Int(_) => false,
                _ => {
                    let t = o.class().clone();
                    if t.as_type().map(|t| t.has_flag(flags::HEAPTYPE)) != Some(true) {
                        return false;
                    }
                    lookup(&t, &self.names.__set__.clone()).is_some() || lookup(&t, &self.names.__delete__.clone()).is_some()
                }
            },
            _ => false,
        }
    }

    /// Applies a descriptor found on `tp` for instance `obj`.
    pub fn descr_get(&mut self, d: &Value, obj: &Value, tp: &PyRef) -> PyResult<Value> {
        let Value::Obj(o) = d else { return Ok(d.clone()) };
        match &o.payload {
            Payload::Function(_) => Ok(self.new_method(d.clone(), obj.clone())),
            Payload::Builtin(b) => match b.kind {
                BuiltinKind::Method if b.self_.is_none() => Ok(self.bind_builtin(o, b, obj.clone())),
                BuiltinKind::ClassMethod if b.self_.is_none() => Ok(self.bind_builtin(o, b, Value::Obj(tp.clone()))),
                _ => Ok(d.clone()),
            },
            Payload::StaticMethod(f) => Ok(f.borrow().clone()),
            Payload::ClassMethod(f) => {
                let f = f.borrow().clone();
                Ok(self.new_method(f, Value::Obj(tp.clone())))
            }
            Payload::Property(p) => {
                let fget = p.fget.borrow().clone();
                if fget.is_none() {
                    let pname = self.property_name(o);
                    return Err(self.attribute_error(format!(
                        "property {}of '{}' object has no getter",
                        pname,
                        self.type_name(obj)
                    )));
                }
                self.call(&fget, &[obj.clone()], &[])
            }
            Payload::GetSet(gs) => (gs.get)(self, obj),
            Payload::Member(m) => {
                let Value::Obj(inst) = obj else { return Err(self.no_attribute(obj, &m.name)) };
                let v = inst.slots.borrow().get(m.index).cloned().unwrap_or(Value::Null);
                if v.is_null() {
                    return Err(self.no_attribute(obj, &m.name.clone()));
                }
                Ok(v)
            }
            Payload::Str(_) | Payload::Int(_) | Payload::Tuple(_) | Payload::Dict(_) | Payload::List(_) => Ok(d.clone()),
            _ => {
                let dt = o.class().clone();
                if dt.as_type().map(|t| t.has_flag(flags::HEAPTYPE)) == Some(true) {
                    if let Some(g) = lookup(&dt, &self.names.__get__.clone()) {
                        return self.call(&g, &[d.clone(), obj.clone(), Value::Obj(tp.clone())], &[]);
                    }
                }
                Ok(d.clone())
            }
        }
    }

    /// Applies a descriptor found in a class's own MRO for class-level access
    /// (`C.attr`): `__get__(None, C)`.
    pub fn descr_get_for_class(&mut self, d: &Value, cls: &PyRef) -> PyResult<Value> {
        let Value::Obj(o) = d else { return Ok(d.clone()) };
        match &o.payload {
            Payload::Function(_) => Ok(d.clone()),
            Payload::Builtin(b) => match b.kind {
                BuiltinKind::ClassMethod if b.self_.is_none() => Ok(self.bind_builtin(o, b, Value::Obj(cls.clone()))),
                _ => Ok(d.clone()),
            },
            Payload::StaticMethod(f) => Ok(f.borrow().clone()),
            Payload::ClassMethod(f) => {
                let f = f.borrow().clone();
                Ok(self.new_method(f, Value::Obj(cls.clone())))
            }
            Payload::Property(_) | Payload::GetSet(_) | Payload::Member(_) => Ok(d.clone()),
            Payload::Str(_) | Payload::Int(_) | Payload::Tuple(_) | Payload::Dict(_) | Payload::List(_) => Ok(d.clone()),
            _ => {
                let dt = o.class().clone();
                if dt.as_type().map(|t| t.has_flag(flags::HEAPTYPE)) == Some(true) {
                    if let Some(g) = lookup(&dt, &self.names.__get__.clone()) {
                        return self.call(&g, &[d.clone(), Value::None, Value::Obj(cls.clone())], &[]);
                    }
                }
                Ok(d.clone())
            }
        }
    }

    fn property_name(&mut self, p: &PyRef) -> String {
        if let Payload::Property(pd) = &p.payload {
            let n = pd.name.borrow().clone();
            if let Value::Obj(o) = &n {
                if let Some(s) = o.as_str() {
                    return format!("'{}' ", s.as_str_lossy());
                }
            }
        }
        String::new()
    }

    /// A bound method object.
    pub fn new_method(&self, func: Value, self_: Value) -> Value {
        Value::Obj(PyObject::new(self.types.method.clone(), Payload::Method { func, self_ }))
    }

    fn bind_builtin(&self, o: &PyRef, b: &BuiltinFunction, self_: Value) -> Value {
        // A bound slot wrapper is a method-wrapper.
        let cls = if Rc::ptr_eq(o.class(), &self.types.wrapper_descriptor) { &self.types.method_wrapper } else { &self.types.builtin_function };
        Value::Obj(PyObject::new(
            cls.clone(),
            Payload::Builtin(Box::new(BuiltinFunction {
                name: b.name,
                func: b.func,
                kind: b.kind,
                self_: Some(self_),
                owner: b.owner,
                doc: b.doc,
            })),
        ))
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: &Value, name: &PyRef, value: Value) -> PyResult<()> {
        let tp = self.type_of(obj);
        if let Some(f) = lookup(&tp, &self.names.__setattr__.clone()) {
            if !self.is_builtin_fn(&f, crate::protocol::objecttype::object_setattr) {
                self.call(&f, &[obj.clone(), Value::Obj(name.clone()), value], &[])?;
                return Ok(());
            }
        }
        self.generic_set_attr(obj, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: &Value, name: &PyRef) -> PyResult<()> {
        let tp = self.type_of(obj);
        if let Some(f) = lookup(&tp, &self.names.__delattr__.clone()) {
            if !self.is_builtin_fn(&f, crate::protocol::objecttype::object_delattr) {
                self.call(&f, &[obj.clone(), Value::Obj(name.clone())], &[])?;
                return Ok(());
            }
        }
        self.generic_set_attr(obj, name, None)
    }

    /// True if `f` is the builtin implemented by `native`.
    pub fn is_builtin_fn(&self, f: &Value, native: crate::types::function::NativeFn) -> bool {
        match f {
            Value::Obj(o) => match &o.payload {
                Payload::Builtin(b) => b.func as usize == native as usize,
                _ => false,
            },
            _ => false,
        }
    }

    /// `object.__setattr__` / `object.__delattr__` (value None = delete).
    pub fn generic_set_attr(&mut self, obj: &Value, name: &PyRef, value: Option<Value>) -> PyResult<()> {
        let tp = self.type_of(obj);
        let nm = || name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        // Setting attributes of types goes to the type's namespace.
        if let Value::Obj(o) = obj {
            if let Some(t) = o.as_type() {
                if let Some(d) = lookup(&tp, name) {
                    if self.is_data_descriptor(&d) {
                        return self.descr_set(&d, obj, value);
                    }
                }
                if t.has_flag(flags::IMMUTABLE) && !t.has_flag(flags::HEAPTYPE) {
                    return Err(self.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        nm(),
                        t.name()
                    )));
                }
                let d = o.dict.borrow().clone();
                if let Some(d) = d {
                    match value {
                        Some(v) => dict_set_str(&d, name, v),
                        None => {
                            if dict_del_str(&d, name).is_none() {
                                return Err(self.no_attribute(obj, &nm()));
                            }
                        }
                    }
                }
                crate::types::typeobj::invalidate(t);
                crate::types::typeobj::update_flags_for_name(self, o, name);
                return Ok(());
            }
        }
        if let Some(d) = lookup(&tp, name) {
            if self.is_data_descriptor(&d) {
                return self.descr_set(&d, obj, value);
            }
        }
        if let Value::Obj(o) = obj {
            let dict = o.dict.borrow().clone();
            if let Some(dict) = dict {
                match value {
                    Some(v) => {
                        self.dict_set_item(&dict, Value::Obj(name.clone()), v)?;
                    }
                    None => {
                        if !self.dict_del_item_opt(&dict, &Value::Obj(name.clone()))? {
                            return Err(self.no_attribute(obj, &nm()));
                        }
                    }
                }
                return Ok(());
            }
        }
        if lookup(&tp, name).is_some() {
            return Err(self.attribute_error(format!(
                "'{}' object attribute '{}' is read-only",
                self.type_name(obj),
                nm()
            )));
        }
        Err(self.no_attribute(obj, &nm()))
    }

    fn descr_set(&mut self, d: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
        let Value::Obj(o) = d else { return Ok(()) };
        match &o.payload {
            Payload::Property(p) => {
                let (f, what) = match &value {
                    Some(_) => (p.fset.borrow().clone(), "setter"),
                    None => (p.fdel.borrow().clone(), "deleter"),
                };
                if f.is_none() {
                    let pname = self.property_name(o);
                    return Err(self.attribute_error(format!(
                        "property {}of '{}' object has no {}",
                        pname,
                        self.type_name(obj),
                        what
                    )));
                }
                match value {
                    Some(v) => self.call(&f, &[obj.clone(), v], &[])?,
                    None => self.call(&f, std::slice::from_ref(obj), &[])?,
                };
                Ok(())
            }
            Payload::GetSet(gs) => match gs.set {
                Some(s) => s(self, obj, value),
                None => Err(self.attribute_error(format!(
                    "attribute '{}' of '{}' objects is not writable",
                    gs.name,
                    gs.owner.as_type().map(|t| t.name()).unwrap_or_default()
                ))),
            },
            Payload::Member(m) => {
                let Value::Obj(inst) = obj else { return Ok(()) };
                let mut slots = inst.slots.borrow_mut();
                if slots.len() <= m.index {
                    slots.resize(m.index + 1, Value::Null);
                }
                if value.is_none() && slots[m.index].is_null() {
                    drop(slots);
                    return Err(self.no_attribute(obj, &m.name.clone()));
                }
                let old = std::mem::replace(&mut slots[m.index], value.unwrap_or(Value::Null));
                drop(slots);
                drop(old);
                Ok(())
            }
            _ => {
                let dt = o.class().clone();
                match value {
                    Some(v) => {
                        let f = lookup(&dt, &self.names.__set__.clone());
                        match f {
                            Some(f) => self.call(&f, &[d.clone(), obj.clone(), v], &[]).map(|_| ()),
                            None => Err(self.attribute_error("__set__")),
                        }
                    }
                    None => {
                        let f = lookup(&dt, &self.names.__delete__.clone());
                        match f {
                            Some(f) => self.call(&f, &[d.clone(), obj.clone()], &[]).map(|_| ()),
                            None => Err(self.attribute_error("__delete__")),
                        }
                    }
                }
            }
        }
    }

    /// Looks up a special method on the *type* of `obj` (as CPython does for
    /// dunders), unbound.
    #[inline]
    pub fn lookup_special(&self, obj: &Value, name: &PyRef) -> Option<Value> {
        let tp = self.type_of(obj);
        lookup(&tp, name)
    }

    /// Calls special method `name` of `obj`'s type with `obj` first; `Ok(None)`
    /// if the type has no such method.
    pub fn call_special(&mut self, obj: &Value, name: &PyRef, args: &[Value]) -> PyResult<Option<Value>> {
        let Some(f) = self.lookup_special(obj, name) else { return Ok(None) };
        let tp = self.type_of(obj);
        let bound_call = match &f {
            Value::Obj(o) => matches!(&o.payload, Payload::Function(_))
                || matches!(&o.payload, Payload::Builtin(b) if b.kind == BuiltinKind::Method && b.self_.is_none()),
            _ => false,
        };
        if bound_call {
            // Dunders take at most a few arguments: build `(obj, *args)` on
            // the stack.
            let x = obj.clone();
            match args {
                [] => return self.call(&f, &[x], &[]).map(Some),
                [a] => return self.call(&f, &[x, a.clone()], &[]).map(Some),
                [a, b] => return self.call(&f, &[x, a.clone(), b.clone()], &[]).map(Some),
                _ => {}
            }
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(obj.clone());
            all.extend_from_slice(args);
            return self.call(&f, &all, &[]).map(Some);
        }
        let bound = self.descr_get(&f, obj, &tp)?;
        self.call(&bound, args, &[]).map(Some)
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let f = self.get_attr(obj, &n)?;
        self.call(&f, args, &[])
    }

    /// Reads a str-keyed item of a namespace dict (handles str subclasses with
    /// `__eq__` by the general path).
    pub fn dict_get_item_str(&mut self, d: &PyRef, name: &PyRef) -> PyResult<Option<Value>> {
        Ok(dict_get_str(d, name))
    }
}

use crate::types::code::{attr_kind, AttrCache, CachedDescr};

/// How an attribute found in a type behaves for instance access, mirroring
/// `is_data_descriptor` and `descr_get`; None when it depends on Python-level
/// methods of the descriptor's class (not cacheable by the type's version).
fn classify_descr(d: &Option<Value>) -> Option<u8> {
    let Some(d) = d else { return Some(attr_kind::ABSENT) };
    let Value::Obj(o) = d else { return Some(attr_kind::NON_DATA) };
    Some(match &o.payload {
        Payload::Property(_) | Payload::GetSet(_) | Payload::Member(_) => attr_kind::DATA,
        Payload::Function(_) => attr_kind::METHOD,
        Payload::Builtin(b) if b.kind == BuiltinKind::Method && b.self_.is_none() => attr_kind::METHOD,
        Payload::Builtin(_)
        | Payload::StaticMethod(_)
        | Payload::ClassMethod(_)
        | Payload::Str(_)
        | Payload::Int(_)
        | Payload::Tuple(_)
        | Payload::Dict(_)
        | Payload::List(_) => attr_kind::NON_DATA,
        _ => {
            if o.class().as_type().map(|t| t.has_flag(flags::HEAPTYPE)) != Some(false) {
                return None;
            }
            attr_kind::NON_DATA
        }
    })
}

/// True if `descr_get` returns the attribute `d` of a type unchanged (no
/// binding, no `__get__` call).
fn descr_get_is_identity(d: &Value) -> bool {
    let Value::Obj(o) = d else { return true };
    match &o.payload {
        Payload::Str(_) | Payload::Int(_) | Payload::Tuple(_) | Payload::Dict(_) | Payload::List(_) => true,
        Payload::Function(_)
        | Payload::Builtin(_)
        | Payload::StaticMethod(_)
        | Payload::ClassMethod(_)
        | Payload::Property(_)
        | Payload::GetSet(_)
        | Payload::Member(_) => false,
        _ => o.class().as_type().map(|t| !t.has_flag(flags::HEAPTYPE)) == Some(true),
    }
}

/// The value of `name` in the instance dict of `o`, if it has one.
#[inline]
fn instance_dict_get(o: &PyRef, name: &PyRef) -> Option<Value> {
    let d = o.dict.borrow();
    match d.as_ref() {
        Some(d) => dict_get_str(d, name),
        None => None,
    }
}

/// `instance_dict_get` trying the cache's entry hint first.
#[inline(always)]
fn instance_dict_get_hint(o: &PyRef, name: &PyRef, cache: &AttrCache) -> Option<Value> {
    // SAFETY: both references are only read, and dropped before anything can
    // mutate the object or its dict (cloning the value runs no code).
    if let Ok(Some(d)) = unsafe { o.dict.try_borrow_unguarded() } {
        if let Payload::Dict(dd) = &d.payload {
            if let Ok(dd) = unsafe { dd.try_borrow_unguarded() } {
                if let Some(v) = crate::types::dict::value_at_hint(dd, name, cache.hint.get()) {
                    return Some(v.clone());
                }
            }
        }
    }
    instance_dict_get_probe(o, name, cache)
}

/// `instance_dict_get_hint` when the hint missed: probes and moves the hint.
#[inline(never)]
fn instance_dict_get_probe(o: &PyRef, name: &PyRef, cache: &AttrCache) -> Option<Value> {
    let d = o.dict.borrow();
    match d.as_ref() {
        Some(d) => crate::types::dict::dict_get_str_hint(d, name, &cache.hint),
        None => None,
    }
}

/// Stores `value` under `name` in the instance dict `d`, trying the cache's
/// entry hint first; records the dict's size for pre-sizing new instances.
#[inline(always)]
fn instance_dict_set_hint(td: &crate::types::typeobj::TypeData, d: &PyRef, name: &PyRef, value: Value, cache: &AttrCache) {
    let Payload::Dict(dd) = &d.payload else { return };
    let r = crate::types::dict::replace_at_hint(&mut dd.borrow_mut(), name, cache.hint.get(), value);
    match r {
        Ok(old) => drop(old),
        Err(value) => instance_dict_set_probe(td, d, name, value, cache),
    }
}

/// `instance_dict_set_hint` when the hint missed.
#[inline(never)]
fn instance_dict_set_probe(td: &crate::types::typeobj::TypeData, d: &PyRef, name: &PyRef, value: Value, cache: &AttrCache) {
    let (Payload::Dict(dd), Some(ks)) = (&d.payload, name.as_str()) else { return };
    let (i, old) = dd.borrow_mut().set_str_one_probe(name, ks, cache.name_hash.get(), value);
    drop(old);
    let n = i as u32;
    cache.hint.set(n);
    if n >= td.dict_size_hint.get() && n < 64 {
        td.dict_size_hint.set(n + 1);
    }
}

/// True if the instance dict of `o` has the str key `name` (whose hash is
/// the cache's `name_hash`).
#[inline(always)]
fn instance_dict_has(o: &PyRef, name: &PyRef, cache: &AttrCache) -> bool {
    // SAFETY: as in `instance_dict_get_hint`; the probe runs no code.
    let Ok(d) = (unsafe { o.dict.try_borrow_unguarded() }) else { return true };
    match (d.as_ref().map(|d| &d.payload), name.as_str()) {
        (Some(Payload::Dict(dd)), Some(ks)) => match unsafe { dd.try_borrow_unguarded() } {
            Ok(dd) => dd.has_str_hashed(name, ks, cache.name_hash.get()),
            Err(_) => true,
        },
        _ => false,
    }
}

/// What the cached fast paths found.
pub(crate) enum CachedAttr {
    /// The attribute's value.
    Value(Value),
    /// LOAD_METHOD: an unbound method to call with the object first.
    Method(Value),
}

impl Vm {
    /// Fills `cache` for attribute `name` of instances of `o`'s class, when the
    /// class uses the generic attribute algorithm.
    fn fill_attr_cache(&mut self, o: &PyRef, name: &PyRef, cache: &AttrCache) {
        if o.as_type().is_some() {
            return;
        }
        let cls = o.class();
        let Some(td) = cls.as_type() else { return };
        // With `__getattr__`, the cache still serves attributes that are found
        // (the inlined hits); everything else takes the generic path, which
        // falls back to `__getattr__` on AttributeError.
        if td.has_flag(flags::CUSTOM_GETATTRIBUTE) {
            return;
        }
        let version = td.version.get();
        let Some(ks) = name.as_str() else { return };
        cache.name_hash.set(ks.hash());
        let descr = lookup(cls, name);
        let Some(kind) = classify_descr(&descr) else {
            cache.version.set(0);
            return;
        };
        if let Some(Value::Obj(d)) = &descr {
            if let Payload::Member(m) = &d.payload {
                if let Ok(i) = u32::try_from(m.index) {
                    *cache.descr.borrow_mut() = CachedDescr::Absent;
                    cache.hint.set(i);
                    cache.kind.set(attr_kind::SLOT);
                    cache.version.set(version);
                    return;
                }
            }
        }
        let kind = match &descr {
            Some(d) if kind == attr_kind::NON_DATA && descr_get_is_identity(d) => attr_kind::CLASS_VALUE,
            _ => kind,
        };
        *cache.descr.borrow_mut() = CachedDescr::new(descr.unwrap_or(Value::Null));
        cache.kind.set(kind);
        cache.version.set(version);
    }

    /// `obj.name` through the inline cache (LOAD_ATTR), or, when `method`,
    /// the LOAD_METHOD lookup that may return an unbound method.
    ///
    /// The inlined part handles the two hot cases with one version compare:
    /// an attribute the class does not define, read from the instance dict at
    /// the cached entry index; and a method of the class (function in the
    /// type's MRO) that the instance dict does not shadow.
    #[inline(always)]
    pub(crate) fn load_attr_cached(&mut self, obj: &Value, name: &PyRef, cache: &AttrCache, method: bool) -> PyResult<CachedAttr> {
        if let Value::Obj(o) = obj {
            if let Some(td) = o.class().as_type() {
                if td.version.get() == cache.version.get() {
                    let kind = cache.kind.get();
                    if kind == attr_kind::ABSENT {
                        if let Some(v) = instance_dict_get_hint(o, name, cache) {
                            return Ok(CachedAttr::Value(v));
                        }
                    } else if kind == attr_kind::METHOD && method {
                        if !instance_dict_has(o, name, cache) {
                            if let Some(d) = cache.descr.borrow().get() {
                                return Ok(CachedAttr::Method(d));
                            }
                        }
                    } else {
                        match kind {
                            attr_kind::CLASS_VALUE => {
                                if !instance_dict_has(o, name, cache) {
                                    if let Some(d) = cache.descr.borrow().get() {
                                        return Ok(CachedAttr::Value(d));
                                    }
                                }
                            }
                            attr_kind::SLOT => {
                                if let Some(v) = o.slots.borrow().get(cache.hint.get() as usize) {
                                    if !v.is_null() {
                                        return Ok(CachedAttr::Value(v.clone()));
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        self.load_attr_cached_slow(obj, name, cache, method)
    }

    /// `load_attr_cached` past its inlined fast paths (refills the cache).
    #[inline(never)]
    fn load_attr_cached_slow(&mut self, obj: &Value, name: &PyRef, cache: &AttrCache, method: bool) -> PyResult<CachedAttr> {
        if let Value::Obj(o) = obj {
            let cls = o.class();
            if let (Some(td), false) = (cls.as_type(), matches!(o.payload, Payload::Type(_))) {
                if td.version.get() != cache.version.get() {
                    self.fill_attr_cache(o, name, cache);
                }
                if td.version.get() == cache.version.get() && !td.has_flag(flags::HAS_GETATTR) {
                    match cache.kind.get() {
                        attr_kind::ABSENT => {
                            if let Some(v) = instance_dict_get_hint(o, name, cache) {
                                return Ok(CachedAttr::Value(v));
                            }
                        }
                        attr_kind::METHOD | attr_kind::NON_DATA | attr_kind::CLASS_VALUE => {
                            if let Some(v) = instance_dict_get(o, name) {
                                return Ok(CachedAttr::Value(v));
                            }
                            let d = cache.descr.borrow().get();
                            if let Some(d) = d {
                                if method && cache.kind.get() == attr_kind::METHOD {
                                    return Ok(CachedAttr::Method(d));
                                }
                                let cls = cls.clone();
                                return self.descr_get(&d, obj, &cls).map(CachedAttr::Value);
                            }
                        }
                        attr_kind::DATA => {
                            let d = cache.descr.borrow().get();
                            if let Some(d) = d {
                                let cls = cls.clone();
                                return self.descr_get(&d, obj, &cls).map(CachedAttr::Value);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        if let Value::Obj(o) = obj {
            // `super` is immutable: its `__getattribute__` is fixed.
            if matches!(o.payload, Payload::Super { .. }) && Rc::ptr_eq(o.class(), &self.types.super_) {
                return crate::types::superobj::super_get_attr(self, obj, name).map(CachedAttr::Value);
            }
        }
        if method {
            return self.load_method_slow(obj, name);
        }
        self.get_attr(obj, name).map(CachedAttr::Value)
    }

    /// LOAD_METHOD without the cache.
    fn load_method_slow(&mut self, o: &Value, name: &PyRef) -> PyResult<CachedAttr> {
        let tp = self.type_of(o);
        let plain = tp.as_type().map(|t| !t.has_flag(flags::CUSTOM_GETATTRIBUTE)).unwrap_or(false);
        let is_type = o.as_obj().map(|x| x.as_type().is_some()).unwrap_or(false);
        if plain && !is_type {
            if let Some(m) = lookup(&tp, name) {
                let unbound = match &m {
                    Value::Obj(mo) => match &mo.payload {
                        Payload::Function(_) => true,
                        Payload::Builtin(b) => b.kind == BuiltinKind::Method && b.self_.is_none(),
                        _ => false,
                    },
                    _ => false,
                };
                if unbound {
                    let shadowed = match o {
                        Value::Obj(oo) => instance_dict_get(oo, name).is_some(),
                        _ => false,
                    };
                    if !shadowed {
                        return Ok(CachedAttr::Method(m));
                    }
                }
            }
        }
        self.get_attr(o, name).map(CachedAttr::Value)
    }

    /// `obj.name = value` through the inline cache (STORE_ATTR): when the
    /// class keeps object's `__setattr__` and does not define `name` as a
    /// data descriptor, the value goes straight into the instance dict.
    #[inline(always)]
    pub(crate) fn store_attr_cached(&mut self, obj: &Value, name: &PyRef, value: Value, cache: &AttrCache) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            if let Some(td) = o.class().as_type() {
                if td.version.get() == cache.version.get() {
                    match cache.kind.get() {
                        attr_kind::STORE_DICT => {
                            // SAFETY: `o.dict` is only read; the store below
                            // runs no code that could replace it (dropping the
                            // old value only queues finalizers).
                            if let Ok(Some(d)) = unsafe { o.dict.try_borrow_unguarded() } {
                                instance_dict_set_hint(td, d, name, value, cache);
                                return Ok(());
                            }
                        }
                        attr_kind::STORE_SLOT => {
                            let mut slots = o.slots.borrow_mut();
                            if let Some(slot) = slots.get_mut(cache.hint.get() as usize) {
                                let old = std::mem::replace(slot, value);
                                drop(slots);
                                drop(old);
                                return Ok(());
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        self.store_attr_cached_slow(obj, name, value, cache)
    }

    /// `store_attr_cached` past its inlined fast path (refills the cache).
    #[inline(never)]
    fn store_attr_cached_slow(&mut self, obj: &Value, name: &PyRef, value: Value, cache: &AttrCache) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            if let (Some(td), false) = (o.class().as_type(), matches!(o.payload, Payload::Type(_))) {
                if td.version.get() != cache.version.get() {
                    self.fill_store_cache(o, name, cache);
                }
                if td.version.get() == cache.version.get() && cache.kind.get() == attr_kind::STORE_DICT {
                    let d = o.dict.borrow().clone();
                    if let Some(d) = d {
                        crate::types::dict::dict_set_str_hint(&d, name, value, &cache.hint);
                        return Ok(());
                    }
                }
            }
        }
        self.set_attr(obj, name, value)
    }

    fn fill_store_cache(&mut self, o: &PyRef, name: &PyRef, cache: &AttrCache) {
        if o.as_type().is_some() || name.as_str().is_none() || !Rc::ptr_eq(name.class(), &self.types.str) {
            return;
        }
        let cls = o.class();
        let Some(td) = cls.as_type() else { return };
        let version = td.version.get();
        let setattr = self.names.__setattr__.clone();
        match lookup(cls, &setattr) {
            Some(f) if self.is_builtin_fn(&f, crate::protocol::objecttype::object_setattr) => {}
            _ => return,
        }
        if let Some(ks) = name.as_str() {
            cache.name_hash.set(ks.hash());
        }
        let descr = lookup(cls, name);
        if let Some(Value::Obj(d)) = &descr {
            if let Payload::Member(m) = &d.payload {
                if let Ok(i) = u32::try_from(m.index) {
                    *cache.descr.borrow_mut() = CachedDescr::Absent;
                    cache.hint.set(i);
                    cache.kind.set(attr_kind::STORE_SLOT);
                    cache.version.set(version);
                }
                return;
            }
        }
        match classify_descr(&descr) {
            Some(attr_kind::ABSENT) | Some(attr_kind::NON_DATA) | Some(attr_kind::METHOD) => {}
            _ => return,
        }
        *cache.descr.borrow_mut() = CachedDescr::Absent;
        cache.kind.set(attr_kind::STORE_DICT);
        cache.version.set(version);
    }
}
