//! pyrite's virtual machine: the object model (`value`, `object`, `types/`),
//! the protocols (`protocol/`), the interpreter loop (`eval/`), exceptions,
//! the import system (`import`, `importer`) and the boot modules (`modules/`).
//! Entry points for the command line are in `run`.

pub mod boot;
pub mod builtins;
pub mod builtins_code;
pub mod error;
pub mod eval;
pub mod eval_match;
pub mod finalize;
pub mod hash;
pub mod import;
pub mod importer;
pub mod init;
pub mod modules;
pub mod names;
pub mod object;
pub mod protocol;
pub mod run;
pub mod signals;
pub mod stack;
pub mod types;
pub mod value;
pub mod vm;

pub use error::{PyErr, PyResult};
pub use value::Value;
pub use vm::{Config, Vm};
