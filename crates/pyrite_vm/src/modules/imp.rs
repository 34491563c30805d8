//! The native import-machinery modules `_imp`, `_frozen_importlib` and
//! `_frozen_importlib_external`, as far as CPython's `importlib` package
//! needs them (its `__init__` uses them in place of its pure-Python
//! bootstrap). CPython: Python/import.c, Lib/importlib/_bootstrap*.py.
//!
//! Registration table:
//! - `_imp`: is_builtin, is_frozen, is_frozen_package, create_builtin,
//!   exec_builtin, extension_suffixes, acquire_lock, release_lock, lock_held,
//!   _fix_co_filename, find_frozen; check_hash_based_pycs.
//! - `_frozen_importlib`: _gcd_import, __import__, _find_spec,
//!   module_from_spec, spec_from_loader, _resolve_name, _load, _exec,
//!   ModuleSpec, BuiltinImporter, FrozenImporter.
//! - `_frozen_importlib_external`: _pack_uint32, _unpack_uint32,
//!   cache_from_source, decode_source, spec_from_file_location,
//!   _set_bootstrap_module, PathFinder, SourceFileLoader, NamespaceLoader,
//!   MAGIC_NUMBER, SOURCE_SUFFIXES, BYTECODE_SUFFIXES, EXTENSION_SUFFIXES.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::types::dict::dict_set_str;
use crate::types::function::{Args, NativeFn};
use crate::types::strops::as_rust_str;
use crate::value::Value;
use crate::vm::Vm;

/// Registers the three modules as native modules.
pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_imp", init_imp);
    vm.native_modules.insert("_frozen_importlib", init_bootstrap);
    vm.native_modules.insert("_frozen_importlib_external", init_external);
}

fn make(vm: &mut Vm, name: &str, funcs: &[(&'static str, NativeFn)], values: Vec<(&str, Value)>) -> PyRef {
    let m = crate::types::module::new_module(vm, name);
    let d = m.dict.borrow().clone();
    if let Some(d) = d {
        for &(n, f) in funcs {
            let k = vm.intern(n);
            let v = vm.new_builtin(n, f);
            dict_set_str(&d, &k, v);
        }
        for (n, v) in values {
            let k = vm.intern(n);
            dict_set_str(&d, &k, v);
        }
    }
    m
}

fn machinery(vm: &Vm, key: &str) -> Value {
    crate::importer::machinery_type(vm, key).map(Value::Obj).unwrap_or(Value::None)
}

fn init_imp(vm: &mut Vm) -> PyResult<PyRef> {
    let chp = vm.new_str("default");
    Ok(make(
        vm,
        "_imp",
        &[
            ("is_builtin", imp_is_builtin),
            ("is_frozen", false_fn),
            ("is_frozen_package", false_fn),
            ("create_builtin", imp_create_builtin),
            ("exec_builtin", zero_fn),
            ("extension_suffixes", empty_list_fn),
            ("acquire_lock", none_fn),
            ("release_lock", none_fn),
            ("lock_held", false_fn),
            ("_fix_co_filename", none_fn),
            ("find_frozen", none_fn),
        ],
        vec![("check_hash_based_pycs", chp)],
    ))
}

fn init_bootstrap(vm: &mut Vm) -> PyResult<PyRef> {
    let imp = {
        let k = vm.names.__import__.clone();
        let bd = vm.builtins_dict.clone();
        crate::types::dict::dict_get_str(&bd, &k).unwrap_or(Value::None)
    };
    let values = vec![
        ("ModuleSpec", machinery(vm, "importlib.ModuleSpec")),
        ("BuiltinImporter", machinery(vm, "importlib.BuiltinImporter")),
        ("FrozenImporter", machinery(vm, "importlib.FrozenImporter")),
        ("__import__", imp),
    ];
    Ok(make(
        vm,
        "_frozen_importlib",
        &[
            ("_gcd_import", bs_gcd_import),
            ("_find_spec", bs_find_spec),
            ("module_from_spec", bs_module_from_spec),
            ("spec_from_loader", bs_spec_from_loader),
            ("_resolve_name", bs_resolve_name),
            ("_load", bs_load),
            ("_exec", bs_exec),
        ],
        values,
    ))
}

fn init_external(vm: &mut Vm) -> PyResult<PyRef> {
    let py = vm.new_str(".py");
    let pyc = vm.new_str(".pyc");
    let src = vm.new_list(vec![py]);
    let byc = vm.new_list(vec![pyc.clone()]);
    let dbg = vm.new_list(vec![pyc.clone()]);
    let opt = vm.new_list(vec![pyc]);
    let ext = vm.new_list(Vec::new());
    let magic = vm.new_bytes(vec![0xa7, 0x0d, 0x0d, 0x0a]);
    let values = vec![
        ("PathFinder", machinery(vm, "importlib.PathFinder")),
        ("SourceFileLoader", machinery(vm, "importlib.SourceFileLoader")),
        ("NamespaceLoader", machinery(vm, "importlib.NamespaceLoader")),
        ("MAGIC_NUMBER", magic),
        ("_RAW_MAGIC_NUMBER", Value::Int(168627623)),
        ("SOURCE_SUFFIXES", src),
        ("BYTECODE_SUFFIXES", byc),
        ("DEBUG_BYTECODE_SUFFIXES", dbg),
        ("OPTIMIZED_BYTECODE_SUFFIXES", opt),
        ("EXTENSION_SUFFIXES", ext),
    ];
    Ok(make(
        vm,
        "_frozen_importlib_external",
        &[
            ("_pack_uint32", ext_pack_uint32),
            ("_unpack_uint32", ext_unpack_uint32),
            ("cache_from_source", ext_cache_from_source),
            ("decode_source", ext_decode_source),
            ("spec_from_file_location", ext_spec_from_file_location),
            ("_set_bootstrap_module", none_fn),
        ],
        values,
    ))
}

fn none_fn(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn false_fn(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn zero_fn(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn empty_list_fn(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_list(Vec::new()))
}

fn str_arg(vm: &mut Vm, args: &Args, i: usize, fname: &str) -> PyResult<String> {
    match args.args.get(i).and_then(as_rust_str) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("{}() argument {} must be str", fname, i + 1))),
    }
}

fn kwarg(args: &Args, name: &str) -> Option<Value> {
    args.kwargs.iter().find(|(k, _)| k.as_str().map(|s| s.as_str_lossy() == name).unwrap_or(false)).map(|(_, v)| v.clone())
}

fn imp_is_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = str_arg(vm, &args, 0, "is_builtin")?;
    Ok(Value::Int(if vm.native_modules.contains_key(n.as_str()) || n == "sys" || n == "builtins" { 1 } else { 0 }))
}

fn imp_create_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let spec = args.args.first().cloned().unwrap_or(Value::None);
    let n = vm.get_attr_str(&spec, "name")?;
    let n = as_rust_str(&n).unwrap_or_default();
    crate::import::gcd_import(vm, &n)
}

fn resolve_with_package(vm: &mut Vm, name: &str, package: &Value, level: i64) -> PyResult<String> {
    if as_rust_str(package).is_none() {
        return Err(vm.type_error("__package__ not set to a string"));
    }
    let g = vm.new_dict();
    let k = vm.names.__package__.clone();
    dict_set_str(&g, &k, package.clone());
    crate::import::resolve_name(vm, name, &Value::Obj(g), level)
}

fn bs_gcd_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match args.args.first().cloned().or_else(|| kwarg(&args, "name")) {
        Some(n) => n,
        None => return Err(vm.type_error("_gcd_import() missing 1 required positional argument: 'name'")),
    };
    let Some(name) = as_rust_str(&name) else {
        return Err(vm.type_error(format!("module name must be str, not {}", vm.type_name(&name))));
    };
    let package = args.args.get(1).cloned().or_else(|| kwarg(&args, "package")).unwrap_or(Value::None);
    let level = match args.args.get(2).cloned().or_else(|| kwarg(&args, "level")) {
        Some(v) => vm.index_i64(&v)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let abs = if level > 0 {
        if package.is_none() || as_rust_str(&package).map(|s| s.is_empty()).unwrap_or(false) {
            let c = vm.exc.import_error.clone();
            return Err(vm.new_exception_msg(&c, "attempted relative import with no known parent package"));
        }
        resolve_with_package(vm, &name, &package, level)?
    } else {
        if name.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        name
    };
    crate::import::gcd_import(vm, &abs)
}

fn bs_resolve_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = str_arg(vm, &args, 0, "_resolve_name")?;
    let package = args.args.get(1).cloned().unwrap_or(Value::None);
    let level = match args.args.get(2) {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    let r = resolve_with_package(vm, &name, &package, level)?;
    Ok(vm.new_str(&r))
}

fn bs_find_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = str_arg(vm, &args, 0, "_find_spec")?;
    let path = args.args.get(1).cloned().unwrap_or(Value::None);
    Ok(crate::importer::find_spec(vm, &name, &path)?.unwrap_or(Value::None))
}

fn bs_module_from_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let spec = args.args.first().cloned().unwrap_or(Value::None);
    crate::importer::module_from_spec(vm, &spec)
}

fn bs_load(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let spec = args.args.first().cloned().unwrap_or(Value::None);
    crate::importer::load_spec(vm, &spec)
}

fn bs_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let spec = args.args.first().cloned().unwrap_or(Value::None);
    let module = args.args.get(1).cloned().unwrap_or(Value::None);
    let loader = vm.get_attr_str(&spec, "loader")?;
    vm.call_method(&loader, "exec_module", std::slice::from_ref(&module))?;
    Ok(module)
}

fn bs_spec_from_loader(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = args.args.first().cloned().or_else(|| kwarg(&args, "name")).unwrap_or(Value::None);
    let loader = args.args.get(1).cloned().or_else(|| kwarg(&args, "loader")).unwrap_or(Value::None);
    let origin = kwarg(&args, "origin").unwrap_or(Value::None);
    let is_pkg = match kwarg(&args, "is_package") {
        Some(v) if !v.is_none() => v,
        _ => {
            let k = vm.intern("is_package");
            match vm.get_attr_opt(&loader, &k)? {
                Some(f) => vm.call(&f, std::slice::from_ref(&name), &[]).unwrap_or(Value::Bool(false)),
                None => Value::Bool(false),
            }
        }
    };
    let t = machinery(vm, "importlib.ModuleSpec");
    let ko = vm.intern("origin");
    let kp = vm.intern("is_package");
    vm.call(&t, &[name, loader], &[(ko, origin), (kp, is_pkg)])
}

fn ext_pack_uint32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.args.first().cloned().unwrap_or(Value::Int(0));
    let n = vm.index_i64(&v)?;
    Ok(vm.new_bytes(((n as u64 & 0xFFFF_FFFF) as u32).to_le_bytes().to_vec()))
}

fn ext_unpack_uint32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = match args.args.first().and_then(|v| v.as_obj().cloned()) {
        Some(o) => match &o.payload {
            crate::object::Payload::Bytes(b) => b.to_vec(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    if b.len() != 4 {
        return Err(vm.value_error("bad length"));
    }
    Ok(Value::Int(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64))
}

fn ext_cache_from_source(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = str_arg(vm, &args, 0, "cache_from_source")?;
    match pyrite_marshal::cache_path(std::path::Path::new(&p), vm.config.optimize) {
        Some(c) => Ok(vm.new_str(&c.display().to_string())),
        None => Err(vm.value_error(format!("{} is not a source file path", p))),
    }
}

fn ext_decode_source(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = match args.args.first().and_then(|v| v.as_obj().cloned()) {
        Some(o) => match &o.payload {
            crate::object::Payload::Bytes(b) => b.to_vec(),
            _ => return Err(vm.type_error("decode_source() argument must be bytes")),
        },
        None => return Err(vm.type_error("decode_source() argument must be bytes")),
    };
    match pyrite_compiler::decode_source(&b) {
        Ok(s) => Ok(vm.new_str(&s.replace("\r\n", "\n").replace('\r', "\n"))),
        Err(e) => Err(crate::types::exceptions::syntax_error_from(vm, &e, "<string>")),
    }
}

fn ext_spec_from_file_location(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = args.args.first().cloned().or_else(|| kwarg(&args, "name")).unwrap_or(Value::None);
    let location = args.args.get(1).cloned().or_else(|| kwarg(&args, "location")).unwrap_or(Value::None);
    let Some(loc) = as_rust_str(&location) else { return Ok(Value::None) };
    let ns = as_rust_str(&name).unwrap_or_default();
    let loader = match kwarg(&args, "loader") {
        Some(l) if !l.is_none() => l,
        _ => {
            if !loc.ends_with(".py") {
                return Ok(Value::None);
            }
            let t = machinery(vm, "importlib.SourceFileLoader");
            let l = vm.new_str(&loc);
            vm.call(&t, &[name.clone(), l], &[])?
        }
    };
    let spec = crate::importer::new_spec(vm, &ns, loader.clone(), Some(&loc), None, true)?;
    let ssl = match kwarg(&args, "submodule_search_locations") {
        Some(v) if !v.is_none() => Some(v),
        _ => {
            let k = vm.intern("is_package");
            let is_pkg = match vm.get_attr_opt(&loader, &k)? {
                Some(f) => match vm.call(&f, std::slice::from_ref(&name), &[]) {
                    Ok(v) => vm.is_true(&v)?,
                    Err(_) => false,
                },
                None => false,
            };
            if is_pkg {
                let dir = std::path::Path::new(&loc).parent().map(|p| p.display().to_string()).unwrap_or_default();
                let d = vm.new_str(&dir);
                Some(vm.new_list(vec![d]))
            } else {
                None
            }
        }
    };
    if let Some(ssl) = ssl {
        let k = vm.intern("submodule_search_locations");
        vm.set_attr(&spec, &k, ssl)?;
    }
    Ok(spec)
}
