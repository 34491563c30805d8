//! The object protocols shared by the interpreter loop and the builtins:
//! attribute access, calls, operators, comparison, iteration, item access.

pub mod attr;
pub mod call;
pub mod dictops;
pub mod fastops;
pub mod objecttype;
pub mod ops;

use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// `callable(v)`.
pub fn is_callable(vm: &mut Vm, v: &Value) -> bool {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(_) | Payload::Builtin(_) | Payload::Method { .. } | Payload::Type(_)) => true,
        Some(_) => {
            let n = vm.names.__call__.clone();
            vm.lookup_special(v, &n).is_some()
        }
        None => false,
    }
}

/// `isinstance(obj, cls)` with tuples and `__instancecheck__`.
pub fn isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(c) = cls.as_obj() {
        if c.as_type().is_some() && vm.is_instance(obj, c) {
            return Ok(true);
        }
        if let Payload::Tuple(items) = &c.payload {
            for it in items.iter() {
                vm.enter(" in __instancecheck__")?;
                let r = isinstance(vm, obj, it);
                vm.leave();
                if r? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if c.as_type().is_some() && std::rc::Rc::ptr_eq(c.class(), &vm.types.type_) {
            return Ok(false);
        }
    }
    let n = vm.names.__instancecheck__.clone();
    match vm.call_special(cls, &n, std::slice::from_ref(obj))? {
        Some(r) => vm.is_true(&r),
        None => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

/// `issubclass(sub, cls)` with tuples and `__subclasscheck__`.
pub fn issubclass(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(c) = cls.as_obj() {
        if let Payload::Tuple(items) = &c.payload {
            for it in items.iter() {
                if issubclass(vm, sub, it)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if c.as_type().is_some() && std::rc::Rc::ptr_eq(c.class(), &vm.types.type_) {
            let Some(s) = sub.as_obj().filter(|o| o.as_type().is_some()) else {
                return Err(vm.type_error("issubclass() arg 1 must be a class"));
            };
            return Ok(vm.is_subtype(s, c));
        }
    }
    let n = vm.names.__subclasscheck__.clone();
    match vm.call_special(cls, &n, std::slice::from_ref(sub))? {
        Some(r) => vm.is_true(&r),
        None => Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}
