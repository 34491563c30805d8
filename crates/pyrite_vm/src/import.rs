//! The import system: `IMPORT_NAME`, `IMPORT_FROM`, `IMPORT_STAR`, and
//! `builtins.__import__`. CPython: Python/import.c, Lib/importlib/_bootstrap.py.

use crate::error::PyResult;
use crate::eval::frame::Frame;
use crate::object::PyRef;
use crate::types::dict::{dict_get_str, dict_set_str};
use crate::value::Value;
use crate::vm::Vm;

/// `IMPORT_NAME`: `__import__(name, globals, locals, fromlist, level)`.
pub fn import_name(vm: &mut Vm, f: &mut Frame, name: &PyRef, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let level = match level {
        Value::Int(i) => *i,
        _ => 0,
    };
    let globals = Value::Obj(f.globals.clone());
    let n = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
    // A replaced builtins.__import__ takes over.
    let imp_key = vm.names.__import__.clone();
    if let Some(imp) = dict_get_str(&f.builtins, &imp_key) {
        if !vm.is_builtin_fn(&imp, crate::builtins::builtin_import) {
            let locals = if f.locals.is_null() { Value::None } else { f.locals.clone() };
            return vm.call(&imp, &[Value::Obj(name.clone()), globals, locals, fromlist.clone(), Value::Int(level)], &[]);
        }
    }
    import_module_level(vm, &n, &globals, fromlist, level)
}

/// `__import__` semantics for a dotted name, relative `level` and `fromlist`
/// (CPython's `PyImport_ImportModuleLevelObject`).
pub fn import_module_level(vm: &mut Vm, name: &str, globals: &Value, fromlist: &Value, level: i64) -> PyResult<Value> {
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let abs = if level > 0 {
        resolve_name(vm, name, globals, level)?
    } else {
        if name.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        name.to_string()
    };
    let module = gcd_import(vm, &abs)?;
    let has_from = !fromlist.is_none() && vm.is_true(fromlist)?;
    if !has_from {
        if level == 0 {
            match name.split_once('.') {
                None => return Ok(module),
                Some((front, _)) => return gcd_import(vm, front),
            }
        }
        if name.is_empty() {
            return Ok(module);
        }
        let front_len = name.split('.').next().map(|s| s.len()).unwrap_or(0);
        let cut_off = name.len() - front_len;
        let want = &abs[..abs.len() - cut_off];
        let k = vm.intern(want);
        let md = vm.modules.clone();
        return match dict_get_str(&md, &k) {
            Some(m) => Ok(m),
            None => {
                let c = vm.exc.key_error.clone();
                Err(vm.new_exception_msg(&c, &format!("'{}' not in sys.modules as expected", want)))
            }
        };
    }
    let pk = vm.names.__path__.clone();
    if vm.get_attr_opt(&module, &pk)?.is_some() {
        handle_fromlist(vm, &module, fromlist, false)?;
    }
    Ok(module)
}

fn handle_fromlist(vm: &mut Vm, module: &Value, fromlist: &Value, recursive: bool) -> PyResult<()> {
    let items = vm.collect(fromlist)?;
    let nk = vm.names.__name__.clone();
    for x in items {
        let Some(xs) = crate::types::strops::as_rust_str(&x) else {
            let where_ = if recursive {
                let n = vm.get_attr(module, &nk)?;
                format!("{}.__all__", vm.str_string(&n)?)
            } else {
                "``from list''".to_string()
            };
            return Err(vm.type_error(format!("Item in {} must be str, not {}", where_, vm.type_name(&x))));
        };
        if xs == "*" {
            if !recursive {
                let ak = vm.names.__all__.clone();
                if let Some(all) = vm.get_attr_opt(module, &ak)? {
                    handle_fromlist(vm, module, &all, true)?;
                }
            }
            continue;
        }
        let xk = vm.intern(&xs);
        if vm.get_attr_opt(module, &xk)?.is_some() {
            continue;
        }
        let mn = vm.get_attr(module, &nk)?;
        let from_name = format!("{}.{}", vm.str_string(&mn)?, xs);
        if let Err(e) = gcd_import(vm, &from_name) {
            let c = vm.exc.module_not_found_error.clone();
            if vm.err_matches(&e, &c) {
                let en = vm.get_attr_str(&Value::Obj(e.0.clone()), "name").ok().and_then(|v| crate::types::strops::as_rust_str(&v));
                let fk = vm.intern(&from_name);
                let md = vm.modules.clone();
                let present_none = matches!(dict_get_str(&md, &fk), Some(Value::None));
                if en.as_deref() == Some(from_name.as_str()) && !present_none {
                    continue;
                }
            }
            return Err(e);
        }
    }
    Ok(())
}

fn global_item(vm: &mut Vm, globals: &Value, name: &str) -> PyResult<Option<Value>> {
    match globals.as_obj() {
        Some(g) if matches!(g.payload, crate::object::Payload::Dict(_)) => {
            let k = vm.intern(name);
            vm.dict_get_item(g, &Value::Obj(k))
        }
        _ => Ok(None),
    }
}

/// The absolute name of a relative import (CPython's `resolve_name`).
pub fn resolve_name(vm: &mut Vm, name: &str, globals: &Value, level: i64) -> PyResult<String> {
    let is_dict = matches!(globals.as_obj().map(|g| &g.payload), Some(crate::object::Payload::Dict(_)));
    if globals.is_none() {
        return Err(vm.key_error(vm.new_str("'__name__' not in globals")));
    }
    if !is_dict {
        return Err(vm.type_error("globals must be a dict"));
    }
    let package = global_item(vm, globals, "__package__")?.unwrap_or(Value::None);
    let spec = global_item(vm, globals, "__spec__")?.unwrap_or(Value::None);
    let package: String = if !package.is_none() {
        match crate::types::strops::as_rust_str(&package) {
            Some(s) => s,
            None => return Err(vm.type_error("package must be a string")),
        }
    } else if !spec.is_none() {
        let p = vm.get_attr_str(&spec, "parent")?;
        match crate::types::strops::as_rust_str(&p) {
            Some(s) => s,
            None => return Err(vm.type_error("__spec__.parent must be a string")),
        }
    } else {
        let n = match global_item(vm, globals, "__name__")? {
            Some(n) => n,
            None => {
                let c = vm.exc.key_error.clone();
                return Err(vm.new_exception_msg(&c, "'__name__' not in globals"));
            }
        };
        let Some(n) = crate::types::strops::as_rust_str(&n) else {
            return Err(vm.type_error("__name__ must be a string"));
        };
        if global_item(vm, globals, "__path__")?.is_some() {
            n
        } else {
            n.rsplit_once('.').map(|(a, _)| a.to_string()).unwrap_or_default()
        }
    };
    if package.is_empty() {
        let c = vm.exc.import_error.clone();
        return Err(vm.new_exception_msg(&c, "attempted relative import with no known parent package"));
    }
    let mut base: &str = &package;
    for _ in 1..level {
        match base.rfind('.') {
            Some(i) => base = &base[..i],
            None => {
                let c = vm.exc.import_error.clone();
                return Err(vm.new_exception_msg(&c, "attempted relative import beyond top-level package"));
            }
        }
    }
    Ok(if name.is_empty() { base.to_string() } else { format!("{}.{}", base, name) })
}

/// `importlib._bootstrap._gcd_import` for an absolute name: `sys.modules`,
/// then native modules, then the meta path.
pub fn gcd_import(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let key = vm.intern(name);
    let modules = vm.modules.clone();
    if let Some(m) = dict_get_str(&modules, &key) {
        if m.is_none() {
            return Err(crate::importer::not_found(vm, &format!("import of {} halted; None in sys.modules", name), name));
        }
        return Ok(m);
    }
    if let Some(init) = vm.native_modules.get(name).copied() {
        let m = Value::Obj(init(vm)?);
        crate::importer::init_builtin_module(vm, name, &m)?;
        dict_set_str(&modules, &key, m.clone());
        return Ok(m);
    }
    crate::importer::find_and_load(vm, name)
}

/// `IMPORT_FROM`: `from m import name` (CPython's `import_from`).
pub fn import_from(vm: &mut Vm, m: &Value, name: &PyRef) -> PyResult<Value> {
    match vm.get_attr(m, name) {
        Ok(v) => return Ok(v),
        Err(e) => {
            let c = vm.exc.attribute_error.clone();
            if !vm.err_matches(&e, &c) {
                return Err(e);
            }
        }
    }
    let n = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
    let ie = vm.exc.import_error.clone();
    let nk = vm.names.__name__.clone();
    let pkgname = match vm.get_attr_opt(m, &nk)? {
        Some(p) => crate::types::strops::as_rust_str(&p),
        None => None,
    };
    let Some(pkgname) = pkgname else {
        return Err(crate::importer::import_error(vm, &ie, &format!("cannot import name '{}'", n), None, None));
    };
    let full = format!("{}.{}", pkgname, n);
    let fk = vm.intern(&full);
    let md = vm.modules.clone();
    if let Some(x) = dict_get_str(&md, &fk) {
        return Ok(x);
    }
    let pkgpath = match m.as_obj().and_then(|o| o.dict.borrow().clone()) {
        Some(d) => dict_get_str(&d, &vm.names.__file__.clone()).filter(|v| crate::types::strops::as_rust_str(v).is_some()),
        None => None,
    };
    let pkgname_r = vm.repr_string(&vm.new_str(&pkgname))?;
    let name_r = vm.repr_string(&Value::Obj(name.clone()))?;
    match pkgpath {
        None => {
            let msg = format!("cannot import name {} from {} (unknown location)", name_r, pkgname_r);
            Err(crate::importer::import_error(vm, &ie, &msg, Some(&pkgname), None))
        }
        Some(p) => {
            let ps = crate::types::strops::as_rust_str(&p).unwrap_or_default();
            let sk = vm.names.__spec__.clone();
            let spec = vm.get_attr_opt(m, &sk)?.unwrap_or(Value::None);
            let init = if spec.is_none() {
                false
            } else {
                match vm.get_attr_str(&spec, "_initializing") {
                    Ok(v) => vm.is_true(&v)?,
                    Err(_) => false,
                }
            };
            let msg = if init {
                format!("cannot import name {} from partially initialized module {} (most likely due to a circular import) ({})", name_r, pkgname_r, ps)
            } else {
                format!("cannot import name {} from {} ({})", name_r, pkgname_r, ps)
            };
            Err(crate::importer::import_error(vm, &ie, &msg, Some(&pkgname), Some(p)))
        }
    }
}

/// `IMPORT_STAR`: copies public names (or `__all__`) into the frame's locals.
pub fn import_star(vm: &mut Vm, f: &mut Frame, m: &Value) -> PyResult<()> {
    let all_k = vm.names.__all__.clone();
    let names: Vec<Value> = match vm.get_attr_opt(m, &all_k)? {
        Some(all) => vm.collect(&all)?,
        None => {
            let d = m.as_obj().and_then(|o| o.dict.borrow().clone());
            match d {
                Some(d) => vm
                    .dict_items(&d)
                    .into_iter()
                    .map(|(k, _)| k)
                    .filter(|k| !crate::types::strops::as_rust_str(k).map(|s| s.starts_with('_')).unwrap_or(true))
                    .collect(),
                None => Vec::new(),
            }
        }
    };
    for n in names {
        let Some(no) = n.as_obj().cloned() else { continue };
        let no = vm.intern_obj(&no);
        let v = vm.get_attr(m, &no)?;
        match &f.locals {
            Value::Obj(l) => {
                let l = l.clone();
                vm.set_item(&Value::Obj(l), &Value::Obj(no), v)?;
            }
            _ => dict_set_str(&f.globals, &no, v),
        }
    }
    Ok(())
}

impl Vm {
    /// Imports a module by absolute dotted name and returns it (the module
    /// itself, not the top-level package).
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        gcd_import(self, name)
    }
}
