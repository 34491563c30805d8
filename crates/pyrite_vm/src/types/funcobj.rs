//! Python-visible behaviour of functions, methods, builtin functions,
//! property, staticmethod, classmethod, cells and the singletons' types.
//! CPython: Objects/funcobject.c, classobject.c, methodobject.c, descrobject.c.

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::types::descr::{GetSetDef, PropertyData};
use crate::types::function::{Args, BuiltinKind};
use crate::types::strops::as_rust_str;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

/// Registers the methods of the function-like and singleton types.
pub fn init(vm: &mut Vm) {
    let t = vm.types.function.clone();
    vm.add_methods(&t, &[("__repr__", func_repr), ("__get__", func_get), ("__call__", func_call)]);
    vm.add_getsets(
        &t,
        &[
            GetSetDef { name: "__name__", get: |_, v| Ok(func_field(v, |f| f.name.borrow().clone())), set: Some(set_func_name) },
            GetSetDef { name: "__qualname__", get: |_, v| Ok(func_field(v, |f| f.qualname.borrow().clone())), set: Some(set_func_qualname) },
            GetSetDef { name: "__doc__", get: |_, v| Ok(func_field(v, |f| f.doc.borrow().clone())), set: Some(set_func_doc) },
            GetSetDef { name: "__module__", get: |_, v| Ok(func_field(v, |f| f.module.borrow().clone())), set: Some(set_func_module) },
            GetSetDef { name: "__defaults__", get: get_defaults, set: Some(set_defaults) },
            GetSetDef { name: "__kwdefaults__", get: |_, v| Ok(func_field(v, |f| f.kwdefaults.borrow().clone())), set: Some(set_kwdefaults) },
            GetSetDef { name: "__code__", get: get_code, set: None },
            GetSetDef { name: "__globals__", get: |_, v| Ok(func_field(v, |f| Value::Obj(f.globals.clone()))), set: None },
            GetSetDef { name: "__builtins__", get: |_, v| Ok(func_field(v, |f| Value::Obj(f.builtins.clone()))), set: None },
            GetSetDef { name: "__closure__", get: get_closure, set: None },
            GetSetDef { name: "__annotations__", get: get_annotations, set: Some(set_annotations) },
            GetSetDef { name: "__dict__", get: get_obj_dict, set: None },
        ],
    );
    let m = vm.types.method.clone();
    vm.add_methods(&m, &[("__repr__", method_repr), ("__eq__", method_eq), ("__hash__", method_hash), ("__get__", method_get)]);
    vm.add_getsets(
        &m,
        &[
            GetSetDef { name: "__func__", get: |_, v| Ok(method_parts(v).0), set: None },
            GetSetDef { name: "__self__", get: |_, v| Ok(method_parts(v).1), set: None },
            GetSetDef { name: "__name__", get: method_attr_name, set: None },
            GetSetDef { name: "__qualname__", get: method_attr_qualname, set: None },
            GetSetDef { name: "__doc__", get: method_attr_doc, set: None },
            GetSetDef { name: "__module__", get: method_attr_module, set: None },
        ],
    );
    for t in [
        vm.types.builtin_function.clone(),
        vm.types.method_descriptor.clone(),
        vm.types.classmethod_descriptor.clone(),
        vm.types.wrapper_descriptor.clone(),
        vm.types.method_wrapper.clone(),
    ] {
        vm.add_methods(&t, &[("__repr__", builtin_repr), ("__get__", builtin_get)]);
        vm.add_getsets(
            &t,
            &[
                GetSetDef { name: "__name__", get: builtin_name, set: None },
                GetSetDef { name: "__qualname__", get: builtin_qualname, set: None },
                GetSetDef { name: "__self__", get: builtin_self, set: None },
                GetSetDef { name: "__doc__", get: |_, _| Ok(Value::None), set: None },
                GetSetDef { name: "__module__", get: |_, _| Ok(Value::None), set: None },
                GetSetDef { name: "__text_signature__", get: |_, _| Ok(Value::None), set: None },
            ],
        );
    }
    let p = vm.types.property.clone();
    vm.add_staticmethods(&p, &[("__new__", property_new)]);
    vm.add_methods(
        &p,
        &[
            ("__init__", property_init),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__delete__", property_delete),
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__set_name__", property_set_name),
        ],
    );
    vm.add_getsets(
        &p,
        &[
            GetSetDef { name: "fget", get: |_, v| Ok(prop(v).map(|p| p.fget.borrow().clone()).unwrap_or(Value::None)), set: None },
            GetSetDef { name: "fset", get: |_, v| Ok(prop(v).map(|p| p.fset.borrow().clone()).unwrap_or(Value::None)), set: None },
            GetSetDef { name: "fdel", get: |_, v| Ok(prop(v).map(|p| p.fdel.borrow().clone()).unwrap_or(Value::None)), set: None },
            GetSetDef { name: "__doc__", get: |_, v| Ok(prop(v).map(|p| p.doc.borrow().clone()).unwrap_or(Value::None)), set: Some(set_prop_doc) },
            GetSetDef { name: "__isabstractmethod__", get: prop_isabstract, set: None },
        ],
    );
    for (t, is_static) in [(vm.types.staticmethod.clone(), true), (vm.types.classmethod.clone(), false)] {
        vm.add_staticmethods(&t, &[("__new__", if is_static { staticmethod_new } else { classmethod_new })]);
        vm.add_methods(&t, &[("__init__", wrapper_init), ("__get__", if is_static { staticmethod_get } else { classmethod_get }), ("__repr__", wrapper_repr)]);
        vm.add_getsets(
            &t,
            &[
                GetSetDef { name: "__func__", get: wrapped_func, set: None },
                GetSetDef { name: "__wrapped__", get: wrapped_func, set: None },
                GetSetDef { name: "__isabstractmethod__", get: wrapped_isabstract, set: None },
                GetSetDef { name: "__dict__", get: get_obj_dict, set: None },
            ],
        );
    }
    if is_static_callable() {
        let st = vm.types.staticmethod.clone();
        vm.add_methods(&st, &[("__call__", staticmethod_call)]);
    }
    let c = vm.types.cell.clone();
    vm.add_methods(&c, &[("__repr__", cell_repr)]);
    vm.add_getsets(&c, &[GetSetDef { name: "cell_contents", get: cell_get, set: Some(cell_set) }]);
    let n = vm.types.none.clone();
    vm.add_methods(&n, &[("__repr__", |vm, _| Ok(vm.new_str("None"))), ("__bool__", |_, _| Ok(Value::Bool(false)))]);
    vm.add_staticmethods(&n, &[("__new__", |vm, a| singleton_new(vm, a, Value::None, "NoneType"))]);
    let ni = vm.types.not_implemented.clone();
    vm.add_methods(&ni, &[("__repr__", |vm, _| Ok(vm.new_str("NotImplemented"))), ("__bool__", not_implemented_bool)]);
    vm.add_staticmethods(&ni, &[("__new__", |vm, a| {
        let v = vm.not_implemented();
        singleton_new(vm, a, v, "NotImplementedType")
    })]);
    let e = vm.types.ellipsis.clone();
    vm.add_methods(&e, &[("__repr__", |vm, _| Ok(vm.new_str("Ellipsis")))]);
    vm.add_staticmethods(&e, &[("__new__", |vm, a| {
        let v = Value::Obj(vm.none_singletons.ellipsis.clone());
        singleton_new(vm, a, v, "ellipsis")
    })]);
}

/// staticmethod objects are callable since 3.10.
fn is_static_callable() -> bool {
    true
}

fn singleton_new(vm: &mut Vm, args: Args, v: Value, name: &str) -> PyResult<Value> {
    if args.args.len() > 1 || !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no arguments", name)));
    }
    Ok(v)
}

fn not_implemented_bool(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let c = vm.exc.deprecation_warning.clone();
    crate::modules::warnings::warn(vm, &c, "NotImplemented should not be used in a boolean context")?;
    Ok(Value::Bool(true))
}

fn func_field(v: &Value, f: impl FnOnce(&crate::types::function::Function) -> Value) -> Value {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(func)) => f(func),
        _ => Value::None,
    }
}

fn with_func<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&crate::types::function::Function) -> R) -> PyResult<R> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(func)) => Ok(f(func)),
        _ => Err(vm.type_error("descriptor requires a 'function' object")),
    }
}

fn require_str(vm: &mut Vm, v: &Option<Value>, what: &str) -> PyResult<Value> {
    match v {
        Some(x) if x.as_obj().and_then(|o| o.as_str()).is_some() => Ok(x.clone()),
        _ => Err(vm.type_error(format!("{} must be set to a string object", what))),
    }
}

fn set_func_name(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let n = require_str(vm, &new, "__name__")?;
    with_func(vm, v, |f| *f.name.borrow_mut() = n)
}

fn set_func_qualname(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let n = require_str(vm, &new, "__qualname__")?;
    with_func(vm, v, |f| *f.qualname.borrow_mut() = n)
}

fn set_func_doc(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    with_func(vm, v, |f| *f.doc.borrow_mut() = new.unwrap_or(Value::None))
}

fn set_func_module(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    with_func(vm, v, |f| *f.module.borrow_mut() = new.unwrap_or(Value::None))
}

fn get_defaults(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = with_func(vm, v, |f| f.defaults.borrow().clone())?;
    Ok(if d.is_empty() { Value::None } else { vm.new_tuple(d) })
}

fn set_defaults(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let items = match &new {
        None | Some(Value::None) => Vec::new(),
        Some(t) if matches!(t.as_obj().map(|o| &o.payload), Some(Payload::Tuple(_))) => vm.collect(t)?,
        Some(_) => return Err(vm.type_error("__defaults__ must be set to a tuple object")),
    };
    with_func(vm, v, |f| *f.defaults.borrow_mut() = items)
}

fn set_kwdefaults(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let d = match &new {
        None | Some(Value::None) => Value::None,
        Some(d) if matches!(d.as_obj().map(|o| &o.payload), Some(Payload::Dict(_))) => d.clone(),
        Some(_) => return Err(vm.type_error("__kwdefaults__ must be set to a dict object")),
    };
    with_func(vm, v, |f| *f.kwdefaults.borrow_mut() = d)
}

fn get_code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let code = with_func(vm, v, |f| f.code.clone())?;
    Ok(Value::Obj(PyObject::new(vm.types.code.clone(), Payload::Code(code))))
}

fn get_closure(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let cells = with_func(vm, v, |f| f.closure.to_vec())?;
    if cells.is_empty() {
        return Ok(Value::None);
    }
    Ok(vm.new_tuple(cells.into_iter().map(Value::Obj).collect()))
}

fn get_annotations(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = with_func(vm, v, |f| f.annotations.borrow().clone())?;
    if !a.is_null() {
        return Ok(a);
    }
    let d = Value::Obj(vm.new_dict());
    with_func(vm, v, |f| *f.annotations.borrow_mut() = d.clone())?;
    Ok(d)
}

fn set_annotations(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let d = match &new {
        None | Some(Value::None) => Value::Null,
        Some(d) if matches!(d.as_obj().map(|o| &o.payload), Some(Payload::Dict(_))) => d.clone(),
        Some(_) => return Err(vm.type_error("__annotations__ must be set to a dict object")),
    };
    with_func(vm, v, |f| *f.annotations.borrow_mut() = d)
}

fn get_obj_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(o) = v.as_obj() else { return Err(vm.attribute_error("__dict__")) };
    let d = o.dict.borrow().clone();
    match d {
        Some(d) => Ok(Value::Obj(d)),
        None => Err(vm.no_attribute(v, "__dict__")),
    }
}

fn func_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = &args.args[0];
    let q = as_rust_str(&func_field(v, |f| f.qualname.borrow().clone())).unwrap_or_default();
    Ok(vm.new_str(&format!("<function {} at {:#x}>", q, v.id())))
}

fn func_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.args.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(args.args[0].clone());
    }
    Ok(vm.new_method(args.args[0].clone(), obj))
}

fn func_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = args.args[0].clone();
    vm.call(&f, &args.args[1..], args.kwargs)
}

fn method_parts(v: &Value) -> (Value, Value) {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Method { func, self_ }) => (func.clone(), self_.clone()),
        _ => (Value::None, Value::None),
    }
}

fn method_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    let (f, _) = method_parts(v);
    vm.get_attr_str(&f, name)
}

fn method_attr_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    method_attr(vm, v, "__name__")
}
fn method_attr_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    method_attr(vm, v, "__qualname__")
}
fn method_attr_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    method_attr(vm, v, "__doc__")
}
fn method_attr_module(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    method_attr(vm, v, "__module__")
}

fn method_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, s) = method_parts(&args.args[0]);
    let qn = match vm.get_attr_str(&f, "__qualname__") {
        Ok(q) => vm.str_string(&q)?,
        Err(_) => "?".to_string(),
    };
    let sr = vm.repr_string(&s)?;
    Ok(vm.new_str(&format!("<bound method {} of {}>", qn, sr)))
}

fn method_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = &args.args[1];
    if !matches!(other.as_obj().map(|o| &o.payload), Some(Payload::Method { .. })) {
        return Ok(vm.not_implemented());
    }
    let (f1, s1) = method_parts(&args.args[0]);
    let (f2, s2) = method_parts(other);
    Ok(Value::Bool(s1.is(&s2) && vm.eq(&f1, &f2)?))
}

fn method_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (f, s) = method_parts(&args.args[0]);
    let h = vm.hash(&f)? ^ (s.id() as u64).rotate_right(4) as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn method_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn builtin_data(v: &Value) -> Option<&crate::types::function::BuiltinFunction> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Builtin(b)) => Some(b),
        _ => None,
    }
}

fn builtin_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = &args.args[0];
    let Some(b) = builtin_data(v) else { return Err(vm.type_error("bad builtin")) };
    let (name, owner, kind, self_) = (b.name, b.owner, b.kind, b.self_.clone());
    let cls = vm.type_of(v);
    if std::rc::Rc::ptr_eq(&cls, &vm.types.wrapper_descriptor) {
        return Ok(vm.new_str(&format!("<slot wrapper '{}' of '{}' objects>", name, owner.unwrap_or("?"))));
    }
    if std::rc::Rc::ptr_eq(&cls, &vm.types.method_wrapper) {
        if let Some(s) = &self_ {
            let r = format!("<method-wrapper '{}' of {} object at {:#x}>", name, vm.type_name(s), s.id());
            return Ok(vm.new_str(&r));
        }
    }
    let r = match (&self_, kind) {
        (None, BuiltinKind::Method) => format!("<method '{}' of '{}' objects>", name, owner.unwrap_or("?")),
        (None, BuiltinKind::ClassMethod) => format!("<method '{}' of '{}' objects>", name, owner.unwrap_or("?")),
        (None, _) => format!("<built-in function {}>", name),
        (Some(s), _) => {
            if s.as_obj().map(|o| matches!(o.payload, Payload::Module(_))).unwrap_or(false) {
                format!("<built-in function {}>", name)
            } else {
                let tn = match s.as_obj().and_then(|o| o.as_type()) {
                    Some(t) if kind == BuiltinKind::ClassMethod => format!("<class '{}'>", t.name()),
                    _ => format!("<{} object at {:#x}>", vm.type_name(s), s.id()),
                };
                format!("<built-in method {} of {}>", name, tn)
            }
        }
    };
    Ok(vm.new_str(&r))
}

fn builtin_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.args[0].clone();
    let obj = args.args.get(1).cloned().unwrap_or(Value::None);
    let owner = args.args.get(2).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        if let Some(o) = owner.as_obj().filter(|o| o.as_type().is_some()) {
            let o = o.clone();
            return vm.descr_get_for_class(&d, &o);
        }
        return Ok(d);
    }
    let tp = vm.type_of(&obj);
    vm.descr_get(&d, &obj, &tp)
}

fn builtin_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = builtin_data(v).map(|b| b.name).unwrap_or("?");
    Ok(vm.new_str(n))
}

fn builtin_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let q = match builtin_data(v) {
        Some(b) => match (b.owner, b.kind) {
            (Some(o), BuiltinKind::Method | BuiltinKind::ClassMethod | BuiltinKind::StaticMethod) => format!("{}.{}", o, b.name),
            _ => b.name.to_string(),
        },
        None => "?".into(),
    };
    Ok(vm.new_str(&q))
}

fn builtin_self(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let _ = vm;
    Ok(builtin_data(v).and_then(|b| b.self_.clone()).unwrap_or(Value::None))
}

fn prop(v: &Value) -> Option<&PropertyData> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Property(p)) => Some(p),
        _ => None,
    }
}

fn property_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.args.first().and_then(|c| c.as_obj()).filter(|c| c.as_type().is_some()).cloned() else {
        return Err(vm.type_error("property.__new__(X): X is not a type object"));
    };
    let data = PropertyData {
        fget: RefCell::new(Value::None),
        fset: RefCell::new(Value::None),
        fdel: RefCell::new(Value::None),
        doc: RefCell::new(Value::None),
        name: RefCell::new(Value::None),
    };
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &cls, Payload::Property(data))))
}

fn property_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "property", args.kwargs, &["fget", "fset", "fdel", "doc"])?;
    if args.args.len() > 5 {
        return Err(vm.type_error(format!("property() takes at most 4 arguments ({} given)", args.args.len() - 1)));
    }
    let get = |i: usize| args.args.get(i + 1).cloned().or_else(|| kw[i].clone()).unwrap_or(Value::None);
    let (fget, fset, fdel, mut doc) = (get(0), get(1), get(2), get(3));
    if doc.is_none() && !fget.is_none() {
        let dn = vm.names.__doc__.clone();
        if let Some(d) = vm.get_attr_opt(&fget, &dn)? {
            doc = d;
        }
    }
    let Some(p) = prop(&args.args[0]) else { return Err(vm.type_error("bad property")) };
    *p.fget.borrow_mut() = fget;
    *p.fset.borrow_mut() = fset;
    *p.fdel.borrow_mut() = fdel;
    *p.doc.borrow_mut() = doc;
    Ok(Value::None)
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.args.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(args.args[0].clone());
    }
    let tp = vm.type_of(&obj);
    vm.descr_get(&args.args[0], &obj, &tp)
}

fn property_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "__set__", &args, 3, 3)?;
    let f = prop(&args.args[0]).map(|p| p.fset.borrow().clone()).unwrap_or(Value::None);
    if f.is_none() {
        return Err(vm.attribute_error("can't set attribute"));
    }
    vm.call(&f, &args.args[1..3], &[])?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = prop(&args.args[0]).map(|p| p.fdel.borrow().clone()).unwrap_or(Value::None);
    if f.is_none() {
        return Err(vm.attribute_error("can't delete attribute"));
    }
    vm.call(&f, &args.args[1..2], &[])?;
    Ok(Value::None)
}

fn property_copy(vm: &mut Vm, args: &Args, which: usize) -> PyResult<Value> {
    let Some(p) = prop(&args.args[0]) else { return Err(vm.type_error("bad property")) };
    let new_f = args.args.get(1).cloned().unwrap_or(Value::None);
    let mut fget = p.fget.borrow().clone();
    let mut fset = p.fset.borrow().clone();
    let mut fdel = p.fdel.borrow().clone();
    let doc = p.doc.borrow().clone();
    let name = p.name.borrow().clone();
    match which {
        0 => fget = new_f,
        1 => fset = new_f,
        _ => fdel = new_f,
    }
    let cls = Value::Obj(vm.type_of(&args.args[0]));
    let nd = if which == 0 { Value::None } else { doc };
    let r = vm.call(&cls, &[fget, fset, fdel, nd], &[])?;
    if let Some(rp) = prop(&r) {
        *rp.name.borrow_mut() = name;
    }
    Ok(r)
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, &args, 0)
}
fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, &args, 1)
}
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, &args, 2)
}

fn property_set_name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let (Some(p), Some(n)) = (prop(&args.args[0]), args.args.get(2)) {
        *p.name.borrow_mut() = n.clone();
    }
    Ok(Value::None)
}

fn set_prop_doc(_vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    if let Some(p) = prop(v) {
        *p.doc.borrow_mut() = new.unwrap_or(Value::None);
    }
    Ok(())
}

fn prop_isabstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let fs: Vec<Value> = prop(v).map(|p| vec![p.fget.borrow().clone(), p.fset.borrow().clone(), p.fdel.borrow().clone()]).unwrap_or_default();
    for f in fs {
        if is_abstract(vm, &f)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn is_abstract(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    if f.is_none() {
        return Ok(false);
    }
    let n = vm.intern("__isabstractmethod__");
    match vm.get_attr_opt(f, &n)? {
        Some(v) => vm.is_true(&v),
        None => Ok(false),
    }
}

fn wrapper_cell(v: &Value) -> Option<&RefCell<Value>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::StaticMethod(c) | Payload::ClassMethod(c)) => Some(c),
        _ => None,
    }
}

fn wrapper_new(vm: &mut Vm, args: Args, is_static: bool) -> PyResult<Value> {
    let Some(cls) = args.args.first().and_then(|c| c.as_obj()).filter(|c| c.as_type().is_some()).cloned() else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    let f = args.args.get(1).cloned().unwrap_or(Value::None);
    let payload = if is_static { Payload::StaticMethod(RefCell::new(f)) } else { Payload::ClassMethod(RefCell::new(f)) };
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(vm, &cls, payload)))
}

fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wrapper_new(vm, args, true)
}
fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wrapper_new(vm, args, false)
}

fn wrapper_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = vm.type_name(&args.args[0]);
    if args.args.len() != 2 {
        return Err(vm.type_error(format!("{} expected 1 argument, got {}", name, args.args.len() - 1)));
    }
    if let Some(c) = wrapper_cell(&args.args[0]) {
        *c.borrow_mut() = args.args[1].clone();
    }
    // Copy __doc__, __name__ ... like functools.wraps (3.10+).
    let f = args.args[1].clone();
    if let Some(d) = args.args[0].as_obj().and_then(|o| o.dict.borrow().clone()) {
        for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
            let k = vm.intern(attr);
            if let Ok(Some(v)) = vm.get_attr_opt(&f, &k) {
                crate::types::dict::dict_set_str(&d, &k, v);
            }
        }
    }
    Ok(Value::None)
}

fn staticmethod_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(wrapper_cell(&args.args[0]).map(|c| c.borrow().clone()).unwrap_or(Value::None))
}

fn classmethod_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = wrapper_cell(&args.args[0]).map(|c| c.borrow().clone()).unwrap_or(Value::None);
    let obj = args.args.get(1).cloned().unwrap_or(Value::None);
    let owner = match args.args.get(2) {
        Some(o) if !o.is_none() => o.clone(),
        _ => Value::Obj(vm.type_of(&obj)),
    };
    Ok(vm.new_method(f, owner))
}

fn staticmethod_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = wrapper_cell(&args.args[0]).map(|c| c.borrow().clone()).unwrap_or(Value::None);
    vm.call(&f, &args.args[1..], args.kwargs)
}

fn wrapper_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = wrapper_cell(&args.args[0]).map(|c| c.borrow().clone()).unwrap_or(Value::None);
    let r = vm.repr_string(&f)?;
    let n = vm.type_name(&args.args[0]);
    Ok(vm.new_str(&format!("<{}({})>", n, r)))
}

fn wrapped_func(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(wrapper_cell(v).map(|c| c.borrow().clone()).unwrap_or(Value::None))
}

fn wrapped_isabstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = wrapper_cell(v).map(|c| c.borrow().clone()).unwrap_or(Value::None);
    Ok(Value::Bool(is_abstract(vm, &f)?))
}

fn cell_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = &args.args[0];
    let inner = match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Cell(c)) => c.borrow().clone(),
        _ => Value::Null,
    };
    let r = if inner.is_null() {
        format!("<cell at {:#x}: empty>", v.id())
    } else {
        format!("<cell at {:#x}: {} object at {:#x}>", v.id(), vm.type_name(&inner), inner.id())
    };
    Ok(vm.new_str(&r))
}

fn cell_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let inner = match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Cell(c)) => c.borrow().clone(),
        _ => Value::Null,
    };
    if inner.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(inner)
}

fn cell_set(_vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    if let Some(Payload::Cell(c)) = v.as_obj().map(|o| &o.payload) {
        *c.borrow_mut() = new.unwrap_or(Value::Null);
    }
    Ok(())
}
