//! `_collections`: deque, defaultdict, `_count_elements`; CPython:
//! Modules/_collectionsmodule.c.
//!
//! Registration table (`make_module`): deque (`__new__`, `__init__`, append,
//! appendleft, pop, popleft, extend, extendleft, rotate, clear, copy,
//! `__copy__`, count, index, insert, remove, reverse, `__len__`, `__bool__`,
//! `__getitem__`, `__setitem__`, `__delitem__`, `__contains__`, `__iter__`,
//! `__reversed__`, `__repr__`, comparisons, `__add__`, `__iadd__`, `__mul__`,
//! `__rmul__`, `__imul__`, maxlen); defaultdict (dict subclass: `__init__`,
//! `__missing__`, `__repr__`, copy, `__copy__`; `default_factory` lives in the
//! instance dict); `_count_elements`.
//! Deque iterators (`_deque_iterator`, `_deque_reverse_iterator`) raise
//! RuntimeError when the deque changes length or order during iteration.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::dict::dict_set_str;
use crate::types::function::{Args, NativeFn};
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::CompareOp;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

/// A deque's contents.
pub struct DequeData {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Bumped by every change of length or order; iterators compare it.
    pub state: u64,
}

thread_local! {
    static TYPES: RefCell<Option<(PyRef, PyRef)>> = const { RefCell::new(None) };
}

/// Registers `_collections` as a native module.
pub fn init(vm: &mut Vm) {
    vm.native_modules.insert("_collections", make_module);
}

fn types(vm: &mut Vm) -> (PyRef, PyRef) {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return t;
    }
    let object = vm.types.object.clone();
    let dq = vm.new_builtin_type("deque", "collections", &object, Layout::Opaque, flags::BASETYPE);
    vm.add_staticmethods(&dq, &[("__new__", deque_new)]);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", deque_init),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("rotate", deque_rotate),
        ("clear", deque_clear),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("count", deque_count),
        ("index", deque_index),
        ("insert", deque_insert),
        ("remove", deque_remove),
        ("reverse", deque_reverse),
        ("__len__", deque_len),
        ("__bool__", deque_bool),
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__contains__", deque_contains),
        ("__iter__", deque_iter),
        ("__reversed__", deque_reversed),
        ("__repr__", deque_repr),
        ("__eq__", deque_eq),
        ("__ne__", deque_ne),
        ("__lt__", deque_lt),
        ("__le__", deque_le),
        ("__gt__", deque_gt),
        ("__ge__", deque_ge),
        ("__add__", deque_add),
        ("__iadd__", deque_iadd),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__imul__", deque_imul),
    ];
    vm.add_methods(&dq, methods);
    vm.add_classmethods(&dq, &[("__class_getitem__", class_getitem)]);
    vm.add_getsets(&dq, &[GetSetDef {
        name: "maxlen",
        get: |_, v| Ok(data(v).and_then(|d| d.borrow().maxlen).map(|n| Value::Int(n as i64)).unwrap_or(Value::None)),
        set: None,
    }]);
    if let Some(d) = dq.dict.borrow().as_ref() {
        let k = vm.intern("__hash__");
        dict_set_str(d, &k, Value::None);
    }
    let dict = vm.types.dict.clone();
    let dd = vm.new_builtin_type("defaultdict", "collections", &dict, Layout::Dict, flags::BASETYPE | flags::HAS_DICT);
    vm.add_methods(&dd, &[("__init__", dd_init), ("__missing__", dd_missing), ("__repr__", dd_repr), ("copy", dd_copy), ("__copy__", dd_copy), ("__or__", dd_or), ("__ror__", dd_ror)]);
    TYPES.with(|t| *t.borrow_mut() = Some((dq.clone(), dd.clone())));
    (dq, dd)
}

fn class_getitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    let (dq, dd) = types(vm);
    let m = crate::types::module::new_module(vm, "_collections");
    let d = m.dict.borrow().clone().ok_or_else(|| vm.system_error("module without dict"))?;
    for (name, v) in [("deque", Value::Obj(dq)), ("defaultdict", Value::Obj(dd))] {
        let k = vm.intern(name);
        dict_set_str(&d, &k, v);
    }
    let f = vm.new_builtin("_count_elements", count_elements);
    let k = vm.intern("_count_elements");
    dict_set_str(&d, &k, f);
    Ok(m)
}

fn data(v: &Value) -> Option<&RefCell<DequeData>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => n.downcast_ref::<RefCell<DequeData>>(),
        _ => None,
    }
}

fn dq<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RefCell<DequeData>> {
    match data(v) {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'collections.deque' object but received a '{}'", tn)))
        }
    }
}

fn arg<'a>(vm: &mut Vm, args: &'a Args, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    let got = args.args.len() - 1;
    if got != n {
        let msg = if n == 0 {
            format!("{}() takes no arguments ({} given)", name, got)
        } else {
            format!("{}() takes exactly one argument ({} given)", name, got)
        };
        return Err(vm.type_error(msg));
    }
    Ok(&args.args[1..])
}

fn snapshot(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    Ok(dq(vm, v)?.borrow().items.iter().cloned().collect())
}

fn new_deque(vm: &mut Vm, cls: &PyRef, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    let o = crate::protocol::objecttype::new_instance(vm, cls, Payload::Native(Box::new(RefCell::new(DequeData { items, maxlen, state: 0 }))));
    Value::Obj(o)
}

fn deque_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first().and_then(|c| c.as_obj()) {
        Some(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("deque.__new__(X): X is not a type object")),
    };
    Ok(new_deque(vm, &cls, VecDeque::new(), None))
}

fn deque_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    let pos = &args.args[1..];
    if pos.len() > 2 {
        return Err(vm.type_error(format!("deque expected at most 2 arguments, got {}", pos.len())));
    }
    let kw = crate::builtins::kwargs_of(vm, "deque", args.kwargs, &["iterable", "maxlen"])?;
    let iterable = pos.first().cloned().or_else(|| kw[0].clone());
    let maxlen = pos.get(1).cloned().or_else(|| kw[1].clone());
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.index_i64(&v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    {
        let d = dq(vm, &this)?;
        let mut d = d.borrow_mut();
        d.maxlen = maxlen;
        d.items.clear();
    }
    if let Some(it) = iterable {
        extend(vm, &this, &it, false)?;
    }
    Ok(Value::None)
}

fn push(d: &RefCell<DequeData>, v: Value, left: bool) {
    let mut d = d.borrow_mut();
    d.state = d.state.wrapping_add(1);
    if d.maxlen == Some(0) {
        return;
    }
    if left {
        d.items.push_front(v);
        if Some(d.items.len()) > d.maxlen && d.maxlen.is_some() {
            d.items.pop_back();
        }
    } else {
        d.items.push_back(v);
        if Some(d.items.len()) > d.maxlen && d.maxlen.is_some() {
            d.items.pop_front();
        }
    }
}

fn extend(vm: &mut Vm, this: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    // Extending a deque with itself walks a copy.
    let src = if iterable.as_obj().is_some() && this.as_obj().map(|a| iterable.as_obj().map(|b| std::rc::Rc::ptr_eq(a, b))) == Some(Some(true)) {
        let items = snapshot(vm, this)?;
        vm.new_list(items)
    } else {
        iterable.clone()
    };
    let it = vm.iter(&src)?;
    while let Some(v) = vm.next(&it)? {
        push(dq(vm, this)?, v, left);
    }
    Ok(())
}

fn deque_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "append", 1)?;
    push(dq(vm, &args.args[0])?, a[0].clone(), false);
    Ok(Value::None)
}

fn deque_appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "appendleft", 1)?;
    push(dq(vm, &args.args[0])?, a[0].clone(), true);
    Ok(Value::None)
}

fn deque_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg(vm, &args, "pop", 0)?;
    let r = bumped(dq(vm, &args.args[0])?).items.pop_back();
    r.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg(vm, &args, "popleft", 0)?;
    let r = bumped(dq(vm, &args.args[0])?).items.pop_front();
    r.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "extend", 1)?;
    extend(vm, &args.args[0], &a[0], false)?;
    Ok(Value::None)
}

fn deque_extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "extendleft", 1)?;
    extend(vm, &args.args[0], &a[0], true)?;
    Ok(Value::None)
}

fn deque_rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("rotate expected at most 1 argument, got {}", args.args.len() - 1)));
    }
    let n = match args.args.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    let mut d = bumped(dq(vm, &args.args[0])?);
    let len = d.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    Ok(Value::None)
}

fn deque_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg(vm, &args, "clear", 0)?;
    bumped(dq(vm, &args.args[0])?).items.clear();
    Ok(Value::None)
}

fn deque_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    let (items, maxlen) = {
        let d = dq(vm, this)?.borrow();
        (d.items.clone(), d.maxlen)
    };
    let cls = vm.type_of(this);
    if std::rc::Rc::ptr_eq(&cls, &types(vm).0) {
        return Ok(new_deque(vm, &cls, items, maxlen));
    }
    let list = vm.new_list(items.into_iter().collect());
    let c = Value::Obj(cls);
    match maxlen {
        None => vm.call(&c, &[list], &[]),
        Some(m) => vm.call(&c, &[list, Value::Int(m as i64)], &[]),
    }
}

fn deque_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "count", 1)?;
    let items = snapshot(vm, &args.args[0])?;
    let mut n = 0;
    for v in &items {
        if vm.eq(v, &a[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn norm_index(i: i64, len: usize) -> usize {
    if i < 0 {
        (i + len as i64).max(0) as usize
    } else {
        (i as usize).min(len)
    }
}

fn deque_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() < 2 || args.args.len() > 4 {
        return Err(vm.type_error(format!("index expected at least 1 argument, got {}", args.args.len().saturating_sub(1))));
    }
    let items = snapshot(vm, &args.args[0])?;
    let len = items.len();
    let start = match args.args.get(2) {
        Some(v) => norm_index(vm.index_i64(v)?, len),
        None => 0,
    };
    let stop = match args.args.get(3) {
        Some(v) => norm_index(vm.index_i64(v)?, len),
        None => len,
    };
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, &args.args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr_string(&args.args[1])?;
    Err(vm.value_error(format!("{} is not in deque", r)))
}

fn deque_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.args.len().saturating_sub(1))));
    }
    let i = vm.index_i64(&args.args[1])?;
    let d = dq(vm, &args.args[0])?;
    let full = {
        let d = d.borrow();
        Some(d.items.len()) == d.maxlen
    };
    if full {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let mut d = bumped(d);
    let idx = norm_index(i, d.items.len());
    d.items.insert(idx, args.args[2].clone());
    Ok(Value::None)
}

fn deque_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "remove", 1)?;
    let items = snapshot(vm, &args.args[0])?;
    for (i, v) in items.iter().enumerate() {
        if vm.eq(v, &a[0])? {
            let mut d = bumped(dq(vm, &args.args[0])?);
            if i < d.items.len() {
                d.items.remove(i);
            }
            return Ok(Value::None);
        }
    }
    let r = vm.repr_string(&a[0])?;
    Err(vm.value_error(format!("{} is not in deque", r)))
}

fn deque_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arg(vm, &args, "reverse", 0)?;
    let d = dq(vm, &args.args[0])?;
    let mut d = d.borrow_mut();
    let v: VecDeque<Value> = d.items.drain(..).rev().collect();
    d.items = v;
    Ok(Value::None)
}

fn deque_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(dq(vm, &args.args[0])?.borrow().items.len() as i64))
}

fn deque_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(!dq(vm, &args.args[0])?.borrow().items.is_empty()))
}

fn item_index(vm: &mut Vm, this: &Value, i: &Value) -> PyResult<usize> {
    if !matches!(i, Value::Int(_) | Value::Bool(_)) && { let k = vm.intern("__index__"); vm.get_attr_opt(i, &k)? }.is_none() {
        let tn = vm.type_name(i);
        return Err(vm.type_error(format!("sequence index must be integer, not '{}'", tn)));
    }
    let n = vm.index_i64(i)?;
    let len = dq(vm, this)?.borrow().items.len() as i64;
    let k = if n < 0 { n + len } else { n };
    if k < 0 || k >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(k as usize)
}

fn deque_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "__getitem__", 1)?;
    let k = item_index(vm, &args.args[0], &a[0])?;
    let r = dq(vm, &args.args[0])?.borrow().items.get(k).cloned();
    r.ok_or_else(|| vm.index_error("deque index out of range"))
}

fn deque_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 3 {
        return Err(vm.type_error("expected 2 arguments"));
    }
    let k = item_index(vm, &args.args[0], &args.args[1])?;
    let d = dq(vm, &args.args[0])?;
    if let Some(slot) = d.borrow_mut().items.get_mut(k) {
        *slot = args.args[2].clone();
    }
    Ok(Value::None)
}

fn deque_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "__delitem__", 1)?;
    let k = item_index(vm, &args.args[0], &a[0])?;
    bumped(dq(vm, &args.args[0])?).items.remove(k);
    Ok(Value::None)
}

fn deque_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "__contains__", 1)?;
    let items = snapshot(vm, &args.args[0])?;
    for v in &items {
        if vm.eq(v, &a[0])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn deque_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    deque_iterator(vm, &args.args[0], false)
}

fn deque_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    deque_iterator(vm, &args.args[0], true)
}

/// A forward or reverse iterator over a deque.
struct DequeIter {
    deque: Value,
    index: Cell<usize>,
    state: u64,
    rev: bool,
}

fn deque_iterator(vm: &mut Vm, this: &Value, rev: bool) -> PyResult<Value> {
    let state = dq(vm, this)?.borrow().state;
    let name = if rev { "_deque_reverse_iterator" } else { "_deque_iterator" };
    let t = iter_type(vm, name);
    let it = DequeIter { deque: this.clone(), index: Cell::new(0), state, rev };
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &t, Payload::Native(Box::new(it)))))
}

fn iter_type(vm: &mut Vm, name: &'static str) -> PyRef {
    if let Some(t) = ITER_TYPES.with(|t| t.borrow().iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone())) {
        return t;
    }
    let object = vm.types.object.clone();
    let t = vm.new_builtin_type(name, "collections", &object, Layout::Opaque, flags::IMMUTABLE);
    vm.add_methods(&t, &[("__iter__", dequeiter_iter), ("__next__", dequeiter_next), ("__length_hint__", dequeiter_len)]);
    ITER_TYPES.with(|ts| ts.borrow_mut().push((name, t.clone())));
    t
}

thread_local! {
    static ITER_TYPES: RefCell<Vec<(&'static str, PyRef)>> = const { RefCell::new(Vec::new()) };
}

fn iter_data<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a DequeIter> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => match n.downcast_ref::<DequeIter>() {
            Some(d) => Ok(d),
            None => Err(vm.type_error("expected a deque iterator")),
        },
        _ => Err(vm.type_error("expected a deque iterator")),
    }
}

fn dequeiter_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn dequeiter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = iter_data(vm, &args.args[0])?;
    let d = dq(vm, &it.deque)?;
    let (state, len) = {
        let d = d.borrow();
        (d.state, d.items.len())
    };
    if state != it.state {
        it.index.set(usize::MAX);
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    let i = it.index.get();
    if i >= len {
        return Err(vm.stop_iteration(None));
    }
    let k = if it.rev { len - 1 - i } else { i };
    let v = d.borrow().items.get(k).cloned();
    it.index.set(i + 1);
    v.ok_or_else(|| vm.stop_iteration(None))
}

fn dequeiter_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = iter_data(vm, &args.args[0])?;
    let len = dq(vm, &it.deque)?.borrow().items.len();
    Ok(Value::Int(len.saturating_sub(it.index.get()) as i64))
}

fn bumped(d: &RefCell<DequeData>) -> std::cell::RefMut<'_, DequeData> {
    let mut d = d.borrow_mut();
    d.state = d.state.wrapping_add(1);
    d
}

fn deque_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    let maxlen = dq(vm, this)?.borrow().maxlen;
    let items = snapshot(vm, this)?;
    let name = vm.type_of(this).as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    vm.enter(" while getting the repr of an object")?;
    let list = vm.new_list(items);
    let r = vm.repr_string(&list);
    vm.leave();
    let r = r?;
    let s = match maxlen {
        None => format!("{}({})", name, r),
        Some(m) => format!("{}({}, maxlen={})", name, r, m),
    };
    Ok(vm.new_str(&s))
}

fn compare(vm: &mut Vm, args: &Args, op: CompareOp) -> PyResult<Value> {
    if args.args.len() != 2 || data(&args.args[1]).is_none() {
        return Ok(vm.not_implemented());
    }
    let a = snapshot(vm, &args.args[0])?;
    let b = snapshot(vm, &args.args[1])?;
    let la = vm.new_list(a);
    let lb = vm.new_list(b);
    vm.compare(&la, &lb, op)
}

fn deque_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Eq)
}
fn deque_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Ne)
}
fn deque_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Lt)
}
fn deque_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Le)
}
fn deque_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Gt)
}
fn deque_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CompareOp::Ge)
}

fn deque_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "__add__", 1)?;
    if data(&a[0]).is_none() {
        let tn = vm.type_name(&a[0]);
        return Err(vm.type_error(format!("can only concatenate deque (not \"{}\") to deque", tn)));
    }
    let c = deque_copy(vm, Args { args: &args.args[..1], kwargs: &[] })?;
    extend(vm, &c, &a[0], false)?;
    Ok(c)
}

fn deque_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "__iadd__", 1)?;
    extend(vm, &args.args[0], &a[0], false)?;
    Ok(args.args[0].clone())
}

fn repeat_in_place(vm: &mut Vm, this: &Value, n: &Value) -> PyResult<()> {
    let n = vm.index_i64(n)?;
    let d = dq(vm, this)?;
    let items: Vec<Value> = d.borrow().items.iter().cloned().collect();
    if n <= 0 || items.is_empty() {
        bumped(d).items.clear();
        return Ok(());
    }
    let maxlen = d.borrow().maxlen;
    let total = (items.len() as u128) * (n as u128);
    let keep = match maxlen {
        Some(m) => (m as u128).min(total),
        None => total,
    };
    if keep > (1 << 32) {
        return Err(vm.memory_error());
    }
    let mut out = VecDeque::with_capacity(keep as usize);
    let skip = total - keep;
    let len = items.len() as u128;
    for i in skip..total {
        out.push_back(items[(i % len) as usize].clone());
    }
    bumped(d).items = out;
    Ok(())
}

fn deque_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "__mul__", 1)?;
    if !matches!(a[0], Value::Int(_) | Value::Bool(_)) && { let k = vm.intern("__index__"); vm.get_attr_opt(&a[0], &k)? }.is_none() {
        return Ok(vm.not_implemented());
    }
    let c = deque_copy(vm, Args { args: &args.args[..1], kwargs: &[] })?;
    repeat_in_place(vm, &c, &a[0])?;
    Ok(c)
}

fn deque_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = arg(vm, &args, "__imul__", 1)?;
    if !matches!(a[0], Value::Int(_) | Value::Bool(_)) && { let k = vm.intern("__index__"); vm.get_attr_opt(&a[0], &k)? }.is_none() {
        return Ok(vm.not_implemented());
    }
    repeat_in_place(vm, &args.args[0], &a[0])?;
    Ok(args.args[0].clone())
}

// ----- defaultdict -----

fn factory(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let k = vm.intern("default_factory");
    Ok(vm.get_attr_opt(this, &k)?.unwrap_or(Value::None))
}

fn dd_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    let f = args.args.get(1).cloned().unwrap_or(Value::None);
    if !matches!(f, Value::None) && !crate::protocol::is_callable(vm, &f) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    let k = vm.intern("default_factory");
    vm.set_attr(&this, &k, f)?;
    let init = vm.intern("__init__");
    let dict_init = crate::types::typeobj::lookup(&vm.types.dict.clone(), &init);
    if let Some(di) = dict_init {
        let mut a = vec![this];
        a.extend(args.args.iter().skip(2).cloned());
        vm.call(&di, &a, args.kwargs)?;
    }
    Ok(Value::None)
}

fn dd_missing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error("__missing__() takes exactly one argument"));
    }
    let this = &args.args[0];
    let f = factory(vm, this)?;
    if matches!(f, Value::None) {
        return Err(vm.key_error(args.args[1].clone()));
    }
    let v = vm.call(&f, &[], &[])?;
    vm.set_item(this, &args.args[1], v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    let f = factory(vm, this)?;
    let fr = if matches!(f, Value::None) { "None".to_string() } else { vm.repr_string(&f)? };
    let rname = vm.intern("__repr__");
    let dict_repr = crate::types::typeobj::lookup(&vm.types.dict.clone(), &rname);
    let dr = match dict_repr {
        Some(r) => {
            let v = vm.call(&r, &[this.clone()], &[])?;
            vm.str_string(&v)?
        }
        None => "{}".to_string(),
    };
    let name = vm.type_of(this).as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    Ok(vm.new_str(&format!("{}({}, {})", name, fr, dr)))
}

fn dd_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    let f = factory(vm, this)?;
    let cls = Value::Obj(vm.type_of(this));
    vm.call(&cls, &[f, this.clone()], &[])
}

fn count_elements(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "_count_elements", &args, 2, 2)?;
    let mapping = args.args[0].clone();
    let it = vm.iter(&args.args[1])?;
    let get = vm.intern("get");
    let get = vm.get_attr(&mapping, &get)?;
    while let Some(v) = vm.next(&it)? {
        let old = vm.call(&get, &[v.clone(), Value::Int(0)], &[])?;
        let new = vm.binary_op(&old, &Value::Int(1), pyrite_bytecode::opcode::BinaryOp::Add)?;
        vm.set_item(&mapping, &v, new)?;
    }
    Ok(Value::None)
}

fn is_dict(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Dict(_)))
}

fn dd_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 || !is_dict(&args.args[1]) {
        return Ok(vm.not_implemented());
    }
    let new = dd_copy(vm, Args { args: &args.args[..1], kwargs: &[] })?;
    let upd = vm.intern("update");
    let f = vm.get_attr(&new, &upd)?;
    vm.call(&f, &[args.args[1].clone()], &[])?;
    Ok(new)
}

fn dd_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 || !is_dict(&args.args[1]) {
        return Ok(vm.not_implemented());
    }
    let this = &args.args[0];
    let f = factory(vm, this)?;
    let cls = Value::Obj(vm.type_of(this));
    let new = vm.call(&cls, &[f, args.args[1].clone()], &[])?;
    let upd = vm.intern("update");
    let u = vm.get_attr(&new, &upd)?;
    vm.call(&u, &[this.clone()], &[])?;
    Ok(new)
}
