//! The dispatch loop: one `match` over the opcode byte. Arms longer than a few
//! lines call helpers in `eval::*` or the protocol layer.

use super::Flow;
use crate::error::PyResult;
use crate::protocol::attr::CachedAttr;
use crate::eval::frame::Frame;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::dict::{dict_get_str, dict_set_str};
use crate::types::function::Function;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::{BinaryOp, CompareOp, Opcode};
use pyrite_bytecode::CodeFlags;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::Ordering;

macro_rules! pop {
    ($f:expr) => {
        stack_pop(&mut $f.stack)
    };
}

macro_rules! run_finalizers {
    ($vm:expr) => {
        if crate::object::FINALIZERS_PENDING.load(Ordering::Relaxed) {
            crate::finalize::run_pending($vm);
        }
    };
}

macro_rules! top {
    ($f:expr) => {
        match $f.stack.last() {
            Some(v) => v.clone(),
            None => Value::Null,
        }
    };
}

use crate::value::{pop_value as stack_pop, push_value as stack_push};

/// `x op y` for two machine ints when the result is a machine int: the
/// operators that dominate loops, inlined into BINARY_OP.
#[inline(always)]
fn int_binop_inline(op: u32, x: i64, y: i64) -> Option<i64> {
    match op {
        0 | 13 => x.checked_add(y),
        10 | 23 => x.checked_sub(y),
        5 | 18 => x.checked_mul(y),
        1 | 14 => Some(x & y),
        7 | 20 => Some(x | y),
        12 | 25 => Some(x ^ y),
        _ => None,
    }
}

/// `x op y` for two floats, for the operators that cannot raise.
#[inline(always)]
fn float_binop_inline(op: u32, x: f64, y: f64) -> Option<f64> {
    match op {
        0 | 13 => Some(x + y),
        10 | 23 => Some(x - y),
        5 | 18 => Some(x * y),
        11 | 24 if y != 0.0 => Some(x / y),
        _ => None,
    }
}

/// A comparison's boolean result when the next instruction is
/// POP_JUMP_IF_FALSE/TRUE: that jump is taken (or not) here, with no push,
/// pop and dispatch. False (nothing done) otherwise.
#[inline(always)]
fn fuse_jump(f: &mut Frame, instrs: &[u32], r: bool) -> bool {
    let Some(&next) = instrs.get(f.pc) else { return false };
    let nop = next as u8;
    if nop != Opcode::PopJumpIfFalse as u8 && nop != Opcode::PopJumpIfTrue as u8 {
        return false;
    }
    f.lasti = f.pc;
    f.pc += 1;
    if r == (nop == Opcode::PopJumpIfTrue as u8) {
        f.pc = (next >> 8) as usize;
    }
    true
}

/// A comparison result for machine ints or floats.
#[inline(always)]
fn compare_inline(op: u32, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(match op {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            _ => x >= y,
        }),
        (Value::Float(x), Value::Float(y)) => Some(match op {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            _ => x >= y,
        }),
        _ => None,
    }
}

/// Runs instructions of `f` until it calls, returns, yields or raises.
pub(crate) fn execute(vm: &mut Vm, f: &mut Frame) -> PyResult<Flow> {
    // Calls of Python functions and returns to a Python caller switch `f` to the
    // new top frame and continue here; `run_with` sees only entry-frame returns,
    // yields and exceptions (it always works on the top frame).
    let mut f: &mut Frame = f;
    'frame: loop {
    // SAFETY: a frame's code is replaced only when a pooled frame is reused,
    // never while it runs; every switch of `f` restarts this loop and takes
    // the new frame's code.
    let code: &crate::types::code::Code = unsafe { &*Rc::as_ptr(&f.code) };
    let instrs: &[u32] = &code.instrs;
    // `__del__` methods and generator closes scheduled by reference drops run
    // before anything that can make them observable: at frame switches,
    // calls, returns, backward jumps, yields, imports and raises
    // (`run_finalizers!`), and when an exception starts unwinding (`run_with`).
    run_finalizers!(vm);
    loop {
        let Some(&word) = instrs.get(f.pc) else {
            return Err(vm.system_error("bytecode ran off the end of the code"));
        };
        f.lasti = f.pc;
        f.pc += 1;
        let mut word = word;
        let mut arg = word >> 8;
        if word as u8 == Opcode::ExtendedArg as u8 {
            // Prefixes supply the operand's high bits; `lasti` stays on the first.
            loop {
                let Some(&next) = instrs.get(f.pc) else {
                    return Err(vm.system_error("bytecode ran off the end of the code"));
                };
                f.pc += 1;
                arg = (arg << 24) | (next >> 8);
                word = next;
                if next as u8 != Opcode::ExtendedArg as u8 {
                    break;
                }
            }
        }
        // SAFETY: `Code::instrs` holds only valid opcode bytes (checked by
        // `Vm::make_code`), and `Opcode` is `repr(u8)`.
        let op: Opcode = unsafe { std::mem::transmute::<u8, Opcode>(word as u8) };
        match op {
            Opcode::Nop | Opcode::ExtendedArg => {}
            Opcode::PopTop => {
                f.stack.pop();
            }
            Opcode::PushNull => stack_push(&mut f.stack, Value::Null),
            Opcode::Copy => {
                let n = f.stack.len();
                let v = f.stack.get(n.wrapping_sub(arg as usize)).cloned().unwrap_or(Value::Null);
                stack_push(&mut f.stack, v);
            }
            Opcode::Swap => {
                let n = f.stack.len();
                if arg as usize <= n && arg >= 1 {
                    f.stack.swap(n - 1, n - arg as usize);
                }
            }
            Opcode::LoadConst => {
                let v = code.consts.get(arg as usize).cloned().unwrap_or(Value::None);
                stack_push(&mut f.stack, v);
            }
            Opcode::LoadFast => {
                match f.fast.get(arg as usize) {
                    Some(v) if !v.is_null() => {
                        // SAFETY: `v` is a valid local; the copy read here is
                        // owned once the reference count is raised.
                        let v = unsafe { crate::value::load_words(v) };
                        if let Value::Obj(o) = &v {
                            std::mem::forget(o.clone());
                        }
                        stack_push(&mut f.stack, v);
                    }
                    _ => {
                        let name = code.co.varnames.get(arg as usize).cloned().unwrap_or_default();
                        return Err(unbound_local(vm, &name));
                    }
                }
            }
            Opcode::StoreFast => {
                let v = pop!(f);
                if let Some(slot) = f.fast.get_mut(arg as usize) {
                    // SAFETY: `slot` is a valid local; the old value is moved out
                    // before the new one is written, then dropped.
                    unsafe {
                        let old = crate::value::load_words(slot);
                        crate::value::store_words(slot, v);
                        drop(old);
                    }
                }
            }
            Opcode::LoadGlobal => {
                let v = load_global(vm, f, code, (arg >> 1) as usize)?;
                if arg & 1 != 0 {
                    stack_push(&mut f.stack, Value::Null);
                }
                stack_push(&mut f.stack, v);
            }
            Opcode::LoadDeref => {
                let v = cell_get(&f.cells[arg as usize]);
                if v.is_null() {
                    return Err(unbound_deref(vm, &code, arg as usize));
                }
                stack_push(&mut f.stack, v);
            }
            Opcode::StoreDeref => {
                let v = pop!(f);
                if let Payload::Cell(c) = &f.cells[arg as usize].payload {
                    let old = c.replace(v);
                    drop(old);
                }
            }
            Opcode::LoadClosure => stack_push(&mut f.stack, Value::Obj(f.cells[arg as usize].clone())),
            Opcode::LoadAttr => {
                let o = pop!(f);
                let ni = arg as usize;
                let (Some(name), Some(cache)) = (code.names.get(ni), code.attr_cache.get(ni)) else {
                    return Err(vm.system_error("LOAD_ATTR: bad name index"));
                };
                let v = match vm.load_attr_cached(&o, name, cache, false)? {
                    CachedAttr::Value(v) | CachedAttr::Method(v) => v,
                };
                stack_push(&mut f.stack, v);
            }
            Opcode::StoreAttr => {
                let o = pop!(f);
                let v = pop!(f);
                let ni = arg as usize;
                let (Some(name), Some(cache)) = (code.names.get(ni), code.store_cache.get(ni)) else {
                    return Err(vm.system_error("STORE_ATTR: bad name index"));
                };
                vm.store_attr_cached(&o, name, v, cache)?;
            }
            Opcode::LoadMethod => {
                let o = pop!(f);
                let ni = arg as usize;
                let (Some(name), Some(cache)) = (code.names.get(ni), code.attr_cache.get(ni)) else {
                    return Err(vm.system_error("LOAD_METHOD: bad name index"));
                };
                match vm.load_attr_cached(&o, name, cache, true)? {
                    CachedAttr::Method(m) => {
                        stack_push(&mut f.stack, m);
                        stack_push(&mut f.stack, o);
                    }
                    CachedAttr::Value(v) => {
                        stack_push(&mut f.stack, Value::Null);
                        stack_push(&mut f.stack, v);
                    }
                }
            }
            Opcode::KwNames => {
                f.kwnames = Some(code.consts.get(arg as usize).cloned().unwrap_or(Value::None));
            }
            Opcode::Call => {
                run_finalizers!(vm);
                if let Some(flow) = call(vm, f, arg as usize)? {
                    if let Flow::Call = flow {
                        let Some(top) = vm.frames.last_mut() else {
                            return Err(vm.system_error("CALL: no frame"));
                        };
                        let p: *mut Frame = &mut **top;
                        // SAFETY: frames are boxed, so the pointer stays valid while
                        // `vm.frames` grows; a frame is popped only by the return
                        // below or by `run_with`, both after its last use here.
                        f = unsafe { &mut *p };
                        continue 'frame;
                    }
                    return Ok(flow);
                }
            }
            Opcode::MakeFunction => {
                let v = make_function(vm, f, arg)?;
                stack_push(&mut f.stack, v);
            }
            Opcode::ReturnValue => {
                run_finalizers!(vm);
                let v = pop!(f);
                if f.resumed_inline {
                    // A generator resumed by FOR_ITER finished: the caller's
                    // loop ends (the iterator is popped, jump to the exit).
                    return_inline(vm, f, v);
                    let Some(top) = vm.frames.last_mut() else {
                        return Err(vm.system_error("RETURN_VALUE: no caller frame"));
                    };
                    let p: *mut Frame = &mut **top;
                    // SAFETY: as for CALL above; the returning frame is no longer used.
                    f = unsafe { &mut *p };
                    continue 'frame;
                }
                if f.is_entry || f.generator.is_some() || vm.frames.len() < 2 {
                    return Ok(Flow::Return(v));
                }
                // Back to the Python caller without leaving this loop.
                let init_self = std::mem::replace(&mut f.init_self, Value::Null);
                if let Some(fr) = vm.pop_frame() {
                    vm.recycle_frame(fr);
                }
                let Some(top) = vm.frames.last_mut() else {
                    return Err(vm.system_error("RETURN_VALUE: no caller frame"));
                };
                let p: *mut Frame = &mut **top;
                // SAFETY: as for CALL above; the returning frame is no longer used.
                f = unsafe { &mut *p };
                if init_self.is_null() {
                    stack_push(&mut f.stack, v);
                } else {
                    // `cls(...)` whose `__init__` ran in its own frame: the
                    // result is the instance (CPython's type_call checks).
                    if !v.is_none() {
                        let msg = format!("__init__() should return None, not '{}'", vm.type_name(&v));
                        return Err(vm.type_error(msg));
                    }
                    stack_push(&mut f.stack, init_self);
                }
                continue 'frame;
            }
            Opcode::UnaryPositive | Opcode::UnaryNegative | Opcode::UnaryInvert => {
                let v = pop!(f);
                let r = unary(vm, &v, op)?;
                stack_push(&mut f.stack, r);
            }
            Opcode::UnaryNot => {
                let v = pop!(f);
                let b = vm.is_true(&v)?;
                stack_push(&mut f.stack, Value::Bool(!b));
            }
            Opcode::BinaryOp => {
                let n = f.stack.len();
                if n >= 2 {
                    let r = match (&f.stack[n - 2], &f.stack[n - 1]) {
                        (Value::Int(x), Value::Int(y)) => int_binop_inline(arg, *x, *y).map(Value::Int),
                        (Value::Float(x), Value::Float(y)) => float_binop_inline(arg, *x, *y).map(Value::Float),
                        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1u64 << 53) => {
                            float_binop_inline(arg, *x, *y as f64).map(Value::Float)
                        }
                        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1u64 << 53) => {
                            float_binop_inline(arg, *x as f64, *y).map(Value::Float)
                        }
                        _ => None,
                    };
                    if let Some(r) = r {
                        // Both operands are immediates: nothing to drop.
                        // SAFETY: `n >= 2`.
                        unsafe {
                            f.stack.set_len(n - 1);
                            crate::value::store_words(f.stack.as_mut_ptr().add(n - 2), r);
                        }
                        continue;
                    }
                }
                let b = pop!(f);
                let mut a = pop!(f);
                let Some(bop) = BinaryOp::from_u32(arg) else {
                    return Err(vm.system_error("bad BINARY_OP operand"));
                };
                if bop == BinaryOp::InplaceAdd {
                    if let Some(r) = str_iadd_in_place(vm, f, &code, instrs, &mut a, &b) {
                        stack_push(&mut f.stack, r);
                        continue;
                    }
                }
                let r = match crate::protocol::fastops::binary_fast(vm, &a, &b, bop) {
                    Some(r) => r?,
                    None => vm.binary_op(&a, &b, bop)?,
                };
                stack_push(&mut f.stack, r);
            }
            Opcode::CompareOp => {
                let n = f.stack.len();
                if n >= 2 {
                    if let Some(r) = compare_inline(arg, &f.stack[n - 2], &f.stack[n - 1]) {
                        // SAFETY: `n >= 2`; both operands are immediates (no drop).
                        unsafe { f.stack.set_len(n - 2) };
                        if !fuse_jump(f, instrs, r) {
                            stack_push(&mut f.stack, Value::Bool(r));
                        }
                        continue;
                    }
                }
                let b = pop!(f);
                let a = pop!(f);
                let Some(cop) = CompareOp::from_u32(arg) else {
                    return Err(vm.system_error("bad COMPARE_OP operand"));
                };
                let r = match crate::protocol::fastops::compare_fast(vm, &a, &b, cop) {
                    Some(r) => {
                        if fuse_jump(f, instrs, r) {
                            continue;
                        }
                        Value::Bool(r)
                    }
                    None => vm.compare(&a, &b, cop)?,
                };
                stack_push(&mut f.stack, r);
            }
            Opcode::IsOp => {
                let b = pop!(f);
                let a = pop!(f);
                stack_push(&mut f.stack, Value::Bool(a.is(&b) != (arg == 1)));
            }
            Opcode::ContainsOp => {
                let c = pop!(f);
                let item = pop!(f);
                let r = vm.contains(&c, &item)?;
                stack_push(&mut f.stack, Value::Bool(r != (arg == 1)));
            }
            Opcode::BinarySubscr => {
                let k = pop!(f);
                let c = pop!(f);
                // An exact list indexed in range by a machine int.
                if let (Value::Obj(o), Value::Int(i)) = (&c, &k) {
                    if let Payload::List(l) = &o.payload {
                        if Rc::ptr_eq(o.class(), &vm.types.list) {
                            let got = {
                                let l = l.borrow();
                                let idx = if *i < 0 { i.wrapping_add(l.len() as i64) } else { *i };
                                if idx >= 0 { l.get(idx as usize).cloned() } else { None }
                            };
                            if let Some(v) = got {
                                stack_push(&mut f.stack, v);
                                continue;
                            }
                        }
                    }
                }
                let r = vm.get_item(&c, &k)?;
                stack_push(&mut f.stack, r);
            }
            Opcode::StoreSubscr => {
                let k = pop!(f);
                let c = pop!(f);
                let v = pop!(f);
                // An exact list assigned in range by a machine int.
                if let (Value::Obj(o), Value::Int(i)) = (&c, &k) {
                    if let Payload::List(l) = &o.payload {
                        if Rc::ptr_eq(o.class(), &vm.types.list) {
                            let old = {
                                let mut l = l.borrow_mut();
                                let idx = if *i < 0 { i.wrapping_add(l.len() as i64) } else { *i };
                                match l.get_mut(if idx >= 0 { idx as usize } else { usize::MAX }) {
                                    Some(slot) => Some(std::mem::replace(slot, v.clone())),
                                    None => None,
                                }
                            };
                            if let Some(old) = old {
                                // Dropped after the list's borrow ends (it may run __del__).
                                drop(old);
                                continue;
                            }
                        }
                    }
                }
                vm.set_item(&c, &k, v)?;
            }
            Opcode::GetIter => {
                let v = pop!(f);
                let it = vm.iter(&v)?;
                stack_push(&mut f.stack, it);
            }
            Opcode::ForIter => {
                // Range and list iterators step here without a call.
                if let Some(Value::Obj(o)) = f.stack.last() {
                    if let Payload::Iter(cell) = &o.payload {
                        let mut st = cell.borrow_mut();
                        let stepped = match &mut *st {
                            crate::types::iter::IterState::Range { next, step, remaining } => {
                                if *remaining == 0 {
                                    Some(None)
                                } else {
                                    let v = *next;
                                    *remaining -= 1;
                                    *next = v.wrapping_add(*step);
                                    Some(Some(Value::Int(v)))
                                }
                            }
                            crate::types::iter::IterState::Seq { seq: Value::Obj(so), index } => match &so.payload {
                                Payload::List(l) => match l.borrow().get(*index) {
                                    Some(v) => {
                                        crate::types::list::prefetch_ahead(&l.borrow(), *index);
                                        *index += 1;
                                        Some(Some(v.clone()))
                                    }
                                    None => None,
                                },
                                Payload::Tuple(t) => match t.get(*index) {
                                    Some(v) => {
                                        *index += 1;
                                        Some(Some(v.clone()))
                                    }
                                    None => None,
                                },
                                _ => None,
                            },
                            _ => None,
                        };
                        drop(st);
                        match stepped {
                            Some(Some(v)) => {
                                stack_push(&mut f.stack, v);
                                continue;
                            }
                            Some(None) => {
                                f.stack.pop();
                                f.pc = arg as usize;
                                continue;
                            }
                            None => {}
                        }
                    }
                }
                // A plain generator resumes in this loop: its frame goes on
                // top and runs until it yields, returns or raises (see
                // YIELD_VALUE, RETURN_VALUE and `run_with`).
                if for_iter_inline(vm, f, arg as usize) {
                    let Some(top) = vm.frames.last_mut() else {
                        return Err(vm.system_error("FOR_ITER: no frame"));
                    };
                    let p: *mut Frame = &mut **top;
                    // SAFETY: as for CALL; the generator's frame is popped
                    // only by YIELD_VALUE/RETURN_VALUE below or by `run_with`.
                    f = unsafe { &mut *p };
                    continue 'frame;
                }
                let it = top!(f);
                let r = match crate::types::generator::next_direct(vm, &it) {
                    Some(r) => r,
                    None => vm.next(&it),
                };
                match r? {
                    Some(v) => stack_push(&mut f.stack, v),
                    None => {
                        f.stack.pop();
                        f.pc = arg as usize;
                    }
                }
            }
            Opcode::JumpForward => f.pc = arg as usize,
            Opcode::JumpBackward => {
                run_finalizers!(vm);
                f.pc = arg as usize;
                if vm.interrupted.load(Ordering::Relaxed) {
                    return Err(keyboard_interrupt(vm));
                }
            }
            Opcode::JumpBackwardNoInterrupt => f.pc = arg as usize,
            Opcode::PopJumpIfFalse => {
                let v = pop!(f);
                let b = match v {
                    Value::Bool(b) => b,
                    _ => vm.is_true(&v)?,
                };
                if !b {
                    f.pc = arg as usize;
                }
            }
            Opcode::PopJumpIfTrue => {
                let v = pop!(f);
                let b = match v {
                    Value::Bool(b) => b,
                    _ => vm.is_true(&v)?,
                };
                if b {
                    f.pc = arg as usize;
                }
            }
            Opcode::PopJumpIfNone => {
                if pop!(f).is_none() {
                    f.pc = arg as usize;
                }
            }
            Opcode::PopJumpIfNotNone => {
                if !pop!(f).is_none() {
                    f.pc = arg as usize;
                }
            }
            Opcode::JumpIfFalseOrPop => {
                let v = top!(f);
                if !vm.is_true(&v)? {
                    f.pc = arg as usize;
                } else {
                    f.stack.pop();
                }
            }
            Opcode::JumpIfTrueOrPop => {
                let v = top!(f);
                if vm.is_true(&v)? {
                    f.pc = arg as usize;
                } else {
                    f.stack.pop();
                }
            }
            Opcode::BuildTuple => {
                let items = f.stack.split_off(f.stack.len() - arg as usize);
                stack_push(&mut f.stack, vm.new_tuple(items));
            }
            Opcode::ListAppend => {
                let v = pop!(f);
                let n = f.stack.len();
                if let Some(Value::Obj(l)) = f.stack.get(n - arg as usize) {
                    if let Payload::List(items) = &l.payload {
                        crate::value::push_value(&mut items.borrow_mut(), v);
                    }
                }
            }
            Opcode::Send if send_inline(vm, f, arg as usize) => {
                let Some(top) = vm.frames.last_mut() else {
                    return Err(vm.system_error("SEND: no frame"));
                };
                let p: *mut Frame = &mut **top;
                // SAFETY: as for FOR_ITER.
                f = unsafe { &mut *p };
                continue 'frame;
            }
            Opcode::YieldValue if f.resumed_inline => {
                // Back to the FOR_ITER that resumed this generator frame.
                run_finalizers!(vm);
                let v = pop!(f);
                let Some(fr) = vm.pop_frame() else {
                    return Err(vm.system_error("YIELD_VALUE: no frame"));
                };
                crate::types::generator::frame_yielded_inline(vm, fr);
                let Some(top) = vm.frames.last_mut() else {
                    return Err(vm.system_error("YIELD_VALUE: no caller frame"));
                };
                let p: *mut Frame = &mut **top;
                // SAFETY: as for CALL above; the yielding frame now belongs to
                // its generator and is no longer used here.
                f = unsafe { &mut *p };
                stack_push(&mut f.stack, v);
                continue 'frame;
            }
            _ => {
                if let Some(flow) = execute_cold(vm, f, &code, op, arg)? {
                    return Ok(flow);
                }
            }
        }
    }
    }
}

/// `FOR_ITER` on a plain generator that can be resumed in the running loop:
/// pushes its frame (true), or leaves everything as it was (false).
#[inline(never)]
fn for_iter_inline(vm: &mut Vm, f: &mut Frame, exit: usize) -> bool {
    let Some(Value::Obj(o)) = f.stack.last() else { return false };
    if !matches!(o.payload, Payload::Generator(_)) {
        return false;
    }
    let Some(gf) = crate::types::generator::take_frame_for_inline(vm, o, exit, false, &Value::None) else { return false };
    vm.depth += 1;
    vm.frames.push(gf);
    true
}

/// `RETURN_VALUE` of `v` in generator frame `f` (the top frame) resumed
/// inline: pops it, finishes the generator and ends the caller's `FOR_ITER`
/// (the iterator is popped) or `SEND` (`v` replaces the sub-iterator) by
/// jumping to its exit.
#[inline(never)]
fn return_inline(vm: &mut Vm, f: &mut Frame, v: Value) {
    let exit = f.inline_exit;
    let send = f.inline_send;
    if let Some(fr) = vm.pop_frame() {
        crate::types::generator::frame_ended_inline(vm, fr);
    }
    if let Some(caller) = vm.frames.last_mut() {
        caller.stack.pop();
        if send {
            stack_push(&mut caller.stack, v);
        }
        caller.pc = exit;
    }
}

/// `SEND` to a plain generator that can be resumed in the running loop:
/// pushes its frame (true), or leaves everything as it was (false).
#[inline(never)]
fn send_inline(vm: &mut Vm, f: &mut Frame, exit: usize) -> bool {
    let n = f.stack.len();
    if n < 2 {
        return false;
    }
    let (Value::Obj(o), v) = (&f.stack[n - 2], &f.stack[n - 1]) else { return false };
    if !matches!(o.payload, Payload::Generator(_)) {
        return false;
    }
    let Some(gf) = crate::types::generator::take_frame_for_inline(vm, o, exit, true, v) else { return false };
    f.stack.pop();
    vm.depth += 1;
    vm.frames.push(gf);
    true
}

/// The less frequent instructions, kept out of `execute` so the hot loop stays
/// small. Returns a flow when the frame yields.
#[inline(never)]
fn execute_cold(vm: &mut Vm, f: &mut Frame, code: &crate::types::code::Code, op: Opcode, arg: u32) -> PyResult<Option<Flow>> {
    match op {
            Opcode::DeleteFast => {
                if f.fast[arg as usize].is_null() {
                    let name = code.co.varnames[arg as usize].clone();
                    return Err(unbound_local(vm, &name));
                }
                f.fast[arg as usize] = Value::Null;
            }
            Opcode::StoreGlobal => {
                let v = pop!(f);
                dict_set_str(&f.globals, &code.names[arg as usize], v);
            }
            Opcode::DeleteGlobal => {
                let name = &code.names[arg as usize];
                if crate::types::dict::dict_del_str(&f.globals, name).is_none() {
                    let n = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
                    return Err(vm.name_error(&n));
                }
            }
            Opcode::LoadName => {
                // Module-level code (locals are the globals dict): the same as
                // LOAD_GLOBAL, cache included.
                if let Value::Obj(l) = &f.locals {
                    if Rc::ptr_eq(l, &f.globals) && Rc::ptr_eq(l.class(), &vm.types.dict) {
                        let v = load_global(vm, f, code, arg as usize)?;
                        stack_push(&mut f.stack, v);
                        return Ok(None);
                    }
                }
                let name = code.names[arg as usize].clone();
                let v = load_name(vm, f, &name)?;
                stack_push(&mut f.stack, v);
            }
            Opcode::StoreName => {
                let mut v = pop!(f);
                // Module-level code: a name whose entry LOAD_NAME's cache knows is
                // stored in place (no hashing or probing).
                if let (Value::Obj(l), Some(c)) = (&f.locals, code.global_cache.get(arg as usize)) {
                    if Rc::ptr_eq(l, &f.globals) && !c.in_builtins.get() && Rc::ptr_eq(l.class(), &vm.types.dict) {
                        match crate::types::dict::global_cache_set(l, c.globals_version.get(), c.index.get() as usize, v) {
                            Ok(()) => return Ok(None),
                            Err(back) => v = back,
                        }
                    }
                }
                let name = code.names[arg as usize].clone();
                store_name(vm, f, &name, v)?;
            }
            Opcode::DeleteName => {
                let name = code.names[arg as usize].clone();
                delete_name(vm, f, &name)?;
            }
            Opcode::DeleteDeref => {
                if let Payload::Cell(c) = &f.cells[arg as usize].payload {
                    if c.borrow().is_null() {
                        return Err(unbound_deref(vm, &code, arg as usize));
                    }
                    let old = c.replace(Value::Null);
                    drop(old);
                }
            }
            Opcode::LoadClassderef => {
                let idx = arg as usize;
                let name_s = code.cellnames[idx].clone();
                let mut found = None;
                if let Value::Obj(l) = &f.locals {
                    if matches!(l.payload, Payload::Dict(_)) {
                        found = vm.dict_get_item(l, &Value::Obj(name_s.clone()))?;
                    } else {
                        match vm.get_item(&f.locals.clone(), &Value::Obj(name_s.clone())) {
                            Ok(v) => found = Some(v),
                            Err(e) if vm.err_matches(&e, &vm.exc.key_error.clone()) => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
                let v = match found {
                    Some(v) => v,
                    None => {
                        let v = cell_get(&f.cells[idx]);
                        if v.is_null() {
                            return Err(unbound_deref(vm, &code, idx));
                        }
                        v
                    }
                };
                stack_push(&mut f.stack, v);
            }
            Opcode::DeleteAttr => {
                let o = pop!(f);
                vm.del_attr(&o, &code.names[arg as usize])?;
            }
            Opcode::CallFunctionEx => {
                run_finalizers!(vm);
                let kwargs = if arg & 1 != 0 { Some(pop!(f)) } else { None };
                let args = pop!(f);
                let func = pop!(f);
                let _null = pop!(f);
                let r = call_ex(vm, &func, &args, kwargs.as_ref())?;
                stack_push(&mut f.stack, r);
            }
            Opcode::DeleteSubscr => {
                let k = pop!(f);
                let c = pop!(f);
                vm.del_item(&c, &k)?;
            }
            Opcode::BuildSlice => {
                let step = if arg == 3 { pop!(f) } else { Value::None };
                let stop = pop!(f);
                let start = pop!(f);
                let s = PyObject::new(vm.types.slice.clone(), Payload::Slice { start, stop, step });
                stack_push(&mut f.stack, Value::Obj(s));
            }
            Opcode::BuildList => {
                let items = f.stack.split_off(f.stack.len() - arg as usize);
                stack_push(&mut f.stack, vm.new_list(items));
            }
            Opcode::BuildSet => {
                let items = f.stack.split_off(f.stack.len() - arg as usize);
                let s = crate::types::set::new_set(vm, items, false)?;
                stack_push(&mut f.stack, s);
            }
            Opcode::BuildMap => {
                let items = f.stack.split_off(f.stack.len() - 2 * arg as usize);
                let d = vm.new_dict();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    vm.dict_set_item(&d, k, v)?;
                }
                stack_push(&mut f.stack, Value::Obj(d));
            }
            Opcode::BuildConstKeyMap => {
                let keys = pop!(f);
                let values = f.stack.split_off(f.stack.len() - arg as usize);
                let keys = vm.collect(&keys)?;
                let d = vm.new_dict();
                for (k, v) in keys.into_iter().zip(values) {
                    vm.dict_set_item(&d, k, v)?;
                }
                stack_push(&mut f.stack, Value::Obj(d));
            }
            Opcode::BuildString => {
                let parts = f.stack.split_off(f.stack.len() - arg as usize);
                let mut bytes = Vec::new();
                for p in &parts {
                    if let Some(s) = p.as_obj().and_then(|o| o.as_str()) {
                        bytes.extend_from_slice(s.as_wtf8());
                    }
                }
                stack_push(&mut f.stack, vm.new_str_data(crate::types::str::PyStr::from_wtf8(bytes)));
            }
            Opcode::SetAdd => {
                let v = pop!(f);
                let s = f.stack[f.stack.len() - arg as usize].clone();
                crate::types::set::set_add(vm, &s, v)?;
            }
            Opcode::MapAdd => {
                let v = pop!(f);
                let k = pop!(f);
                if let Value::Obj(d) = f.stack[f.stack.len() - arg as usize].clone() {
                    vm.dict_set_item(&d, k, v)?;
                }
            }
            Opcode::ListExtend => {
                let v = pop!(f);
                let l = f.stack[f.stack.len() - arg as usize].clone();
                list_extend(vm, &l, &v)?;
            }
            Opcode::SetUpdate => {
                let v = pop!(f);
                let s = f.stack[f.stack.len() - arg as usize].clone();
                match crate::types::set::set_cell(&s) {
                    Some(c) => crate::types::set::update_internal(vm, c, &v)?,
                    None => return Err(vm.system_error("SET_UPDATE on a non-set")),
                }
            }
            Opcode::DictUpdate => {
                let v = pop!(f);
                let d = f.stack[f.stack.len() - arg as usize].clone();
                dict_update(vm, &d, &v, false, &Value::Null)?;
            }
            Opcode::DictMerge => {
                let v = pop!(f);
                let n = f.stack.len();
                let d = f.stack[n - arg as usize].clone();
                let func = f.stack.get(n - arg as usize - 2).cloned().unwrap_or(Value::Null);
                dict_update(vm, &d, &v, true, &func)?;
            }
            Opcode::ListToTuple => {
                let l = pop!(f);
                let items = match l.as_obj().map(|o| &o.payload) {
                    Some(Payload::List(items)) => items.borrow().clone(),
                    _ => Vec::new(),
                };
                stack_push(&mut f.stack, vm.new_tuple(items));
            }
            Opcode::UnpackSequence => {
                let seq = pop!(f);
                let n = arg as usize;
                // Exact tuples and lists of the right length: no iterator.
                let done = match &seq {
                    Value::Obj(o) => match &o.payload {
                        Payload::Tuple(t) if t.len() == n && Rc::ptr_eq(o.class(), &vm.types.tuple) => {
                            for v in t.iter().rev() {
                                stack_push(&mut f.stack, v.clone());
                            }
                            true
                        }
                        Payload::List(l) if Rc::ptr_eq(o.class(), &vm.types.list) => {
                            let l = l.borrow();
                            if l.len() == n {
                                for v in l.iter().rev() {
                                    stack_push(&mut f.stack, v.clone());
                                }
                                true
                            } else {
                                false
                            }
                        }
                        _ => false,
                    },
                    _ => false,
                };
                if !done {
                    unpack_sequence(vm, f, seq, n)?;
                }
            }
            Opcode::UnpackEx => {
                let seq = pop!(f);
                unpack_ex(vm, f, seq, (arg & 0xff) as usize, (arg >> 8) as usize)?;
            }
            Opcode::FormatValue => {
                let spec = if arg & 0x04 != 0 { Some(pop!(f)) } else { None };
                let v = pop!(f);
                let r = format_value(vm, v, arg & 3, spec)?;
                stack_push(&mut f.stack, r);
            }
            Opcode::LoadBuildClass => {
                let k = vm.names.__build_class__.clone();
                match dict_get_str(&f.builtins, &k) {
                    Some(v) => stack_push(&mut f.stack, v),
                    None => return Err(vm.name_error("__build_class__")),
                }
            }
            Opcode::LoadAssertionError => stack_push(&mut f.stack, Value::Obj(vm.exc.assertion_error.clone())),
            Opcode::RaiseVarargs => {
                run_finalizers!(vm);
                let (exc, cause) = match arg {
                    0 => (None, None),
                    1 => (Some(pop!(f)), None),
                    _ => {
                        let c = pop!(f);
                        (Some(pop!(f)), Some(c))
                    }
                };
                return Err(crate::types::exceptions::do_raise(vm, exc, cause));
            }
            Opcode::Reraise => {
                run_finalizers!(vm);
                // CPython sets the frame's reported instruction from the saved
                // lasti (for f_lineno) but finds the handler from RERAISE's own
                // position; the traceback already has this frame's entry, so
                // only the lookup position matters here and `f.lasti` stays.
                let exc = pop!(f);
                let Value::Obj(e) = exc else {
                    return Err(vm.system_error("RERAISE of a non-exception"));
                };
                vm.reraising = true;
                return Err(crate::error::PyErr(e));
            }
            Opcode::PushExcInfo => {
                let exc = pop!(f);
                let prev = std::mem::replace(&mut vm.exc_info, exc.clone());
                stack_push(&mut f.stack, prev);
                stack_push(&mut f.stack, exc);
            }
            Opcode::PopExcept => {
                let prev = pop!(f);
                vm.exc_info = prev;
            }
            Opcode::CheckExcMatch => {
                let t = pop!(f);
                let exc = top!(f);
                let r = crate::types::exceptions::exception_matches(vm, &exc, &t)?;
                stack_push(&mut f.stack, Value::Bool(r));
            }
            Opcode::CheckEgMatch => {
                let t = pop!(f);
                let eg = pop!(f);
                let (rest, matched) = crate::types::exceptions::eg_match(vm, &eg, &t)?;
                stack_push(&mut f.stack, rest);
                stack_push(&mut f.stack, matched);
            }
            Opcode::PrepReraiseStar => {
                let list = pop!(f);
                let orig = pop!(f);
                let r = crate::types::exceptions::prep_reraise_star(vm, &orig, &list)?;
                stack_push(&mut f.stack, r);
            }
            Opcode::BeforeWith => {
                let mgr = pop!(f);
                let (exit, res) = before_with(vm, &mgr, false)?;
                stack_push(&mut f.stack, exit);
                stack_push(&mut f.stack, res);
            }
            Opcode::BeforeAsyncWith => {
                let mgr = pop!(f);
                let (exit, res) = before_with(vm, &mgr, true)?;
                stack_push(&mut f.stack, exit);
                let aw = crate::types::generator::get_awaitable(vm, &res, 1)?;
                stack_push(&mut f.stack, aw);
            }
            Opcode::WithExceptStart => {
                let n = f.stack.len();
                let exc = f.stack[n - 1].clone();
                let exit = f.stack[n - 4].clone();
                let tp = vm.type_of(&exc);
                let tb = crate::types::exceptions::get_traceback(&exc);
                let r = vm.call(&exit, &[Value::Obj(tp), exc, tb], &[])?;
                stack_push(&mut f.stack, r);
            }
            Opcode::SetupAnnotations => setup_annotations(vm, f)?,
            Opcode::PrintExpr => {
                let v = pop!(f);
                let hook = vm.get_attr_str(&Value::Obj(vm.sys.clone()), "displayhook")?;
                vm.call(&hook, &[v], &[])?;
            }
            Opcode::ImportName => {
                run_finalizers!(vm);
                let fromlist = pop!(f);
                let level = pop!(f);
                let name = code.names[arg as usize].clone();
                let m = crate::import::import_name(vm, f, &name, &fromlist, &level)?;
                stack_push(&mut f.stack, m);
            }
            Opcode::ImportFrom => {
                let m = top!(f);
                let name = code.names[arg as usize].clone();
                let v = crate::import::import_from(vm, &m, &name)?;
                stack_push(&mut f.stack, v);
            }
            Opcode::ImportStar => {
                let m = pop!(f);
                crate::import::import_star(vm, f, &m)?;
            }
            Opcode::YieldValue => {
                run_finalizers!(vm);
                let v = pop!(f);
                return Ok(Some(Flow::Yield(v)));
            }
            Opcode::GetYieldFromIter => {
                let v = pop!(f);
                let it = crate::types::generator::get_yield_from_iter(vm, &v, code.co.flags)?;
                stack_push(&mut f.stack, it);
            }
            Opcode::Send => {
                let v = pop!(f);
                let sub = top!(f);
                match crate::types::generator::send(vm, &sub, v)? {
                    crate::types::generator::SendResult::Yielded(y) => stack_push(&mut f.stack, y),
                    crate::types::generator::SendResult::Returned(r) => {
                        f.stack.pop();
                        stack_push(&mut f.stack, r);
                        f.pc = arg as usize;
                    }
                }
            }
            Opcode::GetAwaitable => {
                let v = pop!(f);
                let aw = crate::types::generator::get_awaitable(vm, &v, arg)?;
                stack_push(&mut f.stack, aw);
            }
            Opcode::AsyncGenWrap => {
                let v = pop!(f);
                stack_push(&mut f.stack, crate::types::generator::async_gen_wrap(vm, v));
            }
            Opcode::GetAiter => {
                let v = pop!(f);
                let r = crate::types::generator::get_aiter(vm, &v)?;
                stack_push(&mut f.stack, r);
            }
            Opcode::GetAnext => {
                let v = top!(f);
                let r = crate::types::generator::get_anext(vm, &v)?;
                stack_push(&mut f.stack, r);
            }
            Opcode::EndAsyncFor => {
                let exc = pop!(f);
                let _ait = pop!(f);
                let sai = vm.exc.stop_async_iteration.clone();
                let Value::Obj(e) = &exc else { return Err(vm.system_error("END_ASYNC_FOR without exception")) };
                if !vm.is_subtype(e.class(), &sai) {
                    vm.reraising = true;
                    return Err(crate::error::PyErr(e.clone()));
                }
            }
            Opcode::MatchClass => {
                let names = pop!(f);
                let cls = pop!(f);
                let subject = pop!(f);
                let r = crate::eval_match::match_class(vm, &subject, &cls, arg as usize, &names)?;
                stack_push(&mut f.stack, r);
            }
            Opcode::MatchMapping => {
                let s = top!(f);
                let r = crate::eval_match::is_mapping(vm, &s);
                stack_push(&mut f.stack, Value::Bool(r));
            }
            Opcode::MatchSequence => {
                let s = top!(f);
                let r = crate::eval_match::is_sequence(vm, &s);
                stack_push(&mut f.stack, Value::Bool(r));
            }
            Opcode::MatchKeys => {
                let n = f.stack.len();
                let keys = f.stack[n - 1].clone();
                let subject = f.stack[n - 2].clone();
                let r = crate::eval_match::match_keys(vm, &subject, &keys)?;
                stack_push(&mut f.stack, r);
            }
            Opcode::GetLen => {
                let v = top!(f);
                let n = vm.len(&v)?;
                stack_push(&mut f.stack, Value::Int(n as i64));
            }
        _ => {}
    }
    Ok(None)
}

/// `s += t` on exact strs when the next instruction stores back into the
/// variable that holds `s` and nothing else references it: appends in place
/// (amortised O(1)), as CPython's `unicode_concatenate` does. `None` when the
/// fast path does not apply (the caller does the ordinary operation).
fn str_iadd_in_place(vm: &mut Vm, f: &mut Frame, code: &crate::types::code::Code, instrs: &[u32], a: &mut Value, b: &Value) -> Option<Value> {
    let (Value::Obj(ao), Value::Obj(bo)) = (&*a, b) else { return None };
    let st = &vm.types.str;
    if !Rc::ptr_eq(ao.class(), st) || !Rc::ptr_eq(bo.class(), st) {
        return None;
    }
    let next = *instrs.get(f.pc)?;
    let (nop, narg) = (Opcode::from_u8(next as u8)?, (next >> 8) as usize);
    // Drop the variable's reference so `a` is the only one left.
    match nop {
        Opcode::StoreFast => {
            let slot = f.fast.get_mut(narg)?;
            if !slot.is(a) {
                return None;
            }
            *slot = Value::Null;
        }
        Opcode::StoreName if matches!(&f.locals, Value::Obj(l) if Rc::ptr_eq(l.class(), &vm.types.dict)) => {
            let Value::Obj(l) = &f.locals else { return None };
            let name = code.names.get(narg)?;
            let cur = dict_get_str(l, name)?;
            if !cur.is(a) {
                return None;
            }
            dict_set_str(l, name, Value::None);
        }
        _ => return None,
    }
    let Value::Obj(ao) = a else { return None };
    match Rc::get_mut(ao) {
        Some(obj) => {
            if let (Payload::Str(s), Some(t)) = (&mut obj.payload, bo.as_str()) {
                s.append(t);
            }
            Some(std::mem::replace(a, Value::Null))
        }
        None => {
            // Shared: concatenate into a new string (the STORE that follows
            // rebinds the variable).
            let (sa, sb) = (ao.as_str()?, bo.as_str()?);
            let mut bytes = Vec::with_capacity(sa.as_wtf8().len() + sb.as_wtf8().len());
            bytes.extend_from_slice(sa.as_wtf8());
            bytes.extend_from_slice(sb.as_wtf8());
            Some(vm.new_str_data(crate::types::str::PyStr::from_wtf8(bytes)))
        }
    }
}

fn keyboard_interrupt(vm: &mut Vm) -> crate::error::PyErr {
    vm.interrupted.store(false, Ordering::Relaxed);
    let c = vm.exc.keyboard_interrupt.clone();
    vm.new_exception(&c, vec![])
}

fn cell_get(c: &PyRef) -> Value {
    match &c.payload {
        Payload::Cell(v) => v.borrow().clone(),
        _ => Value::Null,
    }
}

fn unbound_local(vm: &mut Vm, name: &str) -> crate::error::PyErr {
    let c = vm.exc.unbound_local_error.clone();
    vm.new_exception_msg(&c, &format!("cannot access local variable '{}' where it is not associated with a value", name))
}

fn unbound_deref(vm: &mut Vm, code: &crate::types::code::Code, idx: usize) -> crate::error::PyErr {
    let ncell = code.co.cellvars.len();
    if idx < ncell {
        unbound_local(vm, &code.co.cellvars[idx].clone())
    } else {
        let name = code.co.freevars.get(idx - ncell).cloned().unwrap_or_default();
        let c = vm.exc.name_error.clone();
        vm.new_exception_msg(
            &c,
            &format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name),
        )
    }
}

/// LOAD_GLOBAL of name `ni`: globals, then builtins, through the cache.
#[inline(always)]
fn load_global(vm: &mut Vm, f: &Frame, code: &crate::types::code::Code, ni: usize) -> PyResult<Value> {
    let Some(cache) = code.global_cache.get(ni) else {
        return Err(vm.system_error("LOAD_GLOBAL: bad name index"));
    };
    let hit = crate::types::dict::global_cache_get(
        &f.globals,
        &f.builtins,
        cache.globals_version.get(),
        cache.builtins_version.get(),
        cache.in_builtins.get(),
        cache.index.get() as usize,
    );
    if let Some(v) = hit {
        return Ok(v);
    }
    load_global_slow(vm, f, code, ni, cache)
}

#[inline(never)]
fn load_global_slow(vm: &mut Vm, f: &Frame, code: &crate::types::code::Code, ni: usize, cache: &crate::types::code::GlobalCache) -> PyResult<Value> {
    use crate::types::dict::{dict_index_str, dict_value_at, dict_version};
    let gv = dict_version(&f.globals);
    let bv = dict_version(&f.builtins);
    let name = &code.names[ni];
    let (i, in_builtins) = match dict_index_str(&f.globals, name) {
        Some(i) => (i, false),
        None => match dict_index_str(&f.builtins, name) {
            Some(i) => (i, true),
            None => {
                let n = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
                return Err(vm.name_error(&n));
            }
        },
    };
    let d = if in_builtins { &f.builtins } else { &f.globals };
    let Some(v) = dict_value_at(d, i) else {
        return Err(vm.system_error("LOAD_GLOBAL: entry vanished"));
    };
    cache.globals_version.set(gv);
    cache.builtins_version.set(bv);
    cache.index.set(i as u32);
    cache.in_builtins.set(in_builtins);
    Ok(v)
}

fn load_name(vm: &mut Vm, f: &mut Frame, name: &PyRef) -> PyResult<Value> {
    if let Value::Obj(l) = &f.locals {
        if matches!(l.payload, Payload::Dict(_)) && Rc::ptr_eq(l.class(), &vm.types.dict) {
            if let Some(v) = dict_get_str(l, name) {
                return Ok(v);
            }
        } else {
            let l = f.locals.clone();
            match vm.get_item(&l, &Value::Obj(name.clone())) {
                Ok(v) => return Ok(v),
                Err(e) if vm.err_matches(&e, &vm.exc.key_error.clone()) => {}
                Err(e) => return Err(e),
            }
        }
    }
    if let Some(v) = dict_get_str(&f.globals, name) {
        return Ok(v);
    }
    if let Some(v) = dict_get_str(&f.builtins, name) {
        return Ok(v);
    }
    let n = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
    Err(vm.name_error(&n))
}

fn store_name(vm: &mut Vm, f: &mut Frame, name: &PyRef, v: Value) -> PyResult<()> {
    match &f.locals {
        Value::Obj(l) if matches!(l.payload, Payload::Dict(_)) && Rc::ptr_eq(l.class(), &vm.types.dict) => {
            dict_set_str(l, name, v);
            Ok(())
        }
        Value::Obj(_) => {
            let l = f.locals.clone();
            vm.set_item(&l, &Value::Obj(name.clone()), v)
        }
        _ => Err(vm.system_error("no locals found when storing a name")),
    }
}

fn delete_name(vm: &mut Vm, f: &mut Frame, name: &PyRef) -> PyResult<()> {
    let l = f.locals.clone();
    let r = match &l {
        Value::Obj(d) if matches!(d.payload, Payload::Dict(_)) && Rc::ptr_eq(d.class(), &vm.types.dict) => {
            crate::types::dict::dict_del_str(d, name).is_some()
        }
        Value::Obj(_) => match vm.del_item(&l, &Value::Obj(name.clone())) {
            Ok(()) => true,
            Err(e) if vm.err_matches(&e, &vm.exc.key_error.clone()) => false,
            Err(e) => return Err(e),
        },
        _ => false,
    };
    if !r {
        let n = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        return Err(vm.name_error(&n));
    }
    Ok(())
}

/// `CALL(n)`: pushes a frame for Python functions (returning `Flow::Call`), or
/// calls anything else and pushes the result.
fn call(vm: &mut Vm, f: &mut Frame, argc: usize) -> PyResult<Option<Flow>> {
    let kwnames = f.kwnames.take();
    let n = f.stack.len();
    if n < argc + 2 {
        return Err(vm.system_error("CALL: stack underflow"));
    }
    let a = f.stack[n - argc - 2].clone();
    let (mut callable, mut args_start) = if a.is_null() { (f.stack[n - argc - 1].clone(), n - argc) } else { (a, n - argc - 1) };
    // A bound method of a Python function: call the function with `self`
    // first, in place (no method object call, no argument copy).
    if args_start == n - argc {
        let unpacked = match callable.as_obj().map(|o| &o.payload) {
            Some(Payload::Method { func, self_ }) if matches!(func.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) => {
                Some((func.clone(), self_.clone()))
            }
            _ => None,
        };
        if let Some((func, self_)) = unpacked {
            f.stack[n - argc - 2] = func.clone();
            f.stack[n - argc - 1] = self_;
            callable = func;
            args_start = n - argc - 1;
        }
    }
    let nkw = match &kwnames {
        Some(Value::Obj(t)) => match &t.payload {
            Payload::Tuple(items) => items.len(),
            _ => 0,
        },
        _ => 0,
    };
    let total = n - args_start;
    let npos = total - nkw;
    // Python function: push a frame.
    if let Value::Obj(co) = &callable {
        if let Payload::Function(func) = &co.payload {
            let c = &func.code.co;
            // Exact positional arguments (the common case): move them from this
            // stack straight into the new frame's locals.
            if nkw == 0
                && c.flags.0
                    & (CodeFlags::GENERATOR
                        | CodeFlags::COROUTINE
                        | CodeFlags::ASYNC_GENERATOR
                        | CodeFlags::VARARGS
                        | CodeFlags::VARKEYWORDS)
                    == 0
                && c.argcount as usize == total
                && c.kwonlyargcount == 0
                && c.varnames.len() >= total
            {
                let mut frame = vm.alloc_call_frame(co, func);
                // Move the arguments: copy the values, then shorten this stack
                // without dropping them.
                // SAFETY: `args_start..n` is within this stack; `frame.fast` was
                // reserved for `co_nlocals >= total` values and is empty.
                unsafe {
                    debug_assert!(frame.fast.is_empty() && frame.fast.capacity() >= total);
                    let src = f.stack.as_ptr().add(args_start);
                    let dst = frame.fast.as_mut_ptr();
                    for i in 0..total {
                        crate::value::store_words(dst.add(i), crate::value::load_words(src.add(i)));
                    }
                    frame.fast.set_len(total);
                    f.stack.set_len(args_start);
                }
                frame.fill_locals();
                f.stack.truncate(n - argc - 2);
                if !(c.cellvars.is_empty() && c.freevars.is_empty()) {
                    vm.init_cells(&mut frame, func);
                }
                vm.push_frame_from_loop(frame)?;
                return Ok(Some(Flow::Call));
            }
            if func.code.co.flags.0 & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) == 0 {
                let kwargs = kw_pairs(&kwnames, &f.stack[args_start + npos..]);
                let frame = vm.make_frame(co, func, &f.stack[args_start..args_start + npos], &kwargs);
                f.stack.truncate(n - argc - 2);
                let frame = frame?;
                vm.push_frame(frame)?;
                return Ok(Some(Flow::Call));
            }
        }
    }
    // A class whose instances are made by object.__new__ and initialised by a
    // Python __init__: run __init__ in a frame of this loop (its return
    // is handled by RETURN_VALUE through `init_self`).
    if let Value::Obj(co) = &callable {
        if matches!(co.payload, Payload::Type(_)) {
            if let Some((inst, init)) = crate::protocol::objecttype::new_for_py_init(vm, co, &f.stack[args_start..args_start + npos]) {
                if let Some(io) = init.as_obj() {
                    if let Payload::Function(ifunc) = &io.payload {
                        if ifunc.code.co.flags.0 & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) == 0 {
                            let mut argv = Vec::with_capacity(npos + 1);
                            argv.push(inst.clone());
                            argv.extend_from_slice(&f.stack[args_start..args_start + npos]);
                            let kwargs = kw_pairs(&kwnames, &f.stack[args_start + npos..]);
                            let frame = vm.make_frame(io, ifunc, &argv, &kwargs);
                            drop(argv);
                            f.stack.truncate(n - argc - 2);
                            let mut frame = frame?;
                            frame.init_self = inst;
                            vm.push_frame_from_loop_as(frame, " while calling a Python object")?;
                            return Ok(Some(Flow::Call));
                        }
                    }
                }
            }
        }
    }
    // Other callables get the arguments as a slice of this stack (no copy);
    // they are dropped after the call.
    let r = {
        let (pos, kwv) = f.stack[args_start..].split_at(npos);
        let kwargs = kw_pairs(&kwnames, kwv);
        vm.call(&callable, pos, &kwargs)
    };
    f.stack.truncate(n - argc - 2);
    stack_push(&mut f.stack, r?);
    Ok(None)
}

fn kw_pairs(kwnames: &Option<Value>, values: &[Value]) -> Vec<(PyRef, Value)> {
    let Some(Value::Obj(t)) = kwnames else { return Vec::new() };
    let Payload::Tuple(names) = &t.payload else { return Vec::new() };
    names
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| k.as_obj().map(|k| (k.clone(), v.clone())))
        .collect()
}

/// `f(*args, **kwargs)`.
pub fn call_ex(vm: &mut Vm, func: &Value, args: &Value, kwargs: Option<&Value>) -> PyResult<Value> {
    let pos = match args.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => {
            let iter_name = vm.names.__iter__.clone();
            if vm.lookup_special(args, &iter_name).is_none() && !matches!(args.as_obj().map(|o| &o.payload), Some(Payload::List(_))) {
                let fname = crate::types::function_repr_name(vm, func);
                return Err(vm.type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    fname,
                    vm.type_name(args)
                )));
            }
            vm.collect(args)?
        }
    };
    let mut kw: Vec<(PyRef, Value)> = Vec::new();
    if let Some(k) = kwargs {
        match k.as_obj() {
            Some(d) if matches!(d.payload, Payload::Dict(_)) => {
                for (key, v) in vm.dict_items(d) {
                    match key {
                        Value::Obj(ko) if ko.as_str().is_some() => kw.push((vm.intern_obj(&ko), v)),
                        _ => return Err(vm.type_error("keywords must be strings")),
                    }
                }
            }
            _ => {
                let fname = crate::types::function_repr_name(vm, func);
                return Err(vm.type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    fname,
                    vm.type_name(k)
                )));
            }
        }
    }
    vm.call(func, &pos, &kw)
}

fn make_function(vm: &mut Vm, f: &mut Frame, flags: u32) -> PyResult<Value> {
    let code_v = pop!(f);
    let closure = if flags & 0x08 != 0 { Some(pop!(f)) } else { None };
    let annotations = if flags & 0x04 != 0 { Some(pop!(f)) } else { None };
    let kwdefaults = if flags & 0x02 != 0 { pop!(f) } else { Value::None };
    let defaults = if flags & 0x01 != 0 { Some(pop!(f)) } else { None };
    let Some(Payload::Code(code)) = code_v.as_obj().map(|o| &o.payload) else {
        return Err(vm.system_error("MAKE_FUNCTION without a code object"));
    };
    let code = code.clone();
    let cells: Vec<PyRef> = match closure.as_ref().and_then(|c| c.as_obj().cloned()) {
        Some(t) => match &t.payload {
            Payload::Tuple(items) => items.iter().filter_map(|v| v.as_obj().cloned()).collect(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    let defaults = match defaults.as_ref().and_then(|d| d.as_obj()).map(|o| &o.payload) {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    };
    let annotations = match annotations {
        Some(t) => {
            let d = vm.new_dict();
            let items = vm.collect(&t)?;
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                vm.dict_set_item(&d, k, v)?;
            }
            Value::Obj(d)
        }
        None => Value::Null,
    };
    // CPython 3.11: the docstring is co_consts[0] when that is a str.
    let doc = match code.consts.first() {
        Some(v @ Value::Obj(o)) if o.as_str().is_some() => v.clone(),
        _ => Value::None,
    };
    let name = vm.intern(&code.co.name.clone());
    let qualname = vm.new_str(&code.co.qualname.clone());
    let modname = dict_get_str(&f.globals, &vm.names.__name__.clone()).unwrap_or(Value::None);
    let func = Function {
        code,
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        name: RefCell::new(Value::Obj(name)),
        qualname: RefCell::new(qualname),
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(kwdefaults),
        closure: cells.into_boxed_slice(),
        doc: RefCell::new(doc),
        module: RefCell::new(modname),
        annotations: RefCell::new(annotations),
    };
    let d = vm.new_dict();
    Ok(Value::Obj(PyObject::with_dict(vm.types.function.clone(), Payload::Function(Box::new(func)), d)))
}

fn unary(vm: &mut Vm, v: &Value, op: Opcode) -> PyResult<Value> {
    match (v, op) {
        (Value::Int(i), Opcode::UnaryNegative) if *i != i64::MIN => return Ok(Value::Int(-i)),
        (Value::Int(i), Opcode::UnaryPositive) => return Ok(Value::Int(*i)),
        (Value::Int(i), Opcode::UnaryInvert) => return Ok(Value::Int(!i)),
        (Value::Float(x), Opcode::UnaryNegative) => return Ok(Value::Float(-x)),
        (Value::Float(x), Opcode::UnaryPositive) => return Ok(Value::Float(*x)),
        _ => {}
    }
    let (name, sym) = match op {
        Opcode::UnaryNegative => (vm.names.__neg__.clone(), "-"),
        Opcode::UnaryPositive => (vm.names.__pos__.clone(), "+"),
        _ => (vm.names.__invert__.clone(), "~"),
    };
    vm.unary_op(v, &name, sym)
}

fn list_extend(vm: &mut Vm, l: &Value, v: &Value) -> PyResult<()> {
    let iter_name = vm.names.__iter__.clone();
    let gi = vm.names.__getitem__.clone();
    if vm.lookup_special(v, &iter_name).is_none() && vm.lookup_special(v, &gi).is_none() {
        return Err(vm.type_error(format!("Value after * must be an iterable, not {}", vm.type_name(v))));
    }
    let items = vm.collect(v)?;
    if let Some(Payload::List(li)) = l.as_obj().map(|o| &o.payload) {
        li.borrow_mut().extend(items);
    }
    Ok(())
}

fn dict_update(vm: &mut Vm, d: &Value, v: &Value, merge: bool, func: &Value) -> PyResult<()> {
    let Value::Obj(dobj) = d else { return Ok(()) };
    let keys_name = vm.names.keys.clone();
    let is_dict = matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Dict(_)));
    let items: Vec<(Value, Value)> = if is_dict {
        match v.as_obj() {
            Some(o) => vm.dict_items(o),
            None => Vec::new(),
        }
    } else {
        let Some(kf) = vm.get_attr_opt(v, &keys_name)? else {
            if merge {
                let fname = crate::types::function_repr_name(vm, func);
                return Err(vm.type_error(format!("{} argument after ** must be a mapping, not {}", fname, vm.type_name(v))));
            }
            return Err(vm.type_error(format!("'{}' object is not a mapping", vm.type_name(v))));
        };
        let keys = vm.call(&kf, &[], &[])?;
        let mut out = Vec::new();
        for k in vm.collect(&keys)? {
            let val = vm.get_item(v, &k)?;
            out.push((k, val));
        }
        out
    };
    for (k, val) in items {
        if merge {
            if vm.dict_get_item(dobj, &k)?.is_some() {
                let fname = crate::types::function_repr_name(vm, func);
                let ks = vm.str_string(&k)?;
                return Err(vm.type_error(format!("{} got multiple values for keyword argument '{}'", fname, ks)));
            }
            if k.as_obj().and_then(|o| o.as_str()).is_none() {
                return Err(vm.type_error("keywords must be strings"));
            }
        }
        vm.dict_set_item(dobj, k, val)?;
    }
    Ok(())
}

fn unpack_sequence(vm: &mut Vm, f: &mut Frame, seq: Value, n: usize) -> PyResult<()> {
    let items: Vec<Value> = match seq.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => {
            let iter_name = vm.names.__iter__.clone();
            let gi = vm.names.__getitem__.clone();
            if vm.lookup_special(&seq, &iter_name).is_none() && vm.lookup_special(&seq, &gi).is_none() {
                return Err(vm.type_error(format!("cannot unpack non-iterable {} object", vm.type_name(&seq))));
            }
            let it = vm.iter(&seq)?;
            let mut out = Vec::with_capacity(n);
            while out.len() < n {
                match vm.next(&it)? {
                    Some(x) => out.push(x),
                    None => {
                        return Err(vm.value_error(format!(
                            "not enough values to unpack (expected {}, got {})",
                            n,
                            out.len()
                        )))
                    }
                }
            }
            if vm.next(&it)?.is_some() {
                return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
            }
            out
        }
    };
    if items.len() != n {
        if items.len() < n {
            return Err(vm.value_error(format!("not enough values to unpack (expected {}, got {})", n, items.len())));
        }
        return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
    }
    f.stack.extend(items.into_iter().rev());
    Ok(())
}

fn unpack_ex(vm: &mut Vm, f: &mut Frame, seq: Value, before: usize, after: usize) -> PyResult<()> {
    let iter_name = vm.names.__iter__.clone();
    let gi = vm.names.__getitem__.clone();
    if vm.lookup_special(&seq, &iter_name).is_none() && vm.lookup_special(&seq, &gi).is_none() {
        return Err(vm.type_error(format!("cannot unpack non-iterable {} object", vm.type_name(&seq))));
    }
    let items = vm.collect(&seq)?;
    if items.len() < before + after {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mid_end = items.len() - after;
    let mut out: Vec<Value> = Vec::with_capacity(before + after + 1);
    out.extend(items[..before].iter().cloned());
    out.push(vm.new_list(items[before..mid_end].to_vec()));
    out.extend(items[mid_end..].iter().cloned());
    f.stack.extend(out.into_iter().rev());
    Ok(())
}

fn format_value(vm: &mut Vm, v: Value, conv: u32, spec: Option<Value>) -> PyResult<Value> {
    let v = match conv {
        1 => Value::Obj(vm.str(&v)?),
        2 => Value::Obj(vm.repr(&v)?),
        3 => crate::builtins::ascii_of(vm, &v)?,
        _ => v,
    };
    let spec = spec.unwrap_or_else(|| Value::Obj(vm.none_singletons.empty_str.clone()));
    let is_empty_spec = spec.as_obj().and_then(|o| o.as_str()).map(|s| s.is_empty()).unwrap_or(false);
    if is_empty_spec {
        if let Value::Obj(o) = &v {
            if Rc::ptr_eq(o.class(), &vm.types.str) {
                return Ok(v);
            }
        }
    }
    crate::builtins::format(vm, &v, &spec)
}

fn before_with(vm: &mut Vm, mgr: &Value, is_async: bool) -> PyResult<(Value, Value)> {
    let (enter_n, exit_n) = if is_async {
        (vm.names.__aenter__.clone(), vm.names.__aexit__.clone())
    } else {
        (vm.names.__enter__.clone(), vm.names.__exit__.clone())
    };
    let tp = vm.type_of(mgr);
    let Some(enter) = crate::types::typeobj::lookup(&tp, &enter_n) else {
        let what = if is_async { "asynchronous context manager protocol" } else { "context manager protocol" };
        let _ = what;
        return Err(vm.type_error(format!(
            "'{}' object does not support the {}context manager protocol",
            vm.type_name(mgr),
            if is_async { "asynchronous " } else { "" }
        )));
    };
    let Some(exit) = crate::types::typeobj::lookup(&tp, &exit_n) else {
        return Err(vm.type_error(format!(
            "'{}' object does not support the {}context manager protocol (missed __{}exit__ method)",
            vm.type_name(mgr),
            if is_async { "asynchronous " } else { "" },
            if is_async { "a" } else { "" }
        )));
    };
    let exit_bound = vm.descr_get(&exit, mgr, &tp)?;
    let enter_bound = vm.descr_get(&enter, mgr, &tp)?;
    let res = vm.call(&enter_bound, &[], &[])?;
    Ok((exit_bound, res))
}

fn setup_annotations(vm: &mut Vm, f: &mut Frame) -> PyResult<()> {
    let k = vm.names.__annotations__.clone();
    match &f.locals {
        Value::Obj(l) if matches!(l.payload, Payload::Dict(_)) => {
            if dict_get_str(l, &k).is_none() {
                let d = vm.new_dict();
                dict_set_str(l, &k, Value::Obj(d));
            }
        }
        Value::Obj(_) => {
            let l = f.locals.clone();
            match vm.get_item(&l, &Value::Obj(k.clone())) {
                Ok(_) => {}
                Err(e) if vm.err_matches(&e, &vm.exc.key_error.clone()) => {
                    let d = vm.new_dict();
                    vm.set_item(&l, &Value::Obj(k), Value::Obj(d))?;
                }
                Err(e) => return Err(e),
            }
        }
        _ => {}
    }
    Ok(())
}
