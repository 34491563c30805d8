//! `_weakref`: weak references; CPython: Modules/_weakref.c, Objects/weakrefobject.c.
//! A reference holds an `Rc` weak pointer to its referent.
//! Callbacks run when the referent dies, with the pending finalisers
//! (`object::register_weak_callback`, `finalize::run_pending`).

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::dict::dict_set_str;
use crate::types::function::Args;
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// A weak reference's state.
pub struct WeakData {
    pub target: Weak<PyObject>,
    pub callback: RefCell<Value>,
    pub hash: Cell<Option<i64>>,
}

thread_local! {
    static TYPES: RefCell<Option<(PyRef, PyRef)>> = const { RefCell::new(None) };
}

/// Registers `_weakref` as a native module.
pub fn init(vm: &mut Vm) {
    vm.native_modules.insert("_weakref", make_module);
}

fn types(vm: &mut Vm) -> (PyRef, PyRef) {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return t;
    }
    let object = vm.types.object.clone();
    let r = vm.new_builtin_type("ReferenceType", "weakref", &object, Layout::Opaque, flags::BASETYPE | flags::IMMUTABLE);
    vm.add_staticmethods(&r, &[("__new__", ref_new)]);
    vm.add_methods(&r, &[("__init__", ref_init), ("__call__", ref_call), ("__hash__", ref_hash), ("__eq__", ref_eq), ("__ne__", ref_ne), ("__repr__", ref_repr)]);
    vm.add_classmethods(&r, &[("__class_getitem__", class_getitem)]);
    vm.add_getsets(&r, &[GetSetDef { name: "__callback__", get: |_, v| Ok(data(v).map(|d| d.callback.borrow().clone()).unwrap_or(Value::None)), set: None }]);
    let p = vm.new_builtin_type("ProxyType", "weakref", &object, Layout::Opaque, flags::IMMUTABLE | flags::CUSTOM_GETATTRIBUTE);
    vm.add_methods(&p, &[("__getattribute__", proxy_getattr), ("__setattr__", proxy_setattr), ("__repr__", proxy_repr), ("__str__", proxy_str), ("__bool__", proxy_bool)]);
    TYPES.with(|t| *t.borrow_mut() = Some((r.clone(), p.clone())));
    (r, p)
}

fn class_getitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    let (r, p) = types(vm);
    let m = crate::types::module::new_module(vm, "_weakref");
    let d = m.dict.borrow().clone().ok_or_else(|| vm.system_error("module without dict"))?;
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let k = vm.intern(name);
        dict_set_str(&d, &k, v);
    };
    set(vm, "ref", Value::Obj(r.clone()));
    set(vm, "ReferenceType", Value::Obj(r));
    set(vm, "ProxyType", Value::Obj(p.clone()));
    set(vm, "CallableProxyType", Value::Obj(p));
    for (name, f) in [
        ("proxy", weak_proxy as crate::types::function::NativeFn),
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
        ("_remove_dead_weakref", remove_dead_weakref),
    ] {
        let v = vm.new_builtin(name, f);
        set(vm, name, v);
    }
    Ok(m)
}

fn data(v: &Value) -> Option<&WeakData> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => n.downcast_ref::<WeakData>(),
        _ => None,
    }
}

/// The referent if alive.
fn target(v: &Value) -> Option<Value> {
    data(v).and_then(|d| d.target.upgrade()).map(Value::Obj)
}

fn referent_ok(vm: &mut Vm, obj: &Value) -> PyResult<PyRef> {
    let o = match obj {
        Value::Obj(o) => o.clone(),
        _ => return Err(vm.type_error(format!("cannot create weak reference to '{}' object", vm.type_name(obj)))),
    };
    let t = &vm.types;
    let cls = o.class().clone();
    let forbidden = [&t.list, &t.dict, &t.tuple, &t.str, &t.int, &t.bytes, &t.bytearray, &t.float, &t.complex];
    if forbidden.iter().any(|f| Rc::ptr_eq(f, &cls)) {
        return Err(vm.type_error(format!("cannot create weak reference to '{}' object", vm.type_name(obj))));
    }
    Ok(o)
}

fn ref_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.args.first().and_then(|c| c.as_obj()).filter(|c| c.as_type().is_some()).cloned() else {
        return Err(vm.type_error("ref.__new__(X): X is not a type object"));
    };
    let Some(obj) = args.args.get(1) else {
        return Err(vm.type_error("__new__ expected at least 1 argument, got 0"));
    };
    let o = referent_ok(vm, obj)?;
    let callback = args.args.get(2).cloned().unwrap_or(Value::None);
    let has_callback = !callback.is_none();
    let wd = WeakData { target: Rc::downgrade(&o), callback: RefCell::new(callback), hash: Cell::new(None) };
    let wr = crate::protocol::objecttype::new_instance(vm, &cls, Payload::Native(Box::new(wd)));
    if has_callback {
        crate::object::register_weak_callback(&o, &wr);
    }
    Ok(Value::Obj(wr))
}

fn ref_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn ref_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "weakref", &args, 1, 1)?;
    Ok(target(&args.args[0]).unwrap_or(Value::None))
}

fn ref_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(d) = data(&args.args[0]) else { return Err(vm.type_error("bad weakref")) };
    if let Some(h) = d.hash.get() {
        return Ok(Value::Int(h));
    }
    match d.target.upgrade() {
        Some(o) => {
            let h = vm.hash(&Value::Obj(o))?;
            if let Some(d) = data(&args.args[0]) {
                d.hash.set(Some(h));
            }
            Ok(Value::Int(h))
        }
        None => Err(vm.type_error("weak object has gone away")),
    }
}

fn ref_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = (&args.args[0], &args.args[1]);
    if data(b).is_none() {
        return Ok(vm.not_implemented());
    }
    match (target(a), target(b)) {
        (Some(x), Some(y)) => Ok(Value::Bool(vm.eq(&x, &y)?)),
        _ => Ok(Value::Bool(a.is(b))),
    }
}

fn ref_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match ref_eq(vm, args)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

fn ref_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = &args.args[0];
    let r = match target(v) {
        Some(t) => format!("<weakref at {:#x}; to '{}' at {:#x}>", v.id(), vm.type_name(&t), t.id()),
        None => format!("<weakref at {:#x}; dead>", v.id()),
    };
    Ok(vm.new_str(&r))
}

fn weak_proxy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "proxy", &args, 1, 2)?;
    let o = referent_ok(vm, &args.args[0])?;
    let (_, p) = types(vm);
    let callback = args.args.get(1).cloned().unwrap_or(Value::None);
    let has_callback = !callback.is_none();
    let wd = WeakData { target: Rc::downgrade(&o), callback: RefCell::new(callback), hash: Cell::new(None) };
    let wr = PyObject::new(p, Payload::Native(Box::new(wd)));
    if has_callback {
        crate::object::register_weak_callback(&o, &wr);
    }
    Ok(Value::Obj(wr))
}

fn proxy_target(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    target(v).ok_or_else(|| {
        let c = vm.exc.reference_error.clone();
        vm.new_exception_msg(&c, "weakly-referenced object no longer exists")
    })
}

fn proxy_getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = proxy_target(vm, &args.args[0])?;
    let name = crate::protocol::objecttype::attr_name(vm, &args.args[1])?;
    vm.get_attr(&t, &name)
}

fn proxy_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = proxy_target(vm, &args.args[0])?;
    let name = crate::protocol::objecttype::attr_name(vm, &args.args[1])?;
    vm.set_attr(&t, &name, args.args[2].clone())?;
    Ok(Value::None)
}

fn proxy_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = &args.args[0];
    let r = match target(v) {
        Some(t) => format!("<weakproxy at {:#x}; to '{}' at {:#x}>", v.id(), vm.type_name(&t), t.id()),
        None => format!("<weakproxy at {:#x}; dead>", v.id()),
    };
    Ok(vm.new_str(&r))
}

fn proxy_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = proxy_target(vm, &args.args[0])?;
    Ok(Value::Obj(vm.str(&t)?))
}

fn proxy_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = proxy_target(vm, &args.args[0])?;
    Ok(Value::Bool(vm.is_true(&t)?))
}

fn getweakrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "getweakrefcount", &args, 1, 1)?;
    Ok(Value::Int(match &args.args[0] {
        Value::Obj(o) => Rc::weak_count(o) as i64,
        _ => 0,
    }))
}

fn getweakrefs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "getweakrefs", &args, 1, 1)?;
    Ok(vm.new_list(vec![]))
}

fn remove_dead_weakref(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "_remove_dead_weakref", &args, 2, 2)?;
    let Some(d) = args.args[0].as_obj().cloned() else { return Ok(Value::None) };
    if let Some(v) = vm.dict_get_item(&d, &args.args[1])? {
        if data(&v).is_some() && target(&v).is_none() {
            vm.dict_del_item_opt(&d, &args.args[1])?;
        }
    }
    Ok(Value::None)
}

/// Takes the callback of weak reference `v` (it is called at most once; the
/// reference's `__callback__` is None afterwards).
pub fn take_callback(v: &Value) -> Value {
    match data(v) {
        Some(d) => std::mem::replace(&mut *d.callback.borrow_mut(), Value::None),
        None => Value::None,
    }
}
