//! Builtin exception types and exception state; CPython: Objects/exceptions.c.

use crate::error::{PyErr, PyResult};
use crate::object::{Payload, PyObject, PyRef};
use crate::types::code::Code;
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

macro_rules! exc_table {
    ($($field:ident $name:literal : $base:ident),* $(,)?) => {
        /// The builtin exception classes.
        pub struct ExcTypes {
            pub base_exception: PyRef,
            $(pub $field: PyRef,)*
        }

        /// Creates every builtin exception class under `base_exception`.
        pub fn make_exc_types(vm_types: &mut dyn FnMut(&str, &PyRef) -> PyRef, base_exception: PyRef) -> ExcTypes {
            $(let $field = { let b = exc_table!(@base $base, base_exception); vm_types($name, &b) };)*
            ExcTypes { base_exception, $($field,)* }
        }
    };
    (@base base_exception, $be:ident) => { $be.clone() };
    (@base $b:ident, $be:ident) => { $b.clone() };
}

exc_table! {
    base_exception_group "BaseExceptionGroup": base_exception,
    system_exit "SystemExit": base_exception,
    keyboard_interrupt "KeyboardInterrupt": base_exception,
    generator_exit "GeneratorExit": base_exception,
    exception "Exception": base_exception,
    stop_iteration "StopIteration": exception,
    stop_async_iteration "StopAsyncIteration": exception,
    arithmetic_error "ArithmeticError": exception,
    floating_point_error "FloatingPointError": arithmetic_error,
    overflow_error "OverflowError": arithmetic_error,
    zero_division_error "ZeroDivisionError": arithmetic_error,
    assertion_error "AssertionError": exception,
    attribute_error "AttributeError": exception,
    buffer_error "BufferError": exception,
    eof_error "EOFError": exception,
    exception_group "ExceptionGroup": exception,
    import_error "ImportError": exception,
    module_not_found_error "ModuleNotFoundError": import_error,
    lookup_error "LookupError": exception,
    index_error "IndexError": lookup_error,
    key_error "KeyError": lookup_error,
    memory_error "MemoryError": exception,
    name_error "NameError": exception,
    unbound_local_error "UnboundLocalError": name_error,
    os_error "OSError": exception,
    blocking_io_error "BlockingIOError": os_error,
    child_process_error "ChildProcessError": os_error,
    connection_error "ConnectionError": os_error,
    broken_pipe_error "BrokenPipeError": connection_error,
    connection_aborted_error "ConnectionAbortedError": connection_error,
    connection_refused_error "ConnectionRefusedError": connection_error,
    connection_reset_error "ConnectionResetError": connection_error,
    file_exists_error "FileExistsError": os_error,
    file_not_found_error "FileNotFoundError": os_error,
    interrupted_error "InterruptedError": os_error,
    is_a_directory_error "IsADirectoryError": os_error,
    not_a_directory_error "NotADirectoryError": os_error,
    permission_error "PermissionError": os_error,
    process_lookup_error "ProcessLookupError": os_error,
    timeout_error "TimeoutError": os_error,
    reference_error "ReferenceError": exception,
    runtime_error "RuntimeError": exception,
    not_implemented_error "NotImplementedError": runtime_error,
    recursion_error "RecursionError": runtime_error,
    syntax_error "SyntaxError": exception,
    indentation_error "IndentationError": syntax_error,
    tab_error "TabError": indentation_error,
    system_error "SystemError": exception,
    type_error "TypeError": exception,
    value_error "ValueError": exception,
    unicode_error "UnicodeError": value_error,
    unicode_decode_error "UnicodeDecodeError": unicode_error,
    unicode_encode_error "UnicodeEncodeError": unicode_error,
    unicode_translate_error "UnicodeTranslateError": unicode_error,
    warning "Warning": exception,
    bytes_warning "BytesWarning": warning,
    deprecation_warning "DeprecationWarning": warning,
    encoding_warning "EncodingWarning": warning,
    future_warning "FutureWarning": warning,
    import_warning "ImportWarning": warning,
    pending_deprecation_warning "PendingDeprecationWarning": warning,
    resource_warning "ResourceWarning": warning,
    runtime_warning "RuntimeWarning": warning,
    syntax_warning "SyntaxWarning": warning,
    unicode_warning "UnicodeWarning": warning,
    user_warning "UserWarning": warning,
}

/// The builtin state of a BaseException instance.
pub struct ExceptionData {
    pub args: Value,
    pub traceback: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// `__notes__` lives in the instance dict, as in CPython.
    /// Extra attributes of specific exception classes are in the instance dict too.
    pub reserved: (),
}

/// A traceback entry: a frame's code and the instruction that was running.
pub struct TracebackData {
    pub code: Rc<Code>,
    pub lasti: u32,
    pub frame: Value,
    pub next: RefCell<Value>,
}

/// Creates an exception instance of `cls` with `args` (no `__init__` call).
pub fn new_exception(vm: &mut Vm, cls: &PyRef, args: Vec<Value>) -> PyErr {
    let args = vm.new_tuple(args);
    let d = vm.new_dict();
    let o = PyObject::with_dict(
        cls.clone(),
        Payload::Exception(RefCell::new(ExceptionData {
            args,
            traceback: Value::None,
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            reserved: (),
        })),
        d,
    );
    PyErr(o)
}

/// Sets `name` and `obj` of an AttributeError.
pub fn set_attr_error_context(vm: &mut Vm, e: &PyErr, name: Value, obj: Value) {
    if let Some(d) = e.0.dict.borrow().clone() {
        let k = vm.intern("name");
        crate::types::dict::dict_set_str(&d, &k, name);
        let k = vm.intern("obj");
        crate::types::dict::dict_set_str(&d, &k, obj);
    }
}

/// Sets `name` of a NameError.
pub fn set_name_error_name(vm: &mut Vm, e: &PyErr, name: Value) {
    if let Some(d) = e.0.dict.borrow().clone() {
        let k = vm.intern("name");
        crate::types::dict::dict_set_str(&d, &k, name);
    }
}

/// Layout and flags of exception classes.
pub const EXC_LAYOUT: Layout = Layout::Exception;
/// Flags of builtin exception classes.
pub const EXC_FLAGS: u32 = flags::BASETYPE | flags::HAS_DICT | flags::EXCEPTION | flags::IMMUTABLE;

pub(crate) fn exc_data(v: &PyRef) -> Option<&RefCell<ExceptionData>> {
    match &v.payload {
        Payload::Exception(d) => Some(d),
        _ => None,
    }
}

/// Prepends a traceback entry for frame `f` to `e.__traceback__`.
pub fn add_traceback(vm: &mut Vm, e: &PyErr, f: &crate::eval::frame::Frame) {
    let Some(d) = exc_data(&e.0) else { return };
    let old = d.borrow().traceback.clone();
    let code = f.code.clone();
    // A frame that has not started yet (a fresh generator receiving throw())
    // has no current instruction.
    let lasti = if f.pc == 0 { u32::MAX } else { f.lasti as u32 };
    // The frame being unwound is the innermost one on the stack.
    let frame = match vm.frames.last() {
        Some(last) if std::ptr::eq(&**last, f) => {
            let idx = vm.frames.len() - 1;
            crate::types::frameobj::frame_object(vm, idx).map(Value::Obj).unwrap_or(Value::None)
        }
        _ => Value::None,
    };
    let tb = PyObject::new(
        vm.types.traceback.clone(),
        Payload::Traceback(TracebackData {
            code,
            lasti,
            frame,
            next: RefCell::new(old),
        }),
    );
    d.borrow_mut().traceback = Value::Obj(tb);
}

/// `exc.__traceback__` (or None).
pub fn get_traceback(exc: &Value) -> Value {
    match exc.as_obj().and_then(exc_data) {
        Some(d) => d.borrow().traceback.clone(),
        None => Value::None,
    }
}

/// Sets `exc.__traceback__` (no type check).
pub fn set_traceback(exc: &Value, tb: Value) {
    if let Some(d) = exc.as_obj().and_then(exc_data) {
        d.borrow_mut().traceback = tb;
    }
}

/// `exc.__cause__`.
pub fn get_cause(exc: &PyRef) -> Value {
    exc_data(exc).map(|d| d.borrow().cause.clone()).unwrap_or(Value::None)
}

/// Sets `exc.args` to a tuple of `items`.
pub fn set_args(vm: &mut Vm, exc: &Value, items: Vec<Value>) {
    if let Some(d) = exc.as_obj().and_then(exc_data) {
        let t = vm.new_tuple(items);
        d.borrow_mut().args = t;
    }
}

/// Sets `exc.__cause__` (and `__suppress_context__`).
pub fn set_cause(_vm: &mut Vm, e: &PyErr, cause: Value) {
    if let Some(d) = exc_data(&e.0) {
        let mut d = d.borrow_mut();
        d.cause = cause;
        d.suppress_context = true;
    }
}

/// Sets `exc.__context__`.
pub fn set_context(_vm: &mut Vm, e: &PyErr, ctx: Value) {
    if let Some(d) = exc_data(&e.0) {
        d.borrow_mut().context = ctx;
    }
}

/// `exc.__context__`.
pub fn get_context(exc: &PyRef) -> Value {
    exc_data(exc).map(|d| d.borrow().context.clone()).unwrap_or(Value::None)
}

/// `exc.args`.
pub fn get_args(exc: &PyRef) -> Value {
    exc_data(exc).map(|d| d.borrow().args.clone()).unwrap_or(Value::None)
}

/// The value carried by a StopIteration (its first argument, or None).
pub fn stop_iteration_value(vm: &mut Vm, e: &PyErr) -> Value {
    let k = vm.intern("value");
    if let Some(d) = e.0.dict.borrow().as_ref() {
        if let Some(v) = crate::types::dict::dict_get_str(d, &k) {
            return v;
        }
    }
    match get_args(&e.0).as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => t.first().cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// Turns a raised value into an exception instance: a class is
/// instantiated; anything else that is not an exception is a TypeError.
pub fn instantiate(vm: &mut Vm, v: Value) -> PyResult<PyRef> {
    match &v {
        Value::Obj(o) if o.as_type().is_some() => {
            let be = vm.exc.base_exception.clone();
            if !vm.is_subtype(o, &be) {
                return Err(vm.type_error("exceptions must derive from BaseException"));
            }
            let inst = vm.call(&v, &[], &[])?;
            match inst {
                Value::Obj(i) if vm.is_subtype(i.class(), &be) => Ok(i),
                other => {
                    let r = vm.repr_string(&v)?;
                    Err(vm.type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        r,
                        vm.type_name(&other)
                    )))
                }
            }
        }
        Value::Obj(o) if vm.is_subtype(o.class(), &vm.exc.base_exception.clone()) => Ok(o.clone()),
        _ => Err(vm.type_error("exceptions must derive from BaseException")),
    }
}

/// `RAISE_VARARGS`: `raise`, `raise exc`, `raise exc from cause`. Returns the
/// error to propagate. The context is set by `raise_with_context`.
pub fn do_raise(vm: &mut Vm, exc: Option<Value>, cause: Option<Value>) -> PyErr {
    let Some(exc) = exc else {
        // Bare raise: re-raise the handled exception.
        return match vm.exc_info.clone() {
            Value::Obj(e) => {
                // A bare `raise` adds no traceback entry for this frame
                // (CPython's RAISE_VARARGS 0 skips PyTraceBack_Here).
                vm.reraising = true;
                PyErr(e)
            }
            _ => vm.runtime_error("No active exception to reraise"),
        };
    };
    let e = match instantiate(vm, exc) {
        Ok(e) => e,
        Err(err) => return err,
    };
    let err = PyErr(e);
    if let Some(c) = cause {
        let cause_v = if c.is_none() {
            Value::None
        } else {
            match instantiate(vm, c) {
                Ok(ci) => Value::Obj(ci),
                Err(_) => return vm.type_error("exception causes must derive from BaseException"),
            }
        };
        set_cause(vm, &err, cause_v);
    }
    attach_context(vm, &err);
    err
}

/// Sets `__context__` of a newly raised exception to the handled one (if
/// different), breaking cycles as CPython does.
pub fn attach_context(vm: &mut Vm, err: &PyErr) {
    let Value::Obj(cur) = vm.exc_info.clone() else { return };
    if Rc::ptr_eq(&cur, &err.0) {
        return;
    }
    // Avoid cycles: if err is somewhere in cur's context chain, cut it there.
    let mut o = cur.clone();
    loop {
        let ctx = get_context(&o);
        match ctx {
            Value::Obj(c) => {
                if Rc::ptr_eq(&c, &err.0) {
                    if let Some(d) = exc_data(&o) {
                        d.borrow_mut().context = Value::None;
                    }
                    break;
                }
                o = c;
            }
            _ => break,
        }
    }
    set_context(vm, err, Value::Obj(cur));
}

/// `except T:` — does exception `exc` match `t` (a class or tuple of classes)?
pub fn exception_matches(vm: &mut Vm, exc: &Value, t: &Value) -> PyResult<bool> {
    // One class (not a tuple): no list of candidates to build.
    if let Some(co) = t.as_obj() {
        if co.as_type().is_some() {
            let et = vm.type_of(exc);
            if Rc::ptr_eq(&et, co) && vm.is_subtype(&et, &vm.exc.base_exception) {
                return Ok(true);
            }
            let be = vm.exc.base_exception.clone();
            if !vm.is_subtype(co, &be) {
                return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
            return Ok(vm.is_subtype(&et, co));
        }
    }
    let classes: Vec<Value> = match t.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => vec![t.clone()],
    };
    let be = vm.exc.base_exception.clone();
    for c in &classes {
        match c.as_obj() {
            Some(co) if co.as_type().is_some() && vm.is_subtype(co, &be) => {}
            _ => return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }
    let et = vm.type_of(exc);
    for c in classes {
        if let Some(co) = c.as_obj() {
            if vm.is_subtype(&et, co) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// `CHECK_EG_MATCH`: split an exception (group) by `t`. Returns (rest, match);
/// match is None when nothing matched.
pub fn eg_match(vm: &mut Vm, eg: &Value, t: &Value) -> PyResult<(Value, Value)> {
    let classes: Vec<Value> = match t.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => vec![t.clone()],
    };
    let beg = vm.exc.base_exception_group.clone();
    for c in &classes {
        if let Some(co) = c.as_obj() {
            if co.as_type().is_some() && vm.is_subtype(co, &beg) {
                return Err(vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
            }
        }
    }
    if exception_matches(vm, eg, t)? {
        // A naked exception (or a whole matching group).
        let et = vm.type_of(eg);
        if !vm.is_subtype(&et, &beg) {
            let eg_cls = vm.exc.exception_group.clone();
            let msg = vm.new_str("");
            let lst = vm.new_list(vec![eg.clone()]);
            let wrapped = vm.call(&Value::Obj(eg_cls), &[msg, lst], &[])?;
            if let (Value::Obj(w), Value::Obj(orig)) = (&wrapped, eg) {
                if let (Some(wd), Some(od)) = (exc_data(w), exc_data(orig)) {
                    wd.borrow_mut().traceback = od.borrow().traceback.clone();
                }
            }
            return Ok((Value::None, wrapped));
        }
        return Ok((Value::None, eg.clone()));
    }
    let et = vm.type_of(eg);
    if vm.is_subtype(&et, &beg) {
        let split = vm.get_attr_str(eg, "split")?;
        let r = vm.call(&split, &[t.clone()], &[])?;
        let parts = vm.collect(&r)?;
        if parts.len() == 2 {
            return Ok((parts[1].clone(), parts[0].clone()));
        }
    }
    Ok((eg.clone(), Value::None))
}

/// `PREP_RERAISE_STAR`: what to re-raise after the `except*` clauses ran.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, list: &Value) -> PyResult<Value> {
    let items = vm.collect(list)?;
    let raised: Vec<Value> = items.into_iter().filter(|v| !v.is_none()).collect();
    if raised.is_empty() {
        return Ok(Value::None);
    }
    let beg = vm.exc.base_exception_group.clone();
    let ot = vm.type_of(orig);
    if !vm.is_subtype(&ot, &beg) {
        // A naked exception was wrapped for matching; re-raise it as it was.
        return Ok(raised[0].clone());
    }
    // Split raised exceptions into re-raised parts of the original and new ones.
    let mut reraised_leaves: Vec<Value> = Vec::new();
    let mut new_raised: Vec<Value> = Vec::new();
    let orig_leaves = leaf_ids(vm, orig)?;
    for r in raised {
        let ids = leaf_ids(vm, &r)?;
        if !ids.is_empty() && ids.iter().all(|i| orig_leaves.contains(i)) {
            reraised_leaves.push(r);
        } else {
            new_raised.push(r);
        }
    }
    let mut result: Vec<Value> = Vec::new();
    if !reraised_leaves.is_empty() {
        let mut keep = std::collections::HashSet::new();
        for r in &reraised_leaves {
            keep.extend(leaf_ids(vm, r)?);
        }
        let kept = project(vm, orig, &keep)?;
        if !kept.is_none() {
            result.push(kept);
        }
    }
    result.extend(new_raised);
    if result.is_empty() {
        return Ok(Value::None);
    }
    if result.len() == 1 {
        return Ok(result.remove(0));
    }
    let eg_cls = vm.exc.exception_group.clone();
    let msg = vm.new_str("");
    let lst = vm.new_list(result);
    vm.call(&Value::Obj(eg_cls), &[msg, lst], &[])
}

fn leaf_ids(vm: &mut Vm, e: &Value) -> PyResult<Vec<i64>> {
    let beg = vm.exc.base_exception_group.clone();
    let et = vm.type_of(e);
    if !vm.is_subtype(&et, &beg) {
        return Ok(vec![e.id()]);
    }
    let excs = vm.get_attr_str(e, "exceptions")?;
    let mut out = Vec::new();
    for x in vm.collect(&excs)? {
        out.extend(leaf_ids(vm, &x)?);
    }
    Ok(out)
}

fn project(vm: &mut Vm, e: &Value, keep: &std::collections::HashSet<i64>) -> PyResult<Value> {
    let beg = vm.exc.base_exception_group.clone();
    let et = vm.type_of(e);
    if !vm.is_subtype(&et, &beg) {
        return Ok(if keep.contains(&e.id()) { e.clone() } else { Value::None });
    }
    let all_kept = leaf_ids(vm, e)?.iter().all(|i| keep.contains(i));
    if all_kept {
        return Ok(e.clone());
    }
    let excs = vm.get_attr_str(e, "exceptions")?;
    let mut parts = Vec::new();
    for x in vm.collect(&excs)? {
        let p = project(vm, &x, keep)?;
        if !p.is_none() {
            parts.push(p);
        }
    }
    if parts.is_empty() {
        return Ok(Value::None);
    }
    let derive = vm.get_attr_str(e, "derive")?;
    let lst = vm.new_list(parts);
    let d = vm.call(&derive, &[lst], &[])?;
    if let (Value::Obj(dn), Value::Obj(on)) = (&d, e) {
        if let (Some(dd), Some(od)) = (exc_data(dn), exc_data(on)) {
            let o = od.borrow();
            let mut dm = dd.borrow_mut();
            dm.traceback = o.traceback.clone();
            dm.cause = o.cause.clone();
            dm.context = o.context.clone();
            dm.suppress_context = o.suppress_context;
        }
    }
    Ok(d)
}

/// The exception `gen.throw(typ[, val[, tb]])` raises.
pub fn make_thrown(vm: &mut Vm, args: &[Value]) -> PyResult<PyErr> {
    let typ = args.first().cloned().unwrap_or(Value::None);
    let val = args.get(1).cloned().unwrap_or(Value::None);
    let be = vm.exc.base_exception.clone();
    match &typ {
        Value::Obj(o) if o.as_type().is_some() && vm.is_subtype(o, &be) => {
            let inst = if val.is_none() {
                vm.call(&typ, &[], &[])?
            } else if vm.is_instance(&val, o) {
                val
            } else {
                let a = match val.as_obj().map(|v| &v.payload) {
                    Some(Payload::Tuple(t)) => t.to_vec(),
                    _ => vec![val],
                };
                vm.call(&typ, &a, &[])?
            };
            match inst {
                Value::Obj(i) => Ok(PyErr(i)),
                _ => Err(vm.type_error("exceptions must derive from BaseException")),
            }
        }
        Value::Obj(o) if vm.is_subtype(o.class(), &be) => {
            if !val.is_none() {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            Ok(PyErr(o.clone()))
        }
        _ => Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(&typ)
        ))),
    }
}

use crate::types::function::Args;

/// Registers the exception classes in `builtins` and BaseException's methods.
pub fn register_builtins(vm: &mut Vm) {
    let bd = vm.builtins_dict.clone();
    let mut all: Vec<PyRef> = vec![vm.exc.base_exception.clone()];
    all.extend(exc_list(&vm.exc));
    for c in all {
        let name = c.as_type().map(|t| t.name()).unwrap_or_default();
        let k = vm.intern(&name);
        crate::types::dict::dict_set_str(&bd, &k, Value::Obj(c));
    }
    // EnvironmentError and IOError are aliases of OSError.
    for alias in ["EnvironmentError", "IOError"] {
        let k = vm.intern(alias);
        crate::types::dict::dict_set_str(&bd, &k, Value::Obj(vm.exc.os_error.clone()));
    }
    let be = vm.exc.base_exception.clone();
    vm.add_staticmethods(&be, &[("__new__", base_exception_new)]);
    vm.add_methods(&be, &[
        ("__init__", base_exception_init),
        ("__str__", base_exception_str),
        ("__repr__", base_exception_repr),
        ("with_traceback", base_exception_with_traceback),
        ("add_note", base_exception_add_note),
    ]);
    crate::types::excclasses::init(vm);
    crate::types::excgroup::init(vm);
    crate::types::frameobj::init(vm);
    crate::types::codeattrs::init(vm);
    vm.add_getsets(&be, &[
        crate::types::descr::GetSetDef { name: "args", get: get_args_gs, set: Some(set_args_gs) },
        crate::types::descr::GetSetDef { name: "__traceback__", get: |_, v| Ok(get_traceback(v)), set: Some(set_traceback_gs) },
        crate::types::descr::GetSetDef { name: "__cause__", get: |_, v| Ok(v.as_obj().and_then(exc_data).map(|d| d.borrow().cause.clone()).unwrap_or(Value::None)), set: Some(set_cause_gs) },
        crate::types::descr::GetSetDef { name: "__context__", get: |_, v| Ok(v.as_obj().map(get_context).unwrap_or(Value::None)), set: Some(set_context_gs) },
        crate::types::descr::GetSetDef { name: "__suppress_context__", get: |_, v| Ok(Value::Bool(v.as_obj().and_then(exc_data).map(|d| d.borrow().suppress_context).unwrap_or(false))), set: Some(set_suppress_gs) },
    ]);
}

/// Every builtin exception class except BaseException, in table order.
pub fn exc_list(e: &ExcTypes) -> Vec<PyRef> {
    macro_rules! all {
        ($($f:ident),*) => { vec![$(e.$f.clone()),*] };
    }
    all!(base_exception_group, system_exit, keyboard_interrupt, generator_exit, exception, stop_iteration,
        stop_async_iteration, arithmetic_error, floating_point_error, overflow_error, zero_division_error,
        assertion_error, attribute_error, buffer_error, eof_error, exception_group, import_error,
        module_not_found_error, lookup_error, index_error, key_error, memory_error, name_error,
        unbound_local_error, os_error, blocking_io_error, child_process_error, connection_error,
        broken_pipe_error, connection_aborted_error, connection_refused_error, connection_reset_error,
        file_exists_error, file_not_found_error, interrupted_error, is_a_directory_error,
        not_a_directory_error, permission_error, process_lookup_error, timeout_error, reference_error,
        runtime_error, not_implemented_error, recursion_error, syntax_error, indentation_error, tab_error,
        system_error, type_error, value_error, unicode_error, unicode_decode_error, unicode_encode_error,
        unicode_translate_error, warning, bytes_warning, deprecation_warning, encoding_warning,
        future_warning, import_warning, pending_deprecation_warning, resource_warning, runtime_warning,
        syntax_warning, unicode_warning, user_warning)
}

pub(crate) fn base_exception_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.args.first().and_then(|c| c.as_obj()).filter(|c| c.as_type().is_some()).cloned() else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    Ok(Value::Obj(exception_instance(vm, &cls, &args.args[1..])))
}

/// What `BaseException.__new__(cls, *args)` makes: an instance of `cls`
/// whose `args` are `args`.
pub(crate) fn exception_instance(vm: &mut Vm, cls: &PyRef, args: &[Value]) -> PyRef {
    let e = new_exception(vm, cls, args.to_vec());
    let nslots = cls.as_type().map(|t| t.slot_names.borrow().len()).unwrap_or(0);
    if nslots > 0 {
        *e.0.slots.borrow_mut() = vec![Value::Null; nslots];
    }
    e.0
}

fn base_exception_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        let n = vm.type_name(&args.args[0]);
        return Err(vm.type_error(format!("{}() takes no keyword arguments", n)));
    }
    if let Some(d) = args.args[0].as_obj().and_then(exc_data) {
        let new = &args.args[1..];
        // `super().__init__(*args)` with the arguments `__new__` stored: the
        // tuple already holds these very objects.
        let same = match d.borrow().args.as_obj().map(|o| &o.payload) {
            Some(Payload::Tuple(t)) => t.len() == new.len() && t.iter().zip(new).all(|(a, b)| a.is(b)),
            _ => false,
        };
        if !same {
            let t = vm.new_tuple(new.to_vec());
            d.borrow_mut().args = t;
        }
    }
    Ok(Value::None)
}

pub(crate) fn args_vec(v: &Value) -> Vec<Value> {
    let a = v.as_obj().map(get_args).unwrap_or(Value::None);
    match a.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

pub(crate) fn base_exception_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args_vec(&args.args[0]);
    match a.len() {
        0 => Ok(vm.new_str("")),
        1 => Ok(Value::Obj(vm.str(&a[0])?)),
        _ => {
            let t = vm.new_tuple(a);
            Ok(Value::Obj(vm.str(&t)?))
        }
    }
}

fn base_exception_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args_vec(&args.args[0]);
    let name = vm.type_name(&args.args[0]);
    let inner = match a.len() {
        0 => String::new(),
        1 => vm.repr_string(&a[0])?,
        _ => {
            let t = vm.new_tuple(a);
            let r = vm.repr_string(&t)?;
            // The tuple's repr without its outer parentheses.
            r.strip_prefix('(').and_then(|x| x.strip_suffix(')')).unwrap_or(&r).to_string()
        }
    };
    Ok(vm.new_str(&format!("{}({})", name, inner)))
}

fn base_exception_with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "with_traceback", &args, 2, 2)?;
    set_traceback_gs(vm, &args.args[0], Some(args.args[1].clone()))?;
    Ok(args.args[0].clone())
}

fn base_exception_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "add_note", &args, 2, 2)?;
    let note = args.args[1].clone();
    if note.as_obj().and_then(|o| o.as_str()).is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(&note))));
    }
    let k = vm.intern("__notes__");
    let this = args.args[0].clone();
    let notes = match vm.get_attr_opt(&this, &k)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            vm.set_attr(&this, &k, l.clone())?;
            l
        }
    };
    match notes.as_obj().map(|o| &o.payload) {
        Some(Payload::List(l)) => l.borrow_mut().push(note),
        _ => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}

fn get_args_gs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.as_obj().map(get_args).unwrap_or(Value::None))
}

fn set_args_gs(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let Some(new) = new else { return Err(vm.type_error("args may not be deleted")) };
    let items = vm.collect(&new)?;
    let t = vm.new_tuple(items);
    if let Some(d) = v.as_obj().and_then(exc_data) {
        d.borrow_mut().args = t;
    }
    Ok(())
}

pub(crate) fn set_traceback_gs(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let new = new.unwrap_or(Value::None);
    let ok = new.is_none() || matches!(new.as_obj().map(|o| &o.payload), Some(Payload::Traceback(_)));
    if !ok {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    if let Some(d) = v.as_obj().and_then(exc_data) {
        d.borrow_mut().traceback = new;
    }
    Ok(())
}

fn check_exc_or_none(vm: &mut Vm, new: &Value, what: &str) -> PyResult<()> {
    let be = vm.exc.base_exception.clone();
    if new.is_none() || vm.is_instance(new, &be) {
        Ok(())
    } else {
        Err(vm.type_error(format!("exception {} must be None or derive from BaseException", what)))
    }
}

fn set_cause_gs(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let new = new.unwrap_or(Value::None);
    check_exc_or_none(vm, &new, "cause")?;
    if let Some(d) = v.as_obj().and_then(exc_data) {
        let mut d = d.borrow_mut();
        d.cause = new;
        d.suppress_context = true;
    }
    Ok(())
}

fn set_context_gs(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let new = new.unwrap_or(Value::None);
    check_exc_or_none(vm, &new, "context")?;
    if let Some(d) = v.as_obj().and_then(exc_data) {
        d.borrow_mut().context = new;
    }
    Ok(())
}

fn set_suppress_gs(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let b = match new {
        Some(n) => vm.is_true(&n)?,
        None => false,
    };
    if let Some(d) = v.as_obj().and_then(exc_data) {
        d.borrow_mut().suppress_context = b;
    }
    Ok(())
}

/// Messages CPython raises from its symbol table or compiler rather than its
/// parser. For those, `SyntaxError.text` comes from reading the file (so it is
/// None for `<string>` sources); parser errors carry the tokenizer's line.
const COMPILER_PHASE_MESSAGES: &[&str] = &[
    "outside function",
    "outside loop",
    "not properly in loop",
    "outside async function",
    "global declaration",
    "is parameter and global",
    "is parameter and nonlocal",
    "nonlocal declaration not allowed",
    "no binding for nonlocal",
    "is nonlocal and global",
    "with value in async generator",
    "too many statically nested blocks",
    "import * only allowed at module level",
    "duplicate argument",
    "asynchronous comprehension outside",
    "inside list comprehension",
    "inside set comprehension",
    "inside dict comprehension",
    "inside generator expression",
    "from __future__ imports must occur",
    "future feature",
    "not a chance",
    "makes remaining patterns unreachable",
    "multiple assignments to name",
    "cannot rebind",
    "comprehension iteration variable",
    "annotated name",
];

/// `SyntaxError.text` as CPython sets it: the line with its newline for
/// parser errors; for compiler errors the line read from the file, or None
/// when there is no file.
fn error_text(e: &pyrite_compiler::CompileError, filename: &str) -> Option<String> {
    let compiler_phase = COMPILER_PHASE_MESSAGES.iter().any(|m| e.msg.contains(m));
    if compiler_phase {
        if filename.starts_with('<') {
            return None;
        }
        return source_line(filename, e.lineno).map(|l| format!("{}\n", l));
    }
    // Tokenizer errors keep the line as read (no newline added at EOF).
    const TOKENIZER_MESSAGES: &[&str] = &[
        "unterminated string literal",
        "unterminated triple-quoted string literal",
        "leading zeros in decimal integer literals",
        "invalid decimal literal",
        "invalid hexadecimal literal",
        "invalid octal literal",
        "invalid binary literal",
        "invalid digit",
        "invalid character",
        "invalid non-printable character",
        "unindent does not match",
        "unmatched",
        "does not match opening parenthesis",
        "too many nested parentheses",
        "unexpected character after line continuation character",
    ];
    if TOKENIZER_MESSAGES.iter().any(|m| e.msg.contains(m)) {
        return e.text.clone();
    }
    e.text.as_ref().map(|t| if t.ends_with('\n') { t.clone() } else { format!("{}\n", t) })
}

/// A SyntaxError (or subclass) object from a compile error.
pub fn syntax_error_from(vm: &mut Vm, e: &pyrite_compiler::CompileError, filename: &str) -> PyErr {
    use pyrite_compiler::ErrorKind;
    let cls = match e.kind {
        ErrorKind::SyntaxError => vm.exc.syntax_error.clone(),
        ErrorKind::IndentationError => vm.exc.indentation_error.clone(),
        ErrorKind::TabError => vm.exc.tab_error.clone(),
        ErrorKind::RecursionError => return vm.recursion_error(" during compilation"),
        ErrorKind::ValueError => return vm.value_error(&e.msg),
    };
    let msg = vm.new_str(&e.msg);
    let fname = vm.new_str(filename);
    let text = match error_text(e, filename) {
        Some(t) => vm.new_str(&t),
        None => Value::None,
    };
    let details = vm.new_tuple(vec![
        fname.clone(),
        Value::Int(e.lineno as i64),
        Value::Int(e.offset as i64),
        text.clone(),
        Value::Int(e.end_lineno as i64),
        Value::Int(e.end_offset as i64),
    ]);
    let err = new_exception(vm, &cls, vec![msg.clone(), details]);
    if let Some(d) = err.0.dict.borrow().as_ref() {
        for (k, v) in [
            ("msg", msg),
            ("filename", fname),
            ("lineno", Value::Int(e.lineno as i64)),
            ("offset", Value::Int(e.offset as i64)),
            ("text", text),
            ("end_lineno", Value::Int(e.end_lineno as i64)),
            ("end_offset", Value::Int(e.end_offset as i64)),
            ("print_file_and_line", Value::None),
        ] {
            let key = vm.intern(k);
            crate::types::dict::dict_set_str(d, &key, v);
        }
    }
    err
}

/// The exit status for an uncaught SystemExit (printing its message if it is
/// not an int), as CPython's `handle_system_exit`.
pub fn system_exit_code(vm: &mut Vm, e: &PyErr) -> i32 {
    let k = vm.intern("code");
    let code = match vm.get_attr_opt(&Value::Obj(e.0.clone()), &k) {
        Ok(Some(c)) => c,
        _ => Value::Obj(e.0.clone()),
    };
    match code {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => b as i32,
        Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => -1,
        other => {
            crate::modules::sys::flush_stdout(vm);
            let s = vm.str_string(&other).unwrap_or_default();
            write_stderr(vm, &format!("{}\n", s));
            1
        }
    }
}

/// Writes text to `sys.stderr`.
pub fn write_stderr(vm: &mut Vm, s: &str) {
    let k = vm.names.stderr.clone();
    let sd = vm.sys_dict.clone();
    match crate::types::dict::dict_get_str(&sd, &k) {
        Some(f) if !f.is_none() => {
            let v = vm.new_str(s);
            if vm.call_method(&f, "write", &[v]).is_err() {
                eprint!("{}", s);
            }
            let _ = vm.call_method(&f, "flush", &[]);
        }
        _ => eprint!("{}", s),
    }
}

/// Prints an exception with its traceback and chained exceptions to stderr,
/// in CPython 3.11's format.
pub fn print_exception(vm: &mut Vm, exc: &Value) {
    crate::types::traceback::print_exception(vm, exc);
}

/// The last line of a traceback: `Type: message\n` (module-qualified type
/// name outside builtins and `__main__`).
pub fn format_exception_only(vm: &mut Vm, exc: &Value) -> String {
    crate::types::traceback::format_exception_only(vm, exc)
}

/// Line `line` (1-based) of file `path`, if readable.
pub fn source_line(path: &str, line: u32) -> Option<String> {
    let text = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.lines().nth(line.checked_sub(1)? as usize).map(|s| s.to_string())
}
