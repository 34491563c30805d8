//! Frames: the state of one running code object. Frames live in `Vm::frames`
//! (Python-to-Python calls push one and continue the same loop); a generator
//! keeps its frame while suspended.

use crate::object::PyRef;
use crate::types::code::Code;
use crate::value::Value;
use std::rc::Rc;

/// One activation of a code object.
pub struct Frame {
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub pc: usize,
    /// Index of the instruction being executed (for tracebacks and lasti).
    pub lasti: usize,
    pub stack: Vec<Value>,
    /// Local variables (`co_varnames`); `Value::Null` when unbound.
    pub fast: Vec<Value>,
    /// Cell objects: `co_cellvars` then `co_freevars`.
    pub cells: Vec<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping for module, class and exec frames; `Null` for functions.
    pub locals: Value,
    /// The function being run, if any.
    pub func: Value,
    /// Keyword names set by `KW_NAMES` for the next `CALL`.
    pub kwnames: Option<Value>,
    /// When this frame returns, the loop returns to its Rust caller.
    pub is_entry: bool,
    /// The generator object running this frame, if any.
    pub generator: Option<std::rc::Weak<crate::object::PyObject>>,
    /// The frame object handed out to Python (`tb_frame`, `sys._getframe`), if made.
    pub frame_obj: Option<PyRef>,
    /// The handled exception (`sys.exc_info()`) of the caller, saved while a
    /// generator frame runs.
    pub saved_exc: Value,
    /// For an `__init__` frame pushed by `CALL` of a class: the new instance,
    /// which becomes the call's result when `__init__` returns None.
    pub init_self: Value,
    /// A generator frame resumed by `FOR_ITER` inside the loop running its
    /// caller (not by `generator::resume`): its yield, return and escaping
    /// exception switch back to the caller frame in the same loop.
    pub resumed_inline: bool,
    /// For a frame resumed inline: the exit target of the caller's
    /// `FOR_ITER` or `SEND`.
    pub inline_exit: usize,
    /// For a frame resumed inline: by `SEND` (its return value replaces the
    /// sub-iterator) rather than `FOR_ITER` (the iterator is popped).
    pub inline_send: bool,
}

impl Frame {
    /// A new frame for `code` with empty locals.
    pub fn new(code: Rc<Code>, globals: PyRef, builtins: PyRef, locals: Value, func: Value) -> Frame {
        let nlocals = code.co.varnames.len();
        let stacksize = code.co.stacksize as usize;
        Frame {
            code,
            pc: 0,
            lasti: 0,
            stack: Vec::with_capacity(stacksize),
            fast: vec![Value::Null; nlocals],
            cells: Vec::new(),
            globals,
            builtins,
            locals,
            func,
            kwnames: None,
            is_entry: false,
            generator: None,
            frame_obj: None,
            saved_exc: Value::None,
            init_self: Value::Null,
            resumed_inline: false,
            inline_exit: 0,
            inline_send: false,
        }
    }

    /// Reinitialises a recycled frame for a new activation (keeps the
    /// allocations of its vectors). Recycled frames come back cleared
    /// (`Vm::recycle_frame`), so only what differs is set.
    #[inline]
    pub fn reset(&mut self, code: Rc<Code>, globals: PyRef, builtins: PyRef, locals: Value, func: Value) {
        let nlocals = code.co.varnames.len();
        let stacksize = code.co.stacksize as usize;
        self.stack.reserve(stacksize);
        self.fast.resize(nlocals, Value::Null);
        self.code = code;
        self.pc = 0;
        self.lasti = 0;
        self.globals = globals;
        self.builtins = builtins;
        self.locals = locals;
        self.func = func;
    }

    /// Like `reset`, for a call of Python function `fobj` with no locals
    /// mapping; references equal to the ones held are kept as they are. The
    /// locals are left empty for the caller to fill (`fill_locals`).
    #[inline]
    pub fn reset_for(&mut self, fobj: &PyRef, func: &crate::types::function::Function) {
        if !Rc::ptr_eq(&self.code, &func.code) {
            self.code = func.code.clone();
        }
        if !Rc::ptr_eq(&self.globals, &func.globals) {
            self.globals = func.globals.clone();
        }
        if !Rc::ptr_eq(&self.builtins, &func.builtins) {
            self.builtins = func.builtins.clone();
        }
        let stacksize = self.code.co.stacksize as usize;
        self.stack.reserve(stacksize);
        self.fast.reserve(self.code.co.varnames.len());
        self.pc = 0;
        self.lasti = 0;
        self.func = Value::Obj(fobj.clone());
    }

    /// Completes the locals after the arguments were pushed: the remaining
    /// ones start unbound.
    #[inline]
    pub fn fill_locals(&mut self) {
        let nlocals = self.code.co.varnames.len();
        if self.fast.len() < nlocals {
            self.fast.resize(nlocals, Value::Null);
        }
    }

    /// Clears a finished frame for the pool: drops what it holds, keeps its
    /// vectors' allocations.
    #[inline]
    pub fn clear(&mut self) {
        clear_values(&mut self.stack);
        clear_values(&mut self.fast);
        self.cells.clear();
        self.locals = Value::Null;
        self.func = Value::Null;
        self.frame_obj = None;
        self.kwnames = None;
        self.is_entry = false;
        self.generator = None;
        self.saved_exc = Value::None;
        self.init_self = Value::Null;
        self.resumed_inline = false;
    }

    /// Current line number.
    pub fn line(&self) -> u32 {
        self.code.line_of(self.lasti)
    }
}

/// Empties a vector of values, dropping only the ones that hold a reference
/// (the others have nothing to drop).
#[inline]
fn clear_values(v: &mut Vec<Value>) {
    let n = v.len();
    if n == 0 {
        return;
    }
    let p = v.as_mut_ptr();
    // SAFETY: the length is set to zero first, so a panicking drop cannot
    // observe dropped elements; each of the `n` initialised slots is dropped
    // at most once.
    unsafe {
        v.set_len(0);
        for i in 0..n {
            let e = p.add(i);
            if let Value::Obj(_) = &*e {
                std::ptr::drop_in_place(e);
            }
        }
    }
}
