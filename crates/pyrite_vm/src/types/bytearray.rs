//! The bytearray type; CPython: Objects/bytearrayobject.c.
use crate::vm::Vm;
/// Registers bytearray methods.
pub fn init(_vm: &mut Vm) {}
