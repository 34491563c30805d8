//! Builtin iterators; CPython: Objects/iterobject.c, Objects/listobject.c,
//! Objects/rangeobject.c, Objects/dictobject.c, Objects/setobject.c,
//! Objects/enumobject.c, Python/bltinmodule.c (zip, map, filter).
//!
//! Registration table (`init`): the iterator types list_iterator,
//! list_reverseiterator, tuple_iterator, range_iterator, longrange_iterator,
//! set_iterator, dict_keyiterator, dict_valueiterator, dict_itemiterator,
//! dict_reversekeyiterator, dict_reversevalueiterator, dict_reverseitemiterator,
//! callable_iterator and iterator (`__iter__`, `__next__`, `__length_hint__`);
//! the classes enumerate, zip, map, filter, reversed (`__new__`, `__iter__`,
//! `__next__`); the builtins iter and next.
//!
//! `next_fast` is the allocation-free step the interpreter's FOR_ITER uses.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::function::Args;
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::RefCell;
use std::rc::Rc;

/// Which part of a dict entry a dict iterator yields.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// The state of a builtin iterator object.
pub enum IterState {
    /// Over a sequence by index (list/tuple/str directly, others by `__getitem__`).
    Seq { seq: Value, index: usize },
    /// Backwards over a sequence (`reversed(list)`, `reversed(seq)`); `index` is
    /// the next index to yield, negative when done.
    SeqRev { seq: Value, index: i64 },
    /// `range` iteration with machine ints.
    Range { next: i64, step: i64, remaining: u64 },
    /// `range` iteration beyond i64.
    BigRange { next: BigInt, step: BigInt, remaining: BigInt },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value },
    /// Over a dict's entries (forwards, or backwards when `rev`).
    Dict { dict: PyRef, pos: usize, used: isize, remaining: usize, kind: DictIterKind, rev: bool },
    /// Over a set's table.
    Set { set: PyRef, pos: usize, used: isize, remaining: usize },
    Enumerate { it: Value, count: Value },
    Zip { its: Vec<Value>, strict: bool },
    Map { func: Value, its: Vec<Value> },
    Filter { func: Value, it: Value },
    /// Exhausted.
    Done,
    /// Any other state a builtin iterator needs.
    Other(Box<dyn std::any::Any>),
}

/// The iterator classes created at start-up.
pub struct IterTypes {
    pub list_iterator: PyRef,
    pub list_reverseiterator: PyRef,
    pub tuple_iterator: PyRef,
    pub range_iterator: PyRef,
    pub longrange_iterator: PyRef,
    pub set_iterator: PyRef,
    pub dict_keyiterator: PyRef,
    pub dict_valueiterator: PyRef,
    pub dict_itemiterator: PyRef,
    pub dict_reversekeyiterator: PyRef,
    pub dict_reversevalueiterator: PyRef,
    pub dict_reverseitemiterator: PyRef,
    pub callable_iterator: PyRef,
    pub enumerate: PyRef,
    pub zip: PyRef,
    pub map: PyRef,
    pub filter: PyRef,
    pub reversed: PyRef,
}

thread_local! {
    static TYPES: RefCell<Option<Rc<IterTypes>>> = const { RefCell::new(None) };
}

/// The iterator class chosen by `f`, or the generic `iterator` class before
/// start-up registered them.
fn itype(vm: &Vm, f: fn(&IterTypes) -> &PyRef) -> PyRef {
    TYPES.with(|t| match &*t.borrow() {
        Some(ts) => f(ts).clone(),
        None => vm.types.iterator.clone(),
    })
}

/// The iterator classes (for other files that need them).
pub fn iter_types() -> Option<Rc<IterTypes>> {
    TYPES.with(|t| t.borrow().clone())
}

fn new_iter(cls: PyRef, st: IterState) -> Value {
    Value::Obj(PyObject::new(cls, Payload::Iter(RefCell::new(st))))
}

/// A new iterator over a sequence by index (`iterator` class).
pub fn new_seq_iter(vm: &mut Vm, seq: Value) -> Value {
    new_iter(vm.types.iterator.clone(), IterState::Seq { seq, index: 0 })
}

/// `iter(list)`.
pub fn new_list_iter(vm: &mut Vm, seq: Value) -> Value {
    new_iter(itype(vm, |t| &t.list_iterator), IterState::Seq { seq, index: 0 })
}

/// `reversed(list)`.
pub fn new_list_reviter(vm: &mut Vm, seq: Value, len: usize) -> Value {
    new_iter(itype(vm, |t| &t.list_reverseiterator), IterState::SeqRev { seq, index: len as i64 - 1 })
}

/// `iter(tuple)`.
pub fn new_tuple_iter(vm: &mut Vm, seq: Value) -> Value {
    new_iter(itype(vm, |t| &t.tuple_iterator), IterState::Seq { seq, index: 0 })
}

/// A range iterator yielding `len` values from `start` by `step`.
pub fn new_range_iter(vm: &mut Vm, start: &BigInt, step: &BigInt, len: &BigInt) -> Value {
    if let (Some(a), Some(s), Some(n)) = (start.to_i64(), step.to_i64(), len.to_u64()) {
        if n <= i64::MAX as u64 {
            return new_iter(itype(vm, |t| &t.range_iterator), IterState::Range { next: a, step: s, remaining: n });
        }
    }
    new_iter(
        itype(vm, |t| &t.longrange_iterator),
        IterState::BigRange { next: start.clone(), step: step.clone(), remaining: len.clone() },
    )
}

/// An iterator over a dict object's keys, values or items.
pub fn new_dict_iter(vm: &mut Vm, dict: &PyRef, kind: DictIterKind, rev: bool) -> Value {
    let (used, end) = match &dict.payload {
        Payload::Dict(d) => {
            let d = d.borrow();
            (d.len(), d.entries_len())
        }
        _ => (0, 0),
    };
    let cls = match (kind, rev) {
        (DictIterKind::Keys, false) => itype(vm, |t| &t.dict_keyiterator),
        (DictIterKind::Values, false) => itype(vm, |t| &t.dict_valueiterator),
        (DictIterKind::Items, false) => itype(vm, |t| &t.dict_itemiterator),
        (DictIterKind::Keys, true) => itype(vm, |t| &t.dict_reversekeyiterator),
        (DictIterKind::Values, true) => itype(vm, |t| &t.dict_reversevalueiterator),
        (DictIterKind::Items, true) => itype(vm, |t| &t.dict_reverseitemiterator),
    };
    let pos = if rev { end } else { 0 };
    new_iter(cls, IterState::Dict { dict: dict.clone(), pos, used: used as isize, remaining: used, kind, rev })
}

/// An iterator over a set object.
pub fn new_set_iter(vm: &mut Vm, set: &PyRef) -> Value {
    let used = match &set.payload {
        Payload::Set(s) => s.borrow().len(),
        _ => 0,
    };
    new_iter(itype(vm, |t| &t.set_iterator), IterState::Set { set: set.clone(), pos: 0, used: used as isize, remaining: used })
}

/// `next(it)` for builtin iterators without special-method lookup; `None`
/// when `it` is not a builtin iterator this can step.
#[inline]
pub fn next_fast(vm: &mut Vm, it: &Value) -> Option<PyResult<Option<Value>>> {
    let Value::Obj(o) = it else { return None };
    let Payload::Iter(cell) = &o.payload else { return None };
    {
        let mut st = cell.borrow_mut();
        match &mut *st {
            IterState::Range { next, step, remaining } => {
                if *remaining == 0 {
                    return Some(Ok(None));
                }
                let v = *next;
                *remaining -= 1;
                *next = v.wrapping_add(*step);
                return Some(Ok(Some(Value::Int(v))));
            }
            IterState::Seq { seq: Value::Obj(so), index } => {
                let item = match &so.payload {
                    Payload::List(l) => Some(l.borrow().get(*index).cloned()),
                    Payload::Tuple(t) => Some(t.get(*index).cloned()),
                    Payload::Str(s) if s.is_ascii() => {
                        Some(s.as_wtf8().get(*index).map(|&b| crate::types::strops::char_value(vm, b as u32)))
                    }
                    _ => None,
                };
                let Some(item) = item else {
                    drop(st);
                    return step_other(vm, o);
                };
                return Some(Ok(match item {
                    Some(v) => {
                        *index += 1;
                        Some(v)
                    }
                    None => {
                        *st = IterState::Done;
                        None
                    }
                }));
            }
            IterState::Done => return Some(Ok(None)),
            IterState::Other(_) => return None,
            _ => {}
        }
    }
    step_other(vm, o)
}

#[inline(never)]
fn step_other(vm: &mut Vm, o: &PyRef) -> Option<PyResult<Option<Value>>> {
    // A Python subclass (of map, enumerate ...) may override __next__.
    if o.class().as_type().map(|t| t.has_flag(flags::HEAPTYPE)).unwrap_or(true) {
        return None;
    }
    step(vm, o)
}

/// Work that calls Python code, done after the state's borrow is released.
enum Slow {
    GetItem(Value, usize),
    GetItemRev(Value, i64),
    Callable(Value, Value),
    Enumerate(Value, Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
}

/// One step of any builtin iterator state (None for `Other`).
pub fn step(vm: &mut Vm, o: &PyRef) -> Option<PyResult<Option<Value>>> {
    let Payload::Iter(cell) = &o.payload else { return None };
    let slow = {
        let mut st = cell.borrow_mut();
        match &mut *st {
            IterState::Done => return Some(Ok(None)),
            IterState::Other(_) => return None,
            IterState::Range { next, step, remaining } => {
                if *remaining == 0 {
                    return Some(Ok(None));
                }
                let v = *next;
                *remaining -= 1;
                *next = v.wrapping_add(*step);
                return Some(Ok(Some(Value::Int(v))));
            }
            IterState::BigRange { next, step, remaining } => {
                if remaining.is_zero() || remaining.is_negative() {
                    return Some(Ok(None));
                }
                let v = next.clone();
                *remaining -= 1;
                *next += &*step;
                drop(st);
                return Some(Ok(Some(vm.new_int(v))));
            }
            IterState::Seq { seq, index } => {
                let fast = match seq {
                    Value::Obj(so) => match &so.payload {
                        Payload::List(l) => Some(l.borrow().get(*index).cloned()),
                        Payload::Tuple(t) => Some(t.get(*index).cloned()),
                        // str iterators step by byte offset in their own `__next__`.
                        Payload::Str(_) => return None,
                        _ => None,
                    },
                    _ => None,
                };
                match fast {
                    Some(Some(v)) => {
                        *index += 1;
                        return Some(Ok(Some(v)));
                    }
                    Some(None) => {
                        *st = IterState::Done;
                        return Some(Ok(None));
                    }
                    None => Slow::GetItem(seq.clone(), *index),
                }
            }
            IterState::SeqRev { seq, index } => {
                if *index < 0 {
                    return Some(Ok(None));
                }
                let fast = match seq {
                    Value::Obj(so) => match &so.payload {
                        Payload::List(l) => Some(l.borrow().get(*index as usize).cloned()),
                        _ => None,
                    },
                    _ => None,
                };
                match fast {
                    Some(Some(v)) => {
                        *index -= 1;
                        return Some(Ok(Some(v)));
                    }
                    Some(None) => {
                        *st = IterState::Done;
                        return Some(Ok(None));
                    }
                    None => Slow::GetItemRev(seq.clone(), *index),
                }
            }
            IterState::Dict { dict, pos, used, remaining, kind, rev } => {
                let Payload::Dict(dd) = &dict.payload else { return Some(Ok(None)) };
                let d = dd.borrow();
                if *used != d.len() as isize {
                    *used = -1;
                    drop(d);
                    return Some(Err(vm.runtime_error("dictionary changed size during iteration")));
                }
                let found = if *rev {
                    d.prev_entry(*pos).map(|(p, e)| (p, e.key.clone(), e.value.clone()))
                } else {
                    d.next_entry(*pos).map(|(p, e)| (p, e.key.clone(), e.value.clone()))
                };
                let Some((p, k, v)) = found else {
                    drop(d);
                    *st = IterState::Done;
                    return Some(Ok(None));
                };
                if *remaining == 0 {
                    drop(d);
                    *st = IterState::Done;
                    return Some(Err(vm.runtime_error("dictionary keys changed during iteration")));
                }
                *pos = p;
                *remaining -= 1;
                let kind = *kind;
                drop(d);
                drop(st);
                return Some(Ok(Some(match kind {
                    DictIterKind::Keys => k,
                    DictIterKind::Values => v,
                    DictIterKind::Items => vm.new_tuple(vec![k, v]),
                })));
            }
            IterState::Set { set, pos, used, remaining } => {
                let Payload::Set(sd) = &set.payload else { return Some(Ok(None)) };
                let s = sd.borrow();
                if *used != s.len() as isize {
                    *used = -1;
                    drop(s);
                    return Some(Err(vm.runtime_error("Set changed size during iteration")));
                }
                let mut i = *pos;
                while i < s.table.len() {
                    if let Some(e) = &s.table[i] {
                        if !e.key.is_null() {
                            break;
                        }
                    }
                    i += 1;
                }
                let item = s.table.get(i).and_then(|e| e.as_ref()).map(|e| e.key.clone());
                drop(s);
                match item {
                    Some(k) => {
                        *pos = i + 1;
                        *remaining = remaining.saturating_sub(1);
                        return Some(Ok(Some(k)));
                    }
                    None => {
                        *st = IterState::Done;
                        return Some(Ok(None));
                    }
                }
            }
            IterState::Callable { func, sentinel } => Slow::Callable(func.clone(), sentinel.clone()),
            IterState::Enumerate { it, count } => Slow::Enumerate(it.clone(), count.clone()),
            IterState::Zip { its, strict } => Slow::Zip(its.clone(), *strict),
            IterState::Map { func, its } => Slow::Map(func.clone(), its.clone()),
            IterState::Filter { func, it } => Slow::Filter(func.clone(), it.clone()),
        }
    };
    Some(step_slow(vm, cell, slow))
}

fn is_stop_or_index(vm: &Vm, e: &crate::error::PyErr) -> bool {
    vm.err_matches(e, &vm.exc.index_error) || vm.err_matches(e, &vm.exc.stop_iteration)
}

fn set_done(cell: &RefCell<IterState>) {
    let old = std::mem::replace(&mut *cell.borrow_mut(), IterState::Done);
    drop(old);
}

fn step_slow(vm: &mut Vm, cell: &RefCell<IterState>, slow: Slow) -> PyResult<Option<Value>> {
    match slow {
        Slow::GetItem(seq, index) => match vm.get_item(&seq, &Value::Int(index as i64)) {
            Ok(v) => {
                if let IterState::Seq { index: i, .. } = &mut *cell.borrow_mut() {
                    *i = index + 1;
                }
                Ok(Some(v))
            }
            Err(e) if is_stop_or_index(vm, &e) => {
                set_done(cell);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Slow::GetItemRev(seq, index) => match vm.get_item(&seq, &Value::Int(index)) {
            Ok(v) => {
                if let IterState::SeqRev { index: i, .. } = &mut *cell.borrow_mut() {
                    *i = index - 1;
                }
                Ok(Some(v))
            }
            Err(e) if is_stop_or_index(vm, &e) => {
                set_done(cell);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Slow::Callable(func, sentinel) => match vm.call(&func, &[], &[]) {
            Ok(v) => {
                if vm.eq(&sentinel, &v)? {
                    set_done(cell);
                    return Ok(None);
                }
                Ok(Some(v))
            }
            Err(e) if vm.err_matches(&e, &vm.exc.stop_iteration.clone()) => {
                set_done(cell);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Slow::Enumerate(it, count) => {
            let Some(item) = vm.next(&it)? else { return Ok(None) };
            let next = match &count {
                Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
                _ => vm.binary_op(&count, &Value::Int(1), pyrite_bytecode::opcode::BinaryOp::Add)?,
            };
            if let IterState::Enumerate { count: c, .. } = &mut *cell.borrow_mut() {
                *c = next;
            }
            Ok(Some(vm.new_tuple(vec![count, item])))
        }
        Slow::Zip(its, strict) => {
            if its.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for (i, it) in its.iter().enumerate() {
                match vm.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        if !strict {
                            return Ok(None);
                        }
                        set_done(cell);
                        if i > 0 {
                            let plural = if i == 1 { " " } else { "s 1-" };
                            return Err(vm.value_error(format!(
                                "zip() argument {} is shorter than argument{}{}",
                                i + 1,
                                plural,
                                i
                            )));
                        }
                        for (j, it2) in its.iter().enumerate().skip(1) {
                            if vm.next(it2)?.is_some() {
                                let plural = if j == 1 { " " } else { "s 1-" };
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is longer than argument{}{}",
                                    j + 1,
                                    plural,
                                    j
                                )));
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.new_tuple(out)))
        }
        Slow::Map(func, its) => {
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match vm.next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, &args, &[]).map(Some)
        }
        Slow::Filter(func, it) => loop {
            let Some(item) = vm.next(&it)? else { return Ok(None) };
            let keep = if func.is_none() || matches!(&func, Value::Obj(o) if Rc::ptr_eq(o, &vm.types.bool)) {
                vm.is_true(&item)?
            } else {
                let r = vm.call(&func, std::slice::from_ref(&item), &[])?;
                vm.is_true(&r)?
            };
            if keep {
                return Ok(Some(item));
            }
        },
    }
}

// ----- registration -------------------------------------------------------------

/// Creates the iterator classes and registers their methods and the builtins
/// iter, next, enumerate, zip, map, filter, reversed.
pub fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let nb = flags::IMMUTABLE;
    let bf = crate::vm::BUILTIN_FLAGS;
    let mk = |vm: &mut Vm, name: &str, fl: u32| vm.new_builtin_type(name, "builtins", &object, Layout::Opaque, fl);
    let ts = IterTypes {
        list_iterator: mk(vm, "list_iterator", nb),
        list_reverseiterator: mk(vm, "list_reverseiterator", nb),
        tuple_iterator: mk(vm, "tuple_iterator", nb),
        range_iterator: mk(vm, "range_iterator", nb),
        longrange_iterator: mk(vm, "longrange_iterator", nb),
        set_iterator: mk(vm, "set_iterator", nb),
        dict_keyiterator: mk(vm, "dict_keyiterator", nb),
        dict_valueiterator: mk(vm, "dict_valueiterator", nb),
        dict_itemiterator: mk(vm, "dict_itemiterator", nb),
        dict_reversekeyiterator: mk(vm, "dict_reversekeyiterator", nb),
        dict_reversevalueiterator: mk(vm, "dict_reversevalueiterator", nb),
        dict_reverseitemiterator: mk(vm, "dict_reverseitemiterator", nb),
        callable_iterator: mk(vm, "callable_iterator", nb),
        enumerate: mk(vm, "enumerate", bf),
        zip: mk(vm, "zip", bf),
        map: mk(vm, "map", bf),
        filter: mk(vm, "filter", bf),
        reversed: mk(vm, "reversed", bf),
    };
    let all: Vec<PyRef> = vec![
        ts.list_iterator.clone(),
        ts.list_reverseiterator.clone(),
        ts.tuple_iterator.clone(),
        ts.range_iterator.clone(),
        ts.longrange_iterator.clone(),
        ts.set_iterator.clone(),
        ts.dict_keyiterator.clone(),
        ts.dict_valueiterator.clone(),
        ts.dict_itemiterator.clone(),
        ts.dict_reversekeyiterator.clone(),
        ts.dict_reversevalueiterator.clone(),
        ts.dict_reverseitemiterator.clone(),
        ts.callable_iterator.clone(),
        vm.types.iterator.clone(),
        ts.enumerate.clone(),
        ts.zip.clone(),
        ts.map.clone(),
        ts.filter.clone(),
        ts.reversed.clone(),
    ];
    for t in &all {
        vm.add_methods(t, &[("__iter__", iter_self), ("__next__", iter_next), ("__length_hint__", iter_length_hint)]);
    }
    vm.add_staticmethods(&ts.enumerate, &[("__new__", enumerate_new)]);
    vm.add_staticmethods(&ts.zip, &[("__new__", zip_new)]);
    vm.add_staticmethods(&ts.map, &[("__new__", map_new)]);
    vm.add_staticmethods(&ts.filter, &[("__new__", filter_new)]);
    vm.add_staticmethods(&ts.reversed, &[("__new__", reversed_new)]);
    vm.add_classmethods(&ts.enumerate, &[("__class_getitem__", crate::types::list::class_getitem)]);
    let bd = vm.builtins_dict.clone();
    for (name, t) in [
        ("enumerate", &ts.enumerate),
        ("zip", &ts.zip),
        ("map", &ts.map),
        ("filter", &ts.filter),
        ("reversed", &ts.reversed),
    ] {
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&bd, &k, Value::Obj(t.clone()));
    }
    let fns: &[(&'static str, crate::types::function::NativeFn)] = &[("iter", builtin_iter), ("next", builtin_next)];
    for &(name, f) in fns {
        let v = vm.new_builtin(name, f);
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&bd, &k, v);
    }
    TYPES.with(|t| *t.borrow_mut() = Some(Rc::new(ts)));
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(o)) = args.args.first() else {
        return Err(vm.type_error("descriptor '__next__' needs an argument"));
    };
    match step(vm, o) {
        Some(Ok(Some(v))) => Ok(v),
        Some(Ok(None)) => Err(vm.stop_iteration(None)),
        Some(Err(e)) => Err(e),
        None => Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(&args.args[0])))),
    }
}

fn iter_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(o)) = args.args.first() else { return Ok(Value::Int(0)) };
    let Payload::Iter(cell) = &o.payload else { return Ok(Value::Int(0)) };
    let st = cell.borrow();
    let n: i64 = match &*st {
        IterState::Seq { seq, index } => match seq.as_obj().map(|s| &s.payload) {
            Some(Payload::List(l)) => (l.borrow().len() as i64 - *index as i64).max(0),
            Some(Payload::Tuple(t)) => (t.len() as i64 - *index as i64).max(0),
            Some(Payload::Str(s)) => (s.len() as i64 - *index as i64).max(0),
            _ => {
                drop(st);
                return Ok(vm.not_implemented());
            }
        },
        IterState::SeqRev { seq, index } => match seq.as_obj().map(|s| &s.payload) {
            Some(Payload::List(l)) if (*index as usize) < l.borrow().len() => *index + 1,
            Some(Payload::List(_)) => 0,
            _ => (*index + 1).max(0),
        },
        IterState::Range { remaining, .. } => *remaining as i64,
        IterState::BigRange { remaining, .. } => {
            let r = remaining.clone();
            drop(st);
            return Ok(vm.new_int(r));
        }
        IterState::Dict { remaining, used, dict, .. } => match &dict.payload {
            Payload::Dict(d) if *used == d.borrow().len() as isize => *remaining as i64,
            _ => 0,
        },
        IterState::Set { remaining, used, set, .. } => match &set.payload {
            Payload::Set(s) if *used == s.borrow().len() as isize => *remaining as i64,
            _ => 0,
        },
        IterState::Done => 0,
        _ => {
            drop(st);
            return Ok(vm.not_implemented());
        }
    };
    Ok(Value::Int(n))
}

fn cls_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<PyRef> {
    match args.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => Ok(c.clone()),
        _ => Err(vm.type_error(format!("{}.__new__(X): X is not a type object", name))),
    }
}

fn new_of(vm: &mut Vm, cls: &PyRef, st: IterState) -> Value {
    Value::Obj(crate::protocol::objecttype::new_instance(vm, cls, Payload::Iter(RefCell::new(st))))
}

/// True if `cls` is exactly the builtin class (so keyword checks apply).
fn is_exact(cls: &PyRef, f: fn(&IterTypes) -> &PyRef) -> bool {
    TYPES.with(|t| t.borrow().as_ref().map(|ts| Rc::ptr_eq(f(ts), cls)).unwrap_or(false))
}

fn enumerate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args, "enumerate")?;
    let rest = &args.args[1..];
    let mut iterable = rest.first().cloned();
    let mut start = rest.get(1).cloned();
    for (k, v) in args.kwargs {
        let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        match ks.as_str() {
            "iterable" if iterable.is_none() => iterable = Some(v.clone()),
            "start" if start.is_none() => start = Some(v.clone()),
            "iterable" | "start" => {
                return Err(vm.type_error(format!(
                    "argument for enumerate() given by name ('{}') and position ({})",
                    ks,
                    if ks == "iterable" { 1 } else { 2 }
                )))
            }
            _ => return Err(vm.type_error(format!("enumerate() got an unexpected keyword argument '{}'", ks))),
        }
    }
    if rest.len() > 2 {
        return Err(vm.type_error(format!("enumerate() takes at most 2 arguments ({} given)", rest.len())));
    }
    let Some(iterable) = iterable else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let count = match start {
        None => Value::Int(0),
        Some(v) => {
            let name = vm.names.__index__.clone();
            let is_int = matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Int(_)));
            if !is_int && vm.lookup_special(&v, &name).is_none() {
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&v))));
            }
            vm.index(&v)?
        }
    };
    let it = vm.iter(&iterable)?;
    Ok(new_of(vm, &cls, IterState::Enumerate { it, count }))
}

fn zip_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args, "zip")?;
    let mut strict = false;
    for (k, v) in args.kwargs {
        let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        if ks == "strict" {
            strict = vm.is_true(v)?;
        } else {
            return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{}'", ks)));
        }
    }
    let mut its = Vec::with_capacity(args.args.len().saturating_sub(1));
    for (i, a) in args.args[1..].iter().enumerate() {
        let _ = i;
        its.push(vm.iter(a)?);
    }
    let _ = is_exact(&cls, |t| &t.zip);
    Ok(new_of(vm, &cls, IterState::Zip { its, strict }))
}

#[allow(dead_code)]
fn is_iterable(vm: &mut Vm, v: &Value) -> bool {
    let n = vm.names.__iter__.clone();
    let g = vm.names.__getitem__.clone();
    vm.lookup_special(v, &n).is_some() || vm.lookup_special(v, &g).is_some()
}

fn map_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args, "map")?;
    if !args.kwargs.is_empty() && is_exact(&cls, |t| &t.map) {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    let rest = &args.args[1..];
    if rest.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let func = rest[0].clone();
    let mut its = Vec::with_capacity(rest.len() - 1);
    for a in &rest[1..] {
        its.push(vm.iter(a)?);
    }
    Ok(new_of(vm, &cls, IterState::Map { func, its }))
}

fn filter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args, "filter")?;
    if !args.kwargs.is_empty() && is_exact(&cls, |t| &t.filter) {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    let rest = &args.args[1..];
    if rest.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", rest.len())));
    }
    let it = vm.iter(&rest[1])?;
    Ok(new_of(vm, &cls, IterState::Filter { func: rest[0].clone(), it }))
}

fn reversed_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(vm, &args, "reversed")?;
    if !args.kwargs.is_empty() && is_exact(&cls, |t| &t.reversed) {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    let rest = &args.args[1..];
    if rest.len() != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", rest.len())));
    }
    let seq = rest[0].clone();
    let rname = vm.names.__reversed__.clone();
    match vm.lookup_special(&seq, &rname) {
        Some(Value::None) => {
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
        }
        Some(_) => {
            return Ok(vm.call_special(&seq, &rname, &[])?.unwrap_or(Value::None));
        }
        None => {}
    }
    let gi = vm.names.__getitem__.clone();
    let is_dict = matches!(seq.as_obj().map(|o| &o.payload), Some(Payload::Dict(_)));
    if is_dict || vm.lookup_special(&seq, &gi).is_none() {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
    }
    let n = vm.len(&seq)?;
    Ok(new_of(vm, &cls, IterState::SeqRev { seq, index: n as i64 - 1 }))
}

fn builtin_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("iter() takes no keyword arguments"));
    }
    match args.args.len() {
        0 => Err(vm.type_error("iter expected at least 1 argument, got 0")),
        1 => vm.iter(&args.args[0]),
        2 => {
            let f = args.args[0].clone();
            if !crate::protocol::is_callable(vm, &f) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            let cls = itype(vm, |t| &t.callable_iterator);
            Ok(new_iter(cls, IterState::Callable { func: f, sentinel: args.args[1].clone() }))
        }
        n => Err(vm.type_error(format!("iter expected at most 2 arguments, got {}", n))),
    }
}

fn builtin_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("next() takes no keyword arguments"));
    }
    let n = args.args.len();
    if n == 0 || n > 2 {
        return Err(vm.type_error(if n == 0 {
            "next expected at least 1 argument, got 0".to_string()
        } else {
            format!("next expected at most 2 arguments, got {}", n)
        }));
    }
    let it = &args.args[0];
    if let Some(r) = next_fast(vm, it) {
        return match r? {
            Some(v) => Ok(v),
            None => match args.args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(None)),
            },
        };
    }
    let nn = vm.names.__next__.clone();
    if vm.lookup_special(it, &nn).is_none() {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    match vm.call_special(it, &nn, &[]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it)))),
        Err(e) if n == 2 && vm.err_matches(&e, &vm.exc.stop_iteration.clone()) => Ok(args.args[1].clone()),
        Err(e) => Err(e),
    }
}

/// Length of `range(start, stop, step)` (step != 0). CPython: `compute_range_length`.
pub fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, st) = if step.is_positive() { (start, stop, step.clone()) } else { (stop, start, -step) };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - BigInt::one()) / st + BigInt::one()
}

/// The number of items a builtin range iterator will still yield (`u64::MAX`
/// when beyond i64), or None for other iterators.
pub fn exact_len(it: &Value) -> Option<u64> {
    let Value::Obj(o) = it else { return None };
    let Payload::Iter(cell) = &o.payload else { return None };
    match &*cell.borrow() {
        IterState::Range { remaining, .. } => Some(*remaining),
        IterState::BigRange { remaining, .. } => Some(remaining.to_i64().map(|n| n as u64).unwrap_or(u64::MAX)),
        _ => None,
    }
}
