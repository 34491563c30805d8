//! Turning a compiled `CodeObject` into a runnable `Code`: constants become
//! values and names interned strs, once per code object.

use crate::object::{Payload, PyObject};
use crate::types::code::Code;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::{CodeObject, Constant};
use std::rc::Rc;

impl Vm {
    /// Prepares a compiled code object (and its nested ones) for running.
    pub fn make_code(&mut self, co: CodeObject) -> Rc<Code> {
        let consts = co.consts.iter().map(|c| self.const_value(c)).collect();
        let names = co.names.iter().map(|n| self.intern(n)).collect();
        let varnames = co.varnames.iter().map(|n| self.intern(n)).collect();
        let cellnames = co.cellvars.iter().chain(co.freevars.iter()).map(|n| self.intern(n)).collect();
        // The loop decodes opcodes without checking them (`Code::instrs`).
        // Compiled and verified code has only valid ones; anything else is
        // replaced by a bare `raise`, which fails with RuntimeError.
        let valid = co.code.iter().all(|i| pyrite_bytecode::opcode::Opcode::from_u8(i.0 as u8).is_some());
        let instrs = if valid {
            co.code.iter().map(|i| i.0).collect::<Vec<u32>>().into_boxed_slice()
        } else {
            vec![pyrite_bytecode::opcode::Opcode::RaiseVarargs as u32].into_boxed_slice()
        };
        let global_cache = (0..co.names.len()).map(|_| crate::types::code::GlobalCache::default()).collect();
        let attr_cache = (0..co.names.len()).map(|_| crate::types::code::AttrCache::default()).collect();
        let store_cache = (0..co.names.len()).map(|_| crate::types::code::AttrCache::default()).collect();
        Rc::new(Code { co, consts, names, varnames, cellnames, instrs, global_cache, attr_cache, store_cache })
    }

    /// A constant as a Python value.
    pub fn const_value(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Ellipsis => Value::Obj(self.none_singletons.ellipsis.clone()),
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(b) => self.new_int(b.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex { re, im } => Value::Obj(PyObject::new(self.types.complex.clone(), Payload::Complex { re: *re, im: *im })),
            Constant::Str(s) => {
                let bytes = s.as_bytes();
                match std::str::from_utf8(bytes) {
                    // Identifier-like constants are interned, as in CPython.
                    Ok(t) if t.len() < 64 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => Value::Obj(self.intern(t)),
                    // Valid UTF-8 (no surrogates): measured without decoding when ASCII.
                    Ok(t) => self.new_str_data(crate::types::str::PyStr::new(t)),
                    _ => self.new_str_data(crate::types::str::PyStr::from_wtf8(bytes.to_vec())),
                }
            }
            Constant::Bytes(b) => self.new_bytes(b.clone()),
            Constant::Tuple(items) => {
                let v: Vec<Value> = items.iter().map(|c| self.const_value(c)).collect();
                self.new_tuple(v)
            }
            Constant::FrozenSet(items) => {
                let v: Vec<Value> = items.iter().map(|c| self.const_value(c)).collect();
                crate::types::set::new_const_frozenset(self, v).unwrap_or(Value::None)
            }
            Constant::Code(co) => {
                let code = self.make_code((**co).clone());
                Value::Obj(PyObject::new(self.types.code.clone(), Payload::Code(code)))
            }
        }
    }
}
