//! `list.sort` and `sorted`; CPython: Objects/listobject.c (`list_sort_impl`).
//!
//! Stable. Keys are computed first, in list order. When every key is of one
//! kind that compares without Python code and totally (machine ints, non-NaN
//! floats, exact strs, exact tuples of those), any stable sort gives CPython's
//! result and Rust's is used. Otherwise CPython 3.11's listsort runs as is
//! (natural runs, minrun, binary insertion, powersort merging, galloping), so
//! the comparisons made and the list's state after a failing one match
//! CPython. Every comparison may raise; errors propagate and the list always
//! keeps all its items. While sorting the list is empty; if Python code added
//! items meanwhile, "list modified during sort" is raised.

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

/// Timsort's state (CPython's `MergeState`): pending runs and the adaptive
/// galloping threshold.
struct Merge {
    /// Pending runs: start, length and powersort power.
    runs: Vec<(usize, usize, u32)>,
    min_gallop: usize,
    n: usize,
}

const MIN_GALLOP: usize = 7;

/// CPython's `merge_compute_minrun`.
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// CPython's `powerloop`: the powersort "power" of the boundary between the
/// run at `s1` of length `n1` and the following run of length `n2`.
fn power_of(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// Where `key` belongs in sorted `a[base..base+n]`, leftmost (CPython's
/// `gallop_left`: the first index whose key is not less than `key`),
/// starting the search at `base + hint`. Returns an offset from `base`.
fn gallop_left(vm: &mut Vm, key: &Value, a: &[Pair], base: usize, n: usize, hint: usize) -> PyResult<usize> {
    let (mut lastofs, mut ofs);
    if lt(vm, &a[base + hint].key, key)? {
        // a[hint] < key: gallop right.
        let maxofs = n - hint;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(vm, &a[base + hint + ofs].key, key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    } else {
        // key <= a[hint]: gallop left.
        let maxofs = hint + 1;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(vm, &a[base + hint - ofs].key, key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        // Offsets below may be -1 (as CPython's signed arithmetic): shift by one.
        let lo = hint as isize - ofs as isize;
        lastofs = (lo + 1) as usize;
        ofs = hint - k;
        return gallop_finish_left(vm, key, a, base, lastofs, ofs);
    }
    gallop_finish_left(vm, key, a, base, lastofs + 1, ofs)
}

/// The binary search ending `gallop_left`: `a[lo-1] < key <= a[hi]`.
fn gallop_finish_left(vm: &mut Vm, key: &Value, a: &[Pair], base: usize, mut lo: usize, mut hi: usize) -> PyResult<usize> {
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(vm, &a[base + m].key, key)? {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    Ok(hi)
}

/// Where `key` belongs in sorted `a[base..base+n]`, rightmost (CPython's
/// `gallop_right`: the first index whose key is greater than `key`).
fn gallop_right(vm: &mut Vm, key: &Value, a: &[Pair], base: usize, n: usize, hint: usize) -> PyResult<usize> {
    let (mut lastofs, mut ofs);
    if lt(vm, key, &a[base + hint].key)? {
        // key < a[hint]: gallop left.
        let maxofs = hint + 1;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(vm, key, &a[base + hint - ofs].key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        let lo = hint as isize - ofs as isize;
        lastofs = (lo + 1) as usize;
        ofs = hint - k;
        return gallop_finish_right(vm, key, a, base, lastofs, ofs);
    } else {
        // a[hint] <= key: gallop right.
        let maxofs = n - hint;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(vm, key, &a[base + hint + ofs].key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    }
    gallop_finish_right(vm, key, a, base, lastofs + 1, ofs)
}

/// The binary search ending `gallop_right`: `a[lo-1] <= key < a[hi]`.
fn gallop_finish_right(vm: &mut Vm, key: &Value, a: &[Pair], base: usize, mut lo: usize, mut hi: usize) -> PyResult<usize> {
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(vm, key, &a[base + m].key)? {
            hi = m;
        } else {
            lo = m + 1;
        }
    }
    Ok(hi)
}

/// Merges the adjacent runs `v[a..a+na]` and `v[a+na..a+na+nb]` with
/// `na <= nb` (CPython's `merge_lo`): the first run is copied out and the
/// merge fills `v` from the left. On an error the copied-out items still in
/// the temporary go back, so `v` stays a permutation (as CPython's `Fail:`).
fn merge_lo(vm: &mut Vm, ms: &mut Merge, v: &mut [Pair], a: usize, mut na: usize, mut nb: usize) -> PyResult<()> {
    let tmp: Vec<Pair> = v[a..a + na].to_vec();
    let mut pa = 0; // into tmp
    let mut pb = a + na; // into v
    let mut dest = a;
    v[dest] = v[pb].clone();
    dest += 1;
    pb += 1;
    nb -= 1;
    let r: PyResult<()> = 'merge: {
        if nb == 0 {
            break 'merge Ok(());
        }
        if na == 1 {
            // CopyB.
            for k in 0..nb {
                v[dest + k] = v[pb + k].clone();
            }
            v[dest + nb] = tmp[pa].clone();
            return Ok(());
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let mut acount = 0;
            let mut bcount = 0;
            loop {
                let k = match lt(vm, &v[pb].key, &tmp[pa].key) {
                    Ok(k) => k,
                    Err(e) => break 'merge Err(e),
                };
                if k {
                    v[dest] = v[pb].clone();
                    dest += 1;
                    pb += 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge Ok(());
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    v[dest] = tmp[pa].clone();
                    dest += 1;
                    pa += 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 1 {
                        for k in 0..nb {
                            v[dest + k] = v[pb + k].clone();
                        }
                        v[dest + nb] = tmp[pa].clone();
                        return Ok(());
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                ms.min_gallop = min_gallop;
                let key = v[pb].key.clone();
                let k = match gallop_right(vm, &key, &tmp, pa, na, 0) {
                    Ok(k) => k,
                    Err(e) => break 'merge Err(e),
                };
                acount = k;
                if k > 0 {
                    for t in 0..k {
                        v[dest + t] = tmp[pa + t].clone();
                    }
                    dest += k;
                    pa += k;
                    na -= k;
                    if na == 1 {
                        for t in 0..nb {
                            v[dest + t] = v[pb + t].clone();
                        }
                        v[dest + nb] = tmp[pa].clone();
                        return Ok(());
                    }
                    if na == 0 {
                        break 'merge Ok(());
                    }
                }
                v[dest] = v[pb].clone();
                dest += 1;
                pb += 1;
                nb -= 1;
                if nb == 0 {
                    break 'merge Ok(());
                }
                let key = tmp[pa].key.clone();
                let k = match gallop_left(vm, &key, v, pb, nb, 0) {
                    Ok(k) => k,
                    Err(e) => break 'merge Err(e),
                };
                bcount = k;
                if k > 0 {
                    for t in 0..k {
                        v[dest + t] = v[pb + t].clone();
                    }
                    dest += k;
                    pb += k;
                    nb -= k;
                    if nb == 0 {
                        break 'merge Ok(());
                    }
                }
                v[dest] = tmp[pa].clone();
                dest += 1;
                pa += 1;
                na -= 1;
                if na == 1 {
                    for t in 0..nb {
                        v[dest + t] = v[pb + t].clone();
                    }
                    v[dest + nb] = tmp[pa].clone();
                    return Ok(());
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    };
    // Succeed / Fail: what is left of the first run goes to `dest`.
    for t in 0..na {
        v[dest + t] = tmp[pa + t].clone();
    }
    r
}

/// Merges the adjacent runs `v[a..a+na]` and `v[a+na..a+na+nb]` with
/// `na >= nb` (CPython's `merge_hi`): the second run is copied out and the
/// merge fills `v` from the right.
fn merge_hi(vm: &mut Vm, ms: &mut Merge, v: &mut [Pair], a: usize, mut na: usize, mut nb: usize) -> PyResult<()> {
    let b0 = a + na;
    let tmp: Vec<Pair> = v[b0..b0 + nb].to_vec();
    // Positions of the current (last remaining) items; `dest` is the slot
    // to fill next, walking left. Signed: they may step to one before 0.
    let mut dest = (b0 + nb - 1) as isize;
    let mut pa = (a + na - 1) as isize;
    let mut pb = (nb - 1) as isize; // into tmp
    let at = |i: isize| i as usize;
    v[at(dest)] = v[at(pa)].clone();
    dest -= 1;
    pa -= 1;
    na -= 1;
    let r: PyResult<()> = 'merge: {
        if na == 0 {
            break 'merge Ok(());
        }
        macro_rules! copy_a {
            () => {{
                // CopyA: the rest of the first run moves right by the
                // remaining b count; the first item of the second run goes
                // in front of it.
                let n = na as isize;
                for t in 0..n {
                    v[at(dest - t)] = v[at(pa - t)].clone();
                }
                v[at(dest - n)] = tmp[at(pb)].clone();
                return Ok(());
            }};
        }
        if nb == 1 {
            copy_a!();
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let mut acount = 0;
            let mut bcount = 0;
            loop {
                let k = match lt(vm, &tmp[at(pb)].key, &v[at(pa)].key) {
                    Ok(k) => k,
                    Err(e) => break 'merge Err(e),
                };
                if k {
                    v[at(dest)] = v[at(pa)].clone();
                    dest -= 1;
                    pa -= 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 0 {
                        break 'merge Ok(());
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    v[at(dest)] = tmp[at(pb)].clone();
                    dest -= 1;
                    pb -= 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 1 {
                        copy_a!();
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                ms.min_gallop = min_gallop;
                let key = tmp[at(pb)].key.clone();
                let k = match gallop_right(vm, &key, v, a, na, na - 1) {
                    Ok(k) => na - k,
                    Err(e) => break 'merge Err(e),
                };
                acount = k;
                if k > 0 {
                    let k = k as isize;
                    for t in 0..k {
                        v[at(dest - t)] = v[at(pa - t)].clone();
                    }
                    dest -= k;
                    pa -= k;
                    na -= k as usize;
                    if na == 0 {
                        break 'merge Ok(());
                    }
                }
                v[at(dest)] = tmp[at(pb)].clone();
                dest -= 1;
                pb -= 1;
                nb -= 1;
                if nb == 1 {
                    copy_a!();
                }
                let key = v[at(pa)].key.clone();
                let k = match gallop_left(vm, &key, &tmp, 0, nb, nb - 1) {
                    Ok(k) => nb - k,
                    Err(e) => break 'merge Err(e),
                };
                bcount = k;
                if k > 0 {
                    let k = k as isize;
                    for t in 0..k {
                        v[at(dest - t)] = tmp[at(pb - t)].clone();
                    }
                    dest -= k;
                    pb -= k;
                    nb -= k as usize;
                    if nb == 1 {
                        copy_a!();
                    }
                    if nb == 0 {
                        break 'merge Ok(());
                    }
                }
                v[at(dest)] = v[at(pa)].clone();
                dest -= 1;
                pa -= 1;
                na -= 1;
                if na == 0 {
                    break 'merge Ok(());
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    };
    // Succeed / Fail: what is left of the second run goes just left of `dest`+1.
    let n = nb as isize;
    for t in 0..n {
        v[at(dest - (n - 1) + t)] = tmp[at(t)].clone();
    }
    r
}

/// Merges pending runs `i` and `i + 1` (CPython's `merge_at`).
fn merge_at(vm: &mut Vm, ms: &mut Merge, v: &mut [Pair], i: usize) -> PyResult<()> {
    let (sa, na, _) = ms.runs[i];
    let (sb, nb, _) = ms.runs[i + 1];
    ms.runs[i].1 = na + nb;
    ms.runs.remove(i + 1);
    // Where does b start in a? Items of a before that are already in place.
    let key = v[sb].key.clone();
    let k = gallop_right(vm, &key, v, sa, na, 0)?;
    let (sa, na) = (sa + k, na - k);
    if na == 0 {
        return Ok(());
    }
    // Where does a end in b? Items of b after that are already in place.
    let key = v[sa + na - 1].key.clone();
    let nb = gallop_left(vm, &key, v, sb, nb, nb - 1)?;
    if nb == 0 {
        return Ok(());
    }
    if na <= nb {
        merge_lo(vm, ms, v, sa, na, nb)
    } else {
        merge_hi(vm, ms, v, sa, na, nb)
    }
}

/// CPython 3.11's listsort on (key, item) pairs: natural runs extended to
/// `min_run` by binary insertion, merged by the powersort rule with
/// galloping, so the comparisons made (and the list's state after a failing
/// one) are CPython's.
fn sort_pairs(vm: &mut Vm, v: &mut [Pair]) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = Merge { runs: Vec::new(), min_gallop: MIN_GALLOP, n };
    let minrun = min_run(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let mut run = count_run(vm, &mut v[lo..])?;
        if run < minrun {
            let force = remaining.min(minrun);
            binary_sort(vm, &mut v[lo..lo + force], run)?;
            run = force;
        }
        // found_new_run: merge while the run below has a higher power.
        if let Some(&(s1, n1, _)) = ms.runs.last() {
            let power = power_of(s1, n1, run, ms.n);
            while ms.runs.len() > 1 && ms.runs[ms.runs.len() - 2].2 > power {
                let i = ms.runs.len() - 2;
                merge_at(vm, &mut ms, v, i)?;
            }
            if let Some(last) = ms.runs.last_mut() {
                last.2 = power;
            }
        }
        ms.runs.push((lo, run, 0));
        lo += run;
        remaining -= run;
    }
    // merge_force_collapse.
    while ms.runs.len() > 1 {
        let mut i = ms.runs.len() - 2;
        if i > 0 && ms.runs[i - 1].1 < ms.runs[i + 1].1 {
            i -= 1;
        }
        merge_at(vm, &mut ms, v, i)?;
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
