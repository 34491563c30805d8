//! The bytes type; CPython: Objects/bytesobject.c.
use crate::vm::Vm;
/// Registers bytes methods.
pub fn init(_vm: &mut Vm) {}
