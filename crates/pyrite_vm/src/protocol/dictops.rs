//! Dict item access with arbitrary keys: hashing and `__eq__` may run Python
//! code, so the table's borrow is released around those calls and the probe is
//! restarted if the dict changed meanwhile. CPython: Objects/dictobject.c.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::dict::{DictData, Probe};
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

impl Vm {
    /// Equality that needs no Python code, if it can be decided that way.
    #[inline]
    pub fn quick_eq(&self, a: &Value, b: &Value) -> Option<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x == y),
            (Value::Int(x), Value::Bool(y)) | (Value::Bool(y), Value::Int(x)) => Some(*x == *y as i64),
            (Value::Bool(x), Value::Bool(y)) => Some(x == y),
            // Same bits are the same object (a NaN key finds itself).
            (Value::Float(x), Value::Float(y)) => Some(x == y || x.to_bits() == y.to_bits()),
            (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => Some(crate::protocol::ops::int_float_eq(*x, *y)),
            (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => Some(*x as i64 as f64 == *y),
            (Value::None, Value::None) => Some(true),
            (Value::Obj(x), Value::Obj(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Some(true);
                }
                let str_t = &self.types.str;
                if Rc::ptr_eq(x.class(), str_t) && Rc::ptr_eq(y.class(), str_t) {
                    return Some(x.as_str() == y.as_str());
                }
                if Rc::ptr_eq(x.class(), str_t) && !self.has_custom_eq(y) {
                    return Some(false);
                }
                None
            }
            (Value::Obj(x), _) | (_, Value::Obj(x)) => {
                if Rc::ptr_eq(x.class(), &self.types.str) {
                    Some(false)
                } else {
                    None
                }
            }
            _ => Some(false),
        }
    }

    /// `quick_eq` with the commonest key pairs (machine ints, identical
    /// objects, two exact strs) decided inline, for probe loops.
    #[inline(always)]
    pub fn key_eq_quick(&self, stored: &Value, key: &Value) -> Option<bool> {
        match (stored, key) {
            (Value::Int(x), Value::Int(y)) => Some(x == y),
            (Value::Obj(x), Value::Obj(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Some(true);
                }
                let st = &self.types.str;
                if Rc::ptr_eq(x.class(), st) && Rc::ptr_eq(y.class(), st) {
                    return Some(x.as_str().map(|a| a.as_wtf8()) == y.as_str().map(|b| b.as_wtf8()));
                }
                self.quick_eq(stored, key)
            }
            _ => self.quick_eq(stored, key),
        }
    }

    fn has_custom_eq(&self, o: &PyRef) -> bool {
        let t = o.class();
        !(Rc::ptr_eq(t, &self.types.tuple) || Rc::ptr_eq(t, &self.types.int) || Rc::ptr_eq(t, &self.types.bytes)
            || Rc::ptr_eq(t, &self.types.float) || Rc::ptr_eq(t, &self.types.str))
    }

    /// The entry index of `key` (whose hash is `hash`). Keys that compare
    /// without Python code are found under one borrow of the table; otherwise
    /// the borrow is released around each `__eq__` call and the probe restarts
    /// if the table changed meanwhile (CPython's lookdict does the same).
    #[inline]
    fn dict_find(&mut self, d: &PyRef, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        let Payload::Dict(dd) = &d.payload else { return Ok(None) };
        let r = {
            let t = dd.borrow();
            let st = t.probe_start(hash);
            t.probe(hash, st, |k| self.key_eq_quick(k, key))
        };
        match r {
            Probe::Found(i) => Ok(Some(i)),
            Probe::Missing => Ok(None),
            Probe::NeedsEq { .. } => self.dict_find_slow(dd, key, hash),
        }
    }

    #[inline(never)]
    fn dict_find_slow(&mut self, dd: &std::cell::RefCell<DictData>, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let (mut st, version) = {
                let t = dd.borrow();
                (t.probe_start(hash), t.version)
            };
            loop {
                let r = {
                    let t = dd.borrow();
                    t.probe(hash, st, |k| self.key_eq_quick(k, key))
                };
                match r {
                    Probe::Found(i) => return Ok(Some(i)),
                    Probe::Missing => return Ok(None),
                    Probe::NeedsEq { entry, state } => {
                        let stored = match dd.borrow().entry(entry) {
                            Some(e) => e.key.clone(),
                            None => continue 'restart,
                        };
                        let eq = self.eq(&stored, key)?;
                        if dd.borrow().version != version {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Some(entry));
                        }
                        st = state;
                    }
                }
            }
        }
    }

    /// `d[key]` or None if missing (no `__missing__`).
    #[inline]
    pub fn dict_get_item(&mut self, d: &PyRef, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let Payload::Dict(dd) = &d.payload else { return Ok(None) };
        {
            let t = dd.borrow();
            let st = t.probe_start(h);
            match t.probe(h, st, |k| self.key_eq_quick(k, key)) {
                Probe::Found(i) => return Ok(t.entry(i).map(|e| e.value.clone())),
                Probe::Missing => return Ok(None),
                Probe::NeedsEq { .. } => {}
            }
        }
        match self.dict_find_slow(dd, key, h)? {
            Some(i) => Ok(dd.borrow().entry(i).map(|e| e.value.clone())),
            None => Ok(None),
        }
    }

    /// `d[key] = value`.
    #[inline]
    pub fn dict_set_item(&mut self, d: &PyRef, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        self.dict_set_item_hashed(d, key, h, value)
    }

    /// `d[key] = value` for a key whose hash is known.
    pub fn dict_set_item_hashed(&mut self, d: &PyRef, key: Value, h: i64, value: Value) -> PyResult<()> {
        let Payload::Dict(dd) = &d.payload else { return Ok(()) };
        let found = {
            let mut t = dd.borrow_mut();
            let st = t.probe_start(h);
            match t.probe(h, st, |k| self.key_eq_quick(k, &key)) {
                Probe::Found(i) => {
                    let old = t.set_value_at(i, value);
                    drop(t);
                    drop(old);
                    return Ok(());
                }
                Probe::Missing => {
                    t.insert_new(h, key, value);
                    return Ok(());
                }
                Probe::NeedsEq { .. } => {
                    drop(t);
                    self.dict_find_slow(dd, &key, h)?
                }
            }
        };
        match found {
            Some(i) => {
                let old = dd.borrow_mut().set_value_at(i, value);
                drop(old);
            }
            None => dd.borrow_mut().insert_new(h, key, value),
        }
        Ok(())
    }

    /// `d.setdefault(key, default)`: the value for `key`, inserting `default`
    /// first if missing; the key is hashed once, as in CPython.
    pub fn dict_setdefault_item(&mut self, d: &PyRef, key: &Value, default: Value) -> PyResult<Value> {
        let h = self.hash(key)?;
        let Payload::Dict(dd) = &d.payload else { return Ok(default) };
        match self.dict_find(d, key, h)? {
            Some(i) => {
                if let Some(e) = dd.borrow().entry(i) {
                    return Ok(e.value.clone());
                }
                Ok(default)
            }
            None => {
                dd.borrow_mut().insert_new(h, key.clone(), default.clone());
                Ok(default)
            }
        }
    }

    /// `del d[key]`; returns false if the key was missing.
    pub fn dict_del_item_opt(&mut self, d: &PyRef, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        let Payload::Dict(dd) = &d.payload else { return Ok(false) };
        match self.dict_find(d, key, h)? {
            Some(i) => {
                let old = dd.borrow_mut().remove_at(i);
                drop(old);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Removes and returns `d[key]`, if present.
    pub fn dict_pop_item(&mut self, d: &PyRef, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let Payload::Dict(dd) = &d.payload else { return Ok(None) };
        match self.dict_find(d, key, h)? {
            Some(i) => Ok(dd.borrow_mut().remove_at(i).map(|e| e.value)),
            None => Ok(None),
        }
    }

    /// A snapshot of a dict's items (keys and values), in order.
    pub fn dict_items(&self, d: &PyRef) -> Vec<(Value, Value)> {
        match &d.payload {
            Payload::Dict(dd) => dd.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect(),
            _ => Vec::new(),
        }
    }

    /// A new dict object from a table.
    pub fn new_dict_from(&self, data: DictData) -> PyRef {
        crate::object::PyObject::new(self.types.dict.clone(), Payload::Dict(std::cell::RefCell::new(data)))
    }
}
