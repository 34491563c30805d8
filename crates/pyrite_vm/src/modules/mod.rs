//! Native modules of the boot set, one file each, and start-up steps that
//! need them.

pub mod imp;
pub mod io;
pub mod sys;
pub mod math;
pub mod time;
pub mod warnings;
pub mod weakref;
pub mod atexit;
pub mod errno;
pub mod gc;
pub mod itertools;
pub mod collections;
pub mod functools;
pub mod thread;

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

/// Registers the import machinery, the module type's methods and the
/// native modules of this directory (called from `init`).
pub fn register(vm: &mut Vm) {
    crate::types::module::init(vm);
    crate::importer::init(vm);
    imp::register(vm);
    time::register(vm);
    warnings::register(vm);
}

/// `os.path.abspath`: joins a relative path to the working directory and
/// normalises `.`, `..` and repeated slashes (without resolving links).
pub fn abspath(p: &str) -> String {
    let joined = if p.starts_with('/') {
        p.to_string()
    } else {
        match std::env::current_dir() {
            Ok(d) => format!("{}/{}", d.display(), p),
            Err(_) => p.to_string(),
        }
    };
    let mut parts: Vec<&str> = Vec::new();
    for c in joined.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Start-up after the core exists: `sys.path`, the meta path, the specs of
/// the modules created at boot.
pub fn post_init(vm: &mut Vm) -> PyResult<()> {
    sys::init_path(vm);
    let sd = vm.sys_dict.clone();
    let finders: Vec<Value> = ["importlib.BuiltinImporter", "importlib.FrozenImporter", "importlib.PathFinder"]
        .iter()
        .filter_map(|k| crate::importer::machinery_type(vm, k).map(Value::Obj))
        .collect();
    let mp = vm.new_list(finders);
    let hooks = vm.new_list(Vec::new());
    let cache = Value::Obj(vm.new_dict());
    let mut names: Vec<&'static str> = vm.native_modules.keys().copied().collect();
    names.extend(["sys", "builtins"]);
    names.sort_unstable();
    names.dedup();
    let names: Vec<Value> = names.iter().map(|n| vm.new_str(n)).collect();
    let bmn = vm.new_tuple(names);
    for (k, v) in [("meta_path", mp), ("path_hooks", hooks), ("path_importer_cache", cache), ("builtin_module_names", bmn)] {
        let k = vm.intern(k);
        crate::types::dict::dict_set_str(&sd, &k, v);
    }
    for name in ["sys", "builtins"] {
        let m = Value::Obj(if name == "sys" { vm.sys.clone() } else { vm.builtins.clone() });
        crate::importer::init_builtin_module(vm, name, &m)?;
    }
    Ok(())
}
