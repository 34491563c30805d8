//! Finding and loading modules: the meta path (a native `BuiltinImporter`
//! and `PathFinder`, plus any finder Python code installs), module specs,
//! the source loader (through the bytecode cache), namespace packages, and
//! `-m`. CPython: Lib/importlib/_bootstrap.py, _bootstrap_external.py.
//!
//! Registration table (types created by `init`):
//! - `_frozen_importlib.ModuleSpec`: `__init__`, `__repr__`, `__eq__`; getsets
//!   `parent`, `has_location`, `cached`.
//! - `_frozen_importlib.BuiltinImporter`: `find_spec`, `create_module`,
//!   `exec_module` (class methods).
//! - `_frozen_importlib_external.PathFinder`: `find_spec`, `invalidate_caches`.
//! - `_frozen_importlib_external.SourceFileLoader`: `__init__`,
//!   `create_module`, `exec_module`, `get_filename`, `is_package`,
//!   `get_source`, `get_data`, `get_code`.
//! - `_frozen_importlib_external.NamespaceLoader`: `create_module`,
//!   `exec_module`, `is_package`.

use crate::error::{PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::dict::{dict_del_str, dict_get_str, dict_set_str};
use crate::types::function::Args;
use crate::types::strops::as_rust_str;
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use std::path::{Path, PathBuf};
use std::rc::Rc;

const SPEC: &str = "importlib.ModuleSpec";
const BUILTIN_IMPORTER: &str = "importlib.BuiltinImporter";
const FROZEN_IMPORTER: &str = "importlib.FrozenImporter";
const PATH_FINDER: &str = "importlib.PathFinder";
const SOURCE_LOADER: &str = "importlib.SourceFileLoader";
const NAMESPACE_LOADER: &str = "importlib.NamespaceLoader";
const NAMESPACE_PATH: &str = "importlib._NamespacePath";

fn namespace_path_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let items = match this.as_obj().map(|o| &o.payload) {
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    };
    let plain = vm.new_list(items);
    let r = vm.repr_string(&plain)?;
    Ok(vm.new_str(&format!("_NamespacePath({})", r)))
}

/// One of the import machinery's native types.
pub fn machinery_type(vm: &Vm, key: &str) -> Option<PyRef> {
    vm.state.iter().find(|(k, _)| **k == key).and_then(|(_, v)| v.as_obj().cloned())
}

fn is_type(vm: &Vm, v: &Value, key: &str) -> bool {
    match (v.as_obj(), machinery_type(vm, key)) {
        (Some(o), Some(t)) => Rc::ptr_eq(o, &t),
        _ => false,
    }
}

fn is_instance_of(vm: &Vm, v: &Value, key: &str) -> bool {
    match machinery_type(vm, key) {
        Some(t) => vm.is_instance(v, &t),
        None => false,
    }
}

/// Creates the machinery types and stores them in `vm.state`.
pub fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let fl = flags::BASETYPE | flags::HAS_DICT;
    let spec = vm.new_builtin_type("ModuleSpec", "_frozen_importlib", &object, Layout::Object, fl);
    vm.add_methods(&spec, &[("__init__", spec_init), ("__repr__", spec_repr), ("__eq__", spec_eq)]);
    vm.add_getsets(
        &spec,
        &[
            GetSetDef { name: "parent", get: spec_parent, set: None },
            GetSetDef { name: "has_location", get: spec_has_location, set: Some(spec_set_has_location) },
            GetSetDef { name: "cached", get: spec_cached, set: Some(spec_set_cached) },
        ],
    );
    vm.state.insert(SPEC, Value::Obj(spec));

    let bi = vm.new_builtin_type("BuiltinImporter", "_frozen_importlib", &object, Layout::Object, fl);
    vm.add_classmethods(&bi, &[("find_spec", builtin_find_spec), ("create_module", builtin_create_module), ("exec_module", noop_exec_module)]);
    vm.state.insert(BUILTIN_IMPORTER, Value::Obj(bi));
    let fi = vm.new_builtin_type("FrozenImporter", "_frozen_importlib", &object, Layout::Object, fl);
    vm.add_classmethods(&fi, &[("find_spec", frozen_find_spec), ("create_module", none_create_module), ("exec_module", noop_exec_module)]);
    vm.state.insert(FROZEN_IMPORTER, Value::Obj(fi));

    let pf = vm.new_builtin_type("PathFinder", "_frozen_importlib_external", &object, Layout::Object, fl);
    vm.add_classmethods(&pf, &[("find_spec", path_find_spec), ("invalidate_caches", path_invalidate_caches)]);
    vm.state.insert(PATH_FINDER, Value::Obj(pf));

    let sl = vm.new_builtin_type("SourceFileLoader", "_frozen_importlib_external", &object, Layout::Object, fl);
    vm.add_methods(
        &sl,
        &[
            ("__init__", loader_init),
            ("create_module", loader_create_module),
            ("exec_module", loader_exec_module),
            ("get_filename", loader_get_filename),
            ("is_package", loader_is_package),
            ("get_source", loader_get_source),
            ("get_data", loader_get_data),
            ("get_code", loader_get_code),
        ],
    );
    vm.state.insert(SOURCE_LOADER, Value::Obj(sl));
    let list = vm.types.list.clone();
    let np = vm.new_builtin_type("_NamespacePath", "_frozen_importlib_external", &list, Layout::List, flags::BASETYPE);
    vm.add_methods(&np, &[("__repr__", namespace_path_repr)]);
    vm.state.insert(NAMESPACE_PATH, Value::Obj(np));
    let nl = vm.new_builtin_type("NamespaceLoader", "_frozen_importlib_external", &object, Layout::Object, fl);
    vm.add_methods(&nl, &[("create_module", loader_create_module), ("exec_module", noop_method), ("is_package", true_method)]);
    vm.state.insert(NAMESPACE_LOADER, Value::Obj(nl));
}

// ----- small helpers ----------------------------------------------------------

fn set(vm: &mut Vm, obj: &Value, name: &str, v: Value) -> PyResult<()> {
    let k = vm.intern(name);
    vm.set_attr(obj, &k, v)
}

fn get_opt(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let k = vm.intern(name);
    vm.get_attr_opt(obj, &k)
}

/// The instance dict entry `name` of a native machinery object.
fn dict_attr(vm: &mut Vm, obj: &Value, name: &str) -> Option<Value> {
    let d = obj.as_obj().and_then(|o| o.dict.borrow().clone())?;
    let k = vm.intern(name);
    dict_get_str(&d, &k)
}

fn set_dict_attr(vm: &mut Vm, obj: &Value, name: &str, v: Value) {
    if let Some(d) = obj.as_obj().and_then(|o| o.dict.borrow().clone()) {
        let k = vm.intern(name);
        dict_set_str(&d, &k, v);
    }
}

fn kw(args: &Args, name: &str) -> Option<Value> {
    args.kwargs.iter().find(|(k, _)| k.as_str().map(|s| s.as_str_lossy() == name).unwrap_or(false)).map(|(_, v)| v.clone())
}

fn arg(args: &Args, i: usize, name: &str) -> Option<Value> {
    args.args.get(i).cloned().or_else(|| kw(args, name))
}

/// An ImportError-family exception with `name` and `path` set.
pub fn import_error(vm: &mut Vm, cls: &PyRef, msg: &str, name: Option<&str>, path: Option<Value>) -> PyErr {
    let e = vm.new_exception_msg(cls, msg);
    let ev = Value::Obj(e.0.clone());
    let n = match name {
        Some(n) => vm.new_str(n),
        None => Value::None,
    };
    let _ = set(vm, &ev, "name", n);
    let _ = set(vm, &ev, "path", path.unwrap_or(Value::None));
    e
}

/// `ModuleNotFoundError: No module named 'name'`.
pub fn not_found(vm: &mut Vm, msg: &str, name: &str) -> PyErr {
    let c = vm.exc.module_not_found_error.clone();
    import_error(vm, &c, msg, Some(name), None)
}

fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let k = vm.intern(name);
    let sd = vm.sys_dict.clone();
    dict_get_str(&sd, &k)
}

// ----- specs ------------------------------------------------------------------

/// A new `ModuleSpec`.
pub fn new_spec(vm: &mut Vm, name: &str, loader: Value, origin: Option<&str>, search: Option<Vec<String>>, has_location: bool) -> PyResult<Value> {
    let t = machinery_type(vm, SPEC).ok_or_else(|| vm.system_error("import machinery not initialised"))?;
    let o = crate::protocol::objecttype::new_instance(vm, &t, Payload::None);
    let spec = Value::Obj(o);
    let n = vm.new_str(name);
    set_dict_attr(vm, &spec, "name", n);
    set_dict_attr(vm, &spec, "loader", loader);
    let ov = origin.map(|s| vm.new_str(s)).unwrap_or(Value::None);
    set_dict_attr(vm, &spec, "origin", ov);
    set_dict_attr(vm, &spec, "loader_state", Value::None);
    let sv = match search {
        Some(v) => {
            let items = v.iter().map(|s| vm.new_str(s)).collect();
            vm.new_list(items)
        }
        None => Value::None,
    };
    set_dict_attr(vm, &spec, "submodule_search_locations", sv);
    set_dict_attr(vm, &spec, "_set_fileattr", Value::Bool(has_location));
    set_dict_attr(vm, &spec, "_cached", Value::None);
    Ok(spec)
}

fn spec_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let name = arg(&args, 1, "name").ok_or_else(|| vm.type_error("ModuleSpec.__init__() missing 2 required positional arguments: 'name' and 'loader'"))?;
    let loader = arg(&args, 2, "loader").ok_or_else(|| vm.type_error("ModuleSpec.__init__() missing 1 required positional argument: 'loader'"))?;
    set_dict_attr(vm, &this, "name", name);
    set_dict_attr(vm, &this, "loader", loader);
    set_dict_attr(vm, &this, "origin", kw(&args, "origin").unwrap_or(Value::None));
    set_dict_attr(vm, &this, "loader_state", kw(&args, "loader_state").unwrap_or(Value::None));
    let is_pkg = match kw(&args, "is_package") {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    let ssl = if is_pkg { vm.new_list(Vec::new()) } else { Value::None };
    set_dict_attr(vm, &this, "submodule_search_locations", ssl);
    set_dict_attr(vm, &this, "_set_fileattr", Value::Bool(false));
    set_dict_attr(vm, &this, "_cached", Value::None);
    Ok(Value::None)
}

fn spec_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let mut parts = Vec::new();
    for (i, f) in ["name", "loader", "origin", "submodule_search_locations"].iter().enumerate() {
        let v = get_opt(vm, &this, f)?.unwrap_or(Value::None);
        if i >= 2 && v.is_none() {
            continue;
        }
        let r = vm.repr_string(&v)?;
        parts.push(format!("{}={}", f, r));
    }
    let cls = vm.type_name(&this);
    Ok(vm.new_str(&format!("{}({})", cls, parts.join(", "))))
}

fn spec_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.args.first().cloned(), args.args.get(1).cloned()) else { return Ok(vm.not_implemented()) };
    if !is_instance_of(vm, &b, SPEC) {
        return Ok(vm.not_implemented());
    }
    for f in ["name", "loader", "origin", "cached", "has_location"] {
        let x = get_opt(vm, &a, f)?.unwrap_or(Value::None);
        let y = get_opt(vm, &b, f)?.unwrap_or(Value::None);
        if !vm.eq(&x, &y)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn spec_parent(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let name = dict_attr(vm, this, "name").and_then(|v| as_rust_str(&v)).unwrap_or_default();
    let ssl = dict_attr(vm, this, "submodule_search_locations").unwrap_or(Value::None);
    if ssl.is_none() {
        let p = name.rsplit_once('.').map(|(a, _)| a).unwrap_or("");
        Ok(vm.new_str(p))
    } else {
        Ok(vm.new_str(&name))
    }
}

fn spec_has_location(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(dict_attr(vm, this, "_set_fileattr").unwrap_or(Value::Bool(false)))
}

fn spec_set_has_location(vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    let b = match v {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    set_dict_attr(vm, this, "_set_fileattr", Value::Bool(b));
    Ok(())
}

fn spec_cached(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let c = dict_attr(vm, this, "_cached").unwrap_or(Value::None);
    if !c.is_none() {
        return Ok(c);
    }
    let origin = dict_attr(vm, this, "origin").and_then(|v| as_rust_str(&v));
    let has_loc = dict_attr(vm, this, "_set_fileattr").map(|v| matches!(v, Value::Bool(true))).unwrap_or(false);
    if let (Some(o), true) = (origin, has_loc) {
        if o.ends_with(".py") {
            if let Some(p) = pyrite_marshal::cache_path(Path::new(&o), vm.config.optimize) {
                let v = vm.new_str(&p.display().to_string());
                set_dict_attr(vm, this, "_cached", v.clone());
                return Ok(v);
            }
        }
    }
    Ok(Value::None)
}

fn spec_set_cached(vm: &mut Vm, this: &Value, v: Option<Value>) -> PyResult<()> {
    set_dict_attr(vm, this, "_cached", v.unwrap_or(Value::None));
    Ok(())
}

/// The spec of a native (built-in) module.
pub fn builtin_spec(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let loader = machinery_type(vm, BUILTIN_IMPORTER).map(Value::Obj).unwrap_or(Value::None);
    new_spec(vm, name, loader, Some("built-in"), None, false)
}

/// Gives a native module its `__spec__` and `__loader__`.
pub fn init_builtin_module(vm: &mut Vm, name: &str, m: &Value) -> PyResult<()> {
    let spec = builtin_spec(vm, name)?;
    let loader = dict_attr(vm, &spec, "loader").unwrap_or(Value::None);
    if let Some(d) = m.as_obj().and_then(|o| o.dict.borrow().clone()) {
        for (k, v) in [("__spec__", spec), ("__loader__", loader)] {
            let k = vm.intern(k);
            dict_set_str(&d, &k, v);
        }
        let pk = vm.names.__package__.clone();
        if dict_get_str(&d, &pk).map(|v| v.is_none()).unwrap_or(true) {
            let e = vm.new_str("");
            dict_set_str(&d, &pk, e);
        }
    }
    Ok(())
}

fn builtin_find_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = arg(&args, 1, "fullname").and_then(|v| as_rust_str(&v)).unwrap_or_default();
    let path = arg(&args, 2, "path").unwrap_or(Value::None);
    if path.is_none() && vm.native_modules.contains_key(name.as_str()) {
        return builtin_spec(vm, &name);
    }
    Ok(Value::None)
}

fn frozen_find_spec(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn none_create_module(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn builtin_create_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let spec = args.args.get(1).cloned().unwrap_or(Value::None);
    let name = get_opt(vm, &spec, "name")?.and_then(|v| as_rust_str(&v)).unwrap_or_default();
    match vm.native_modules.get(name.as_str()).copied() {
        Some(init) => Ok(Value::Obj(init(vm)?)),
        None => Err(import_error(vm, &vm.exc.import_error.clone(), &format!("no built-in module named {}", name), Some(&name), None)),
    }
}

fn noop_exec_module(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn noop_method(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn true_method(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

// ----- the path finder ----------------------------------------------------------

fn path_find_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match arg(&args, 1, "fullname").and_then(|v| as_rust_str(&v)) {
        Some(n) => n,
        None => return Ok(Value::None),
    };
    let path = arg(&args, 2, "path").unwrap_or(Value::None);
    Ok(find_on_path(vm, &name, &path)?.unwrap_or(Value::None))
}

fn path_invalidate_caches(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn is_file(p: &Path) -> bool {
    std::fs::metadata(p).map(|m| m.is_file()).unwrap_or(false)
}

fn is_dir(p: &Path) -> bool {
    std::fs::metadata(p).map(|m| m.is_dir()).unwrap_or(false)
}

fn join(dir: &str, tail: &str) -> String {
    if dir.is_empty() || dir.ends_with('/') {
        format!("{}{}", dir, tail)
    } else {
        format!("{}/{}", dir, tail)
    }
}

/// Searches `path` (a list of directories; `sys.path` when None) for the
/// last component of `name`: a package directory with `__init__.py`, a
/// `NAME.py` file, or namespace-package portions.
pub fn find_on_path(vm: &mut Vm, name: &str, path: &Value) -> PyResult<Option<Value>> {
    let entries = if path.is_none() {
        match sys_attr(vm, "path") {
            Some(p) => vm.collect(&p)?,
            None => Vec::new(),
        }
    } else {
        vm.collect(path)?
    };
    let tail = name.rsplit('.').next().unwrap_or(name);
    let mut portions: Vec<String> = Vec::new();
    for e in entries {
        let Some(entry) = as_rust_str(&e) else { continue };
        let dir = if entry.is_empty() || entry == "." {
            match std::env::current_dir() {
                Ok(d) => d.display().to_string(),
                Err(_) => continue,
            }
        } else {
            entry
        };
        let base = join(&dir, tail);
        let is_ns = if is_dir(Path::new(&base)) {
            let init = join(&base, "__init__.py");
            if is_file(Path::new(&init)) {
                return source_spec(vm, name, &init, Some(vec![base])).map(Some);
            }
            true
        } else {
            false
        };
        let file = format!("{}.py", base);
        if is_file(Path::new(&file)) {
            return source_spec(vm, name, &file, None).map(Some);
        }
        if is_ns {
            portions.push(base);
        }
    }
    if portions.is_empty() {
        return Ok(None);
    }
    let t = machinery_type(vm, NAMESPACE_LOADER).ok_or_else(|| vm.system_error("import machinery not initialised"))?;
    let loader = Value::Obj(crate::protocol::objecttype::new_instance(vm, &t, Payload::None));
    let spec = new_spec(vm, name, loader, None, None, false)?;
    if let Some(np) = machinery_type(vm, NAMESPACE_PATH) {
        let items: Vec<Value> = portions.iter().map(|p| vm.new_str(p)).collect();
        let path = Value::Obj(crate::object::PyObject::new(np, Payload::List(std::cell::RefCell::new(items))));
        set_dict_attr(vm, &spec, "submodule_search_locations", path);
    }
    Ok(Some(spec))
}

fn source_spec(vm: &mut Vm, name: &str, file: &str, search: Option<Vec<String>>) -> PyResult<Value> {
    let loader = new_source_loader(vm, name, file)?;
    new_spec(vm, name, loader, Some(file), search, true)
}

fn new_source_loader(vm: &mut Vm, name: &str, file: &str) -> PyResult<Value> {
    let t = machinery_type(vm, SOURCE_LOADER).ok_or_else(|| vm.system_error("import machinery not initialised"))?;
    let loader = Value::Obj(crate::protocol::objecttype::new_instance(vm, &t, Payload::None));
    let n = vm.new_str(name);
    set_dict_attr(vm, &loader, "name", n);
    let p = vm.new_str(file);
    set_dict_attr(vm, &loader, "path", p);
    Ok(loader)
}

// ----- the source loader --------------------------------------------------------

fn loader_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let name = arg(&args, 1, "fullname").unwrap_or(Value::None);
    let path = arg(&args, 2, "path").unwrap_or(Value::None);
    set_dict_attr(vm, &this, "name", name);
    set_dict_attr(vm, &this, "path", path);
    Ok(Value::None)
}

fn loader_create_module(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn loader_path(vm: &mut Vm, this: &Value) -> String {
    dict_attr(vm, this, "path").and_then(|v| as_rust_str(&v)).unwrap_or_default()
}

fn loader_exec_module(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let module = args.args.get(1).cloned().unwrap_or(Value::None);
    let path = loader_path(vm, &this);
    exec_source(vm, &module, &path)?;
    Ok(Value::None)
}

fn loader_get_filename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let p = loader_path(vm, &this);
    Ok(vm.new_str(&p))
}

fn loader_is_package(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let p = loader_path(vm, &this);
    Ok(Value::Bool(Path::new(&p).file_stem().map(|s| s == "__init__").unwrap_or(false)))
}

fn loader_get_source(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let p = loader_path(vm, &this);
    let bytes = std::fs::read(&p).map_err(|e| crate::modules::os_error(vm, &e, Some(&p)))?;
    match pyrite_compiler::decode_source(&bytes) {
        Ok(s) => Ok(vm.new_str(&s)),
        Err(e) => Err(crate::types::exceptions::syntax_error_from(vm, &e, &p)),
    }
}

fn loader_get_data(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.args.get(1).and_then(as_rust_str).unwrap_or_default();
    let bytes = std::fs::read(&p).map_err(|e| crate::modules::os_error(vm, &e, Some(&p)))?;
    Ok(vm.new_bytes(bytes))
}

fn loader_get_code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let p = loader_path(vm, &this);
    let code = crate::run::load_source_code(vm, Path::new(&p), &p)?;
    let ct = vm.types.code.clone();
    Ok(Value::Obj(crate::object::PyObject::new(ct, Payload::Code(code))))
}

/// Runs the source file `path` (through the bytecode cache) in `module`'s namespace.
pub fn exec_source(vm: &mut Vm, module: &Value, path: &str) -> PyResult<()> {
    let Some(d) = module.as_obj().and_then(|o| o.dict.borrow().clone()) else {
        return Err(vm.type_error("exec_module() argument must be a module"));
    };
    let bk = vm.names.__builtins__.clone();
    if dict_get_str(&d, &bk).is_none() {
        dict_set_str(&d, &bk, Value::Obj(vm.builtins.clone()));
    }
    let code = crate::run::load_source_code(vm, Path::new(path), path)?;
    vm.run_code(code, d, None)?;
    Ok(())
}

// ----- find and load ------------------------------------------------------------

/// `importlib._bootstrap._find_spec`: asks each finder on `sys.meta_path`.
pub fn find_spec(vm: &mut Vm, name: &str, path: &Value) -> PyResult<Option<Value>> {
    let meta = match sys_attr(vm, "meta_path") {
        Some(m) if !m.is_none() => m,
        _ => {
            let c = vm.exc.import_error.clone();
            return Err(vm.new_exception_msg(&c, "sys.meta_path is None, Python is likely shutting down"));
        }
    };
    let finders = vm.collect(&meta)?;
    for f in finders {
        if is_type(vm, &f, PATH_FINDER) {
            if let Some(s) = find_on_path(vm, name, path)? {
                return Ok(Some(s));
            }
            continue;
        }
        if is_type(vm, &f, BUILTIN_IMPORTER) {
            if path.is_none() && vm.native_modules.contains_key(name) {
                return builtin_spec(vm, name).map(Some);
            }
            continue;
        }
        if is_type(vm, &f, FROZEN_IMPORTER) {
            continue;
        }
        let Some(fs) = get_opt(vm, &f, "find_spec")? else { continue };
        let n = vm.new_str(name);
        let spec = vm.call(&fs, &[n, path.clone(), Value::None], &[])?;
        if !spec.is_none() {
            return Ok(Some(spec));
        }
    }
    Ok(None)
}

/// `importlib._bootstrap.module_from_spec` plus `_init_module_attrs`.
pub fn module_from_spec(vm: &mut Vm, spec: &Value) -> PyResult<Value> {
    let loader = get_opt(vm, spec, "loader")?.unwrap_or(Value::None);
    let mut module = Value::None;
    if !loader.is_none() && !is_instance_of(vm, &loader, SOURCE_LOADER) && !is_instance_of(vm, &loader, NAMESPACE_LOADER) {
        if let Some(cm) = get_opt(vm, &loader, "create_module")? {
            module = vm.call(&cm, std::slice::from_ref(spec), &[])?;
        } else if get_opt(vm, &loader, "exec_module")?.is_some() {
            let c = vm.exc.import_error.clone();
            return Err(vm.new_exception_msg(&c, "loaders that define exec_module() must also define create_module()"));
        }
    }
    let name = get_opt(vm, spec, "name")?.and_then(|v| as_rust_str(&v)).unwrap_or_default();
    if module.is_none() {
        module = Value::Obj(crate::types::module::new_module(vm, &name));
    }
    init_module_attrs(vm, spec, &module)?;
    Ok(module)
}

fn missing_or_none(vm: &mut Vm, m: &Value, name: &str) -> PyResult<bool> {
    Ok(get_opt(vm, m, name)?.map(|v| v.is_none()).unwrap_or(true))
}

fn loader_of(vm: &mut Vm, spec: &Value) -> PyResult<Value> {
    Ok(get_opt(vm, spec, "loader")?.unwrap_or(Value::None))
}

fn init_module_attrs(vm: &mut Vm, spec: &Value, m: &Value) -> PyResult<()> {
    let name = get_opt(vm, spec, "name")?.unwrap_or(Value::None);
    if missing_or_none(vm, m, "__name__")? {
        let _ = set(vm, m, "__name__", name);
    }
    let loader = get_opt(vm, spec, "loader")?.unwrap_or(Value::None);
    if missing_or_none(vm, m, "__loader__")? {
        let _ = set(vm, m, "__loader__", loader);
    }
    if missing_or_none(vm, m, "__package__")? {
        if let Some(p) = get_opt(vm, spec, "parent")? {
            let _ = set(vm, m, "__package__", p);
        }
    }
    let _ = set(vm, m, "__spec__", spec.clone());
    let ssl = get_opt(vm, spec, "submodule_search_locations")?.unwrap_or(Value::None);
    if !ssl.is_none() && missing_or_none(vm, m, "__path__")? {
        let _ = set(vm, m, "__path__", ssl);
    }
    let ld = loader_of(vm, spec)?;
    if is_instance_of(vm, &ld, NAMESPACE_LOADER) && missing_or_none(vm, m, "__file__")? {
        let _ = set(vm, m, "__file__", Value::None);
    }
    let has_loc = match get_opt(vm, spec, "has_location")? {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    if has_loc {
        if missing_or_none(vm, m, "__file__")? {
            let o = get_opt(vm, spec, "origin")?.unwrap_or(Value::None);
            let _ = set(vm, m, "__file__", o);
        }
        if missing_or_none(vm, m, "__cached__")? {
            let c = get_opt(vm, spec, "cached")?.unwrap_or(Value::None);
            if !c.is_none() {
                let _ = set(vm, m, "__cached__", c);
            }
        }
    }
    Ok(())
}

/// `importlib._bootstrap._load_unlocked`: creates the module, registers it in
/// `sys.modules` (removed again if execution fails) and executes it.
pub fn load_spec(vm: &mut Vm, spec: &Value) -> PyResult<Value> {
    let module = module_from_spec(vm, spec)?;
    let name_v = get_opt(vm, spec, "name")?.unwrap_or(Value::None);
    let name = as_rust_str(&name_v).unwrap_or_default();
    let _ = set(vm, spec, "_initializing", Value::Bool(true));
    let key = vm.intern(&name);
    let modules = vm.modules.clone();
    dict_set_str(&modules, &key, module.clone());
    let r = exec_module(vm, spec, &module);
    let _ = set(vm, spec, "_initializing", Value::Bool(false));
    if let Err(e) = r {
        dict_del_str(&modules, &key);
        return Err(e);
    }
    match dict_del_str(&modules, &key) {
        Some(m) => {
            dict_set_str(&modules, &key, m.clone());
            Ok(m)
        }
        None => Err(vm.key_error(name_v)),
    }
}

fn exec_module(vm: &mut Vm, spec: &Value, module: &Value) -> PyResult<()> {
    let loader = get_opt(vm, spec, "loader")?.unwrap_or(Value::None);
    if loader.is_none() {
        let ssl = get_opt(vm, spec, "submodule_search_locations")?.unwrap_or(Value::None);
        if ssl.is_none() {
            let name = get_opt(vm, spec, "name")?.and_then(|v| as_rust_str(&v)).unwrap_or_default();
            let c = vm.exc.import_error.clone();
            return Err(import_error(vm, &c, "missing loader", Some(&name), None));
        }
        return Ok(());
    }
    if is_instance_of(vm, &loader, NAMESPACE_LOADER) || is_type(vm, &loader, BUILTIN_IMPORTER) {
        return Ok(());
    }
    if is_instance_of(vm, &loader, SOURCE_LOADER) && vm.type_of(&loader).as_type().map(|t| !t.has_flag(flags::HEAPTYPE)).unwrap_or(false) {
        let path = loader_path(vm, &loader);
        return exec_source(vm, module, &path);
    }
    vm.call_method(&loader, "exec_module", std::slice::from_ref(module))?;
    Ok(())
}

/// `importlib._bootstrap._find_and_load_unlocked` for an absolute name not in
/// `sys.modules`: imports the parent package, finds the spec (on the
/// parent's `__path__`), loads it, and binds it as the parent's attribute.
pub fn find_and_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let mut path = Value::None;
    let parent = name.rsplit_once('.').map(|(p, c)| (p.to_string(), c.to_string()));
    let modules = vm.modules.clone();
    if let Some((p, _)) = &parent {
        let pk = vm.intern(p);
        if dict_get_str(&modules, &pk).is_none() {
            crate::import::gcd_import(vm, p)?;
        }
        let k = vm.intern(name);
        if let Some(m) = dict_get_str(&modules, &k) {
            return Ok(m);
        }
        let pm = match dict_get_str(&modules, &pk) {
            Some(m) => m,
            None => return Err(vm.key_error(Value::Obj(pk))),
        };
        match get_opt(vm, &pm, "__path__")? {
            Some(pp) => path = pp,
            None => return Err(not_found(vm, &format!("No module named '{}'; '{}' is not a package", name, p), name)),
        }
    }
    let spec = match find_spec(vm, name, &path)? {
        Some(s) => s,
        None => return Err(not_found(vm, &format!("No module named '{}'", name), name)),
    };
    let module = load_spec(vm, &spec)?;
    if let Some((p, c)) = &parent {
        let pk = vm.intern(p);
        if let Some(pm) = dict_get_str(&modules, &pk) {
            let ck = vm.intern(c);
            let _ = vm.set_attr(&pm, &ck, module.clone());
        }
    }
    Ok(module)
}

// ----- -m -------------------------------------------------------------------------

/// `-m name`: finds the module (a package runs its `__main__`) and runs it as
/// `__main__`, as `runpy._run_module_as_main` does. Errors that CPython
/// reports as "No module named ..." come back as `Err(Ok(message))`.
pub fn run_module_as_main(vm: &mut Vm, name: &str) -> Result<PyResult<Value>, String> {
    let spec = match get_module_spec(vm, name) {
        Ok(s) => s,
        Err(Ok(msg)) => return Err(msg),
        Err(Err(e)) => return Ok(Err(e)),
    };
    let origin = match get_opt(vm, &spec, "origin") {
        Ok(o) => o.and_then(|v| as_rust_str(&v)),
        Err(e) => return Ok(Err(e)),
    };
    let Some(origin) = origin else {
        return Err(format!("No code object available for {}", name));
    };
    let main = crate::types::module::new_module(vm, "__main__");
    let mv = Value::Obj(main.clone());
    let k = vm.intern("__main__");
    let md = vm.modules.clone();
    dict_set_str(&md, &k, mv.clone());
    let r = (|| -> PyResult<Value> {
        let fv = vm.new_str(&origin);
        set(vm, &mv, "__file__", fv.clone())?;
        let cached = get_opt(vm, &spec, "cached")?.unwrap_or(Value::None);
        set(vm, &mv, "__cached__", cached)?;
        let loader = get_opt(vm, &spec, "loader")?.unwrap_or(Value::None);
        set(vm, &mv, "__loader__", loader)?;
        let parent = get_opt(vm, &spec, "parent")?.unwrap_or(Value::None);
        set(vm, &mv, "__package__", parent)?;
        set(vm, &mv, "__spec__", spec.clone())?;
        if let Some(Value::Obj(o)) = sys_attr(vm, "argv") {
            if let Payload::List(l) = &o.payload {
                if let Some(first) = l.borrow_mut().first_mut() {
                    *first = fv.clone();
                }
            }
        }
        exec_source(vm, &mv, &origin)?;
        Ok(Value::None)
    })();
    Ok(r)
}

fn get_module_spec(vm: &mut Vm, name: &str) -> Result<Value, PyResult<String>> {
    if name.starts_with('.') {
        return Err(Ok("Relative module names not supported".to_string()));
    }
    if let Some((parent, _)) = name.rsplit_once('.') {
        match crate::import::gcd_import(vm, parent) {
            Ok(_) => {}
            Err(e) => {
                let c = vm.exc.import_error.clone();
                if vm.err_matches(&e, &c) {
                    let msg = crate::types::exceptions::format_exception_only(vm, &Value::Obj(e.0.clone()));
                    let msg = msg.trim_end().split_once(": ").map(|(_, m)| m).unwrap_or("").to_string();
                    return Err(Ok(format!("Error while finding module specification for '{}' ({}: {})", name, vm.type_name(&Value::Obj(e.0.clone())), msg)));
                }
                return Err(Err(e));
            }
        }
    }
    let path = match name.rsplit_once('.') {
        Some((parent, _)) => {
            let pk = vm.intern(parent);
            let md = vm.modules.clone();
            match dict_get_str(&md, &pk) {
                Some(pm) => match get_opt(vm, &pm, "__path__") {
                    Ok(Some(p)) => p,
                    Ok(None) => {
                        return Err(Ok(format!(
                            "Error while finding module specification for '{}' (ModuleNotFoundError: __path__ attribute not found on '{}' while trying to find '{}')",
                            name, parent, name
                        )))
                    }
                    Err(e) => return Err(Err(e)),
                },
                None => Value::None,
            }
        }
        None => Value::None,
    };
    let spec = match find_spec(vm, name, &path) {
        Ok(Some(s)) => s,
        Ok(None) => return Err(Ok(format!("No module named {}", name))),
        Err(e) => return Err(Err(e)),
    };
    let ssl = match get_opt(vm, &spec, "submodule_search_locations") {
        Ok(v) => v.unwrap_or(Value::None),
        Err(e) => return Err(Err(e)),
    };
    if !ssl.is_none() {
        if name == "__main__" || name.ends_with(".__main__") {
            return Err(Ok("Cannot use package as __main__ module".to_string()));
        }
        let pkg_main = format!("{}.__main__", name);
        if let Err(e) = crate::import::gcd_import(vm, name) {
            return Err(Err(e));
        }
        return match get_module_spec(vm, &pkg_main) {
            Ok(s) => Ok(s),
            Err(Ok(msg)) => Err(Ok(format!("{}; '{}' is a package and cannot be directly executed", msg, name))),
            Err(e) => Err(e),
        };
    }
    Ok(spec)
}

/// Absolute form of a directory for `sys.path` entries.
pub fn absolute(p: &str) -> PathBuf {
    let pb = PathBuf::from(p);
    if pb.is_absolute() {
        pb
    } else {
        std::env::current_dir().map(|d| d.join(&pb)).unwrap_or(pb)
    }
}
