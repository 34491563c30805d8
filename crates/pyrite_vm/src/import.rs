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

/// `__import__` semantics for a dotted name, relative `level` and `fromlist`.
pub fn import_module_level(vm: &mut Vm, name: &str, globals: &Value, fromlist: &Value, level: i64) -> PyResult<Value> {
    let _ = (globals, level);
    let top = vm.import_module(name)?;
    let has_from = !fromlist.is_none() && vm.is_true(fromlist)?;
    if has_from || !name.contains('.') {
        return Ok(top);
    }
    let first = name.split('.').next().unwrap_or(name);
    vm.import_module(first)
}

/// `IMPORT_FROM`: `from m import name`.
pub fn import_from(vm: &mut Vm, m: &Value, name: &PyRef) -> PyResult<Value> {
    match vm.get_attr_opt(m, name)? {
        Some(v) => Ok(v),
        None => {
            let n = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
            let mn = match m.as_obj() {
                Some(o) => crate::types::module::module_name(vm, o),
                None => "?".into(),
            };
            let c = vm.exc.import_error.clone();
            Err(vm.new_exception_msg(&c, &format!("cannot import name '{}' from '{}' (unknown location)", n, mn)))
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
        let key = self.intern(name);
        let modules = self.modules.clone();
        if let Some(m) = dict_get_str(&modules, &key) {
            return Ok(m);
        }
        if let Some(init) = self.native_modules.get(name).copied() {
            let m = init(self)?;
            dict_set_str(&modules, &key, Value::Obj(m.clone()));
            return Ok(Value::Obj(m));
        }
        crate::importer::find_and_load(self, name)
    }
}
