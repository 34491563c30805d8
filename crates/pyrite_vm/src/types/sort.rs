//! `list.sort` and `sorted`; CPython: Objects/listobject.c (`list_sort_impl`).
//!
//! Stable. Short lists use CPython's exact algorithm (count the initial run,
//! reverse it if strictly descending, then binary insertion), so the order of
//! comparisons and the list's state after a failing comparison match CPython.
//! Longer lists sort runs of 32 by binary insertion and merge them. Every
//! comparison may raise; errors propagate and the list always keeps all its
//! items. While sorting the list is empty; if Python code added items
//! meanwhile, "list modified during sort" is raised.

use crate::error::PyResult;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use crate::object::Payload;
use pyrite_bytecode::opcode::CompareOp;
use std::cmp::Ordering;
use std::rc::Rc;

/// `a < b` for sorting.
#[inline]
fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::protocol::fastops::compare_fast(vm, a, b, CompareOp::Lt) {
        return Ok(r);
    }
    if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
        let tt = &vm.types.tuple;
        if Rc::ptr_eq(x.class(), tt) && Rc::ptr_eq(y.class(), tt) {
            if let (Payload::Tuple(xs), Payload::Tuple(ys)) = (&x.payload, &y.payload) {
                return tuple_lt(vm, xs, ys);
            }
        }
    }
    vm.compare_bool(a, b, CompareOp::Lt)
}

/// `a < b` for two exact tuples, as `tuple.__lt__` (CPython's
/// `unsafe_tuple_compare`): items are compared with `==` up to the first
/// difference, which decides with `<`; exact tuples' comparison cannot be
/// overridden, so this skips only the method dispatch.
fn tuple_lt(vm: &mut Vm, a: &[Value], b: &[Value]) -> PyResult<bool> {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i < n {
        if !vm.eq(&a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i >= n {
        return Ok(a.len() < b.len());
    }
    if let Some(r) = crate::protocol::fastops::compare_fast(vm, &a[i], &b[i], CompareOp::Lt) {
        return Ok(r);
    }
    vm.compare_bool(&a[i], &b[i], CompareOp::Lt)
}

/// The type every key of one sort shares, when comparing such keys runs no
/// Python code and is a total order (CPython checks key types once before
/// sorting, too: `unsafe_long_compare`, `unsafe_latin_compare` ...). Any
/// stable sort then gives exactly CPython's result.
#[derive(Copy, Clone, PartialEq)]
enum Kind {
    Int,
    /// Floats, none of them NaN.
    Float,
    /// Exact strs (code-point order is the byte order of their storage).
    Str,
}

#[inline]
fn kind_of(vm: &Vm, v: &Value) -> Option<Kind> {
    match v {
        Value::Int(_) => Some(Kind::Int),
        Value::Float(f) if !f.is_nan() => Some(Kind::Float),
        Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.str) => Some(Kind::Str),
        _ => None,
    }
}

/// The order of two keys whose kinds were checked to agree.
#[inline]
fn cmp_checked(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Obj(x), Value::Obj(y)) => match (x.as_str(), y.as_str()) {
            (Some(p), Some(q)) => p.as_wtf8().cmp(q.as_wtf8()),
            _ => Ordering::Equal,
        },
        _ => Ordering::Equal,
    }
}

/// The sorted order of `keys` (a permutation of their indices) when every key
/// is of one `Kind`, or every key is an exact tuple whose items at each
/// position share one `Kind`; `None` otherwise (the general sort runs).
fn presorted_order(vm: &Vm, keys: &[Value]) -> Option<Vec<usize>> {
    let first = keys.first()?;
    if let Some(k) = kind_of(vm, first) {
        if !keys.iter().all(|v| kind_of(vm, v) == Some(k)) {
            return None;
        }
        let mut order: Vec<usize> = (0..keys.len()).collect();
        match k {
            Kind::Int => {
                let mut ks: Vec<(i64, usize)> =
                    keys.iter().enumerate().map(|(i, v)| (if let Value::Int(x) = v { *x } else { 0 }, i)).collect();
                ks.sort_by(|a, b| a.0.cmp(&b.0));
                order.iter_mut().zip(ks).for_each(|(o, (_, i))| *o = i);
            }
            Kind::Float => {
                let mut ks: Vec<(f64, usize)> =
                    keys.iter().enumerate().map(|(i, v)| (if let Value::Float(x) = v { *x } else { 0.0 }, i)).collect();
                ks.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(Ordering::Equal));
                order.iter_mut().zip(ks).for_each(|(o, (_, i))| *o = i);
            }
            Kind::Str => {
                let mut ks: Vec<(&[u8], usize)> = keys
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_wtf8()).unwrap_or(&[]), i))
                    .collect();
                ks.sort_by(|a, b| a.0.cmp(b.0));
                order.iter_mut().zip(ks).for_each(|(o, (_, i))| *o = i);
            }
        }
        return Some(order);
    }
    // Exact tuples with items of one kind per position.
    let tt = &vm.types.tuple;
    let mut kinds: Vec<Kind> = Vec::new();
    let mut rows: Vec<(&[Value], usize)> = Vec::with_capacity(keys.len());
    for (i, v) in keys.iter().enumerate() {
        let Value::Obj(o) = v else { return None };
        if !Rc::ptr_eq(o.class(), tt) {
            return None;
        }
        let Payload::Tuple(items) = &o.payload else { return None };
        for (j, x) in items.iter().enumerate() {
            let k = kind_of(vm, x)?;
            match kinds.get(j) {
                Some(&kj) if kj != k => return None,
                Some(_) => {}
                None => kinds.push(k),
            }
        }
        rows.push((items, i));
    }
    rows.sort_by(|a, b| {
        for (x, y) in a.0.iter().zip(b.0.iter()) {
            let o = cmp_checked(x, y);
            if o != Ordering::Equal {
                return o;
            }
        }
        a.0.len().cmp(&b.0.len())
    });
    Some(rows.into_iter().map(|(_, i)| i).collect())
}

/// Moves `items` into the order `order` (a permutation of their indices).
fn apply_order(items: &mut Vec<Value>, order: &[usize]) {
    let mut src = std::mem::take(items);
    items.reserve(src.len());
    for &i in order {
        items.push(std::mem::replace(&mut src[i], Value::Null));
    }
}

/// An item and its sort key.
#[derive(Clone)]
struct Pair {
    key: Value,
    item: Value,
}

fn count_run(vm: &mut Vm, v: &mut [Pair]) -> PyResult<usize> {
    let n = v.len();
    if n <= 1 {
        return Ok(n);
    }
    let mut k = 2;
    if lt(vm, &v[1].key, &v[0].key)? {
        while k < n && lt(vm, &v[k].key, &v[k - 1].key)? {
            k += 1;
        }
        v[..k].reverse();
    } else {
        while k < n && !lt(vm, &v[k].key, &v[k - 1].key)? {
            k += 1;
        }
    }
    Ok(k)
}

/// Binary insertion sort of `v` whose first `start` items are sorted.
fn binary_sort(vm: &mut Vm, v: &mut [Pair], start: usize) -> PyResult<()> {
    let mut s = start.max(1);
    while s < v.len() {
        let (mut l, mut r) = (0, s);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(vm, &v[s].key, &v[p].key)? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v[l..=s].rotate_right(1);
        s += 1;
    }
    Ok(())
}

/// Merges sorted `v[lo..mid]` and `v[mid..hi]` stably, in place with a copy
/// of the left run. On a comparison error the slice is still a permutation.
fn merge(vm: &mut Vm, v: &mut [Pair], lo: usize, mid: usize, hi: usize) -> PyResult<()> {
    let left: Vec<Pair> = v[lo..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, lo);
    while i < left.len() && j < hi {
        match lt(vm, &v[j].key, &left[i].key) {
            Ok(true) => {
                v[k] = v[j].clone();
                j += 1;
            }
            Ok(false) => {
                v[k] = left[i].clone();
                i += 1;
            }
            Err(e) => {
                for p in &left[i..] {
                    v[k] = p.clone();
                    k += 1;
                }
                return Err(e);
            }
        }
        k += 1;
    }
    for p in &left[i..] {
        v[k] = p.clone();
        k += 1;
    }
    Ok(())
}

fn sort_pairs(vm: &mut Vm, v: &mut Vec<Pair>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    if n < 64 {
        let run = count_run(vm, v)?;
        return binary_sort(vm, v, run);
    }
    if count_run(vm, v)? == n {
        return Ok(());
    }
    const RUN: usize = 32;
    let mut lo = 0;
    while lo < n {
        let hi = (lo + RUN).min(n);
        let run = count_run(vm, &mut v[lo..hi])?;
        binary_sort(vm, &mut v[lo..hi], run)?;
        lo = hi;
    }
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (lo + 2 * width).min(n);
            // Skip the merge when the halves are already in order.
            if lt(vm, &v[mid].key, &v[mid - 1].key)? {
                merge(vm, v, lo, mid, hi)?;
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

/// Sorts `items` in place (stable), with an optional key function.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: &Value, reverse: bool) -> PyResult<()> {
    // As CPython's list_sort_impl: keys are computed first, in the original
    // order (even for one item); then, for `reverse`, the items are reversed,
    // sorted stably and reversed again.
    let keys: Option<Vec<Value>> = if key.is_none() {
        None
    } else {
        let mut keys: Vec<Value> = Vec::with_capacity(items.len());
        for item in items.iter() {
            keys.push(vm.call(key, std::slice::from_ref(item), &[])?);
        }
        Some(keys)
    };
    if items.len() < 2 {
        return Ok(());
    }
    let mut keys = keys;
    if reverse {
        items.reverse();
        if let Some(k) = &mut keys {
            k.reverse();
        }
    }
    let order = presorted_order(vm, keys.as_deref().unwrap_or(items));
    let r = match order {
        Some(order) => {
            drop(keys);
            apply_order(items, &order);
            Ok(())
        }
        None => {
            let src = std::mem::take(items);
            let mut pairs: Vec<Pair> = match keys {
                None => src.into_iter().map(|item| Pair { key: item.clone(), item }).collect(),
                Some(keys) => keys.into_iter().zip(src).map(|(key, item)| Pair { key, item }).collect(),
            };
            let r = sort_pairs(vm, &mut pairs);
            items.extend(pairs.into_iter().map(|p| p.item));
            r
        }
    };
    if reverse {
        items.reverse();
    }
    r
}

/// Parses `key=` and `reverse=` keyword arguments.
pub fn sort_kwargs(vm: &mut Vm, fname: &str, args: &Args) -> PyResult<(Value, bool)> {
    for (k, _) in args.kwargs {
        let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        if ks != "key" && ks != "reverse" {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", ks, fname)));
        }
    }
    let kw = crate::builtins::kwargs_of(vm, fname, args.kwargs, &["key", "reverse"])?;
    let key = kw[0].clone().unwrap_or(Value::None);
    let reverse = match &kw[1] {
        None => false,
        Some(v) => match v {
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(_) => return Err(vm.type_error("'float' object cannot be interpreted as an integer")),
            _ => {
                let i = vm.index(v)?;
                vm.is_true(&i)?
            }
        },
    };
    Ok((key, reverse))
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(l) = args.args.first().and_then(crate::types::list::list_cell) else {
        return Err(vm.type_error("descriptor 'sort' for 'list' objects doesn't apply to this object"));
    };
    if args.args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = sort_kwargs(vm, "sort", &args)?;
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let r = sort_values(vm, &mut items, &key, reverse);
    let modified = !l.borrow().is_empty();
    let old = std::mem::replace(&mut *l.borrow_mut(), items);
    drop(old);
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// `sorted(iterable, /, *, key=None, reverse=False)`.
pub fn builtin_sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 1 {
        if args.args.is_empty() {
            return Err(vm.type_error("sorted expected 1 argument, got 0"));
        }
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.args.len())));
    }
    let (key, reverse) = sort_kwargs(vm, "sort", &args)?;
    let mut items = crate::types::list::collect_iterable(vm, &args.args[0])?;
    let l = crate::types::list::new_list_obj(vm, Vec::new());
    let r = sort_values(vm, &mut items, &key, reverse);
    r?;
    if let crate::object::Payload::List(c) = &l.payload {
        *c.borrow_mut() = items;
    }
    Ok(Value::Obj(l))
}
