//! `super`; CPython: Objects/typeobject.c (`super_getattro`, `super_init`).

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::function::Args;
use crate::types::typeobj::flags;
use crate::value::Value;
use crate::vm::Vm;

/// Registers super's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.super_.clone();
    vm.add_staticmethods(&t, &[("__new__", super_new)]);
    vm.add_methods(&t, &[("__init__", super_init_noop), ("__getattribute__", super_getattribute), ("__repr__", super_repr), ("__get__", super_get)]);
    vm.add_getsets(&t, &[
        GetSetDef { name: "__thisclass__", get: |_, v| Ok(parts(v).0), set: None },
        GetSetDef { name: "__self__", get: |_, v| Ok(parts(v).1), set: None },
        GetSetDef { name: "__self_class__", get: |_, v| Ok(parts(v).2), set: None },
    ]);
    if let Some(td) = t.as_type() {
        td.flags.set(td.flags.get() | flags::CUSTOM_GETATTRIBUTE);
    }
}

fn parts(v: &Value) -> (Value, Value, Value) {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Super { type_, obj, obj_type }) => (type_.clone(), obj.clone(), obj_type.clone()),
        _ => (Value::None, Value::None, Value::None),
    }
}

/// `super(type_, obj)` as an object.
pub fn new_super(vm: &mut Vm, type_: Value, obj: Value) -> PyResult<Value> {
    let Some(t) = type_.as_obj().filter(|o| o.as_type().is_some()).cloned() else {
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", vm.type_name(&type_))));
    };
    let obj_type = if obj.is_none() {
        Value::None
    } else if let Some(o) = obj.as_obj().filter(|o| o.as_type().is_some() && vm.is_subtype(o, &t)) {
        Value::Obj(o.clone())
    } else if vm.is_instance(&obj, &t) {
        Value::Obj(vm.type_of(&obj))
    } else {
        // `__class__` may be a proxy's.
        let cn = vm.names.__class__.clone();
        match vm.get_attr_opt(&obj, &cn)? {
            Some(Value::Obj(c)) if c.as_type().is_some() && vm.is_subtype(&c, &t) => Value::Obj(c),
            _ => return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type")),
        }
    };
    Ok(Value::Obj(PyObject::new(vm.types.super_.clone(), Payload::Super { type_: Value::Obj(t), obj, obj_type })))
}

fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super_from_args(vm, &args.args[1..])
}

/// `super(*a)`: `super.__new__` without the class argument (`super.__init__`
/// does nothing). Used directly by `type_call_impl` for exact `super` calls.
pub fn super_from_args(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    match a.len() {
        0 => {
            // Zero-argument form: the calling frame's first argument and __class__ cell.
            let Some(frame) = vm.frames.last() else { return Err(vm.runtime_error("super(): no current frame")) };
            let co = &frame.code.co;
            if co.argcount == 0 && !co.flags.has(pyrite_bytecode::CodeFlags::VARARGS) {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let mut first = frame.fast.first().cloned().unwrap_or(Value::Null);
            for &(ci, ai) in &co.cell2arg {
                if ai == 0 {
                    if let Some(Payload::Cell(c)) = frame.cells.get(ci as usize).map(|c| &c.payload) {
                        first = c.borrow().clone();
                    }
                }
            }
            if first.is_null() {
                return Err(vm.runtime_error("super(): arg[0] deleted"));
            }
            let idx = co.freevars.iter().position(|n| n == "__class__");
            let Some(idx) = idx else { return Err(vm.runtime_error("super(): __class__ cell not found")) };
            let cell = frame.cells.get(co.cellvars.len() + idx).cloned();
            let cls = match cell.as_ref().map(|c| &c.payload) {
                Some(Payload::Cell(c)) => c.borrow().clone(),
                _ => Value::Null,
            };
            if cls.is_null() {
                return Err(vm.runtime_error("super(): empty __class__ cell"));
            }
            if cls.as_obj().and_then(|o| o.as_type()).is_none() {
                return Err(vm.runtime_error("super(): __class__ is not a type"));
            }
            new_super(vm, cls, first)
        }
        1 => new_super(vm, a[0].clone(), Value::None),
        2 => new_super(vm, a[0].clone(), a[1].clone()),
        n => Err(vm.type_error(format!("super() takes at most 2 arguments ({} given)", n))),
    }
}

fn super_init_noop(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn super_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = crate::protocol::objecttype::attr_name(vm, &args.args[1])?;
    super_get_attr(vm, &args.args[0], &name)
}

/// The attribute `name` of the super object `sup` (`super.__getattribute__`).
pub fn super_get_attr(vm: &mut Vm, sup: &Value, name: &PyRef) -> PyResult<Value> {
    let skip = name.as_str().map(|s| s.as_wtf8() == b"__class__").unwrap_or(false);
    if let (Some(Payload::Super { type_: t, obj, obj_type: Value::Obj(start) }), false) = (sup.as_obj().map(|o| &o.payload), skip) {
        // Look along the MRO of the object's type, after `t`. Namespace reads
        // run no Python code, so the MRO stays borrowed.
        let found = start.as_type().and_then(|st| {
            let mro = st.mro.borrow();
            let i = match t.as_obj() {
                Some(tr) => mro.iter().position(|c| std::rc::Rc::ptr_eq(c, tr)).unwrap_or(mro.len()),
                None => mro.len(),
            };
            mro.iter().skip(i + 1).find_map(|c| c.dict.borrow().as_ref().and_then(|d| crate::types::dict::dict_get_str(d, name)))
        });
        if let Some(v) = found {
            if matches!(obj, Value::Obj(o) if std::rc::Rc::ptr_eq(o, start)) || obj.is_none() {
                return vm.descr_get_for_class(&v, start);
            }
            return vm.descr_get(&v, obj, start);
        }
    }
    let sup = sup.clone();
    let st = vm.types.super_.clone();
    match vm.generic_get_attr(&sup, &st, &name)? {
        Some(v) => Ok(v),
        None => {
            let n = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
            Err(vm.attribute_error(format!("'super' object has no attribute '{}'", n)))
        }
    }
}

fn super_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, obj, _) = parts(&args.args[0]);
    let inst = args.args.get(1).cloned().unwrap_or(Value::None);
    if !obj.is_none() || inst.is_none() {
        return Ok(args.args[0].clone());
    }
    new_super(vm, t, inst)
}

fn super_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, _, ot) = parts(&args.args[0]);
    let tn = t.as_obj().and_then(|o| o.as_type()).map(|t| t.name()).unwrap_or_default();
    let r = match ot.as_obj().and_then(|o| o.as_type()) {
        Some(o) => format!("<super: <class '{}'>, <{} object>>", tn, o.name()),
        None => format!("<super: <class '{}'>, NULL>", tn),
    };
    Ok(vm.new_str(&r))
}
