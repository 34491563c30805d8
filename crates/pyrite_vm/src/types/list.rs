//! The list type; CPython: Objects/listobject.c.
//!
//! Registration table (`init`): `__new__`, `__init__`, append, extend, insert,
//! remove, pop, index, count, clear, copy, reverse, sort, `__getitem__`,
//! `__setitem__`, `__delitem__`, `__len__`, `__contains__`, `__iter__`,
//! `__reversed__`, `__repr__`, `__eq__` `__ne__` `__lt__` `__le__` `__gt__` `__ge__`,
//! `__add__`, `__iadd__`, `__mul__`, `__rmul__`, `__imul__`, `__class_getitem__`,
//! `__sizeof__`, `__hash__` = None.
//!
//! Also the helpers shared by the other sequence and container types: the
//! repr recursion guard, index/slice resolution, repeat counts, and
//! lexicographic comparison.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::function::Args;
use crate::types::slice::{self, Resolved};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::CompareOp;
use std::cell::RefCell;
use std::rc::Rc;

/// How many elements ahead of an iteration step `prefetch_ahead` fetches objects.
const PREFETCH_OBJECT_DISTANCE: usize = 12;
/// How many elements ahead it fetches the text of strs (whose objects were
/// fetched `PREFETCH_OBJECT_DISTANCE - PREFETCH_TEXT_DISTANCE` steps earlier).
const PREFETCH_TEXT_DISTANCE: usize = 6;

/// Hints the memory of the elements a sequential iteration over `items` will
/// reach soon (the element objects, and the text of strs) into the cache.
/// Iterating a long list of distinct objects otherwise waits for each object's
/// cache lines in turn. Only reads memory; no effect on behaviour.
#[inline(always)]
pub fn prefetch_ahead(items: &[Value], index: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        if let Some(Value::Obj(o)) = items.get(index.wrapping_add(PREFETCH_OBJECT_DISTANCE)) {
            // The allocation starts with the two reference counts.
            let start = (Rc::as_ptr(o) as *const i8).wrapping_sub(2 * std::mem::size_of::<usize>());
            let size = std::mem::size_of::<PyObject>() + 2 * std::mem::size_of::<usize>();
            let mut off = 0;
            while off < size {
                // SAFETY: a prefetch is a hint; it never faults nor reads into the program.
                unsafe { _mm_prefetch(start.wrapping_add(off), _MM_HINT_T0) };
                off += 64;
            }
            // SAFETY: as above.
            unsafe { _mm_prefetch(start.wrapping_add(size - 1), _MM_HINT_T0) };
        }
        if let Some(Value::Obj(o)) = items.get(index.wrapping_add(PREFETCH_TEXT_DISTANCE)) {
            if let Payload::Str(s) = &o.payload {
                let text = s.as_wtf8();
                // SAFETY: as above.
                unsafe { _mm_prefetch(text.as_ptr() as *const i8, _MM_HINT_T0) };
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (items, index);
}

/// Registers list's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.list.clone();
    vm.add_staticmethods(&t, &[("__new__", list_new)]);
    vm.add_methods(
        &t,
        &[
            ("__init__", list_init),
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("remove", list_remove),
            ("pop", list_pop),
            ("index", list_index),
            ("count", list_count),
            ("clear", list_clear),
            ("copy", list_copy),
            ("reverse", list_reverse),
            ("sort", crate::types::sort::list_sort),
            ("__getitem__", list_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__len__", list_len),
            ("__contains__", list_contains),
            ("__iter__", list_iter),
            ("__reversed__", list_reversed),
            ("__repr__", list_repr),
            ("__eq__", list_eq),
            ("__ne__", list_ne),
            ("__lt__", list_lt),
            ("__le__", list_le),
            ("__gt__", list_gt),
            ("__ge__", list_ge),
            ("__add__", list_add),
            ("__iadd__", list_iadd),
            ("__mul__", list_mul),
            ("__rmul__", list_rmul),
            ("__imul__", list_imul),
            ("__sizeof__", list_sizeof),
        ],
    );
    vm.add_classmethods(&t, &[("__class_getitem__", class_getitem)]);
    vm.type_set_attr_raw(&t, "__hash__", Value::None);
}

/// `cls[item]` for builtin generic classes: returns the class itself.
pub fn class_getitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

// ----- shared helpers ---------------------------------------------------------

thread_local! {
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// CPython's `Py_ReprEnter`: false if `o`'s repr is already being computed
/// (the caller then prints `[...]` / `{...}`).
pub fn repr_enter(o: &PyRef) -> bool {
    let id = Rc::as_ptr(o) as *const u8 as usize;
    REPR_ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if a.contains(&id) {
            false
        } else {
            a.push(id);
            true
        }
    })
}

/// CPython's `Py_ReprLeave`.
pub fn repr_leave(o: &PyRef) {
    let id = Rc::as_ptr(o) as *const u8 as usize;
    REPR_ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if let Some(p) = a.iter().rposition(|x| *x == id) {
            a.remove(p);
        }
    });
}

/// Joins the reprs of `items` with ", ".
pub fn join_reprs(vm: &mut Vm, items: &[Value], out: &mut Vec<u8>) -> PyResult<()> {
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        let r = vm.repr(it)?;
        if let Some(s) = r.as_str() {
            out.extend_from_slice(s.as_wtf8());
        }
    }
    Ok(())
}

/// A new str from WTF-8 bytes.
pub fn str_from_bytes(vm: &mut Vm, b: Vec<u8>) -> Value {
    vm.new_str_data(crate::types::str::PyStr::from_wtf8(b))
}

/// A subscript of a sequence: an index or a resolved slice.
pub enum SeqKey {
    Index(i64),
    Slice(Resolved),
}

/// Classifies a subscript for a sequence of `len` items (`what` names the type
/// in "list indices must be integers or slices, not str").
pub fn seq_key(vm: &mut Vm, key: &Value, len: usize, what: &str) -> PyResult<SeqKey> {
    match key {
        Value::Int(i) => return Ok(SeqKey::Index(*i)),
        Value::Bool(b) => return Ok(SeqKey::Index(*b as i64)),
        Value::Obj(o) => {
            if let Payload::Slice { .. } = &o.payload {
                return Ok(SeqKey::Slice(slice::resolve_slice(vm, key, len)?));
            }
        }
        _ => {}
    }
    let name = vm.names.__index__.clone();
    let is_int = matches!(key.as_obj().map(|o| &o.payload), Some(Payload::Int(_)));
    if !is_int && vm.lookup_special(key, &name).is_none() {
        return Err(vm.type_error(format!("{} indices must be integers or slices, not {}", what, vm.type_name(key))));
    }
    match vm.index(key)? {
        Value::Int(i) => Ok(SeqKey::Index(i)),
        _ => {
            let c = vm.exc.index_error.clone();
            Err(vm.new_exception_msg(&c, &format!("cannot fit '{}' into an index-sized integer", vm.type_name(key))))
        }
    }
}

/// Normalises a possibly negative index; None if out of range.
#[inline]
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        None
    } else {
        Some(j as usize)
    }
}

/// A repeat count for `seq * n`: Ok(None) if `n` is not an integer (the
/// caller returns NotImplemented or raises "can't multiply sequence").
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    match n {
        Value::Int(i) => return Ok(Some(*i)),
        Value::Bool(b) => return Ok(Some(*b as i64)),
        _ => {}
    }
    let name = vm.names.__index__.clone();
    let is_int = matches!(n.as_obj().map(|o| &o.payload), Some(Payload::Int(_)));
    if !is_int && vm.lookup_special(n, &name).is_none() {
        return Ok(None);
    }
    match vm.index(n)? {
        Value::Int(i) => Ok(Some(i)),
        _ => Err(vm.overflow_error(format!("cannot fit '{}' into an index-sized integer", vm.type_name(n)))),
    }
}

/// The error or NotImplemented for `seq * x` with a non-integer `x`. When
/// `seq` is the right operand (`__rmul__`) the left one was already tried, so
/// this raises; otherwise it defers to a Python class's `__rmul__`.
pub fn non_int_repeat(vm: &mut Vm, n: &Value, reflected: bool) -> PyResult<Value> {
    let tp = vm.type_of(n);
    let heap = !reflected && tp.as_type().map(|t| t.has_flag(crate::types::typeobj::flags::HEAPTYPE)).unwrap_or(false);
    if heap {
        let rm = vm.names.__rmul__.clone();
        if crate::types::typeobj::lookup(&tp, &rm).is_some() {
            return Ok(vm.not_implemented());
        }
    }
    Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(n))))
}

/// Checks that `len * n` items can be allocated; MemoryError otherwise.
pub fn check_repeat_size(vm: &mut Vm, len: usize, n: i64) -> PyResult<usize> {
    if n <= 0 || len == 0 {
        return Ok(0);
    }
    match len.checked_mul(n as usize) {
        Some(total) if total <= (isize::MAX as usize) / 16 && total < (1usize << 34) => Ok(total),
        _ => Err(vm.memory_error()),
    }
}

/// Repeats `items` `n` times.
pub fn repeat_vec(vm: &mut Vm, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    let total = check_repeat_size(vm, items.len(), n)?;
    let mut out: Vec<Value> = Vec::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.memory_error());
    }
    if total > 0 {
        for _ in 0..n {
            out.extend_from_slice(items);
        }
    }
    Ok(out)
}

/// Lexicographic rich comparison of two sequences (CPython's
/// `list_richcompare`): first differing item by `==`, then `op` on it, else on lengths.
pub fn seq_compare(vm: &mut Vm, a: &[Value], b: &[Value], op: CompareOp) -> PyResult<Value> {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::Bool(matches!(op, CompareOp::Ne)));
    }
    let n = a.len().min(b.len());
    let mut i = 0;
    while i < n {
        if !vm.eq(&a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i >= n {
        let (x, y) = (a.len(), b.len());
        return Ok(Value::Bool(match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        }));
    }
    match op {
        CompareOp::Eq => Ok(Value::Bool(false)),
        CompareOp::Ne => Ok(Value::Bool(true)),
        _ => vm.compare(&a[i], &b[i], op),
    }
}

/// The items of a list object (or list-subclass instance).
#[inline]
pub fn list_cell(v: &Value) -> Option<&RefCell<Vec<Value>>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::List(l) => Some(l),
            _ => None,
        },
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a RefCell<Vec<Value>>> {
    match args.args.first() {
        Some(v) => match list_cell(v) {
            Some(l) => Ok(l),
            None => Err(vm.type_error(format!(
                "descriptor '{}' for 'list' objects doesn't apply to a '{}' object",
                name,
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("descriptor '{}' of 'list' object needs an argument", name))),
    }
}

/// Positional arguments after self, checked like CPython's argument clinic.
#[inline]
fn method_args<'a>(vm: &mut Vm, args: &'a Args, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    let rest = args.args.get(1..).unwrap_or(&[]);
    if args.kwargs.is_empty() && rest.len() >= min && rest.len() <= max {
        return Ok(rest);
    }
    Err(method_args_error(vm, args, name, min, max))
}

#[cold]
#[inline(never)]
fn method_args_error(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> crate::error::PyErr {
    let rest = args.args.get(1..).unwrap_or(&[]);
    if !args.kwargs.is_empty() {
        return vm.type_error(format!("{}() takes no keyword arguments", name));
    }
    let n = rest.len();
    {
        let msg = if min == max && min == 1 {
            format!("{}() takes exactly one argument ({} given)", name, n)
        } else if min == max && min == 0 {
            format!("{}() takes no arguments ({} given)", name, n)
        } else if min == max {
            format!("{} expected {} arguments, got {}", name.rsplit('.').next().unwrap_or(name), min, n)
        } else if n < min {
            format!("{} expected at least {} argument{}, got {}", name.rsplit('.').next().unwrap_or(name), min, if min == 1 { "" } else { "s" }, n)
        } else {
            format!("{} expected at most {} argument{}, got {}", name.rsplit('.').next().unwrap_or(name), max, if max == 1 { "" } else { "s" }, n)
        };
        vm.type_error(msg)
    }
}

/// Checks the positional argument count of a method (public for sibling types).
#[inline]
pub fn check_method_args<'a>(vm: &mut Vm, args: &'a Args, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    method_args(vm, args, name, min, max)
}

/// Collects an iterable for list operations (`extend`, `list(x)`).
pub fn collect_iterable(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Value::Obj(o) = v {
        match &o.payload {
            Payload::List(l) => {
                if Rc::ptr_eq(o.class(), &vm.types.list) {
                    return Ok(l.borrow().clone());
                }
            }
            Payload::Tuple(t) => {
                if Rc::ptr_eq(o.class(), &vm.types.tuple) {
                    return Ok(t.to_vec());
                }
            }
            _ => {}
        }
    }
    let it = vm.iter(v)?;
    let mut out = Vec::new();
    // Preallocate from a builtin iterator's exact length, as CPython does from
    // `__length_hint__`; an impossible size is a MemoryError, not a slow death.
    if let Some(n) = crate::types::iter::exact_len(&it) {
        if n == u64::MAX {
            return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
        }
        if n > (1u64 << 34) || out.try_reserve_exact(n as usize).is_err() {
            return Err(vm.memory_error());
        }
    }
    while let Some(x) = vm.next(&it)? {
        out.push(x);
    }
    Ok(out)
}

// ----- methods ------------------------------------------------------------------

fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.args.first() else {
        return Err(vm.type_error("list.__new__(X): X is not a type object"));
    };
    if cls.as_type().is_none() {
        return Err(vm.type_error(format!("list.__new__(X): X is not a type object ({})", vm.type_name(&args.args[0]))));
    }
    if Rc::ptr_eq(cls, &vm.types.list) {
        return Ok(vm.new_list(Vec::new()));
    }
    let cls = cls.clone();
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &cls, Payload::List(RefCell::new(Vec::new())))))
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__init__")?;
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    let rest = &args.args[1..];
    if rest.len() > 1 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", rest.len())));
    }
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    if let Some(src) = rest.first() {
        let items = collect_iterable(vm, src)?;
        l.borrow_mut().extend(items);
    }
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "append")?;
    let a = method_args(vm, &args, "list.append", 1, 1)?;
    l.borrow_mut().push(a[0].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "extend")?;
    let a = method_args(vm, &args, "list.extend", 1, 1)?;
    let items = collect_iterable(vm, &a[0])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "insert")?;
    let a = method_args(vm, &args, "insert", 2, 2)?;
    let i = index_arg(vm, &a[0])?;
    let mut v = l.borrow_mut();
    let n = v.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(pos as usize, a[1].clone());
    Ok(Value::None)
}

/// An index argument (`__index__`), clamped to i64 like `Py_ssize_t` would
/// raise OverflowError in CPython.
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        _ => match vm.index(v)? {
            Value::Int(i) => Ok(i),
            _ => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
    }
}

/// A start/stop argument of `index()`: slice semantics, clamped.
pub fn slice_bound_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => {
            let name = vm.names.__index__.clone();
            let is_int = matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Int(_)));
            if !is_int && vm.lookup_special(v, &name).is_none() {
                return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
            }
            match vm.index(v)? {
                Value::Int(i) => Ok(i),
                Value::Obj(o) => match &o.payload {
                    Payload::Int(n) if n.sign() == num_bigint::Sign::Minus => Ok(i64::MIN),
                    _ => Ok(i64::MAX),
                },
                _ => Ok(0),
            }
        }
    }
}

/// Resolves `index(x, start, stop)` bounds against `len`.
pub fn index_bounds(vm: &mut Vm, a: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let fix = |x: i64| -> i64 {
        if x < 0 {
            (x.saturating_add(n)).max(0)
        } else {
            x
        }
    };
    let start = match a.get(1) {
        Some(v) => fix(slice_bound_arg(vm, v)?),
        None => 0,
    };
    let stop = match a.get(2) {
        Some(v) => fix(slice_bound_arg(vm, v)?),
        None => i64::MAX,
    };
    Ok((start as usize, stop.min(i64::MAX) as usize))
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "remove")?;
    let a = method_args(vm, &args, "list.remove", 1, 1)?;
    let mut i = 0;
    loop {
        let item = match l.borrow().get(i) {
            Some(x) => x.clone(),
            None => break,
        };
        if vm.eq(&item, &a[0])? {
            let mut v = l.borrow_mut();
            if i < v.len() {
                let old = v.remove(i);
                drop(v);
                drop(old);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "pop")?;
    let a = method_args(vm, &args, "pop", 0, 1)?;
    let i = match a.first() {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let mut v = l.borrow_mut();
    if v.is_empty() {
        drop(v);
        return Err(vm.index_error("pop from empty list"));
    }
    match norm_index(i, v.len()) {
        Some(j) => Ok(v.remove(j)),
        None => {
            drop(v);
            Err(vm.index_error("pop index out of range"))
        }
    }
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "index")?;
    let a = method_args(vm, &args, "index", 1, 3)?;
    let len = l.borrow().len();
    let (start, stop) = index_bounds(vm, a, len)?;
    let mut i = start;
    while i < stop {
        let item = match l.borrow().get(i) {
            Some(x) => x.clone(),
            None => break,
        };
        if vm.eq(&item, &a[0])? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr_string(&a[0])?;
    Err(vm.value_error(format!("{} is not in list", r)))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "count")?;
    let a = method_args(vm, &args, "list.count", 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let item = match l.borrow().get(i) {
            Some(x) => x.clone(),
            None => break,
        };
        if vm.eq(&item, &a[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "clear")?;
    method_args(vm, &args, "list.clear", 0, 0)?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "copy")?;
    method_args(vm, &args, "list.copy", 0, 0)?;
    let items = l.borrow().clone();
    Ok(vm.new_list(items))
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "reverse")?;
    method_args(vm, &args, "list.reverse", 0, 0)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__getitem__")?;
    let a = method_args(vm, &args, "list.__getitem__", 1, 1)?;
    let len = l.borrow().len();
    match seq_key(vm, &a[0], len, "list")? {
        SeqKey::Index(i) => {
            let v = l.borrow();
            match norm_index(i, v.len()) {
                Some(j) => Ok(v[j].clone()),
                None => {
                    drop(v);
                    Err(vm.index_error("list index out of range"))
                }
            }
        }
        SeqKey::Slice(r) => {
            let v = l.borrow();
            let items = slice_items(&v, &r);
            drop(v);
            Ok(vm.new_list(items))
        }
    }
}

/// The items a resolved slice selects (bounds re-checked against `v`).
pub fn slice_items(v: &[Value], r: &Resolved) -> Vec<Value> {
    if r.step == 1 {
        let s = (r.start.max(0) as usize).min(v.len());
        let e = (s + r.len).min(v.len());
        return v[s..e].to_vec();
    }
    (0..r.len).filter_map(|i| v.get(r.at(i)).cloned()).collect()
}

fn list_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__setitem__")?;
    let a = method_args(vm, &args, "list.__setitem__", 2, 2)?;
    let len = l.borrow().len();
    match seq_key(vm, &a[0], len, "list")? {
        SeqKey::Index(i) => {
            let mut v = l.borrow_mut();
            match norm_index(i, v.len()) {
                Some(j) => {
                    let old = std::mem::replace(&mut v[j], a[1].clone());
                    drop(v);
                    drop(old);
                    Ok(Value::None)
                }
                None => {
                    drop(v);
                    Err(vm.index_error("list assignment index out of range"))
                }
            }
        }
        SeqKey::Slice(r) => {
            // The new items are collected first: the source may be the list itself.
            let src = &a[1];
            let items = match list_cell(src) {
                Some(s) => s.borrow().clone(),
                None => {
                    let name = vm.names.__iter__.clone();
                    let gi = vm.names.__getitem__.clone();
                    if vm.lookup_special(src, &name).is_none() && vm.lookup_special(src, &gi).is_none() {
                        return Err(vm.type_error(if r.step == 1 {
                            "can only assign an iterable".to_string()
                        } else {
                            "must assign iterable to extended slice".to_string()
                        }));
                    }
                    collect_iterable(vm, src)?
                }
            };
            assign_slice(vm, l, r, items)?;
            Ok(Value::None)
        }
    }
}

fn assign_slice(vm: &mut Vm, l: &RefCell<Vec<Value>>, r: Resolved, items: Vec<Value>) -> PyResult<()> {
    let mut v = l.borrow_mut();
    if r.step == 1 {
        let n = v.len();
        let s = (r.start.max(0) as usize).min(n);
        let e = (r.stop.max(0) as usize).clamp(s, n);
        let old: Vec<Value> = v.splice(s..e, items).collect();
        drop(v);
        drop(old);
        return Ok(());
    }
    if items.len() != r.len {
        drop(v);
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            items.len(),
            r.len
        )));
    }
    let mut old = Vec::with_capacity(items.len());
    for (i, x) in items.into_iter().enumerate() {
        if let Some(slot) = v.get_mut(r.at(i)) {
            old.push(std::mem::replace(slot, x));
        }
    }
    drop(v);
    drop(old);
    Ok(())
}

/// Deletes the items a resolved slice selects.
pub fn delete_slice(v: &mut Vec<Value>, r: &Resolved) -> Vec<Value> {
    if r.len == 0 {
        return Vec::new();
    }
    if r.step == 1 {
        let s = (r.start.max(0) as usize).min(v.len());
        let e = (s + r.len).min(v.len());
        return v.drain(s..e).collect();
    }
    let mut remove = vec![false; v.len()];
    for i in 0..r.len {
        if let Some(m) = remove.get_mut(r.at(i)) {
            *m = true;
        }
    }
    let mut removed = Vec::with_capacity(r.len);
    let old = std::mem::take(v);
    for (i, x) in old.into_iter().enumerate() {
        if remove[i] {
            removed.push(x);
        } else {
            v.push(x);
        }
    }
    removed
}

fn list_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__delitem__")?;
    let a = method_args(vm, &args, "list.__delitem__", 1, 1)?;
    let len = l.borrow().len();
    match seq_key(vm, &a[0], len, "list")? {
        SeqKey::Index(i) => {
            let mut v = l.borrow_mut();
            match norm_index(i, v.len()) {
                Some(j) => {
                    let old = v.remove(j);
                    drop(v);
                    drop(old);
                    Ok(Value::None)
                }
                None => {
                    drop(v);
                    Err(vm.index_error("list assignment index out of range"))
                }
            }
        }
        SeqKey::Slice(r) => {
            let old = delete_slice(&mut l.borrow_mut(), &r);
            drop(old);
            Ok(Value::None)
        }
    }
}

fn list_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__len__")?;
    let n = l.borrow().len();
    Ok(Value::Int(n as i64))
}

fn list_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__contains__")?;
    let a = method_args(vm, &args, "list.__contains__", 1, 1)?;
    let mut i = 0;
    loop {
        let item = match l.borrow().get(i) {
            Some(x) => x.clone(),
            None => break,
        };
        if vm.eq(&item, &a[0])? {
            return Ok(Value::Bool(true));
        }
        i += 1;
    }
    Ok(Value::Bool(false))
}

fn list_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__iter__")?;
    Ok(crate::types::iter::new_list_iter(vm, args.args[0].clone()))
}

fn list_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__reversed__")?;
    let n = l.borrow().len();
    Ok(crate::types::iter::new_list_reviter(vm, args.args[0].clone(), n))
}

fn list_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__repr__")?;
    let Value::Obj(o) = &args.args[0] else { return Ok(Value::None) };
    if l.borrow().is_empty() {
        return Ok(vm.new_str("[]"));
    }
    if !repr_enter(o) {
        return Ok(vm.new_str("[...]"));
    }
    let mut out = vec![b'['];
    let mut i = 0;
    let r = (|| -> PyResult<()> {
        loop {
            let item = match l.borrow().get(i) {
                Some(x) => x.clone(),
                None => break,
            };
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            let r = vm.repr(&item)?;
            if let Some(s) = r.as_str() {
                out.extend_from_slice(s.as_wtf8());
            }
            i += 1;
        }
        Ok(())
    })();
    repr_leave(o);
    r?;
    out.push(b']');
    Ok(str_from_bytes(vm, out))
}

fn list_cmp(vm: &mut Vm, args: Args, op: CompareOp) -> PyResult<Value> {
    let l = this(vm, &args, cmp_dunder(op))?;
    let a = method_args(vm, &args, "list.__eq__", 1, 1)?;
    let Some(r) = list_cell(&a[0]) else { return Ok(vm.not_implemented()) };
    let x = l.borrow().clone();
    let y = r.borrow().clone();
    seq_compare(vm, &x, &y, op)
}

fn list_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    list_cmp(vm, a, CompareOp::Eq)
}
fn list_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    list_cmp(vm, a, CompareOp::Ne)
}
fn list_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    list_cmp(vm, a, CompareOp::Lt)
}
fn list_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    list_cmp(vm, a, CompareOp::Le)
}
fn list_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    list_cmp(vm, a, CompareOp::Gt)
}
fn list_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    list_cmp(vm, a, CompareOp::Ge)
}

fn list_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__add__")?;
    let a = method_args(vm, &args, "list.__add__", 1, 1)?;
    let Some(r) = list_cell(&a[0]) else {
        return Err(vm.type_error(format!("can only concatenate list (not \"{}\") to list", vm.type_name(&a[0]))));
    };
    let mut items = l.borrow().clone();
    items.extend(r.borrow().iter().cloned());
    Ok(vm.new_list(items))
}

fn list_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__iadd__")?;
    let a = method_args(vm, &args, "list.__iadd__", 1, 1)?;
    let items = collect_iterable(vm, &a[0])?;
    l.borrow_mut().extend(items);
    Ok(args.args[0].clone())
}

fn list_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    list_mul_impl(vm, args, false)
}

fn list_rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    list_mul_impl(vm, args, true)
}

fn list_mul_impl(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    let l = this(vm, &args, "__mul__")?;
    let a = method_args(vm, &args, "list.__mul__", 1, 1)?;
    let Some(n) = repeat_count(vm, &a[0])? else { return non_int_repeat(vm, &a[0], reflected) };
    let items = l.borrow().clone();
    let out = repeat_vec(vm, &items, n)?;
    Ok(vm.new_list(out))
}

fn list_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__imul__")?;
    let a = method_args(vm, &args, "list.__imul__", 1, 1)?;
    let Some(n) = repeat_count(vm, &a[0])? else { return non_int_repeat(vm, &a[0], false) };
    let items = l.borrow().clone();
    let out = repeat_vec(vm, &items, n)?;
    let old = std::mem::replace(&mut *l.borrow_mut(), out);
    drop(old);
    Ok(args.args[0].clone())
}

fn list_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(vm, &args, "__sizeof__")?;
    let n = l.borrow().capacity();
    Ok(Value::Int(40 + 8 * n as i64))
}

/// A new list object of exact type list.
pub fn new_list_obj(vm: &Vm, items: Vec<Value>) -> PyRef {
    PyObject::new(vm.types.list.clone(), Payload::List(RefCell::new(items)))
}

/// The dunder name of a comparison (for error messages).
pub fn cmp_dunder(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    }
}
