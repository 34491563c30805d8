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
use pyrite_bytecode::opcode::CompareOp;

/// `a < b` for sorting.
#[inline]
fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::protocol::fastops::compare_fast(vm, a, b, CompareOp::Lt) {
        return Ok(r);
    }
    vm.compare_bool(a, b, CompareOp::Lt)
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
    if items.len() < 2 {
        return Ok(());
    }
    if reverse {
        items.reverse();
    }
    let mut pairs: Vec<Pair> = Vec::with_capacity(items.len());
    let src = std::mem::take(items);
    if key.is_none() {
        pairs.extend(src.into_iter().map(|item| Pair { key: item.clone(), item }));
    } else {
        let mut it = src.into_iter();
        while let Some(item) = it.next() {
            match vm.call(key, std::slice::from_ref(&item), &[]) {
                Ok(k) => pairs.push(Pair { key: k, item }),
                Err(e) => {
                    items.extend(pairs.into_iter().map(|p| p.item));
                    items.push(item);
                    items.extend(it);
                    if reverse {
                        items.reverse();
                    }
                    return Err(e);
                }
            }
        }
    }
    let r = sort_pairs(vm, &mut pairs);
    items.extend(pairs.into_iter().map(|p| p.item));
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
