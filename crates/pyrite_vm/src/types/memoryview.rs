//! The memoryview type (one-dimensional views of bytes and bytearray, format
//! 'B'); CPython: Objects/memoryobject.c.
//!
//! Registration table: `__new__` (static); `__len__` `__getitem__`
//! `__setitem__` `__eq__` `__ne__` `__repr__` `__enter__` `__exit__` `__hash__`
//! tobytes tolist hex release; attributes obj readonly nbytes format itemsize
//! ndim shape strides.

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::types::descr::GetSetDef;
use crate::types::function::Args;
use crate::types::strops;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// A view: the underlying object and the selected indices (`start + k*step`).
pub struct MemView {
    pub obj: Value,
    pub start: usize,
    pub len: usize,
    pub step: i64,
    pub released: Cell<bool>,
}

/// Registers memoryview's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.memoryview.clone();
    vm.add_methods(
        &t,
        &[
            ("__len__", mv_len),
            ("__getitem__", mv_getitem),
            ("__setitem__", mv_setitem),
            ("__eq__", mv_eq),
            ("__ne__", mv_ne),
            ("__repr__", mv_repr),
            ("__enter__", mv_enter),
            ("__exit__", mv_exit),
            ("__hash__", mv_hash),
            ("tobytes", mv_tobytes),
            ("tolist", mv_tolist),
            ("hex", mv_hex),
            ("release", mv_release),
        ],
    );
    vm.add_staticmethods(&t, &[("__new__", mv_new)]);
    vm.add_getsets(
        &t,
        &[
            GetSetDef { name: "obj", get: get_obj, set: None },
            GetSetDef { name: "readonly", get: get_readonly, set: None },
            GetSetDef { name: "nbytes", get: get_nbytes, set: None },
            GetSetDef { name: "format", get: get_format, set: None },
            GetSetDef { name: "itemsize", get: get_itemsize, set: None },
            GetSetDef { name: "ndim", get: get_ndim, set: None },
            GetSetDef { name: "shape", get: get_shape, set: None },
            GetSetDef { name: "strides", get: get_strides, set: None },
        ],
    );
}

/// The view data of a memoryview value.
pub fn view_of(v: &Value) -> Option<&MemView> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => n.downcast_ref::<MemView>(),
        _ => None,
    }
}

/// The bytes a memoryview currently shows.
pub fn view_bytes(m: &MemView) -> Vec<u8> {
    let base = match m.obj.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => Vec::new(),
    };
    let mut out = Vec::with_capacity(m.len);
    let mut i = m.start as i64;
    for _ in 0..m.len {
        if let Some(&b) = base.get(i as usize) {
            out.push(b);
        }
        i += m.step;
    }
    out
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a MemView> {
    let v = args.args.first();
    match v.and_then(view_of) {
        Some(m) if m.released.get() => Err(vm.value_error("operation forbidden on released memoryview object")),
        Some(m) => Ok(m),
        None => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

fn new_view(vm: &mut Vm, obj: Value, start: usize, len: usize, step: i64) -> Value {
    Value::Obj(PyObject::new(
        vm.types.memoryview.clone(),
        Payload::Native(Box::new(MemView { obj, start, len, step, released: Cell::new(false) })),
    ))
}

fn mv_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "memoryview", args.kwargs, &["object"])?;
    let obj = match args.args.get(1).cloned().or_else(|| kw[0].clone()) {
        Some(o) => o,
        None => return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)")),
    };
    if let Some(m) = view_of(&obj) {
        let (o, s, l, st) = (m.obj.clone(), m.start, m.len, m.step);
        return Ok(new_view(vm, o, s, l, st));
    }
    let n = match obj.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => b.len(),
        Some(Payload::ByteArray(b)) => b.borrow().len(),
        _ => {
            return Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                vm.type_name(&obj)
            )))
        }
    };
    Ok(new_view(vm, obj, 0, n, 1))
}

fn mv_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args)?;
    Ok(Value::Int(m.len as i64))
}

fn mv_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args)?;
    let k = args.args.get(1).cloned().unwrap_or(Value::None);
    if let Some(so) = k.as_obj().filter(|o| matches!(o.payload, Payload::Slice { .. })).cloned() {
        let (start, _stop, step, n) = strops::slice_indices(vm, &so, m.len)?;
        let abs_start = (m.start as i64 + start * m.step).max(0) as usize;
        let (obj, mstep) = (m.obj.clone(), m.step);
        return Ok(new_view(vm, obj, abs_start, n, mstep * step));
    }
    let Some(i) = strops::subscript_index(vm, &k)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let Some(j) = strops::seq_index(i, m.len) else {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    };
    let b = view_bytes(m);
    Ok(Value::Int(b.get(j).copied().unwrap_or(0) as i64))
}

fn mv_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args)?;
    let Some(Payload::ByteArray(cell)) = m.obj.as_obj().map(|o| &o.payload) else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let k = args.args.get(1).cloned().unwrap_or(Value::None);
    let v = args.args.get(2).cloned().unwrap_or(Value::None);
    if let Some(so) = k.as_obj().filter(|o| matches!(o.payload, Payload::Slice { .. })).cloned() {
        let (start, _stop, step, n) = strops::slice_indices(vm, &so, m.len)?;
        let Some(src) = strops::bytes_like(&v).or_else(|| view_of(&v).map(view_bytes)) else {
            return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(&v))));
        };
        if src.len() != n {
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let mut b = cell.borrow_mut();
        for (k2, x) in src.into_iter().enumerate() {
            let idx = m.start as i64 + (start + k2 as i64 * step) * m.step;
            if let Some(slot) = b.get_mut(idx as usize) {
                *slot = x;
            }
        }
        return Ok(Value::None);
    }
    let Some(i) = strops::subscript_index(vm, &k)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let Some(j) = strops::seq_index(i, m.len) else {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    };
    let x = match vm.index(&v) {
        Ok(Value::Int(x)) if (0..256).contains(&x) => x as u8,
        Ok(_) => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
        Err(_) => return Err(vm.type_error("memoryview: invalid type for format 'B'")),
    };
    let idx = m.start as i64 + j as i64 * m.step;
    if let Some(slot) = cell.borrow_mut().get_mut(idx as usize) {
        *slot = x;
    }
    Ok(Value::None)
}

fn mv_eq_impl(vm: &mut Vm, args: &Args) -> PyResult<Option<bool>> {
    let a = args.args.first().and_then(view_of).map(view_bytes);
    let other = args.args.get(1).cloned().unwrap_or(Value::None);
    let b = strops::bytes_like(&other).or_else(|| view_of(&other).map(view_bytes));
    let _ = vm;
    Ok(match (a, b) {
        (Some(a), Some(b)) => Some(a == b),
        _ => None,
    })
}

fn mv_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match mv_eq_impl(vm, &args)? {
        Some(r) => Value::Bool(r),
        None => vm.not_implemented(),
    })
}

fn mv_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match mv_eq_impl(vm, &args)? {
        Some(r) => Value::Bool(!r),
        None => vm.not_implemented(),
    })
}

fn mv_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.args.first().cloned().unwrap_or(Value::None);
    let released = view_of(&v).map(|m| m.released.get()).unwrap_or(false);
    let s = format!("<{}memory at 0x{:x}>", if released { "released " } else { "" }, v.id());
    Ok(vm.new_str(&s))
}

fn mv_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args)?;
    Ok(args.args[0].clone())
}

fn mv_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mv_release(vm, args)
}

fn mv_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args)?;
    if !matches!(m.obj.as_obj().map(|o| &o.payload), Some(Payload::Bytes(_))) {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    Ok(Value::Int(crate::hash::hash_bytes(&view_bytes(m))))
}

fn mv_tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args)?;
    let b = view_bytes(m);
    Ok(vm.new_bytes(b))
}

fn mv_tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args)?;
    let items = view_bytes(m).into_iter().map(|b| Value::Int(b as i64)).collect();
    Ok(vm.new_list(items))
}

fn mv_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args)?;
    let s: String = view_bytes(m).iter().map(|b| format!("{:02x}", b)).collect();
    Ok(vm.new_str(&s))
}

fn mv_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(m) = args.args.first().and_then(view_of) {
        m.released.set(true);
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor 'release' requires a 'memoryview' object"))
}

fn live<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a MemView> {
    match view_of(v) {
        Some(m) if m.released.get() => Err(vm.value_error("operation forbidden on released memoryview object")),
        Some(m) => Ok(m),
        None => Err(vm.type_error("expected a memoryview")),
    }
}

fn get_obj(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(live(vm, v)?.obj.clone())
}
fn get_readonly(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    Ok(Value::Bool(!matches!(m.obj.as_obj().map(|o| &o.payload), Some(Payload::ByteArray(_)))))
}
fn get_nbytes(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(live(vm, v)?.len as i64))
}
fn get_format(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    live(vm, v)?;
    Ok(vm.new_str("B"))
}
fn get_itemsize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    live(vm, v)?;
    Ok(Value::Int(1))
}
fn get_ndim(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    live(vm, v)?;
    Ok(Value::Int(1))
}
fn get_shape(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = live(vm, v)?.len as i64;
    Ok(vm.new_tuple(vec![Value::Int(n)]))
}
fn get_strides(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = live(vm, v)?.step;
    Ok(vm.new_tuple(vec![Value::Int(s)]))
}
