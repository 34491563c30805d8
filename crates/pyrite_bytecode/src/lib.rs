//! pyrite's bytecode: the one opcode table (`opcode`), code objects and their
//! constants (`code`), the WTF-8 string type shared by compiler and VM (`wtf8`),
//! and the disassembler (`dis`).
//!
//! This crate is the contract between `pyrite_compiler` (which produces
//! `CodeObject`s) and `pyrite_vm` (which runs them); `pyrite_marshal` serialises
//! them into `.pyc` files.

pub mod code;
pub mod dis;
pub mod opcode;
pub mod wtf8;

pub use code::{CodeFlags, CodeObject, Constant, ExceptionEntry, Location};
pub use opcode::{Instr, Opcode};
pub use wtf8::Wtf8Buf;
