//! Generators, coroutines and async generators; CPython: Objects/genobject.c.
//!
//! A generator owns its suspended frame. Resuming pushes the frame onto
//! `vm.frames` as an entry frame and runs a nested loop until the frame yields
//! (it is popped and stored back) or finishes.

use crate::error::{PyErr, PyResult};
use crate::eval::frame::Frame;
use crate::eval::Exit;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::function::Args;
use crate::types::iter::IterState;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::{CodeFlags, Opcode};
use std::cell::RefCell;
use std::rc::Rc;

/// Which kind of generator object.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// A generator's state.
pub struct GenData {
    pub kind: GenKind,
    /// The suspended frame; `None` once finished or while running.
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub finished: bool,
    /// False until the first resume.
    pub started: bool,
    pub name: Value,
    pub qualname: Value,
    pub code: Value,
    /// The exception being handled inside the generator while suspended.
    pub exc_state: Value,
    /// For coroutines: awaited by another coroutine already.
    pub awaited: bool,
    /// For async generators: hooks were finalised / closed.
    pub ag_closed: bool,
}

/// Result of sending a value into an iterator.
pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

/// Creates the generator object for a frame of a generator/coroutine code.
pub fn new_generator(vm: &mut Vm, mut frame: Box<Frame>) -> Value {
    let flags = frame.code.co.flags;
    let (kind, cls) = if flags.has(CodeFlags::COROUTINE) {
        (GenKind::Coroutine, vm.types.coroutine.clone())
    } else if flags.has(CodeFlags::ASYNC_GENERATOR) {
        (GenKind::AsyncGenerator, vm.types.async_generator.clone())
    } else {
        (GenKind::Generator, vm.types.generator.clone())
    };
    let (name, qualname) = match frame.func.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(f)) => (f.name.borrow().clone(), f.qualname.borrow().clone()),
        _ => (Value::None, Value::None),
    };
    let code = Value::Obj(PyObject::new(vm.types.code.clone(), Payload::Code(frame.code.clone())));
    let g = PyObject::new(cls, Payload::Generator(RefCell::new(GenData {
        kind,
        frame: None,
        running: false,
        finished: false,
        started: false,
        name,
        qualname,
        code,
        exc_state: Value::None,
        awaited: false,
        ag_closed: false,
    })));
    frame.generator = Some(Rc::downgrade(&g));
    if let Payload::Generator(gd) = &g.payload {
        gd.borrow_mut().frame = Some(frame);
    }
    Value::Obj(g)
}

/// Called by the loop when a generator's frame finishes (returns or raises).
pub fn frame_finished(_vm: &mut Vm, g: &PyRef, _frame: Box<Frame>) {
    if let Payload::Generator(gd) = &g.payload {
        let mut gd = gd.borrow_mut();
        gd.finished = true;
        gd.running = false;
    }
}

fn gen_data(v: &Value) -> Option<&RefCell<GenData>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Generator(g)) => Some(g),
        _ => None,
    }
}

fn kind_word(k: GenKind) -> &'static str {
    match k {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

/// Resumes generator `g` with `value` sent in, or with `exc` raised at the
/// suspension point.
pub fn resume(vm: &mut Vm, g: &Value, value: Value, exc: Option<PyErr>) -> PyResult<SendResult> {
    let Some(gd) = gen_data(g) else { return Err(vm.type_error("not a generator")) };
    let (frame, kind, own) = {
        let mut d = gd.borrow_mut();
        if d.running {
            let k = d.kind;
            drop(d);
            return Err(vm.value_error(format!("{} already executing", kind_word(k))));
        }
        if d.finished || d.frame.is_none() {
            let k = d.kind;
            drop(d);
            if let Some(e) = exc {
                return Err(e);
            }
            if k == GenKind::Coroutine {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(SendResult::Returned(Value::Null));
        }
        if !d.started && !value.is_none() && exc.is_none() {
            let k = d.kind;
            drop(d);
            return Err(vm.type_error(format!("can't send non-None value to a just-started {}", kind_word(k))));
        }
        let mut frame = d.frame.take().ok_or_else(|| PyErr(vm.none_singletons.empty_str.clone()))?;
        if d.started && exc.is_none() {
            crate::value::push_value(&mut frame.stack, value);
        }
        d.started = true;
        d.running = true;
        frame.is_entry = true;
        frame.resumed_inline = false;
        // The generator's handled exception is in place while it runs.
        let own = std::mem::replace(&mut d.exc_state, Value::None);
        (frame, d.kind, own)
    };
    let saved = std::mem::replace(&mut vm.exc_info, own);
    let r = match vm.push_frame(frame) {
        Ok(()) => vm.run_with(exc),
        Err(e) => {
            gd.borrow_mut().finished = true;
            Err(e)
        }
    };
    let inner_exc = std::mem::replace(&mut vm.exc_info, saved);
    let mut d = gd.borrow_mut();
    d.running = false;
    match r {
        Ok(Exit::Yield(v)) => {
            d.exc_state = inner_exc;
            // The yielding frame is still on top of the frame stack: take it back.
            vm.depth -= 1;
            d.frame = vm.frames.pop();
            Ok(SendResult::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            d.finished = true;
            d.exc_state = Value::None;
            drop(d);
            if kind == GenKind::AsyncGenerator && !v.is_none() {
                return Err(vm.system_error("async generator returned a value"));
            }
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            d.finished = true;
            d.exc_state = Value::None;
            drop(d);
            Err(escaped_error(vm, e, kind))
        }
    }
}

/// The exception seen by the resumer when `e` escapes a generator's frame.
/// PEP 479: StopIteration (StopAsyncIteration from an async generator)
/// becomes RuntimeError.
pub(crate) fn escaped_error(vm: &mut Vm, e: PyErr, kind: GenKind) -> PyErr {
    let si = vm.exc.stop_iteration.clone();
    let sai = vm.exc.stop_async_iteration.clone();
    let msg = if vm.is_subtype(e.0.class(), &si) {
        Some(format!("{} raised StopIteration", kind_word(kind)))
    } else if kind == GenKind::AsyncGenerator && vm.is_subtype(e.0.class(), &sai) {
        Some("async generator raised StopAsyncIteration".to_string())
    } else {
        None
    };
    if let Some(msg) = msg {
        let re = vm.runtime_error(msg);
        crate::types::exceptions::set_cause(vm, &re, Value::Obj(e.0.clone()));
        crate::types::exceptions::set_context(vm, &re, Value::Obj(e.0.clone()));
        return re;
    }
    e
}

/// Called by the loop when a frame resumed inline by `FOR_ITER` yields: the
/// frame (already popped) goes back into its generator, and the caller's
/// handled exception `saved` is restored.
pub(crate) fn frame_yielded_inline(vm: &mut Vm, mut frame: Box<Frame>) {
    frame.resumed_inline = false;
    let saved = std::mem::replace(&mut frame.saved_exc, Value::None);
    let inner = std::mem::replace(&mut vm.exc_info, saved);
    match frame.generator.as_ref().and_then(|w| w.upgrade()) {
        Some(g) => {
            if let Payload::Generator(gd) = &g.payload {
                let mut d = gd.borrow_mut();
                d.running = false;
                d.exc_state = inner;
                d.frame = Some(frame);
            }
        }
        None => drop(frame),
    }
}

/// Called by the loop when a frame resumed inline by `FOR_ITER` returns or
/// lets an exception escape (the frame is already popped): the generator is
/// finished and the caller's handled exception restored.
pub(crate) fn frame_ended_inline(vm: &mut Vm, mut frame: Box<Frame>) {
    frame.resumed_inline = false;
    vm.exc_info = std::mem::replace(&mut frame.saved_exc, Value::None);
    match frame.generator.as_ref().and_then(|w| w.upgrade()) {
        Some(g) => {
            if let Payload::Generator(gd) = &g.payload {
                let mut d = gd.borrow_mut();
                d.running = false;
                d.finished = true;
                d.exc_state = Value::None;
            }
            drop(frame);
        }
        None => drop(frame),
    }
}

/// `FOR_ITER` (`send` false, `value` None) or `SEND` of `value` on a plain
/// generator that can be resumed: takes its frame out, sends `value` in (when
/// started) and marks it running with its handled exception in place. The
/// caller pushes the frame and continues with it. `None` when the generator
/// cannot be resumed this way (the generic path then reports what is wrong).
#[inline]
pub(crate) fn take_frame_for_inline(vm: &mut Vm, g: &PyRef, exit: usize, send: bool, value: &Value) -> Option<Box<Frame>> {
    let Payload::Generator(gd) = &g.payload else { return None };
    if !Rc::ptr_eq(g.class(), &vm.types.generator) || vm.depth >= vm.recursion_limit {
        return None;
    }
    let mut d = gd.try_borrow_mut().ok()?;
    if d.running || d.finished || (!d.started && !value.is_none()) {
        return None;
    }
    let mut frame = d.frame.take()?;
    if d.started {
        crate::value::push_value(&mut frame.stack, value.clone());
    }
    frame.inline_send = send;
    d.started = true;
    d.running = true;
    frame.saved_exc = std::mem::replace(&mut vm.exc_info, std::mem::replace(&mut d.exc_state, Value::None));
    frame.is_entry = false;
    frame.resumed_inline = true;
    frame.inline_exit = exit;
    Some(frame)
}

/// `SEND`: sends `v` into any iterator (generators directly, others via
/// `__next__`/`send`).
pub fn send(vm: &mut Vm, sub: &Value, v: Value) -> PyResult<SendResult> {
    if gen_data(sub).is_some() {
        return match resume(vm, sub, v, None)? {
            SendResult::Returned(r) if r.is_null() => Ok(SendResult::Returned(Value::None)),
            r => Ok(r),
        };
    }
    let r = if v.is_none() {
        let nn = vm.names.__next__.clone();
        vm.call_special(sub, &nn, &[]).and_then(|r| r.ok_or_else(|| vm.type_error(format!("'{}' object is not an iterator", vm.type_name(sub)))))
    } else {
        vm.call_method(sub, "send", &[v])
    };
    match r {
        Ok(y) => Ok(SendResult::Yielded(y)),
        Err(e) if vm.err_matches(&e, &vm.exc.stop_iteration.clone()) => {
            Ok(SendResult::Returned(crate::types::exceptions::stop_iteration_value(vm, &e)))
        }
        Err(e) => Err(e),
    }
}

/// `GET_YIELD_FROM_ITER`.
pub fn get_yield_from_iter(vm: &mut Vm, v: &Value, flags: CodeFlags) -> PyResult<Value> {
    if let Some(g) = gen_data(v) {
        if g.borrow().kind == GenKind::Coroutine && !flags.has(CodeFlags::COROUTINE) && !flags.has(CodeFlags::ITERABLE_COROUTINE) {
            return Err(vm.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
        }
        if g.borrow().kind == GenKind::Generator {
            return Ok(v.clone());
        }
        if g.borrow().kind == GenKind::Coroutine {
            return Ok(v.clone());
        }
    }
    vm.iter(v)
}

/// `GET_AWAITABLE`: the iterator behind `await v`.
pub fn get_awaitable(vm: &mut Vm, v: &Value, where_: u32) -> PyResult<Value> {
    if let Some(g) = gen_data(v) {
        let kind = g.borrow().kind;
        if kind == GenKind::Coroutine {
            let running_sub = g.borrow().frame.as_ref().map(|f| is_delegating(f)).unwrap_or(false);
            if running_sub {
                return Err(vm.runtime_error("coroutine is being awaited already"));
            }
            return Ok(v.clone());
        }
        if kind == GenKind::Generator {
            let flags = g.borrow().frame.as_ref().map(|f| f.code.co.flags).unwrap_or_default();
            if flags.has(CodeFlags::ITERABLE_COROUTINE) {
                return Ok(v.clone());
            }
        }
    }
    let an = vm.names.__await__.clone();
    match vm.call_special(v, &an, &[])? {
        Some(it) => {
            if let Some(g) = gen_data(&it) {
                if g.borrow().kind == GenKind::Coroutine {
                    return Err(vm.type_error("__await__() returned a coroutine"));
                }
            }
            let nn = vm.names.__next__.clone();
            if vm.lookup_special(&it, &nn).is_none() {
                return Err(vm.type_error(format!("__await__() returned non-iterator of type '{}'", vm.type_name(&it))));
            }
            Ok(it)
        }
        None => {
            let msg = match where_ {
                1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {}", vm.type_name(v)),
                2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {}", vm.type_name(v)),
                _ => format!("object {} can't be used in 'await' expression", vm.type_name(v)),
            };
            Err(vm.type_error(msg))
        }
    }
}

/// True if the suspended frame is inside a `yield from`/`await` loop.
fn is_delegating(f: &Frame) -> bool {
    let code = &f.code.instrs;
    f.lasti >= 1
        && code.get(f.lasti).map(|w| *w as u8) == Some(Opcode::YieldValue as u8)
        && code.get(f.lasti - 1).map(|w| *w as u8) == Some(Opcode::Send as u8)
}

/// The sub-iterator a suspended generator delegates to, if any.
fn delegate(gd: &GenData) -> Option<Value> {
    let f = gd.frame.as_ref()?;
    if is_delegating(f) {
        f.stack.last().cloned()
    } else {
        None
    }
}

/// `ASYNC_GEN_WRAP`.
pub fn async_gen_wrap(vm: &mut Vm, v: Value) -> Value {
    Value::Obj(PyObject::new(vm.types.async_gen_wrapped.clone(), Payload::StaticMethod(RefCell::new(v))))
}

fn unwrap_async_value(vm: &Vm, v: &Value) -> Option<Value> {
    match v.as_obj() {
        Some(o) if Rc::ptr_eq(o.class(), &vm.types.async_gen_wrapped) => match &o.payload {
            Payload::StaticMethod(x) => Some(x.borrow().clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `GET_AITER`.
pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = vm.names.__aiter__.clone();
    match vm.call_special(v, &n, &[])? {
        Some(it) => {
            let an = vm.names.__anext__.clone();
            if vm.lookup_special(&it, &an).is_none() {
                return Err(vm.type_error(format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    vm.type_name(&it)
                )));
            }
            Ok(it)
        }
        None => Err(vm.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            vm.type_name(v)
        ))),
    }
}

/// `GET_ANEXT`.
pub fn get_anext(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = vm.names.__anext__.clone();
    match vm.call_special(v, &n, &[])? {
        Some(aw) => get_awaitable(vm, &aw, 0).map_err(|e| {
            let _ = &e;
            e
        }),
        None => Err(vm.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            vm.type_name(v)
        ))),
    }
}

// ----- Python-visible methods ----------------------------------------------

fn gen_self<'a>(vm: &mut Vm, args: &'a Args<'_>) -> PyResult<&'a Value> {
    match args.args.first() {
        Some(v) if gen_data(v).is_some() => Ok(v),
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}

fn finish_result(vm: &mut Vm, r: SendResult, kind: GenKind) -> PyResult<Value> {
    match r {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => {
            if kind == GenKind::AsyncGenerator {
                let c = vm.exc.stop_async_iteration.clone();
                return Err(vm.new_exception(&c, vec![]));
            }
            if v.is_null() || v.is_none() {
                Err(vm.stop_iteration(None))
            } else {
                Err(vm.stop_iteration(Some(v)))
            }
        }
    }
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_self(vm, &args)?.clone();
    let kind = gen_data(&g).map(|d| d.borrow().kind).unwrap_or(GenKind::Generator);
    let r = resume(vm, &g, Value::None, None)?;
    finish_result(vm, r, kind)
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_self(vm, &args)?.clone();
    let v = args.args.get(1).cloned().unwrap_or(Value::None);
    let kind = gen_data(&g).map(|d| d.borrow().kind).unwrap_or(GenKind::Generator);
    let r = resume(vm, &g, v, None)?;
    finish_result(vm, r, kind)
}

/// `gen.throw(typ[, val[, tb]])`.
pub fn gen_throw_impl(vm: &mut Vm, g: &Value, args: &[Value]) -> PyResult<SendResult> {
    let exc = crate::types::exceptions::make_thrown(vm, args)?;
    throw_into(vm, g, exc)
}

fn throw_into(vm: &mut Vm, g: &Value, exc: PyErr) -> PyResult<SendResult> {
    let Some(gd) = gen_data(g) else { return Err(exc) };
    let sub = delegate(&gd.borrow());
    if let Some(sub) = sub {
        let ge = vm.exc.generator_exit.clone();
        let r = if vm.is_subtype(exc.0.class(), &ge) {
            // Close the sub-iterator, then raise GeneratorExit here.
            match close_iter(vm, &sub) {
                Ok(()) => None,
                Err(e) => Some(Err(e)),
            }
        } else if gen_data(&sub).is_some() {
            gd.borrow_mut().running = true;
            let r = throw_into(vm, &sub, exc.clone());
            gd.borrow_mut().running = false;
            Some(r)
        } else {
            let tn = vm.intern("throw");
            match vm.get_attr_opt(&sub, &tn)? {
                Some(t) => {
                    gd.borrow_mut().running = true;
                    let r = vm.call(&t, &[Value::Obj(exc.0.clone())], &[]);
                    gd.borrow_mut().running = false;
                    Some(match r {
                        Ok(v) => Ok(SendResult::Yielded(v)),
                        Err(e) if vm.err_matches(&e, &vm.exc.stop_iteration.clone()) => {
                            Ok(SendResult::Returned(crate::types::exceptions::stop_iteration_value(vm, &e)))
                        }
                        Err(e) => Err(e),
                    })
                }
                None => None,
            }
        };
        match r {
            Some(Ok(SendResult::Yielded(v))) => return Ok(SendResult::Yielded(v)),
            Some(Ok(SendResult::Returned(v))) => {
                // The sub-iterator finished: leave the SEND loop with its value.
                let v = if v.is_null() { Value::None } else { v };
                {
                    let mut d = gd.borrow_mut();
                    if let Some(f) = d.frame.as_mut() {
                        f.stack.pop();
                        let send_at = f.lasti - 1;
                        let target = (f.code.instrs[send_at] >> 8) as usize;
                        f.pc = target;
                    }
                }
                return resume(vm, g, v, None);
            }
            Some(Err(e)) => return resume(vm, g, Value::None, Some(e)),
            None => {}
        }
    }
    resume(vm, g, Value::None, Some(exc))
}

fn close_iter(vm: &mut Vm, it: &Value) -> PyResult<()> {
    if gen_data(it).is_some() {
        return gen_close_impl(vm, it);
    }
    let cn = vm.intern("close");
    if let Some(c) = vm.get_attr_opt(it, &cn)? {
        vm.call(&c, &[], &[])?;
    }
    Ok(())
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_self(vm, &args)?.clone();
    if args.args.len() < 2 {
        return Err(vm.type_error(format!("throw expected at least 1 argument, got 0")));
    }
    let kind = gen_data(&g).map(|d| d.borrow().kind).unwrap_or(GenKind::Generator);
    let r = gen_throw_impl(vm, &g, &args.args[1..])?;
    finish_result(vm, r, kind)
}

/// `gen.close()`.
pub fn gen_close_impl(vm: &mut Vm, g: &Value) -> PyResult<()> {
    let Some(gd) = gen_data(g) else { return Ok(()) };
    {
        let d = gd.borrow();
        if d.running {
            let k = d.kind;
            drop(d);
            return Err(vm.value_error(format!("{} already executing", kind_word(k))));
        }
        if d.finished || d.frame.is_none() {
            return Ok(());
        }
        if !d.started {
            drop(d);
            let mut d = gd.borrow_mut();
            d.finished = true;
            d.frame = None;
            return Ok(());
        }
    }
    let ge = vm.exc.generator_exit.clone();
    let exc = vm.new_exception(&ge, vec![]);
    match throw_into(vm, g, exc) {
        Ok(SendResult::Yielded(_)) => {
            let k = gd.borrow().kind;
            Err(vm.runtime_error(format!("{} ignored GeneratorExit", kind_word(k))))
        }
        Ok(SendResult::Returned(_)) => Ok(()),
        Err(e) => {
            let si = vm.exc.stop_iteration.clone();
            if vm.is_subtype(e.0.class(), &ge) || vm.is_subtype(e.0.class(), &si) {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_self(vm, &args)?.clone();
    gen_close_impl(vm, &g)?;
    Ok(Value::None)
}

fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn gen_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_self(vm, &args)?.clone();
    let (k, q) = gen_data(&g).map(|d| (d.borrow().kind, d.borrow().qualname.clone())).unwrap_or((GenKind::Generator, Value::None));
    let qn = vm.str_string(&q)?;
    let word = match k {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    Ok(vm.new_str(&format!("<{} object {} at {:#x}>", word, qn, g.id())))
}

fn gen_get<'a>(v: &'a Value) -> Option<std::cell::Ref<'a, GenData>> {
    gen_data(v).map(|d| d.borrow())
}

fn g_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gen_get(v).map(|d| d.name.clone()).unwrap_or(Value::None))
}
fn g_qualname(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gen_get(v).map(|d| d.qualname.clone()).unwrap_or(Value::None))
}
fn g_code(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gen_get(v).map(|d| d.code.clone()).unwrap_or(Value::None))
}
fn g_running(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(gen_get(v).map(|d| d.running).unwrap_or(false)))
}
fn g_frame(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(gd) = gen_data(v) else { return Ok(Value::None) };
    let d = gd.borrow();
    if d.running {
        // The running frame is on the frame stack.
        drop(d);
        let Some(o) = v.as_obj() else { return Ok(Value::None) };
        let idx = vm.frames.iter().rposition(|f| f.generator.as_ref().map(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(o))).unwrap_or(false));
        return Ok(idx.and_then(|i| crate::types::frameobj::frame_object(vm, i)).map(Value::Obj).unwrap_or(Value::None));
    }
    let Some(f) = d.frame.as_ref().filter(|_| !d.finished) else { return Ok(Value::None) };
    // A snapshot of the suspended frame (code, globals, line).
    let data = crate::types::frameobj::FrameObjData::new(
        f.code.clone(),
        Value::Obj(f.globals.clone()),
        Value::Obj(f.builtins.clone()),
        Value::Obj(vm.new_dict()),
        if d.started { f.line() } else { f.code.co.firstlineno },
        f.lasti as u32,
        Value::None,
        usize::MAX,
    );
    drop(d);
    Ok(Value::Obj(PyObject::new(vm.types.frame.clone(), Payload::Frame(data))))
}
fn g_suspended(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(gen_get(v).map(|d| d.started && !d.finished && !d.running).unwrap_or(false)))
}
fn g_yieldfrom(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gen_get(v).and_then(|d| delegate(&d)).unwrap_or(Value::None))
}

// ----- coroutine wrapper and async generator awaitables ----------------------

struct AsendState {
    gen: Value,
    /// Value to send on first step, or an exception to throw (athrow).
    value: Value,
    throw: Option<Vec<Value>>,
    /// 0 = not started, 1 = running, 2 = done.
    state: u8,
    is_close: bool,
}

fn coro_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = args.args[0].clone();
    let w = PyObject::new(vm.types.coroutine_wrapper.clone(), Payload::StaticMethod(RefCell::new(g)));
    Ok(Value::Obj(w))
}

fn wrapper_target(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::StaticMethod(g)) => Ok(g.borrow().clone()),
        _ => Err(vm.type_error("bad coroutine_wrapper")),
    }
}

fn cw_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = wrapper_target(vm, &args.args[0])?;
    let r = resume(vm, &g, Value::None, None)?;
    finish_result(vm, r, GenKind::Coroutine)
}
fn cw_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = wrapper_target(vm, &args.args[0])?;
    let r = resume(vm, &g, args.args.get(1).cloned().unwrap_or(Value::None), None)?;
    finish_result(vm, r, GenKind::Coroutine)
}
fn cw_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = wrapper_target(vm, &args.args[0])?;
    let r = gen_throw_impl(vm, &g, &args.args[1..])?;
    finish_result(vm, r, GenKind::Coroutine)
}
fn cw_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = wrapper_target(vm, &args.args[0])?;
    gen_close_impl(vm, &g)?;
    Ok(Value::None)
}

fn new_asend(vm: &mut Vm, gen: Value, value: Value, throw: Option<Vec<Value>>, is_close: bool) -> Value {
    let cls = if throw.is_some() { vm.types.async_gen_athrow.clone() } else { vm.types.async_gen_asend.clone() };
    Value::Obj(PyObject::new(
        cls,
        Payload::Iter(RefCell::new(IterState::Other(Box::new(AsendState { gen, value, throw, state: 0, is_close })))),
    ))
}

fn with_asend<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut AsendState) -> R) -> PyResult<R> {
    if let Some(Payload::Iter(st)) = v.as_obj().map(|o| &o.payload) {
        if let IterState::Other(b) = &mut *st.borrow_mut() {
            if let Some(s) = b.downcast_mut::<AsendState>() {
                return Ok(f(s));
            }
        }
    }
    Err(vm.type_error("bad async generator awaitable"))
}

/// One step of an asend/athrow awaitable: sends `v` (or throws `exc`) into the
/// async generator and translates the outcome.
fn asend_step(vm: &mut Vm, aw: &Value, v: Value, exc: Option<PyErr>) -> PyResult<Value> {
    let (gen, first_value, throw, state, is_close) =
        with_asend(vm, aw, |s| (s.gen.clone(), s.value.clone(), s.throw.take(), s.state, s.is_close))?;
    if state == 2 {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    with_asend(vm, aw, |s| s.state = 1)?;
    let r = if let Some(e) = exc {
        throw_into(vm, &gen, e)
    } else if state == 0 {
        match throw {
            Some(targs) => {
                if is_close {
                    let ge = vm.exc.generator_exit.clone();
                    let e = vm.new_exception(&ge, vec![]);
                    throw_into(vm, &gen, e)
                } else {
                    gen_throw_impl(vm, &gen, &targs)
                }
            }
            None => resume(vm, &gen, first_value, None),
        }
    } else {
        resume(vm, &gen, v, None)
    };
    match r {
        Ok(SendResult::Yielded(y)) => {
            if let Some(inner) = unwrap_async_value(vm, &y) {
                with_asend(vm, aw, |s| s.state = 2)?;
                if is_close {
                    return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                }
                return Err(vm.stop_iteration(Some(inner)));
            }
            Ok(y)
        }
        Ok(SendResult::Returned(_)) => {
            with_asend(vm, aw, |s| s.state = 2)?;
            if is_close {
                return Err(vm.stop_iteration(None));
            }
            let c = vm.exc.stop_async_iteration.clone();
            Err(vm.new_exception(&c, vec![]))
        }
        Err(e) => {
            with_asend(vm, aw, |s| s.state = 2)?;
            if is_close {
                let ge = vm.exc.generator_exit.clone();
                let sai = vm.exc.stop_async_iteration.clone();
                if vm.is_subtype(e.0.class(), &ge) || vm.is_subtype(e.0.class(), &sai) {
                    return Err(vm.stop_iteration(None));
                }
            }
            Err(e)
        }
    }
}

fn asend_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    asend_step(vm, &args.args[0], Value::None, None)
}
fn asend_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    asend_step(vm, &args.args[0], args.args.get(1).cloned().unwrap_or(Value::None), None)
}
fn asend_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = crate::types::exceptions::make_thrown(vm, &args.args[1..])?;
    asend_step(vm, &args.args[0], Value::None, Some(e))
}
fn asend_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    with_asend(vm, &args.args[0], |s| s.state = 2)?;
    Ok(Value::None)
}

fn agen_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(new_asend(vm, args.args[0].clone(), Value::None, None, false))
}
fn agen_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(new_asend(vm, args.args[0].clone(), args.args.get(1).cloned().unwrap_or(Value::None), None, false))
}
fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(new_asend(vm, args.args[0].clone(), Value::None, Some(args.args[1..].to_vec()), false))
}
fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(new_asend(vm, args.args[0].clone(), Value::None, Some(Vec::new()), true))
}

/// Registers the methods of generator, coroutine and async-generator types.
pub fn init(vm: &mut Vm) {
    let getsets = |prefix: &'static str| -> Vec<GetSetDef> {
        let (n, c, r, f, s, y) = match prefix {
            "gi" => ("gi_frame", "gi_code", "gi_running", "gi_frame", "gi_suspended", "gi_yieldfrom"),
            "cr" => ("cr_frame", "cr_code", "cr_running", "cr_frame", "cr_suspended", "cr_await"),
            _ => ("ag_frame", "ag_code", "ag_running", "ag_frame", "ag_suspended", "ag_await"),
        };
        let _ = n;
        vec![
            GetSetDef { name: "__name__", get: g_name, set: None },
            GetSetDef { name: "__qualname__", get: g_qualname, set: None },
            GetSetDef { name: c, get: g_code, set: None },
            GetSetDef { name: r, get: g_running, set: None },
            GetSetDef { name: f, get: g_frame, set: None },
            GetSetDef { name: s, get: g_suspended, set: None },
            GetSetDef { name: y, get: g_yieldfrom, set: None },
        ]
    };
    let gen = vm.types.generator.clone();
    vm.add_methods(&gen, &[("__next__", gen_next), ("__iter__", gen_iter), ("send", gen_send), ("throw", gen_throw), ("close", gen_close), ("__repr__", gen_repr)]);
    vm.add_getsets(&gen, &getsets("gi"));
    let coro = vm.types.coroutine.clone();
    vm.add_methods(&coro, &[("send", gen_send), ("throw", gen_throw), ("close", gen_close), ("__await__", coro_await), ("__repr__", gen_repr)]);
    vm.add_getsets(&coro, &getsets("cr"));
    let cw = vm.types.coroutine_wrapper.clone();
    vm.add_methods(&cw, &[("__next__", cw_next), ("__iter__", gen_iter), ("send", cw_send), ("throw", cw_throw), ("close", cw_close)]);
    let ag = vm.types.async_generator.clone();
    vm.add_methods(&ag, &[("__anext__", agen_anext), ("__aiter__", gen_iter), ("asend", agen_asend), ("athrow", agen_athrow), ("aclose", agen_aclose), ("__repr__", gen_repr)]);
    vm.add_getsets(&ag, &getsets("ag"));
    for t in [vm.types.async_gen_asend.clone(), vm.types.async_gen_athrow.clone()] {
        vm.add_methods(&t, &[("__next__", asend_next), ("__iter__", gen_iter), ("__await__", gen_iter), ("send", asend_send), ("throw", asend_throw), ("close", asend_close)]);
    }
}

/// `next(g)` for a plain generator object without looking up `__next__`:
/// `Ok(None)` when it returns. `None` when `it` is not a generator (coroutines
/// and async generators are other types).
#[inline]
pub fn next_direct(vm: &mut Vm, it: &Value) -> Option<PyResult<Option<Value>>> {
    let Value::Obj(o) = it else { return None };
    if !matches!(o.payload, Payload::Generator(_)) || !Rc::ptr_eq(o.class(), &vm.types.generator) {
        return None;
    }
    Some(match resume(vm, it, Value::None, None) {
        Ok(SendResult::Yielded(v)) => Ok(Some(v)),
        Ok(SendResult::Returned(_)) => Ok(None),
        Err(e) => Err(e),
    })
}
