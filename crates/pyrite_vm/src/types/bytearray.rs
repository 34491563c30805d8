//! The bytearray type; CPython: Objects/bytearrayobject.c.
//!
//! Registration table: the shared bytes methods (`bytes::COMMON`), plus
//! `__new__`, `__init__`, `fromhex` (class method), `maketrans` (static),
//! `__hash__ = None`, `__setitem__` `__delitem__` `__iadd__` `__imul__`
//! `__alloc__` append clear copy extend insert pop remove reverse.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::bytes::{byte_of, bytes_from_args, new_bytearray, COMMON};
use crate::types::function::Args;
use crate::types::strops::{self, bytes_like, str_of};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

/// Registers the bytearray type's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.bytearray.clone();
    vm.add_methods(&t, COMMON);
    vm.add_methods(
        &t,
        &[
            ("__init__", ba_init),
            ("__setitem__", ba_setitem),
            ("__delitem__", ba_delitem),
            ("__iadd__", ba_iadd),
            ("__imul__", ba_imul),
            ("__alloc__", ba_alloc),
            ("append", ba_append),
            ("clear", ba_clear),
            ("copy", ba_copy),
            ("extend", ba_extend),
            ("insert", ba_insert),
            ("pop", ba_pop),
            ("remove", ba_remove),
            ("reverse", ba_reverse),
        ],
    );
    vm.add_staticmethods(&t, &[("__new__", ba_new), ("maketrans", crate::types::bytes::b_maketrans)]);
    vm.add_classmethods(&t, &[("fromhex", crate::types::bytes::b_fromhex)]);
    vm.type_set_attr_raw(&t, "__hash__", Value::None);
}

fn cell<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RefCell<Vec<u8>>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(b)) => Ok(b),
        _ => Err(vm.type_error(format!("descriptor requires a 'bytearray' object but received a '{}'", vm.type_name(v)))),
    }
}

fn nargs(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.args.len().saturating_sub(1);
    if !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("bytearray.{}() takes no keyword arguments", name)));
    }
    if n < min || n > max {
        let msg = if max == 0 {
            format!("bytearray.{}() takes no arguments ({} given)", name, n)
        } else if min == max && min == 1 {
            format!("bytearray.{}() takes exactly one argument ({} given)", name, n)
        } else if n < min {
            format!("{} expected {} arguments, got {}", name, min, n)
        } else {
            format!("{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n)
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn ba_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("bytearray.__new__(X): X is not a type object")),
    };
    let o = crate::protocol::objecttype::new_instance(vm, &cls, Payload::ByteArray(RefCell::new(Vec::new())));
    Ok(Value::Obj(o))
}

fn ba_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_from_args(vm, "bytearray", &args.args[1..], args.kwargs)?;
    let c = cell(vm, &args.args[0])?;
    *c.borrow_mut() = data;
    Ok(Value::None)
}

/// Bytes for slice assignment / extend / +=.
fn assign_source(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    if str_of(v).is_some() {
        return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    let iname = vm.names.__iter__.clone();
    if vm.lookup_special(v, &iname).is_none() {
        return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(byte_of(vm, &it)?);
    }
    Ok(out)
}

fn ba_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "__setitem__", 2, 2)?;
    let me = args.args[0].clone();
    let k = &args.args[1];
    let v = &args.args[2];
    if let Some(so) = k.as_obj().filter(|o| matches!(o.payload, Payload::Slice { .. })).cloned() {
        let src = if v.is(&me) { bytes_like(v).unwrap_or_default() } else { assign_source(vm, v)? };
        let len = cell(vm, &me)?.borrow().len();
        let (start, stop, step, n) = strops::slice_indices(vm, &so, len)?;
        let c = cell(vm, &me)?;
        if step == 1 {
            let start = start as usize;
            let stop = (stop.max(start as i64)) as usize;
            c.borrow_mut().splice(start..stop, src);
            return Ok(Value::None);
        }
        if src.len() != n {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                src.len(),
                n
            )));
        }
        let mut b = c.borrow_mut();
        let mut i = start;
        for x in src {
            b[i as usize] = x;
            i += step;
        }
        return Ok(Value::None);
    }
    let Some(i) = strops::subscript_index(vm, k)? else {
        return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {}", vm.type_name(k))));
    };
    let x = byte_of(vm, v)?;
    let c = cell(vm, &me)?;
    let len = c.borrow().len();
    match strops::seq_index(i, len) {
        Some(j) => {
            c.borrow_mut()[j] = x;
            Ok(Value::None)
        }
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

fn ba_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "__delitem__", 1, 1)?;
    let me = args.args[0].clone();
    let k = &args.args[1];
    let len = cell(vm, &me)?.borrow().len();
    if let Some(so) = k.as_obj().filter(|o| matches!(o.payload, Payload::Slice { .. })).cloned() {
        let (start, _stop, step, n) = strops::slice_indices(vm, &so, len)?;
        let mut idx: Vec<usize> = (0..n).map(|j| (start + j as i64 * step) as usize).collect();
        idx.sort_unstable();
        let c = cell(vm, &me)?;
        let mut b = c.borrow_mut();
        let mut keep = Vec::with_capacity(b.len() - n);
        let mut p = 0;
        for (i, &x) in b.iter().enumerate() {
            if p < idx.len() && idx[p] == i {
                p += 1;
            } else {
                keep.push(x);
            }
        }
        *b = keep;
        return Ok(Value::None);
    }
    let Some(i) = strops::subscript_index(vm, k)? else {
        return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {}", vm.type_name(k))));
    };
    match strops::seq_index(i, len) {
        Some(j) => {
            cell(vm, &me)?.borrow_mut().remove(j);
            Ok(Value::None)
        }
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

fn ba_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "__iadd__", 1, 1)?;
    let Some(src) = bytes_like(&args.args[1]) else {
        return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(&args.args[1]))));
    };
    cell(vm, &args.args[0])?.borrow_mut().extend_from_slice(&src);
    Ok(args.args[0].clone())
}

fn ba_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "__imul__", 1, 1)?;
    let Some(n) = crate::types::strtype::repeat_count(vm, &args.args[1], false)? else {
        return Ok(vm.not_implemented());
    };
    let c = cell(vm, &args.args[0])?;
    let cur = c.borrow().clone();
    let total = crate::types::strtype::check_repeat_size(vm, cur.len(), n)?;
    let mut out = Vec::with_capacity(total);
    for _ in 0..n.max(0) {
        out.extend_from_slice(&cur);
    }
    *cell(vm, &args.args[0])?.borrow_mut() = out;
    Ok(args.args[0].clone())
}

fn ba_alloc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "__alloc__", 0, 0)?;
    let n = cell(vm, &args.args[0])?.borrow().capacity();
    Ok(Value::Int(n as i64 + 1))
}

fn ba_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "append", 1, 1)?;
    let x = byte_of(vm, &args.args[1])?;
    cell(vm, &args.args[0])?.borrow_mut().push(x);
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "clear", 0, 0)?;
    cell(vm, &args.args[0])?.borrow_mut().clear();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "copy", 0, 0)?;
    let b = cell(vm, &args.args[0])?.borrow().clone();
    Ok(new_bytearray(vm, b))
}

fn ba_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "extend", 1, 1)?;
    let v = &args.args[1];
    let src = if let Some(b) = bytes_like(v) {
        b
    } else {
        let iname = vm.names.__iter__.clone();
        if str_of(v).is_some() {
            return Err(vm.type_error("expected iterable of integers; got: 'str'"));
        }
        if vm.lookup_special(v, &iname).is_none() {
            return Err(vm.type_error(format!("can't extend bytearray with {}", vm.type_name(v))));
        }
        let items = vm.collect(v)?;
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            out.push(byte_of(vm, &it)?);
        }
        out
    };
    cell(vm, &args.args[0])?.borrow_mut().extend_from_slice(&src);
    Ok(Value::None)
}

fn ba_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "insert", 2, 2)?;
    let i = vm.index_i64(&args.args[1])?;
    let x = byte_of(vm, &args.args[2])?;
    let c = cell(vm, &args.args[0])?;
    let len = c.borrow().len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
    c.borrow_mut().insert(pos as usize, x);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "pop", 0, 1)?;
    let i = match args.args.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let c = cell(vm, &args.args[0])?;
    let len = c.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    match strops::seq_index(i, len) {
        Some(j) => Ok(Value::Int(c.borrow_mut().remove(j) as i64)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn ba_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "remove", 1, 1)?;
    let x = byte_of(vm, &args.args[1])?;
    let c = cell(vm, &args.args[0])?;
    let pos = c.borrow().iter().position(|&b| b == x);
    match pos {
        Some(p) => {
            c.borrow_mut().remove(p);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    nargs(vm, &args, "reverse", 0, 0)?;
    cell(vm, &args.args[0])?.borrow_mut().reverse();
    Ok(Value::None)
}

#[allow(dead_code)]
fn unused(_: PyRef) {}
