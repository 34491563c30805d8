//! Module objects; CPython: Objects/moduleobject.c. A module's namespace is its
//! object's `dict`.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::value::Value;
use crate::vm::Vm;

/// Builtin state of a module object.
#[derive(Default)]
pub struct ModuleData {}

/// The module's `__name__`, or "?" if it has none.
pub fn module_name(vm: &mut Vm, m: &PyRef) -> String {
    let key = vm.names.__name__.clone();
    let d = m.dict.borrow().clone();
    d.and_then(|d| crate::types::dict::dict_get_str(&d, &key))
        .and_then(|v| v.as_obj().and_then(|o| o.as_str().map(|s| s.as_str_lossy().into_owned())))
        .unwrap_or_else(|| "?".into())
}

/// A new module object named `name` with a fresh namespace.
pub fn new_module(vm: &mut Vm, name: &str) -> PyRef {
    let d = vm.new_dict();
    let m = crate::object::PyObject::with_dict(vm.types.module.clone(), Payload::Module(ModuleData::default()), d.clone());
    let k = vm.names.__name__.clone();
    let v = vm.new_str(name);
    crate::types::dict::dict_set_str(&d, &k, v);
    for key in [vm.names.__doc__.clone(), vm.names.__package__.clone(), vm.names.__loader__.clone(), vm.names.__spec__.clone()] {
        crate::types::dict::dict_set_str(&d, &key, crate::value::Value::None);
    }
    m
}

/// Registration table of the module type's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.module.clone();
    vm.add_staticmethods(&t, &[("__new__", module_new)]);
    vm.add_methods(&t, &[("__init__", module_init), ("__repr__", module_repr), ("__getattr__", module_getattr), ("__dir__", module_dir)]);
    vm.add_getsets(&t, &[crate::types::descr::GetSetDef { name: "__dict__", get: module_get_dict, set: None }]);
    crate::types::typeobj::refresh_flags(vm, &t);
}

fn module_new(vm: &mut Vm, args: crate::types::function::Args) -> PyResult<Value> {
    let Some(cls) = args.args.first().and_then(|c| c.as_obj().cloned()) else {
        return Err(vm.type_error("module.__new__(X): X is not a type object"));
    };
    let d = vm.new_dict();
    let m = crate::object::PyObject::with_dict(cls, Payload::Module(ModuleData::default()), d);
    Ok(Value::Obj(m))
}

fn module_init(vm: &mut Vm, args: crate::types::function::Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let kw = crate::builtins::kwargs_of(vm, "module", args.kwargs, &["name", "doc"])?;
    let name = args.args.get(1).cloned().or_else(|| kw[0].clone());
    let doc = args.args.get(2).cloned().or_else(|| kw[1].clone()).unwrap_or(Value::None);
    let n = args.args.len() - 1 + args.kwargs.len();
    if n > 2 {
        return Err(vm.type_error(format!("module() takes at most 2 arguments ({} given)", n)));
    }
    let Some(name) = name else {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    };
    if crate::types::strops::as_rust_str(&name).is_none() {
        return Err(vm.type_error(format!("module() argument 'name' must be str, not {}", vm.type_name(&name))));
    }
    let Some(d) = this.as_obj().and_then(|o| o.dict.borrow().clone()) else { return Ok(Value::None) };
    let keys = [vm.names.__name__.clone(), vm.names.__doc__.clone(), vm.names.__package__.clone(), vm.names.__loader__.clone(), vm.names.__spec__.clone()];
    let vals = [name, doc, Value::None, Value::None, Value::None];
    for (k, v) in keys.iter().zip(vals) {
        crate::types::dict::dict_set_str(&d, k, v);
    }
    Ok(Value::None)
}

fn dict_of(m: &Value) -> Option<PyRef> {
    m.as_obj().and_then(|o| o.dict.borrow().clone())
}

fn module_repr(vm: &mut Vm, args: crate::types::function::Args) -> PyResult<Value> {
    let m = args.args.first().cloned().unwrap_or(Value::None);
    let d = dict_of(&m);
    let get = |vm: &mut Vm, k: &str| -> Option<Value> {
        let d = d.clone()?;
        let key = vm.intern(k);
        crate::types::dict::dict_get_str(&d, &key)
    };
    let name_v = get(vm, "__name__");
    let spec = get(vm, "__spec__").filter(|v| !v.is_none());
    if let Some(spec) = spec {
        let origin = spec_attr(vm, &spec, "origin")?.unwrap_or(Value::None);
        let sname = spec_attr(vm, &spec, "name")?.unwrap_or(Value::None);
        let sname_r = vm.repr_string(&sname)?;
        let loader = spec_attr(vm, &spec, "loader")?.unwrap_or(Value::None);
        let s = if origin.is_none() {
            if loader.is_none() {
                format!("<module {}>", sname_r)
            } else {
                format!("<module {} ({})>", sname_r, vm.repr_string(&loader)?)
            }
        } else {
            let hl = spec_attr(vm, &spec, "has_location")?.unwrap_or(Value::Bool(false));
            if vm.is_true(&hl)? {
                format!("<module {} from {}>", sname_r, vm.repr_string(&origin)?)
            } else {
                format!("<module {} ({})>", sname_r, vm.str_string(&origin)?)
            }
        };
        return Ok(vm.new_str(&s));
    }
    let name_r = match &name_v {
        Some(n) if crate::types::strops::as_rust_str(n).is_some() => vm.repr_string(n)?,
        _ => "'?'".to_string(),
    };
    let s = match get(vm, "__file__").filter(|v| !v.is_none()) {
        Some(f) => format!("<module {} from {}>", name_r, vm.repr_string(&f)?),
        None => format!("<module {}>", name_r),
    };
    Ok(vm.new_str(&s))
}

/// `module.__getattr__`: the module's own `__getattr__` (PEP 562), else
/// CPython's AttributeError messages.
fn module_getattr(vm: &mut Vm, args: crate::types::function::Args) -> PyResult<Value> {
    let m = args.args.first().cloned().unwrap_or(Value::None);
    let name = args.args.get(1).cloned().unwrap_or(Value::None);
    let d = dict_of(&m);
    if let Some(d) = &d {
        let gk = vm.names.__getattr__.clone();
        if let Some(f) = crate::types::dict::dict_get_str(d, &gk) {
            return vm.call(&f, &[name], &[]);
        }
    }
    let ns = crate::types::strops::as_rust_str(&name).unwrap_or_default();
    let mname = d.as_ref().and_then(|d| crate::types::dict::dict_get_str(d, &vm.names.__name__.clone())).and_then(|v| crate::types::strops::as_rust_str(&v));
    let msg = match mname {
        Some(mn) => {
            let spec = d.as_ref().and_then(|d| crate::types::dict::dict_get_str(d, &vm.names.__spec__.clone())).unwrap_or(Value::None);
            let init = if spec.is_none() {
                false
            } else {
                let k = vm.intern("_initializing");
                match vm.get_attr_opt(&spec, &k)? {
                    Some(v) => vm.is_true(&v)?,
                    None => false,
                }
            };
            if init {
                format!("partially initialized module '{}' has no attribute '{}' (most likely due to a circular import)", mn, ns)
            } else {
                format!("module '{}' has no attribute '{}'", mn, ns)
            }
        }
        None => format!("module has no attribute '{}'", ns),
    };
    let e = vm.attribute_error(msg);
    crate::types::exceptions::set_attr_error_context(vm, &e, name, m);
    Err(e)
}

fn module_dir(vm: &mut Vm, args: crate::types::function::Args) -> PyResult<Value> {
    let m = args.args.first().cloned().unwrap_or(Value::None);
    let Some(d) = dict_of(&m) else {
        return Err(vm.type_error("<module>.__dict__ is not a dictionary"));
    };
    let dk = vm.intern("__dir__");
    if let Some(f) = crate::types::dict::dict_get_str(&d, &dk) {
        return vm.call(&f, &[], &[]);
    }
    let keys: Vec<Value> = vm.dict_items(&d).into_iter().map(|(k, _)| k).collect();
    Ok(vm.new_list(keys))
}

fn spec_attr(vm: &mut Vm, spec: &Value, name: &str) -> PyResult<Option<Value>> {
    let k = vm.intern(name);
    vm.get_attr_opt(spec, &k)
}

fn module_get_dict(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    match dict_of(m) {
        Some(d) => Ok(Value::Obj(d)),
        None => Err(vm.no_attribute(m, "__dict__")),
    }
}
