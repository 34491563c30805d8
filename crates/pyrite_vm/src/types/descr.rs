//! Descriptors: property, builtin attributes (getset), `__slots__` members.
//! CPython: Objects/descrobject.c.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

/// Getter of a builtin attribute.
pub type Getter = fn(&mut Vm, &Value) -> PyResult<Value>;
/// Setter of a builtin attribute (`None` value means delete).
pub type Setter = fn(&mut Vm, &Value, Option<Value>) -> PyResult<()>;

/// A builtin attribute definition for `Vm::add_getsets`.
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
}

/// A getset descriptor's data.
pub struct GetSetData {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
    pub owner: PyRef,
}

/// A `__slots__` member descriptor: slot `index` of instances of `owner`.
pub struct MemberData {
    pub name: String,
    pub index: usize,
    pub owner: PyRef,
}

/// A property's functions.
pub struct PropertyData {
    pub fget: RefCell<Value>,
    pub fset: RefCell<Value>,
    pub fdel: RefCell<Value>,
    pub doc: RefCell<Value>,
    pub name: RefCell<Value>,
}
