//! Native modules of the boot set, one file each, and start-up steps that
//! need them.

pub mod sys;
pub mod math;

use crate::error::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// An OSError subclass for an I/O error, with errno, strerror and filename.
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&str>) -> PyErr {
    use std::io::ErrorKind;
    let cls = match e.kind() {
        ErrorKind::NotFound => vm.exc.file_not_found_error.clone(),
        ErrorKind::PermissionDenied => vm.exc.permission_error.clone(),
        ErrorKind::AlreadyExists => vm.exc.file_exists_error.clone(),
        _ => match e.raw_os_error() {
            Some(21) => vm.exc.is_a_directory_error.clone(),
            Some(20) => vm.exc.not_a_directory_error.clone(),
            _ => vm.exc.os_error.clone(),
        },
    };
    let errno = e.raw_os_error().unwrap_or(0) as i64;
    let msg = strerror(errno as i32, e);
    let mut args = vec![Value::Int(errno), vm.new_str(&msg)];
    if let Some(f) = filename {
        args.push(vm.new_str(f));
    }
    let err = vm.new_exception(&cls, args.clone());
    if let Some(d) = err.0.dict.borrow().as_ref() {
        let fields = [("errno", args[0].clone()), ("strerror", args[1].clone()), ("filename", args.get(2).cloned().unwrap_or(Value::None)), ("filename2", Value::None)];
        for (k, v) in fields {
            let key = vm.intern(k);
            crate::types::dict::dict_set_str(d, &key, v);
        }
    }
    err
}

/// The C library's message for an errno (as `os.strerror`).
pub fn strerror(errno: i32, e: &std::io::Error) -> String {
    let s = e.to_string();
    // Rust formats "No such file or directory (os error 2)".
    match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => {
            let _ = errno;
            s
        }
    }
}

/// Start-up after the core exists: `sys.path` and the native module table.
pub fn post_init(vm: &mut Vm) -> PyResult<()> {
    sys::init_path(vm);
    Ok(())
}
