//! `_thread` for a single-threaded interpreter; CPython: Modules/_threadmodule.c.
//!
//! Registration table (`make_module`): get_ident, get_native_id,
//! allocate_lock, `_count`, stack_size, the types LockType (acquire,
//! release, locked, `__enter__`, `__exit__`, acquire_lock, release_lock,
//! locked_lock) and RLock (acquire, release, `__enter__`, `__exit__`,
//! `_is_owned`), `error` (= RuntimeError) and TIMEOUT_MAX.
//! Not yet: start_new_thread (raises RuntimeError). A blocking acquire of a
//! held lock cannot wait for another thread, so it returns False.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::dict::dict_set_str;
use crate::types::function::{Args, NativeFn};
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

/// A lock's state: how many times it is held (0 or 1 for a plain lock).
struct LockData {
    count: Cell<u64>,
}

thread_local! {
    static TYPES: RefCell<Option<(PyRef, PyRef)>> = const { RefCell::new(None) };
}

/// Registers `_thread` as a native module.
pub fn init(vm: &mut Vm) {
    vm.native_modules.insert("_thread", make_module);
}

fn types(vm: &mut Vm) -> (PyRef, PyRef) {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return t;
    }
    let object = vm.types.object.clone();
    let lock = vm.new_builtin_type("lock", "_thread", &object, Layout::Opaque, flags::IMMUTABLE);
    let lm: &[(&'static str, NativeFn)] = &[
        ("acquire", lock_acquire),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("__exit__", lock_exit),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
    ];
    vm.add_methods(&lock, lm);
    vm.add_staticmethods(&lock, &[("__new__", lock_new)]);
    let rlock = vm.new_builtin_type("RLock", "_thread", &object, Layout::Opaque, flags::BASETYPE);
    let rm: &[(&'static str, NativeFn)] = &[
        ("acquire", rlock_acquire),
        ("__enter__", rlock_acquire),
        ("release", rlock_release),
        ("__exit__", rlock_exit),
        ("_is_owned", lock_locked),
    ];
    vm.add_methods(&rlock, rm);
    vm.add_staticmethods(&rlock, &[("__new__", lock_new)]);
    TYPES.with(|t| *t.borrow_mut() = Some((lock.clone(), rlock.clone())));
    (lock, rlock)
}

fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    let (lock, rlock) = types(vm);
    let m = crate::types::module::new_module(vm, "_thread");
    let d = m.dict.borrow().clone().ok_or_else(|| vm.system_error("module without dict"))?;
    let re = Value::Obj(vm.exc.runtime_error.clone());
    for (name, v) in [("LockType", Value::Obj(lock)), ("RLock", Value::Obj(rlock)), ("error", re), ("TIMEOUT_MAX", Value::Float(9223372036.0))] {
        let k = vm.intern(name);
        dict_set_str(&d, &k, v);
    }
    let fns: &[(&'static str, NativeFn)] = &[
        ("get_ident", get_ident),
        ("get_native_id", get_ident),
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("_count", count),
        ("stack_size", stack_size),
        ("start_new_thread", start_new_thread),
        ("_set_sentinel", allocate_lock),
    ];
    for (name, f) in fns {
        let v = vm.new_builtin(name, *f);
        let k = vm.intern(name);
        dict_set_str(&d, &k, v);
    }
    Ok(m)
}

fn get_ident(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn count(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn stack_size(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn start_new_thread(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.runtime_error("can't start new thread"))
}

fn new_lock(vm: &mut Vm, cls: &PyRef) -> Value {
    let o = crate::protocol::objecttype::new_instance(vm, cls, Payload::Native(Box::new(LockData { count: Cell::new(0) })));
    Value::Obj(o)
}

fn allocate_lock(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let (lock, _) = types(vm);
    Ok(new_lock(vm, &lock))
}

fn lock_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.args.first().and_then(|c| c.as_obj()) {
        Some(c) if c.as_type().is_some() => {
            let c = c.clone();
            Ok(new_lock(vm, &c))
        }
        _ => Err(vm.type_error("__new__ requires a type")),
    }
}

fn data<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a LockData> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => match n.downcast_ref::<LockData>() {
            Some(d) => Ok(d),
            None => Err(vm.type_error("expected a lock")),
        },
        _ => Err(vm.type_error("expected a lock")),
    }
}

fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = data(vm, &args.args[0])?;
    if d.count.get() == 0 {
        d.count.set(1);
        Ok(Value::Bool(true))
    } else {
        Ok(Value::Bool(false))
    }
}

fn lock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = data(vm, &args.args[0])?;
    if d.count.get() == 0 {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    d.count.set(0);
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    lock_release(vm, Args { args: &args.args[..1], kwargs: &[] })
}

fn lock_locked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = data(vm, &args.args[0])?;
    Ok(Value::Bool(d.count.get() > 0))
}

fn rlock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = data(vm, &args.args[0])?;
    d.count.set(d.count.get().saturating_add(1));
    Ok(Value::Bool(true))
}

fn rlock_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = data(vm, &args.args[0])?;
    if d.count.get() == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    d.count.set(d.count.get() - 1);
    Ok(Value::None)
}

fn rlock_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rlock_release(vm, Args { args: &args.args[..1], kwargs: &[] })
}
