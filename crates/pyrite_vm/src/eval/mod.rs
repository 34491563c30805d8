//! The interpreter loop. Python-to-Python calls push a frame onto `vm.frames`
//! and continue in the same loop (no Rust recursion); calls from Rust into
//! Python (`vm.call`) start a nested loop that returns when its entry frame
//! does. Exceptions unwind through the code object's exception table.
//! CPython: Python/ceval.c (3.11).

pub mod frame;
mod ops;

use crate::error::{PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::value::Value;
use crate::types::code::Code;
use crate::vm::Vm;
use frame::Frame;
use std::rc::Rc;
use pyrite_bytecode::CodeFlags;

/// How a run of the loop ended.
pub enum Exit {
    /// The entry frame returned a value.
    Return(Value),
    /// The entry frame (a generator's) yielded a value and is suspended.
    Yield(Value),
}

/// What an instruction asks the loop to do next.
pub(crate) enum Flow {
    /// A new frame was pushed: continue with it.
    Call,
    /// The current frame returns this value.
    Return(Value),
    /// The current (generator) frame yields this value.
    Yield(Value),
}

impl Vm {
    /// Runs `frame` to completion and returns its value. Counts toward the
    /// recursion limit.
    pub fn run_frame(&mut self, mut frame: Box<Frame>) -> PyResult<Value> {
        if frame.code.co.flags.0 & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0 {
            return Ok(crate::types::generator::new_generator(self, frame));
        }
        frame.is_entry = true;
        self.push_frame(frame)?;
        match self.run()? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.system_error("frame yielded outside a generator")),
        }
    }

    /// Pushes a frame, enforcing the recursion limit.
    #[inline]
    pub(crate) fn push_frame(&mut self, frame: Box<Frame>) -> PyResult<()> {
        self.depth += 1;
        // The native-stack check matters for calls from Rust into Python
        // (dunders, key functions), which recurse on the Rust stack: with a
        // huge recursion limit they must still end in RecursionError.
        if self.depth > self.recursion_limit || !crate::stack::has_room() {
            self.depth -= 1;
            return Err(self.recursion_error(""));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// A frame for a new activation, reusing a pooled one when available.
    #[inline]
    pub fn alloc_frame(&mut self, code: Rc<Code>, globals: PyRef, builtins: PyRef, locals: Value, func: Value) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset(code, globals, builtins, locals, func);
                f
            }
            None => Box::new(Frame::new(code, globals, builtins, locals, func)),
        }
    }

    /// A frame for a call of Python function `fobj` (arguments not bound yet):
    /// its locals are all unbound.
    #[inline]
    pub fn alloc_func_frame(&mut self, fobj: &PyRef, func: &crate::types::function::Function) -> Box<Frame> {
        let mut f = self.alloc_call_frame(fobj, func);
        f.fill_locals();
        f
    }

    /// Like `alloc_func_frame` but with empty locals: the caller pushes the
    /// arguments and then calls `Frame::fill_locals`. A pooled frame last used
    /// for the same code keeps its code, globals and builtins references.
    #[inline]
    pub(crate) fn alloc_call_frame(&mut self, fobj: &PyRef, func: &crate::types::function::Function) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset_for(fobj, func);
                f
            }
            None => {
                let mut f = Box::new(Frame::new(func.code.clone(), func.globals.clone(), func.builtins.clone(), Value::Null, Value::Obj(fobj.clone())));
                f.fast.clear();
                f
            }
        }
    }

    /// Returns a finished frame to the pool.
    #[inline]
    pub(crate) fn recycle_frame(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() < 256 {
            f.clear();
            self.frame_pool.push(f);
        }
    }

    /// Pushes the frame of a Python-to-Python call made by the loop itself,
    /// which does not grow the native stack: only the recursion limit applies.
    #[inline]
    pub(crate) fn push_frame_from_loop(&mut self, frame: Box<Frame>) -> PyResult<()> {
        self.push_frame_from_loop_as(frame, "")
    }

    /// `push_frame_from_loop` with the RecursionError's message suffix (a
    /// class's `__init__` is, in CPython, entered through a C-level call:
    /// " while calling a Python object").
    #[inline]
    pub(crate) fn push_frame_from_loop_as(&mut self, frame: Box<Frame>, suffix: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.recursion_limit {
            self.depth -= 1;
            self.recycle_frame(frame);
            return Err(self.recursion_error(suffix));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Pops the current frame.
    #[inline]
    pub(crate) fn pop_frame(&mut self) -> Option<Box<Frame>> {
        self.depth -= 1;
        self.frames.pop()
    }

    /// Runs frames until the entry frame (the innermost one with `is_entry` at
    /// the time of the call) returns or yields.
    pub(crate) fn run(&mut self) -> PyResult<Exit> {
        self.run_with(None)
    }

    /// Like `run`, raising `pending` in the current frame first (generator `throw`).
    pub(crate) fn run_with(&mut self, mut pending: Option<PyErr>) -> PyResult<Exit> {
        loop {
            let Some(fb) = self.frames.last_mut() else {
                return Err(self.system_error("no frame to run"));
            };
            let fptr: *mut Frame = &mut **fb;
            // SAFETY: frames are boxed, so the pointer stays valid while the Vec
            // grows; this frame is only popped below, after its last use.
            let f = unsafe { &mut *fptr };
            if let Some(e) = pending.take() {
                if crate::object::FINALIZERS_PENDING.load(std::sync::atomic::Ordering::Relaxed) {
                    crate::finalize::run_pending(self);
                }
                if !std::mem::take(&mut self.reraising) {
                    if crate::types::exceptions::get_traceback(&Value::Obj(e.0.clone())).is_none() {
                        // Freshly raised here: chain it to the exception being handled.
                        crate::types::exceptions::attach_context(self, &e);
                    }
                    crate::types::exceptions::add_traceback(self, &e, f);
                }
                // The handler is found from the instruction being executed; `lasti`
                // may have been reset by RERAISE for the traceback only.
                if let Some(h) = f.code.co.find_handler(f.pc.saturating_sub(1) as u32).copied() {
                    f.stack.truncate(h.depth as usize);
                    if h.lasti {
                        f.stack.push(Value::Int(f.lasti as i64));
                    }
                    f.stack.push(Value::Obj(e.0.clone()));
                    f.pc = h.target as usize;
                } else {
                    let fr = self.pop_frame();
                    let entry = fr.as_ref().map(|f| f.is_entry).unwrap_or(true);
                    let mut e = e;
                    if let Some(fr) = fr {
                        if fr.resumed_inline {
                            // A generator resumed by FOR_ITER in this loop: it
                            // is finished, and the caller sees what `resume`
                            // would report.
                            crate::types::generator::frame_ended_inline(self, fr);
                            e = crate::types::generator::escaped_error(self, e, crate::types::generator::GenKind::Generator);
                        } else {
                            match fr.generator.as_ref().and_then(|w| w.upgrade()) {
                                Some(g) => crate::types::generator::frame_finished(self, &g, fr),
                                None => self.recycle_frame(fr),
                            }
                        }
                    }
                    if entry {
                        return Err(e);
                    }
                    pending = Some(e);
                    continue;
                }
            }
            match self.execute(f) {
                Ok(Flow::Call) => {}
                Ok(Flow::Return(v)) => {
                    let fr = self.pop_frame();
                    let entry = fr.as_ref().map(|f| f.is_entry).unwrap_or(true);
                    if let Some(fr) = fr {
                        match fr.generator.as_ref().and_then(|w| w.upgrade()) {
                            Some(g) => crate::types::generator::frame_finished(self, &g, fr),
                            None => self.recycle_frame(fr),
                        }
                    }
                    if entry {
                        return Ok(Exit::Return(v));
                    }
                    match self.frames.last_mut() {
                        Some(caller) => crate::value::push_value(&mut caller.stack, v),
                        None => return Ok(Exit::Return(v)),
                    }
                }
                Ok(Flow::Yield(v)) => return Ok(Exit::Yield(v)),
                Err(e) => pending = Some(e),
            }
        }
    }

    /// Executes instructions of frame `f` until it calls, returns, yields or raises.
    fn execute(&mut self, f: &mut Frame) -> PyResult<Flow> {
        ops::execute(self, f)
    }
}

/// Runs a class body (`func`'s code) with `ns` as its locals mapping; returns
/// the `__class__` cell (or None) that the body returns.
pub fn run_class_body(vm: &mut Vm, func: &Value, ns: Value) -> PyResult<Value> {
    let Some(fo) = func.as_obj() else { return Err(vm.type_error("bad class body")) };
    let Payload::Function(fd) = &fo.payload else { return Err(vm.type_error("bad class body")) };
    let mut frame = Box::new(Frame::new(fd.code.clone(), fd.globals.clone(), fd.builtins.clone(), ns, func.clone()));
    vm.init_cells(&mut frame, fd);
    vm.run_frame_plain(frame)
}

impl Vm {
    /// Runs a non-generator frame regardless of its flags (class bodies, module code).
    pub fn run_frame_plain(&mut self, mut frame: Box<Frame>) -> PyResult<Value> {
        frame.is_entry = true;
        self.push_frame(frame)?;
        match self.run()? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.system_error("frame yielded outside a generator")),
        }
    }

    /// Runs module-level code with `globals` as both globals and locals.
    pub fn run_code(&mut self, code: std::rc::Rc<crate::types::code::Code>, globals: PyRef, locals: Option<Value>) -> PyResult<Value> {
        let builtins = self.builtins_for(&globals);
        let locals = locals.unwrap_or_else(|| Value::Obj(globals.clone()));
        let frame = Box::new(Frame::new(code, globals, builtins, locals, Value::None));
        self.run_frame_plain(frame)
    }

    /// The builtins dict for code running with `globals` (its `__builtins__`).
    pub fn builtins_for(&mut self, globals: &PyRef) -> PyRef {
        let k = self.names.__builtins__.clone();
        match crate::types::dict::dict_get_str(globals, &k) {
            Some(Value::Obj(o)) => match &o.payload {
                Payload::Dict(_) => o,
                Payload::Module(_) => o.dict.borrow().clone().unwrap_or_else(|| self.builtins_dict.clone()),
                _ => self.builtins_dict.clone(),
            },
            _ => {
                let b = Value::Obj(self.builtins.clone());
                crate::types::dict::dict_set_str(globals, &k, b);
                self.builtins_dict.clone()
            }
        }
    }
}
