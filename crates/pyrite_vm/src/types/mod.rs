//! Builtin types: one file each (storage, methods and registration table).

pub mod code;
pub mod descr;
pub mod dict;
pub mod exceptions;
pub mod excclasses;
pub mod excgroup;
pub mod traceback;
pub mod codeattrs;
pub mod frameobj;
pub mod funcobj;
pub mod function;
pub mod generator;
pub mod iter;
pub mod iterfuncs;
pub mod list;
pub mod tuple;
pub mod dictobj;
pub mod setobj;
pub mod range;
pub mod slice;
pub mod sort;
pub mod module;
pub mod set;
pub mod str;
pub mod strops;
pub mod strtype;
pub mod strformat;
pub mod codecs;
pub mod unicode_db;
pub mod bytes;
pub mod bytearray;
pub mod memoryview;
pub mod typeobj;
pub mod codeobj;
pub mod mappingproxy;
pub mod superobj;
pub mod union_type;
pub mod int;
pub mod float;
pub mod complex;
pub mod boolobj;
pub mod numfmt;
pub mod floatrepr;

use crate::value::Value;
use crate::vm::Vm;

/// How CPython names a callable in call errors: `f()` for functions,
/// `T()` for types, `repr` otherwise.
pub fn function_repr_name(vm: &mut Vm, f: &Value) -> String {
    use crate::object::Payload;
    match f.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(func)) => {
            // CPython's `_PyObject_FunctionStr`: `module.qualname()` outside builtins.
            let q = func.qualname.borrow().clone();
            let m = func.module.borrow().clone();
            let q = strops::as_rust_str(&q).unwrap_or_default();
            match strops::as_rust_str(&m) {
                Some(m) if m != "builtins" => format!("{}.{}()", m, q),
                _ => format!("{}()", q),
            }
        }
        Some(Payload::Builtin(b)) => format!("{}()", b.name),
        Some(Payload::Method { func, .. }) => {
            let func = func.clone();
            function_repr_name(vm, &func)
        }
        Some(Payload::Type(t)) => {
            // Also `module.qualname()` for classes outside builtins.
            let plain = format!("{}()", t.name());
            let qn = vm.intern("__qualname__");
            let mn = vm.intern("__module__");
            let q = match vm.get_attr_opt(f, &qn) {
                Ok(Some(q)) => strops::as_rust_str(&q),
                _ => None,
            };
            let m = match vm.get_attr_opt(f, &mn) {
                Ok(Some(m)) => strops::as_rust_str(&m),
                _ => None,
            };
            match (q, m) {
                (Some(q), Some(m)) if m != "builtins" => format!("{}.{}()", m, q),
                (Some(q), _) => format!("{}()", q),
                _ => plain,
            }
        }
        _ => vm.repr_string(f).unwrap_or_default(),
    }
}
