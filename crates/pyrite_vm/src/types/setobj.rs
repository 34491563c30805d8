//! The set and frozenset types' methods; CPython: Objects/setobject.c.
//! (The hash table itself is in `set.rs`.)
//!
//! Registration table (`init`), on both types unless noted: `__new__`,
//! `__init__` (set), add, discard, remove, pop, clear, update,
//! intersection_update, difference_update, symmetric_difference_update (set),
//! copy, union, intersection, difference, symmetric_difference, isdisjoint,
//! issubset, issuperset, `__len__`, `__contains__`, `__iter__`, `__repr__`,
//! `__eq__` `__ne__` `__lt__` `__le__` `__gt__` `__ge__`, `__or__` `__and__`
//! `__sub__` `__xor__` and reflected forms, `__ior__` `__iand__` `__isub__`
//! `__ixor__` (set), `__hash__` (frozenset; None for set), `__reduce__`,
//! `__class_getitem__`, `__sizeof__`.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::function::{Args, NativeFn};
use crate::types::list::{repr_enter, repr_leave};
use crate::types::set::{self, set_cell, SetData};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::CompareOp;
use std::cell::RefCell;
use std::rc::Rc;

/// Registers set's and frozenset's methods.
pub fn init(vm: &mut Vm) {
    let common: &[(&'static str, NativeFn)] = &[
        ("copy", set_copy_m),
        ("union", set_union),
        ("intersection", set_intersection_m),
        ("difference", set_difference_m),
        ("symmetric_difference", set_symdiff_m),
        ("isdisjoint", set_isdisjoint),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("__repr__", set_repr),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
        ("__or__", set_or),
        ("__and__", set_and),
        ("__sub__", set_sub),
        ("__xor__", set_xor),
        ("__ror__", set_ror),
        ("__rand__", set_rand),
        ("__rsub__", set_rsub),
        ("__rxor__", set_rxor),
        ("__reduce__", set_reduce),
        ("__sizeof__", set_sizeof),
    ];
    let st = vm.types.set.clone();
    let ft = vm.types.frozenset.clone();
    vm.add_methods(&st, common);
    vm.add_methods(&ft, common);
    vm.add_staticmethods(&st, &[("__new__", set_new)]);
    vm.add_staticmethods(&ft, &[("__new__", frozenset_new)]);
    vm.add_methods(
        &st,
        &[
            ("__init__", set_init),
            ("add", set_add),
            ("discard", set_discard),
            ("remove", set_remove),
            ("pop", set_pop),
            ("clear", set_clear),
            ("update", set_update),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            ("symmetric_difference_update", set_symdiff_update),
            ("__ior__", set_ior),
            ("__iand__", set_iand),
            ("__isub__", set_isub),
            ("__ixor__", set_ixor),
        ],
    );
    vm.add_methods(&ft, &[("__hash__", frozenset_hash)]);
    vm.type_set_attr_raw(&st, "__hash__", Value::None);
    vm.add_classmethods(&st, &[("__class_getitem__", crate::types::list::class_getitem)]);
    vm.add_classmethods(&ft, &[("__class_getitem__", crate::types::list::class_getitem)]);
}

fn is_frozen(v: &Value) -> bool {
    set_cell(v).map(|s| s.borrow().frozen).unwrap_or(false)
}

fn this<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a RefCell<SetData>> {
    match args.args.first() {
        Some(v) => match set_cell(v) {
            Some(s) => Ok(s),
            None => Err(vm.type_error(format!(
                "descriptor '{}' for 'set' objects doesn't apply to a '{}' object",
                name,
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("descriptor '{}' of 'set' object needs an argument", name))),
    }
}

fn one_arg<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a Value> {
    let a = crate::types::list::check_method_args(vm, args, name, 1, 1)?;
    Ok(&a[0])
}

/// A new empty set or frozenset of exact type.
pub fn new_empty(vm: &mut Vm, frozen: bool) -> PyRef {
    let cls = if frozen { vm.types.frozenset.clone() } else { vm.types.set.clone() };
    PyObject::new(cls, Payload::Set(RefCell::new(SetData::new(frozen))))
}

fn cell_of(o: &PyRef) -> &RefCell<SetData> {
    match &o.payload {
        Payload::Set(s) => s,
        _ => unreachable_set(),
    }
}

#[cold]
fn unreachable_set() -> &'static RefCell<SetData> {
    // Only called on objects this file created with a Set payload.
    thread_local! {
        static EMPTY: &'static RefCell<SetData> = Box::leak(Box::new(RefCell::new(SetData::new(false))));
    }
    EMPTY.with(|e| *e)
}

/// A new set/frozenset (the base type of `like`) holding the items of `src`.
fn copy_of(vm: &mut Vm, src: &RefCell<SetData>, frozen: bool) -> PyResult<PyRef> {
    let r = new_empty(vm, frozen);
    set::merge(vm, cell_of(&r), src)?;
    Ok(r)
}

/// `set(iterable)` / `frozenset(iterable)` of exact type.
pub fn from_iterable(vm: &mut Vm, it: &Value, frozen: bool) -> PyResult<PyRef> {
    let r = new_empty(vm, frozen);
    set::update_internal(vm, cell_of(&r), it)?;
    Ok(r)
}

/// Hash of a key for set lookup; an unhashable set key is looked up as a
/// frozenset (CPython's `set_contains`/`set_discard` retry).
fn lookup_key(vm: &mut Vm, key: &Value) -> PyResult<(Value, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) => {
            if vm.err_matches(&e, &vm.exc.type_error.clone()) {
                if let Some(s) = set_cell(key) {
                    if !s.borrow().frozen {
                        let f = copy_of(vm, s, true)?;
                        let fv = Value::Obj(f);
                        let h = vm.hash(&fv)?;
                        return Ok((fv, h));
                    }
                }
            }
            Err(e)
        }
    }
}

fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.args.first() else {
        return Err(vm.type_error("set.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    if Rc::ptr_eq(&cls, &vm.types.set) {
        return Ok(Value::Obj(new_empty(vm, false)));
    }
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &cls, Payload::Set(RefCell::new(SetData::new(false))))))
}

fn set_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__init__")?;
    let exact = matches!(&args.args[0], Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.set));
    if !args.kwargs.is_empty() && exact {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    let rest = &args.args[1..];
    if rest.len() > 1 {
        return Err(vm.type_error(format!("set expected at most 1 argument, got {}", rest.len())));
    }
    if s.borrow().used > 0 {
        set::clear(s);
    }
    if let Some(it) = rest.first() {
        set::update_internal(vm, s, it)?;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.args.first() else {
        return Err(vm.type_error("frozenset.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let exact = Rc::ptr_eq(&cls, &vm.types.frozenset);
    if !args.kwargs.is_empty() && exact {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    let rest = &args.args[1..];
    if rest.len() > 1 {
        return Err(vm.type_error(format!("frozenset expected at most 1 argument, got {}", rest.len())));
    }
    if exact {
        if let Some(Value::Obj(o)) = rest.first() {
            if Rc::ptr_eq(o.class(), &vm.types.frozenset) {
                return Ok(rest[0].clone());
            }
        }
    }
    let data = RefCell::new(SetData::new(true));
    if let Some(it) = rest.first() {
        set::update_internal(vm, &data, it)?;
    }
    if exact {
        return Ok(Value::Obj(PyObject::new(cls, Payload::Set(data))));
    }
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &cls, Payload::Set(data))))
}

fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "add")?;
    let k = one_arg(vm, &args, "set.add")?;
    set::add_key(vm, s, k.clone())?;
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "discard")?;
    let k = one_arg(vm, &args, "set.discard")?;
    let (k, h) = lookup_key(vm, k)?;
    set::discard_entry(vm, s, &k, h)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "remove")?;
    let k0 = one_arg(vm, &args, "set.remove")?;
    let (k, h) = lookup_key(vm, k0)?;
    if !set::discard_entry(vm, s, &k, h)? {
        return Err(vm.key_error(k0.clone()));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "pop")?;
    crate::types::list::check_method_args(vm, &args, "set.pop", 0, 0)?;
    match set::pop_entry(s) {
        Some(v) => Ok(v),
        None => {
            let m = vm.new_str("pop from an empty set");
            Err(vm.key_error(m))
        }
    }
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "clear")?;
    crate::types::list::check_method_args(vm, &args, "set.clear", 0, 0)?;
    set::clear(s);
    Ok(Value::None)
}

fn no_kwargs(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "update")?;
    no_kwargs(vm, &args, "set.update")?;
    for o in &args.args[1..] {
        set::update_internal(vm, s, o)?;
    }
    Ok(Value::None)
}

/// `set_intersection(so, other)`: a new set of the base type of `so`.
fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<PyRef> {
    let Some(s) = set_cell(so) else { return Err(vm.system_error("bad set")) };
    let frozen = s.borrow().frozen;
    if so.is(other) {
        return copy_of(vm, s, frozen);
    }
    let result = new_empty(vm, frozen);
    let rc = cell_of(&result);
    if let Some(o) = set_cell(other) {
        let (small, big) = if o.borrow().len() > s.borrow().len() { (s, o) } else { (o, s) };
        let entries = small.borrow().hashed_entries();
        for (h, k) in entries {
            if set::contains_entry(vm, big, &k, h)? {
                set::add_entry(vm, rc, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if set::contains_entry(vm, s, &k, h)? {
            set::add_entry(vm, rc, k, h)?;
        }
    }
    Ok(result)
}

fn intersection_multi(vm: &mut Vm, args: &Args) -> PyResult<PyRef> {
    let so = &args.args[0];
    let Some(s) = set_cell(so) else { return Err(vm.system_error("bad set")) };
    let frozen = s.borrow().frozen;
    if args.args.len() == 1 {
        return copy_of(vm, s, frozen);
    }
    let mut result = so.clone();
    for o in &args.args[1..] {
        result = Value::Obj(intersection(vm, &result, o)?);
    }
    match result {
        Value::Obj(r) if !result_is_self(&r, so) => Ok(r),
        _ => copy_of(vm, s, frozen),
    }
}

fn result_is_self(r: &PyRef, so: &Value) -> bool {
    matches!(so, Value::Obj(o) if Rc::ptr_eq(o, r))
}

fn set_intersection_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "intersection")?;
    no_kwargs(vm, &args, "set.intersection")?;
    Ok(Value::Obj(intersection_multi(vm, &args)?))
}

fn swap_bodies(a: &RefCell<SetData>, b: &RefCell<SetData>) {
    let mut x = a.borrow_mut();
    let mut y = b.borrow_mut();
    let fa = x.frozen;
    let fb = y.frozen;
    std::mem::swap(&mut *x, &mut *y);
    x.frozen = fa;
    y.frozen = fb;
    x.version = x.version.max(y.version) + 1;
    x.hash = None;
}

fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "intersection_update")?;
    no_kwargs(vm, &args, "set.intersection_update")?;
    let tmp = intersection_multi(vm, &args)?;
    swap_bodies(s, cell_of(&tmp));
    Ok(Value::None)
}

/// `set_difference_update_internal`.
fn difference_update_internal(vm: &mut Vm, so: &Value, s: &RefCell<SetData>, other: &Value) -> PyResult<()> {
    if so.is(other) {
        set::clear(s);
        return Ok(());
    }
    if let Some(o) = set_cell(other) {
        let entries = o.borrow().hashed_entries();
        for (h, k) in entries {
            set::discard_entry(vm, s, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            let (k, h) = lookup_key(vm, &k)?;
            set::discard_entry(vm, s, &k, h)?;
        }
    }
    let mut d = s.borrow_mut();
    if d.fill - d.used > d.table_mask() / 4 {
        let n = if d.used > 50000 { d.used * 2 } else { d.used * 4 };
        d.resize(n);
    }
    Ok(())
}

fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "difference_update")?;
    no_kwargs(vm, &args, "set.difference_update")?;
    for o in &args.args[1..] {
        difference_update_internal(vm, &args.args[0], s, o)?;
    }
    Ok(Value::None)
}

/// `set_difference(so, other)`.
fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<PyRef> {
    let Some(s) = set_cell(so) else { return Err(vm.system_error("bad set")) };
    let frozen = s.borrow().frozen;
    let other_size = if let Some(o) = set_cell(other) {
        Some(o.borrow().len())
    } else {
        match other {
            Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.dict) => match &o.payload {
                Payload::Dict(d) => Some(d.borrow().len()),
                _ => None,
            },
            _ => None,
        }
    };
    let copy_and_diff = match other_size {
        None => true,
        Some(n) => (s.borrow().len() >> 2) > n,
    };
    if copy_and_diff {
        let r = copy_of(vm, s, frozen)?;
        let rv = Value::Obj(r.clone());
        difference_update_internal(vm, &rv, cell_of(&r), other)?;
        return Ok(r);
    }
    let result = new_empty(vm, frozen);
    let rc = cell_of(&result);
    let entries = s.borrow().hashed_entries();
    for (h, k) in entries {
        let present = match set_cell(other) {
            Some(o) => set::contains_entry(vm, o, &k, h)?,
            None => match other {
                Value::Obj(d) => vm.dict_get_item(d, &k)?.is_some(),
                _ => false,
            },
        };
        if !present {
            set::add_entry(vm, rc, k, h)?;
        }
    }
    Ok(result)
}

fn set_difference_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "difference")?;
    no_kwargs(vm, &args, "set.difference")?;
    let frozen = s.borrow().frozen;
    if args.args.len() == 1 {
        return Ok(Value::Obj(copy_of(vm, s, frozen)?));
    }
    let r = difference(vm, &args.args[0], &args.args[1])?;
    let rv = Value::Obj(r.clone());
    for o in &args.args[2..] {
        difference_update_internal(vm, &rv, cell_of(&r), o)?;
    }
    Ok(rv)
}

/// `set_symmetric_difference_update(so, other)`.
fn symdiff_update(vm: &mut Vm, so: &Value, s: &RefCell<SetData>, other: &Value) -> PyResult<()> {
    if so.is(other) {
        set::clear(s);
        return Ok(());
    }
    let entries: Vec<(i64, Value)> = match other {
        Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.dict) => match &o.payload {
            Payload::Dict(d) => d.borrow().iter().map(|e| (e.hash, e.key.clone())).collect(),
            _ => Vec::new(),
        },
        _ => match set_cell(other) {
            Some(o) => o.borrow().hashed_entries(),
            None => {
                let frozen = s.borrow().frozen;
                let tmp = from_iterable(vm, other, frozen)?;
                let e = cell_of(&tmp).borrow().hashed_entries();
                e
            }
        },
    };
    for (h, k) in entries {
        if !set::discard_entry(vm, s, &k, h)? {
            set::add_entry(vm, s, k, h)?;
        }
    }
    Ok(())
}

fn set_symdiff_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "symmetric_difference_update")?;
    let o = one_arg(vm, &args, "set.symmetric_difference_update")?;
    symdiff_update(vm, &args.args[0], s, o)?;
    Ok(Value::None)
}

/// `set_symmetric_difference(so, other)`.
fn symdiff(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<PyRef> {
    let Some(s) = set_cell(so) else { return Err(vm.system_error("bad set")) };
    let frozen = s.borrow().frozen;
    let r = from_iterable(vm, other, frozen)?;
    let rv = Value::Obj(r.clone());
    symdiff_update(vm, &rv, cell_of(&r), so)?;
    Ok(r)
}

fn set_symdiff_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "symmetric_difference")?;
    let o = one_arg(vm, &args, "set.symmetric_difference")?;
    Ok(Value::Obj(symdiff(vm, &args.args[0], o)?))
}

fn set_copy_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "copy")?;
    crate::types::list::check_method_args(vm, &args, "set.copy", 0, 0)?;
    let frozen = s.borrow().frozen;
    if frozen {
        if let Value::Obj(o) = &args.args[0] {
            if Rc::ptr_eq(o.class(), &vm.types.frozenset) {
                return Ok(args.args[0].clone());
            }
        }
    }
    Ok(Value::Obj(copy_of(vm, s, frozen)?))
}

fn set_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "union")?;
    no_kwargs(vm, &args, "set.union")?;
    let frozen = s.borrow().frozen;
    let r = copy_of(vm, s, frozen)?;
    for o in &args.args[1..] {
        if o.is(&args.args[0]) {
            continue;
        }
        set::update_internal(vm, cell_of(&r), o)?;
    }
    Ok(Value::Obj(r))
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "isdisjoint")?;
    let other = one_arg(vm, &args, "set.isdisjoint")?;
    if args.args[0].is(other) {
        return Ok(Value::Bool(s.borrow().is_empty()));
    }
    if let Some(o) = set_cell(other) {
        let (small, big) = if o.borrow().len() > s.borrow().len() { (s, o) } else { (o, s) };
        let entries = small.borrow().hashed_entries();
        for (h, k) in entries {
            if set::contains_entry(vm, big, &k, h)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if set::contains_entry(vm, s, &k, h)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn is_subset(vm: &mut Vm, s: &RefCell<SetData>, o: &RefCell<SetData>) -> PyResult<bool> {
    if s.borrow().len() > o.borrow().len() {
        return Ok(false);
    }
    let entries = s.borrow().hashed_entries();
    for (h, k) in entries {
        if !set::contains_entry(vm, o, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "issubset")?;
    let other = one_arg(vm, &args, "set.issubset")?;
    if let Some(o) = set_cell(other) {
        return Ok(Value::Bool(is_subset(vm, s, o)?));
    }
    let tmp = from_iterable(vm, other, false)?;
    Ok(Value::Bool(is_subset(vm, s, cell_of(&tmp))?))
}

fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "issuperset")?;
    let other = one_arg(vm, &args, "set.issuperset")?;
    if let Some(o) = set_cell(other) {
        return Ok(Value::Bool(is_subset(vm, o, s)?));
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let (k, h) = lookup_key(vm, &k)?;
        if !set::contains_entry(vm, s, &k, h)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__len__")?;
    let n = s.borrow().len();
    Ok(Value::Int(n as i64))
}

fn set_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__contains__")?;
    let k = one_arg(vm, &args, "set.__contains__")?;
    let (k, h) = lookup_key(vm, k)?;
    Ok(Value::Bool(set::contains_entry(vm, s, &k, h)?))
}

fn set_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__iter__")?;
    let Value::Obj(o) = &args.args[0] else { return Ok(Value::None) };
    Ok(crate::types::iter::new_set_iter(vm, o))
}

fn set_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__repr__")?;
    let Value::Obj(o) = &args.args[0] else { return Ok(Value::None) };
    let name = vm.type_name(&args.args[0]);
    let exact_set = Rc::ptr_eq(o.class(), &vm.types.set);
    let keys = s.borrow().keys();
    if keys.is_empty() {
        return Ok(vm.new_str(&format!("{}()", name)));
    }
    if !repr_enter(o) {
        return Ok(vm.new_str(&format!("{}(...)", name)));
    }
    let mut out = Vec::new();
    if !exact_set {
        out.extend_from_slice(name.as_bytes());
        out.push(b'(');
    }
    out.push(b'{');
    let r = crate::types::list::join_reprs(vm, &keys, &mut out);
    repr_leave(o);
    r?;
    out.push(b'}');
    if !exact_set {
        out.push(b')');
    }
    Ok(crate::types::list::str_from_bytes(vm, out))
}

fn set_cmp(vm: &mut Vm, args: Args, op: CompareOp) -> PyResult<Value> {
    let s = this(vm, &args, crate::types::list::cmp_dunder(op))?;
    let other = one_arg(vm, &args, "set.__eq__")?;
    let Some(o) = set_cell(other) else { return Ok(vm.not_implemented()) };
    let (ls, lo) = (s.borrow().len(), o.borrow().len());
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = if ls != lo {
                false
            } else {
                let (sh, oh) = {
                    let a = s.borrow();
                    let b = o.borrow();
                    (if a.frozen { a.hash } else { None }, if b.frozen { b.hash } else { None })
                };
                match (sh, oh) {
                    (Some(x), Some(y)) if x != y => false,
                    _ => is_subset(vm, s, o)?,
                }
            };
            if matches!(op, CompareOp::Eq) {
                eq
            } else {
                !eq
            }
        }
        CompareOp::Le => is_subset(vm, s, o)?,
        CompareOp::Ge => is_subset(vm, o, s)?,
        CompareOp::Lt => ls < lo && is_subset(vm, s, o)?,
        CompareOp::Gt => ls > lo && is_subset(vm, o, s)?,
    };
    Ok(Value::Bool(r))
}

fn set_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_cmp(vm, a, CompareOp::Eq)
}
fn set_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_cmp(vm, a, CompareOp::Ne)
}
fn set_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_cmp(vm, a, CompareOp::Lt)
}
fn set_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_cmp(vm, a, CompareOp::Le)
}
fn set_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_cmp(vm, a, CompareOp::Gt)
}
fn set_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_cmp(vm, a, CompareOp::Ge)
}

/// The binary operators; `reflected` swaps the operands.
fn binop(vm: &mut Vm, args: Args, which: u8, reflected: bool) -> PyResult<Value> {
    this(vm, &args, "__or__")?;
    let other = one_arg(vm, &args, "set.__or__")?;
    if set_cell(other).is_none() {
        return Ok(vm.not_implemented());
    }
    let (a, b) = if reflected { (other.clone(), args.args[0].clone()) } else { (args.args[0].clone(), other.clone()) };
    let Some(sa) = set_cell(&a) else { return Ok(vm.not_implemented()) };
    let frozen = sa.borrow().frozen;
    let r = match which {
        0 => {
            let r = copy_of(vm, sa, frozen)?;
            if !a.is(&b) {
                set::update_internal(vm, cell_of(&r), &b)?;
            }
            r
        }
        1 => intersection(vm, &a, &b)?,
        2 => difference(vm, &a, &b)?,
        _ => symdiff(vm, &a, &b)?,
    };
    Ok(Value::Obj(r))
}

fn set_or(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, 0, false)
}
fn set_and(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, 1, false)
}
fn set_sub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, 2, false)
}
fn set_xor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, 3, false)
}
fn set_ror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, 0, true)
}
fn set_rand(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, 1, true)
}
fn set_rsub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, 2, true)
}
fn set_rxor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, 3, true)
}

fn inplace(vm: &mut Vm, args: Args, which: u8) -> PyResult<Value> {
    let s = this(vm, &args, "__ior__")?;
    let other = one_arg(vm, &args, "set.__ior__")?;
    if set_cell(other).is_none() {
        return Ok(vm.not_implemented());
    }
    match which {
        0 => set::update_internal(vm, s, other)?,
        1 => {
            let tmp = intersection(vm, &args.args[0], other)?;
            swap_bodies(s, cell_of(&tmp));
        }
        2 => difference_update_internal(vm, &args.args[0], s, other)?,
        _ => symdiff_update(vm, &args.args[0], s, other)?,
    }
    Ok(args.args[0].clone())
}

fn set_ior(vm: &mut Vm, a: Args) -> PyResult<Value> {
    inplace(vm, a, 0)
}
fn set_iand(vm: &mut Vm, a: Args) -> PyResult<Value> {
    inplace(vm, a, 1)
}
fn set_isub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    inplace(vm, a, 2)
}
fn set_ixor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    inplace(vm, a, 3)
}

fn frozenset_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__hash__")?;
    let mut d = s.borrow_mut();
    if let Some(h) = d.hash {
        return Ok(Value::Int(h));
    }
    let h = set::frozenset_hash(&d);
    d.hash = Some(h);
    Ok(Value::Int(h))
}

fn set_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__reduce__")?;
    let keys = s.borrow().keys();
    let l = vm.new_list(keys);
    let t = vm.new_tuple(vec![l]);
    let cls = Value::Obj(vm.type_of(&args.args[0]));
    let d = match &args.args[0] {
        Value::Obj(o) => o.dict.borrow().clone().map(Value::Obj).unwrap_or(Value::None),
        _ => Value::None,
    };
    Ok(vm.new_tuple(vec![cls, t, d]))
}

fn set_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__sizeof__")?;
    let n = s.borrow().table.len();
    Ok(Value::Int(if n > 8 { 200 + 16 * n as i64 } else { 200 }))
}

/// True if `v` is a set or frozenset (or subclass instance).
pub fn is_anyset(v: &Value) -> bool {
    set_cell(v).is_some()
}

/// Frozen flag of a set value.
pub fn frozen(v: &Value) -> bool {
    is_frozen(v)
}
