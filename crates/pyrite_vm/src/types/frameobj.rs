//! Frame objects as Python sees them (`tb.tb_frame`, `sys._getframe()`):
//! snapshots of a running or finished frame's identity; traceback objects'
//! attributes; `sys.exc_info()`, `sys.exception()`, `sys.excepthook`.
//! CPython: Objects/frameobject.c, Python/traceback.c, Python/sysmodule.c.
//!
//! Registration table:
//! - frame: f_code, f_globals, f_locals, f_lineno, f_back, f_builtins, f_lasti,
//!   f_trace (None), __repr__, clear
//! - traceback: tb_frame, tb_lineno, tb_lasti, tb_next (settable), __new__

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use crate::types::code::Code;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A frame object's locals: the mapping once made, or the values captured
/// from the running frame (fast locals then the cells' contents), turned into
/// a dict on first access.
enum LocalsState {
    Made(Value),
    Captured(Vec<Value>),
}

/// The parts of a frame object made on demand.
struct FrameLazy {
    code_obj: Option<PyRef>,
    locals: LocalsState,
}

/// What a frame object exposes.
pub struct FrameObjData {
    /// The frame's code; its code object is made on first `f_code` access.
    pub code_ref: Rc<Code>,
    globals: Option<PyRef>,
    builtins: Option<PyRef>,
    back: Value,
    pub lineno: Cell<u32>,
    pub lasti: Cell<u32>,
    /// Index in `vm.frames` of the frame this object was made for.
    pub index: Cell<usize>,
    lazy: RefCell<FrameLazy>,
}

impl FrameObjData {
    /// A frame object's data with the locals mapping `locals`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(code: Rc<Code>, globals: Value, builtins: Value, locals: Value, lineno: u32, lasti: u32, back: Value, index: usize) -> FrameObjData {
        FrameObjData {
            code_ref: code,
            globals: globals.as_obj().cloned(),
            builtins: builtins.as_obj().cloned(),
            back,
            lineno: Cell::new(lineno),
            lasti: Cell::new(lasti),
            index: Cell::new(index),
            lazy: RefCell::new(FrameLazy { code_obj: None, locals: LocalsState::Made(locals) }),
        }
    }

    /// `f_globals`.
    pub fn globals(&self) -> Value {
        self.globals.clone().map(Value::Obj).unwrap_or(Value::None)
    }

    /// `f_builtins`.
    pub fn builtins(&self) -> Value {
        self.builtins.clone().map(Value::Obj).unwrap_or(Value::None)
    }

    /// `f_back`.
    pub fn back(&self) -> Value {
        self.back.clone()
    }

    /// `f_code` (the same code object on every access).
    pub fn code(&self, vm: &mut Vm) -> Value {
        if let Some(c) = self.lazy.borrow().code_obj.clone() {
            return Value::Obj(c);
        }
        let c = PyObject::new(vm.types.code.clone(), Payload::Code(self.code_ref.clone()));
        self.lazy.borrow_mut().code_obj = Some(c.clone());
        Value::Obj(c)
    }

    /// The locals as last captured: the dict is built from captured values on
    /// first access and then kept.
    pub fn locals(&self, vm: &mut Vm) -> Value {
        let vals = {
            let mut lz = self.lazy.borrow_mut();
            match &mut lz.locals {
                LocalsState::Made(v) => return if v.is_null() { Value::None } else { v.clone() },
                LocalsState::Captured(vals) => std::mem::take(vals),
            }
        };
        let d = vm.new_dict();
        let code = &self.code_ref;
        let names = code.varnames.iter().chain(code.cellnames.iter());
        for (name, v) in names.zip(vals) {
            if !v.is_null() {
                crate::types::dict::dict_set_str(&d, name, v);
            }
        }
        self.lazy.borrow_mut().locals = LocalsState::Made(Value::Obj(d.clone()));
        Value::Obj(d)
    }

    /// Replaces the captured locals with those of the running frame `f`.
    fn capture(&self, f: &crate::eval::frame::Frame) {
        let new = if !f.locals.is_null() {
            LocalsState::Made(f.locals.clone())
        } else {
            let code = &f.code;
            let mut vals = Vec::with_capacity(code.varnames.len() + code.cellnames.len());
            for i in 0..code.varnames.len() {
                vals.push(f.fast.get(i).cloned().unwrap_or(Value::Null));
            }
            for i in 0..code.cellnames.len() {
                vals.push(match f.cells.get(i).map(|c| &c.payload) {
                    Some(Payload::Cell(cell)) => cell.borrow().clone(),
                    _ => Value::Null,
                });
            }
            LocalsState::Captured(vals)
        };
        let old = std::mem::replace(&mut self.lazy.borrow_mut().locals, new);
        drop(old);
    }
}

/// The index in `vm.frames` of the live frame `fo` belongs to, if it is still running there.
fn live_index(vm: &Vm, fo: &Value) -> Option<usize> {
    let fd = frame_data(fo)?;
    let idx = fd.index.get();
    let f = vm.frames.get(idx)?;
    match (&f.frame_obj, fo.as_obj()) {
        (Some(a), Some(b)) if std::rc::Rc::ptr_eq(a, b) => Some(idx),
        _ => None,
    }
}

fn f_lineno_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = live_index(vm, v) {
        if let Some(f) = vm.frames.get(i) {
            return Ok(Value::Int(f.line() as i64));
        }
    }
    Ok(frame_data(v).map(|f| Value::Int(f.lineno.get() as i64)).unwrap_or(Value::None))
}

fn f_lasti_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = live_index(vm, v) {
        if let Some(f) = vm.frames.get(i) {
            return Ok(Value::Int(f.lasti as i64 * 2));
        }
    }
    Ok(frame_data(v).map(|f| Value::Int(f.lasti.get() as i64 * 2)).unwrap_or(Value::None))
}

fn f_locals_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = live_index(vm, v) {
        if let (Some(fd), Some(f)) = (frame_data(v), vm.frames.get(i)) {
            fd.capture(f);
        }
    }
    match frame_data(v) {
        Some(fd) => Ok(fd.locals(vm)),
        None => Ok(Value::None),
    }
}

fn frame_data(v: &Value) -> Option<&FrameObjData> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Frame(f)) => Some(f),
        _ => None,
    }
}

/// The frame object of `vm.frames[idx]` (made once and cached in the frame),
/// with its line number and locals refreshed.
pub fn frame_object(vm: &mut Vm, idx: usize) -> Option<PyRef> {
    let had = vm.frames.get(idx)?.frame_obj.is_some();
    let fo = frame_object_shallow(vm, idx)?;
    if had {
        if let (Payload::Frame(fd), Some(f)) = (&fo.payload, vm.frames.get(idx)) {
            fd.capture(f);
        }
    }
    Some(fo)
}

/// Like `frame_object` but iterative over the callers, so that a deep stack
/// does not recurse in Rust: makes the frame objects of frames 0..=idx.
fn frame_object_shallow(vm: &mut Vm, idx: usize) -> Option<PyRef> {
    // Find the nearest frame at or below idx that already has an object.
    let mut start = idx + 1;
    while start > 0 && vm.frames.get(start - 1).map(|f| f.frame_obj.is_none()).unwrap_or(false) {
        start -= 1;
    }
    for i in start..=idx {
        if vm.frames.get(i)?.frame_obj.is_some() {
            continue;
        }
        let f = vm.frames.get(i)?;
        let globals = Value::Obj(f.globals.clone());
        let builtins = Value::Obj(f.builtins.clone());
        let line = f.line();
        let lasti = f.lasti as u32;
        let back = if i > 0 {
            vm.frames.get(i - 1).and_then(|p| p.frame_obj.clone()).map(Value::Obj).unwrap_or(Value::None)
        } else {
            Value::None
        };
        let data = FrameObjData::new(f.code.clone(), globals, builtins, Value::Null, line, lasti, back, i);
        data.capture(f);
        let fo = PyObject::new(vm.types.frame.clone(), Payload::Frame(data));
        if let Some(f) = vm.frames.get_mut(i) {
            f.frame_obj = Some(fo);
        }
    }
    let fo = vm.frames.get(idx)?.frame_obj.clone()?;
    if let Payload::Frame(fd) = &fo.payload {
        if let Some(f) = vm.frames.get(idx) {
            fd.lineno.set(f.line());
            fd.lasti.set(f.lasti as u32);
        }
    }
    Some(fo)
}

/// `sys._getframe(depth)`: the frame object `depth` calls up the stack.
pub fn getframe(vm: &mut Vm, depth: i64) -> PyResult<Value> {
    if depth < 0 || depth as usize >= vm.frames.len() {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let idx = vm.frames.len() - 1 - depth as usize;
    match frame_object(vm, idx) {
        Some(f) => Ok(Value::Obj(f)),
        None => Err(vm.value_error("call stack is not deep enough")),
    }
}

/// Native `sys._getframe([depth])`.
pub fn sys_getframe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "_getframe", &args, 0, 1)?;
    let depth = match args.args.first() {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    getframe(vm, depth)
}

/// `sys.exc_info()`.
pub fn sys_exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    if e.is_none() || e.is_null() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let tp = Value::Obj(vm.type_of(&e));
    let tb = crate::types::exceptions::get_traceback(&e);
    Ok(vm.new_tuple(vec![tp, e, tb]))
}

/// `sys.exception()`.
pub fn sys_exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    if e.is_null() {
        return Ok(Value::None);
    }
    Ok(e)
}

/// `sys.excepthook(type, value, traceback)`: prints the exception as the
/// interpreter does for an uncaught one.
pub fn excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("excepthook() takes no keyword arguments"));
    }
    if args.args.len() != 3 {
        return Err(vm.type_error(format!("excepthook expected 3 arguments, got {}", args.args.len())));
    }
    let v = args.args[1].clone();
    let tb = args.args[2].clone();
    // A traceback passed explicitly is the one shown.
    let be = vm.exc.base_exception.clone();
    if vm.is_instance(&v, &be) && !tb.is_none() {
        let cur = crate::types::exceptions::get_traceback(&v);
        if cur.id() != tb.id() && matches!(tb.as_obj().map(|o| &o.payload), Some(Payload::Traceback(_))) {
            crate::types::exceptions::set_traceback(&v, tb);
        }
    }
    crate::types::traceback::print_exception(vm, &v);
    Ok(Value::None)
}

/// Registers frame and traceback attributes and the sys functions.
pub fn init(vm: &mut Vm) {
    let ft = vm.types.frame.clone();
    vm.add_getsets(&ft, &[
        GetSetDef { name: "f_code", get: |vm, v| Ok(frame_data(v).map(|f| f.code(vm)).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "f_globals", get: |_, v| Ok(frame_data(v).map(|f| f.globals()).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "f_builtins", get: |_, v| Ok(frame_data(v).map(|f| f.builtins()).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "f_locals", get: f_locals_get, set: None },
        GetSetDef { name: "f_lineno", get: f_lineno_get, set: None },
        GetSetDef { name: "f_lasti", get: f_lasti_get, set: None },
        GetSetDef { name: "f_back", get: |_, v| Ok(frame_data(v).map(|f| f.back()).unwrap_or(Value::None)), set: None },
        GetSetDef { name: "f_trace", get: |_, _| Ok(Value::None), set: Some(|_, _, _| Ok(())) },
        GetSetDef { name: "f_trace_lines", get: |_, _| Ok(Value::Bool(true)), set: Some(|_, _, _| Ok(())) },
    ]);
    vm.add_methods(&ft, &[("__repr__", frame_repr), ("clear", |_, _| Ok(Value::None))]);
    let tt = vm.types.traceback.clone();
    vm.add_getsets(&tt, &[
        GetSetDef { name: "tb_frame", get: tb_frame, set: None },
        GetSetDef { name: "tb_lineno", get: tb_lineno_get, set: None },
        GetSetDef { name: "tb_lasti", get: tb_lasti_get, set: None },
        GetSetDef { name: "tb_next", get: tb_next_get, set: Some(tb_next_set) },
    ]);
    let sd = vm.sys_dict.clone();
    for (name, f) in [
        ("_getframe", sys_getframe as crate::types::function::NativeFn),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
    ] {
        let k = vm.intern(name);
        let fv = vm.new_builtin(name, f);
        crate::types::dict::dict_set_str(&sd, &k, fv);
    }
    for name in ["excepthook", "__excepthook__"] {
        let k = vm.intern(name);
        if crate::types::dict::dict_get_str(&sd, &k).is_none() {
            let fv = vm.new_builtin(name, crate::modules::sys::sys_excepthook);
            crate::types::dict::dict_set_str(&sd, &k, fv);
        }
    }
}

fn frame_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.args.first().cloned().unwrap_or(Value::None);
    let Some(fd) = frame_data(&v) else { return Err(vm.type_error("descriptor '__repr__' requires a 'frame' object")) };
    let (file, name) = (fd.code_ref.co.filename.clone(), fd.code_ref.co.name.clone());
    let fr = vm.repr_string(&vm.new_str(&file))?;
    Ok(vm.new_str(&format!("<frame at {:#x}, file {}, line {}, code {}>", v.id(), fr, fd.lineno.get(), name)))
}

fn tb_data(v: &Value) -> Option<&crate::types::exceptions::TracebackData> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Traceback(t)) => Some(t),
        _ => None,
    }
}

fn tb_frame(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(t) = tb_data(v) else { return Ok(Value::None) };
    if !t.frame.is_none() {
        return Ok(t.frame.clone());
    }
    // A frame object made on demand from the entry's code.
    let data = FrameObjData::new(
        t.code.clone(),
        Value::None,
        Value::None,
        Value::None,
        crate::types::traceback::tb_lineno(t),
        t.lasti,
        Value::None,
        usize::MAX,
    );
    let fo = PyObject::new(vm.types.frame.clone(), Payload::Frame(data));
    Ok(Value::Obj(fo))
}

fn tb_lineno_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb_data(v).map(|t| Value::Int(crate::types::traceback::tb_lineno(t) as i64)).unwrap_or(Value::None))
}

fn tb_lasti_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb_data(v).map(|t| Value::Int(if t.lasti == u32::MAX { -1 } else { t.lasti as i64 * 2 })).unwrap_or(Value::None))
}

fn tb_next_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb_data(v).map(|t| t.next.borrow().clone()).unwrap_or(Value::None))
}

fn tb_next_set(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let Some(new) = new else { return Err(vm.type_error("can't delete tb_next attribute")) };
    if !new.is_none() && tb_data(&new).is_none() {
        return Err(vm.type_error(format!("expected traceback object or None, got '{}'", vm.type_name(&new))));
    }
    // Refuse loops.
    let mut cur = new.clone();
    while let Some(t) = tb_data(&cur) {
        if cur.id() == v.id() {
            return Err(vm.value_error("traceback loop detected"));
        }
        let n = t.next.borrow().clone();
        cur = n;
    }
    if let Some(t) = tb_data(v) {
        *t.next.borrow_mut() = new;
    }
    Ok(())
}
