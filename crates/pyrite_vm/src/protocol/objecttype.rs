//! `object` and `type`: instance creation, class creation (`type.__new__`,
//! `__build_class__`), and their methods. CPython: Objects/typeobject.c,
//! Python/bltinmodule.c (`builtin___build_class__`).

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::descr::{GetSetDef, MemberData};
use crate::types::dict::{dict_get_str, dict_set_str};
use crate::types::function::Args;
use crate::types::typeobj::{c3_mro, ctor_kind, flags, lookup, Layout, TypeData};
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// Registers the methods of `object` and `type`.
pub fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    vm.add_methods(
        &object,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__lt__", object_richcmp_ni),
            ("__le__", object_richcmp_ni),
            ("__gt__", object_richcmp_ni),
            ("__ge__", object_richcmp_ni),
            ("__hash__", object_hash),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__getattribute__", object_getattribute),
            ("__format__", object_format),
            ("__dir__", object_dir),
            ("__reduce_ex__", object_reduce_ex),
            ("__reduce__", object_reduce),
            ("__getstate__", object_getstate),
            ("__sizeof__", object_sizeof),
        ],
    );
    vm.add_staticmethods(&object, &[("__new__", object_new)]);
    let doc = vm.new_str(
        "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n",
    );
    vm.type_set_attr_raw(&object, "__doc__", doc);
    vm.add_classmethods(&object, &[("__init_subclass__", object_init_subclass), ("__subclasshook__", object_subclasshook)]);
    vm.add_getsets(
        &object,
        &[GetSetDef { name: "__class__", get: get_class, set: Some(set_class) }],
    );
    let type_ = vm.types.type_.clone();
    vm.add_methods(
        &type_,
        &[
            ("__call__", type_call),
            ("__repr__", type_repr),
            ("__init__", type_init),
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__dir__", object_dir),
            ("__or__", type_or),
            ("__ror__", type_ror),
        ],
    );
    vm.add_staticmethods(&type_, &[("__new__", type_new)]);
    vm.add_classmethods(&type_, &[("__prepare__", type_prepare)]);
    vm.add_getsets(
        &type_,
        &[
            GetSetDef { name: "__name__", get: type_get_name, set: Some(type_set_name) },
            GetSetDef { name: "__qualname__", get: type_get_qualname, set: Some(type_set_qualname) },
            GetSetDef { name: "__bases__", get: type_get_bases, set: None },
            GetSetDef { name: "__base__", get: type_get_base, set: None },
            GetSetDef { name: "__mro__", get: type_get_mro, set: None },
            GetSetDef { name: "__dict__", get: type_get_dict, set: None },
            GetSetDef { name: "__module__", get: type_get_module, set: Some(type_set_module) },
            GetSetDef { name: "__doc__", get: type_get_doc, set: None },
            GetSetDef { name: "__abstractmethods__", get: type_get_abstract, set: Some(type_set_abstract) },
        ],
    );
    let bc = vm.new_builtin("__build_class__", build_class);
    let bd = vm.builtins_dict.clone();
    let k = vm.intern("__build_class__");
    dict_set_str(&bd, &k, bc);
}

fn arg_type<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a PyRef> {
    match v {
        Value::Obj(o) if o.as_type().is_some() => Ok(o),
        _ => Err(vm.type_error(format!("{} is not a type object ({})", what, vm.type_name(v)))),
    }
}

fn self_type<'a>(vm: &mut Vm, args: &'a Args<'_>) -> PyResult<&'a PyRef> {
    match args.args.first() {
        Some(v) => arg_type(vm, v, "descriptor requires a 'type'"),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

// ----- object ---------------------------------------------------------------

/// `object.__new__(cls, ...)`.
pub fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls_v) = args.args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let cls = arg_type(vm, cls_v, "object.__new__(X):")?.clone();
    let t = cls.as_type().ok_or_else(|| vm.system_error("bad type"))?;
    // CPython's tp_new_wrapper: the nearest builtin base must be object.
    let static_base = t.mro.borrow().iter().find(|c| c.as_type().map(|ct| !ct.has_flag(flags::HEAPTYPE)).unwrap_or(false)).cloned();
    if let Some(sb) = static_base {
        if !Rc::ptr_eq(&sb, &vm.types.object) {
            let sbn = sb.as_type().map(|x| x.name()).unwrap_or_default();
            return Err(vm.type_error(format!("object.__new__({}) is not safe, use {}.__new__()", t.name(), sbn)));
        }
    }
    if args.args.len() > 1 || !args.kwargs.is_empty() {
        let init = lookup(&cls, &vm.names.__init__.clone());
        let new = lookup(&cls, &vm.names.__new__.clone());
        let init_is_object = matches!(&init, Some(f) if vm.is_builtin_fn(f, object_init));
        let new_is_object = matches!(&new, Some(f) if vm.is_builtin_fn(f, object_new));
        if init_is_object || !new_is_object {
            return Err(vm.type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    if t.has_flag(flags::ABSTRACT) {
        let am = dict_get_str(&cls.dict.borrow().clone().ok_or_else(|| vm.system_error("no dict"))?, &vm.names.__abstractmethods__.clone());
        let mut names: Vec<String> = Vec::new();
        if let Some(am) = am {
            for x in vm.collect(&am)? {
                names.push(vm.str_string(&x)?);
            }
        }
        names.sort();
        let n = names.len();
        return Err(vm.type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            t.name(),
            if n == 1 { "" } else { "s" },
            names.join(", ")
        )));
    }
    Ok(Value::Obj(new_instance(vm, &cls, Payload::None)))
}

/// A new instance of `cls` with `payload`, with a dict and slots as the class's
/// layout requires.
pub fn new_instance(vm: &mut Vm, cls: &PyRef, payload: Payload) -> PyRef {
    let t = cls.as_type();
    let has_dict = t.map(|t| t.has_flag(flags::HAS_DICT)).unwrap_or(false);
    let nslots = t.map(|t| t.slot_names.borrow().len()).unwrap_or(0);
    let o = if has_dict {
        let d = match crate::object::take_pooled_dict() {
            Some(d) if Rc::ptr_eq(d.class(), &vm.types.dict) => d,
            _ => {
                let n = t.map(|t| t.dict_size_hint.get()).unwrap_or(0) as usize;
                PyObject::new(vm.types.dict.clone(), Payload::Dict(std::cell::RefCell::new(crate::types::dict::DictData::with_capacity(n))))
            }
        };
        PyObject::with_dict(cls.clone(), payload, d)
    } else {
        PyObject::new(cls.clone(), payload)
    };
    if nslots > 0 {
        *o.slots.borrow_mut() = vec![Value::Null; nslots];
    }
    o
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() > 1 || !args.kwargs.is_empty() {
        let s = &args.args[0];
        let tp = vm.type_of(s);
        let init = lookup(&tp, &vm.names.__init__.clone());
        let new = lookup(&tp, &vm.names.__new__.clone());
        let init_is_object = matches!(&init, Some(f) if vm.is_builtin_fn(f, object_init));
        let new_is_object = matches!(&new, Some(f) if vm.is_builtin_fn(f, object_new));
        if !init_is_object || new_is_object {
            if !init_is_object {
                return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
            }
            return Err(vm.type_error(format!("{}() takes no arguments", vm.type_name(s))));
        }
    }
    Ok(Value::None)
}

/// `object.__repr__`: `<module.Name object at 0x...>`.
pub fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = &args.args[0];
    let tp = vm.type_of(s);
    let module = type_module_name(vm, &tp);
    let qn = tp.as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    let r = if module == "builtins" {
        format!("<{} object at {:#x}>", qn, s.id())
    } else {
        format!("<{}.{} object at {:#x}>", module, qn, s.id())
    };
    Ok(vm.new_str(&r))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = vm.repr(&args.args[0])?;
    Ok(Value::Obj(r))
}

fn object_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    if args.args[0].is(&args.args[1]) {
        Ok(Value::Bool(true))
    } else {
        Ok(vm.not_implemented())
    }
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let (a, b) = (&args.args[0], &args.args[1]);
    let eq_name = vm.names.__eq__.clone();
    match vm.call_special(a, &eq_name, std::slice::from_ref(b))? {
        Some(r) if vm.is_not_implemented(&r) => Ok(r),
        Some(r) => Ok(Value::Bool(!vm.is_true(&r)?)),
        None => Ok(vm.not_implemented()),
    }
}

fn object_richcmp_ni(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.args.len().saturating_sub(1))));
    }
    Ok(vm.not_implemented())
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = args.args[0].id();
    // CPython: _Py_HashPointer rotates the address by 4 bits.
    let h = (id as u64).rotate_right(4) as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

/// `object.__setattr__(self, name, value)`.
pub fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 3 {
        return Err(vm.type_error(format!("expected 2 arguments, got {}", args.args.len().saturating_sub(1))));
    }
    let name = attr_name(vm, &args.args[1])?;
    vm.generic_set_attr(&args.args[0], &name, Some(args.args[2].clone()))?;
    Ok(Value::None)
}

/// `object.__delattr__(self, name)`.
pub fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let name = attr_name(vm, &args.args[1])?;
    vm.generic_set_attr(&args.args[0], &name, None)?;
    Ok(Value::None)
}

/// Checks and interns an attribute name argument.
pub fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if o.as_str().is_some() => Ok(vm.intern_obj(o)),
        _ => Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(v)))),
    }
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let name = attr_name(vm, &args.args[1])?;
    let obj = &args.args[0];
    let tp = vm.type_of(obj);
    match vm.generic_get_attr(obj, &tp, &name)? {
        Some(v) => Ok(v),
        None => {
            let n = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
            Err(vm.no_attribute(obj, &n))
        }
    }
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let spec = vm.str_string(&args.args[1])?;
    if !spec.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args.args[0])
        )));
    }
    Ok(Value::Obj(vm.str(&args.args[0])?))
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = &args.args[0];
    let mut names: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add_dict = |vm: &mut Vm, d: &PyRef, names: &mut Vec<Value>| {
        for (k, _) in vm.dict_items(d) {
            if let Some(s) = k.as_obj().and_then(|o| o.as_str()) {
                if seen.insert(s.as_wtf8().to_vec()) {
                    names.push(k.clone());
                }
            }
        }
    };
    if let Value::Obj(o) = obj {
        if let Some(t) = o.as_type() {
            for c in t.mro.borrow().clone() {
                if let Some(d) = c.dict.borrow().clone() {
                    add_dict(vm, &d, &mut names);
                }
            }
            return Ok(vm.new_list(names));
        }
        if let Some(d) = o.dict.borrow().clone() {
            add_dict(vm, &d, &mut names);
        }
    }
    let tp = vm.type_of(obj);
    let mro = tp.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    for c in mro {
        if let Some(d) = c.dict.borrow().clone() {
            add_dict(vm, &d, &mut names);
        }
    }
    Ok(vm.new_list(names))
}

/// `object.__reduce_ex__(protocol)`: a type's own `__reduce__` if it has one,
/// else CPython's default reduction. CPython: Objects/typeobject.c.
fn object_reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(obj) = args.args.first().cloned() else { return Err(vm.type_error("descriptor '__reduce_ex__' of 'object' object needs an argument")) };
    let proto = match args.args.get(1) {
        Some(Value::Int(p)) => *p,
        Some(Value::Bool(b)) => *b as i64,
        Some(v) => return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
        None => return Err(vm.type_error("object.__reduce_ex__() takes exactly one argument (0 given)")),
    };
    let tp = vm.type_of(&obj);
    let reduce_name = vm.intern("__reduce__");
    if let Some(r) = lookup(&tp, &reduce_name) {
        if !vm.is_builtin_fn(&r, object_reduce) {
            let m = vm.get_attr(&obj, &reduce_name)?;
            return vm.call(&m, &[], &[]);
        }
    }
    common_reduce(vm, &obj, proto)
}

/// `object.__reduce__()`.
fn object_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(obj) = args.args.first().cloned() else { return Err(vm.type_error("descriptor '__reduce__' of 'object' object needs an argument")) };
    common_reduce(vm, &obj, 0)
}

fn common_reduce(vm: &mut Vm, obj: &Value, proto: i64) -> PyResult<Value> {
    let copyreg = vm.import_module("copyreg")?;
    if proto < 2 {
        let f = vm.get_attr_str(&copyreg, "_reduce_ex")?;
        return vm.call(&f, &[obj.clone(), Value::Int(proto)], &[]);
    }
    // Protocol 2 and above: copyreg.__newobj__(cls, *args) plus the state.
    let cls = Value::Obj(vm.type_of(obj));
    let mut newargs: Option<Value> = None;
    let mut newkwargs: Option<Value> = None;
    let gnx = vm.intern("__getnewargs_ex__");
    let gn = vm.intern("__getnewargs__");
    if let Some(g) = vm.get_attr_opt(obj, &gnx)? {
        let r = vm.call(&g, &[], &[])?;
        let parts = match r.as_obj().map(|o| &o.payload) {
            Some(Payload::Tuple(t)) if t.len() == 2 => t.to_vec(),
            _ => return Err(vm.type_error(format!("__getnewargs_ex__ should return a tuple of length 2, not '{}'", vm.type_name(&r)))),
        };
        newargs = Some(parts[0].clone());
        newkwargs = Some(parts[1].clone());
    } else if let Some(g) = vm.get_attr_opt(obj, &gn)? {
        let r = vm.call(&g, &[], &[])?;
        if !matches!(r.as_obj().map(|o| &o.payload), Some(Payload::Tuple(_))) {
            return Err(vm.type_error(format!("__getnewargs__ should return a tuple, not '{}'", vm.type_name(&r))));
        }
        newargs = Some(r);
    }
    let hasargs = newargs.is_some();
    let is_list = vm.is_subtype(&vm.type_of(obj), &vm.types.list.clone());
    let is_dict = vm.is_subtype(&vm.type_of(obj), &vm.types.dict.clone());
    let args_items = match &newargs {
        Some(a) => vm.collect(a)?,
        None => Vec::new(),
    };
    let (newobj, newargs_t) = match newkwargs {
        Some(kw) if !matches!(kw.as_obj().map(|o| &o.payload), Some(Payload::Dict(d)) if d.borrow().len() == 0) => {
            let f = vm.get_attr_str(&copyreg, "__newobj_ex__")?;
            let a = vm.new_tuple(args_items);
            (f, vm.new_tuple(vec![cls.clone(), a, kw]))
        }
        _ => {
            let f = vm.get_attr_str(&copyreg, "__newobj__")?;
            let mut items = Vec::with_capacity(args_items.len() + 1);
            items.push(cls.clone());
            items.extend(args_items);
            (f, vm.new_tuple(items))
        }
    };
    let state = object_state(vm, obj, !hasargs && !is_list && !is_dict)?;
    let listitems = if is_list { vm.iter(obj)? } else { Value::None };
    let dictitems = if is_dict {
        let items = vm.call_method(obj, "items", &[])?;
        vm.iter(&items)?
    } else {
        Value::None
    };
    Ok(vm.new_tuple(vec![newobj, newargs_t, state, listitems, dictitems]))
}

/// The state `__reduce_ex__` records: `obj.__getstate__()`, which for
/// `object`'s own is the instance dict (None when empty), paired with the
/// `__slots__` values when there are any. `required`: the object cannot be
/// rebuilt from arguments, so builtin data it carries makes it unpicklable.
fn object_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let tp = vm.type_of(obj);
    let gs_name = vm.intern("__getstate__");
    if let Some(g) = lookup(&tp, &gs_name) {
        if !vm.is_builtin_fn(&g, object_getstate) {
            let m = vm.get_attr(obj, &gs_name)?;
            return vm.call(&m, &[], &[]);
        }
    }
    default_state(vm, obj, required)
}

fn default_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let Value::Obj(o) = obj else {
        if required {
            return Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(obj))));
        }
        return Ok(Value::None);
    };
    if required && !matches!(o.payload, Payload::None) {
        return Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(obj))));
    }
    let dict = o.dict.borrow().clone();
    let mut state = match dict {
        Some(d) if matches!(&d.payload, Payload::Dict(dd) if dd.borrow().len() > 0) => {
            let copy = vm.new_dict();
            for (k, v) in vm.dict_items(&d) {
                vm.dict_set_item(&copy, k, v)?;
            }
            Value::Obj(copy)
        }
        _ => Value::None,
    };
    let names = o.class().as_type().map(|t| t.slot_names.borrow().clone()).unwrap_or_default();
    if !names.is_empty() {
        let slots = vm.new_dict();
        let mut any = false;
        let values = o.slots.borrow().clone();
        for (name, v) in names.iter().zip(values) {
            if !v.is_null() {
                let k = vm.intern(name);
                vm.dict_set_item(&slots, Value::Obj(k), v)?;
                any = true;
            }
        }
        if any {
            state = vm.new_tuple(vec![state, Value::Obj(slots)]);
        }
    }
    Ok(state)
}

/// `object.__getstate__()` (new in 3.11).
fn object_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(obj) = args.args.first().cloned() else { return Err(vm.type_error("descriptor '__getstate__' of 'object' object needs an argument")) };
    default_state(vm, &obj, false)
}

fn object_sizeof(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(std::mem::size_of::<PyObject>() as i64))
}

fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        let cls = args.args.first().map(|v| vm.type_name(v)).unwrap_or_default();
        let _ = cls;
        let name = args.args.first().and_then(|v| v.as_obj().and_then(|o| o.as_type().map(|t| t.name()))).unwrap_or_default();
        return Err(vm.type_error(format!("{}.__init_subclass__() takes no keyword arguments", name)));
    }
    Ok(Value::None)
}

fn object_subclasshook(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn get_class(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    Ok(Value::Obj(vm.type_of(obj)))
}

fn set_class(vm: &mut Vm, obj: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(vm.type_error("can't delete __class__ attribute")) };
    let new = arg_type(vm, &v, "__class__ must be set to a class, not")?.clone();
    let Value::Obj(o) = obj else {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    };
    let old_t = o.class().clone();
    let ok = match (old_t.as_type(), new.as_type()) {
        (Some(a), Some(b)) => a.has_flag(flags::HEAPTYPE) && b.has_flag(flags::HEAPTYPE) && a.layout == b.layout,
        _ => false,
    };
    if !ok {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.as_type().map(|t| t.name()).unwrap_or_default(),
            old_t.as_type().map(|t| t.name()).unwrap_or_default()
        )));
    }
    if let Some(old) = o.set_class(new) {
        vm.graveyard.push(old);
    }
    Ok(())
}

// ----- type -------------------------------------------------------------------

/// `type.__call__(cls, *args, **kwargs)`.
pub fn type_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = self_type(vm, &args)?.clone();
    type_call_impl(vm, &cls, &args.args[1..], args.kwargs)
}

/// Creates and initialises an instance: `__new__` then `__init__`.
pub fn type_call_impl(vm: &mut Vm, cls: &PyRef, args: &[Value], kwargs: &[(PyRef, Value)]) -> PyResult<Value> {
    // `super` is immutable: its `__new__` and (no-op) `__init__` are fixed.
    if Rc::ptr_eq(cls, &vm.types.super_) && kwargs.is_empty() {
        return crate::types::superobj::super_from_args(vm, args);
    }
    if let Some(r) = crate::types::strtype::builtin_type_call_fast(vm, cls, args, kwargs.is_empty()) {
        return r;
    }
    if let Some(td) = cls.as_type() {
        let (kind, init) = ctor_of(vm, cls, td);
        if kind != ctor_kind::GENERIC && !td.has_flag(flags::ABSTRACT) {
            if kind == ctor_kind::PY_INIT {
                let obj = Value::Obj(new_instance(vm, cls, Payload::None));
                return call_init(vm, &init, obj, args, kwargs);
            }
            if kind == ctor_kind::EXC_PY_INIT {
                let obj = Value::Obj(crate::types::exceptions::exception_instance(vm, cls, args));
                return call_init(vm, &init, obj, args, kwargs);
            }
            if args.is_empty() && kwargs.is_empty() {
                return Ok(Value::Obj(new_instance(vm, cls, Payload::None)));
            }
        }
    }
    type_call_generic(vm, cls, args, kwargs)
}

/// `cls(...)` when the class's metaclass is `type`, its `__new__` is
/// `object.__new__` or `BaseException.__new__` (which takes the positional
/// `args`) and its `__init__` a Python function: the new instance and that
/// `__init__`. The caller calls `__init__(instance, *args, **kwargs)`,
/// raises TypeError "__init__() should return None, not '<type>'" if it
/// returns anything but None, and gives the instance as the call's result
/// (exactly what `type_call_impl` does). None: use `vm.call`.
/// For the loop to run `__init__` in its own frame instead of recursing.
pub(crate) fn new_for_py_init(vm: &mut Vm, cls: &PyRef, args: &[Value]) -> Option<(Value, Value)> {
    if !Rc::ptr_eq(cls.class(), &vm.types.type_) {
        return None;
    }
    let td = cls.as_type()?;
    let (kind, init) = ctor_of(vm, cls, td);
    if td.has_flag(flags::ABSTRACT) {
        return None;
    }
    match kind {
        ctor_kind::PY_INIT => Some((Value::Obj(new_instance(vm, cls, Payload::None)), init)),
        ctor_kind::EXC_PY_INIT => Some((Value::Obj(crate::types::exceptions::exception_instance(vm, cls, args)), init)),
        _ => None,
    }
}

/// What calling `cls` does (a `ctor_kind` and the Python `__init__`, if
/// any), from the type's cache, filled when stale.
#[inline]
fn ctor_of(vm: &mut Vm, cls: &PyRef, td: &TypeData) -> (u8, Value) {
    {
        let c = td.ctor_cache.borrow();
        if c.version == td.version.get() {
            return (c.kind, c.init.clone());
        }
    }
    fill_ctor_cache(vm, cls, td)
}

/// Resolves what calling `cls` does for `type_call_impl`'s fast paths and
/// records it in the type's cache.
fn fill_ctor_cache(vm: &mut Vm, cls: &PyRef, td: &TypeData) -> (u8, Value) {
    let version = td.version.get();
    let mut kind = ctor_kind::GENERIC;
    let mut init_v = Value::Null;
    let new = lookup(cls, &vm.names.__new__.clone());
    let init_found = lookup(cls, &vm.names.__init__.clone());
    let new_is_object = matches!(&new, Some(f) if vm.is_builtin_fn(f, object_new));
    // object.__new__ refuses classes whose nearest builtin base is not object.
    let static_base = td.mro.borrow().iter().find(|c| c.as_type().map(|ct| !ct.has_flag(flags::HEAPTYPE)).unwrap_or(false)).cloned();
    let object_layout = matches!(&static_base, Some(sb) if Rc::ptr_eq(sb, &vm.types.object));
    let init_is_py = matches!(init_found.as_ref().and_then(|f| f.as_obj()).map(|o| &o.payload), Some(Payload::Function(_)));
    if new_is_object && object_layout && !Rc::ptr_eq(cls, &vm.types.type_) {
        match &init_found {
            Some(f) if init_is_py => {
                kind = ctor_kind::PY_INIT;
                init_v = f.clone();
            }
            Some(f) if vm.is_builtin_fn(f, object_init) => kind = ctor_kind::OBJECT_INIT,
            _ => {}
        }
    } else if init_is_py
        && Rc::ptr_eq(cls.class(), &vm.types.type_)
        && matches!(&new, Some(f) if vm.is_builtin_fn(f, crate::types::exceptions::base_exception_new))
    {
        kind = ctor_kind::EXC_PY_INIT;
        init_v = init_found.clone().unwrap_or(Value::Null);
    }
    let mut c = td.ctor_cache.borrow_mut();
    c.version = version;
    c.kind = kind;
    c.init = init_v.clone();
    // For `type_call_generic`: the raw lookups (Null new = not found: the
    // generic path raises without the cache).
    c.new = new.unwrap_or(Value::Null);
    c.generic_init = init_found.unwrap_or(Value::Null);
    (kind, init_v)
}

/// Calls the Python `__init__` `init` with `obj` and the call's arguments;
/// returns `obj`.
fn call_init(vm: &mut Vm, init: &Value, obj: Value, args: &[Value], kwargs: &[(PyRef, Value)]) -> PyResult<Value> {
    let r = call_with_first(vm, init, &obj, args, kwargs)?;
    if !r.is_none() {
        return Err(vm.type_error(format!("__init__() should return None, not '{}'", vm.type_name(&r))));
    }
    Ok(obj)
}

/// `f(first, *args, **kwargs)`, building the argument list on the stack when
/// it is short.
fn call_with_first(vm: &mut Vm, f: &Value, first: &Value, args: &[Value], kwargs: &[(PyRef, Value)]) -> PyResult<Value> {
    let x = first.clone();
    match args {
        [] => vm.call(f, &[x], kwargs),
        [a] => vm.call(f, &[x, a.clone()], kwargs),
        [a, b] => vm.call(f, &[x, a.clone(), b.clone()], kwargs),
        [a, b, c] => vm.call(f, &[x, a.clone(), b.clone(), c.clone()], kwargs),
        [a, b, c, d] => vm.call(f, &[x, a.clone(), b.clone(), c.clone(), d.clone()], kwargs),
        _ => {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(x);
            all.extend_from_slice(args);
            vm.call(f, &all, kwargs)
        }
    }
}

/// `f` of the type's constructor cache when it is current and was filled with
/// the MRO lookups.
fn cached_ctor(cls: &PyRef, f: impl FnOnce(&crate::types::typeobj::CtorCache) -> Value) -> Option<Value> {
    let td = cls.as_type()?;
    let c = td.ctor_cache.borrow();
    (c.version == td.version.get() && !c.new.is_null()).then(|| f(&c))
}

/// `type_call_impl` without the per-type fast paths: `__new__`, then
/// `__init__` if `__new__` returned an instance of `cls`. Both lookups come
/// from the type's constructor cache when it is current.
fn type_call_generic(vm: &mut Vm, cls: &PyRef, args: &[Value], kwargs: &[(PyRef, Value)]) -> PyResult<Value> {
    let is_type = Rc::ptr_eq(cls, &vm.types.type_);
    if is_type && args.len() == 1 && kwargs.is_empty() {
        return Ok(Value::Obj(vm.type_of(&args[0])));
    }
    let new = match cached_ctor(cls, |c| c.new.clone()) {
        Some(n) => Some(n),
        None => lookup(cls, &vm.names.__new__.clone()),
    };
    let Some(new) = new else {
        return Err(vm.type_error(format!(
            "cannot create '{}' instances",
            cls.as_type().map(|t| t.name()).unwrap_or_default()
        )));
    };
    let new = match &new {
        Value::Obj(o) => match &o.payload {
            Payload::StaticMethod(f) => f.borrow().clone(),
            _ => new.clone(),
        },
        _ => new,
    };
    let obj = call_with_first(vm, &new, &Value::Obj(cls.clone()), args, kwargs)?;
    if is_type && args.len() != 1 && args.len() != 3 {
        return Ok(obj);
    }
    if !vm.is_instance(&obj, cls) {
        return Ok(obj);
    }
    // The cached `__init__` is the class's (read after `__new__`, which may
    // have changed the class); `__new__` may have returned an instance of a
    // subclass.
    let cached_init = if Rc::ptr_eq(&vm.type_of(&obj), cls) { cached_ctor(cls, |c| c.generic_init.clone()) } else { None };
    let init = match cached_init {
        Some(i) => (!i.is_null()).then_some(i),
        None => {
            let init_name = vm.names.__init__.clone();
            vm.lookup_special(&obj, &init_name)
        }
    };
    if let Some(init) = init {
        let tp = vm.type_of(&obj);
        let r = match &init {
            Value::Obj(o) if matches!(o.payload, Payload::Function(_) | Payload::Builtin(_)) => call_with_first(vm, &init, &obj, args, kwargs)?,
            _ => {
                let bound = vm.descr_get(&init, &obj, &tp)?;
                vm.call(&bound, args, kwargs)?
            }
        };
        if !r.is_none() {
            return Err(vm.type_error(format!("__init__() should return None, not '{}'", vm.type_name(&r))));
        }
    }
    Ok(obj)
}

fn type_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn type_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = self_type(vm, &args)?.clone();
    let module = type_module_name(vm, &t);
    let qn = t.as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    let r = if module == "builtins" { format!("<class '{}'>", qn) } else { format!("<class '{}.{}'>", module, qn) };
    Ok(vm.new_str(&r))
}

/// The `__module__` of a type as text.
pub fn type_module_name(vm: &mut Vm, t: &PyRef) -> String {
    let Some(td) = t.as_type() else { return String::new() };
    if td.has_flag(flags::HEAPTYPE) {
        let d = t.dict.borrow().clone();
        if let Some(d) = d {
            if let Some(m) = dict_get_str(&d, &vm.names.__module__.clone()) {
                if let Some(s) = m.as_obj().and_then(|o| o.as_str()) {
                    return s.as_str_lossy().into_owned();
                }
            }
        }
        return "builtins".into();
    }
    td.module.to_string()
}

fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = self_type(vm, &args)?.clone();
    let mro = t.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    Ok(vm.new_list(mro.into_iter().map(Value::Obj).collect()))
}

fn type_subclasses(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = self_type(vm, &args)?.clone();
    let subs: Vec<Value> = t
        .as_type()
        .map(|t| t.subclasses.borrow().iter().filter_map(|w| w.upgrade()).map(Value::Obj).collect())
        .unwrap_or_default();
    Ok(vm.new_list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = self_type(vm, &args)?.clone();
    let obj = args.args.get(1).cloned().unwrap_or(Value::None);
    if vm.is_instance(&obj, &t) {
        return Ok(Value::Bool(true));
    }
    // `__class__` may differ from the type (proxies).
    let cls_name = vm.names.__class__.clone();
    if let Some(Value::Obj(c)) = vm.get_attr_opt(&obj, &cls_name)? {
        if c.as_type().is_some() {
            return Ok(Value::Bool(vm.is_subtype(&c, &t)));
        }
    }
    Ok(Value::Bool(false))
}

fn type_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = self_type(vm, &args)?.clone();
    let sub = args.args.get(1).cloned().unwrap_or(Value::None);
    let sub = arg_type(vm, &sub, "issubclass() arg 1 must be a class")?.clone();
    Ok(Value::Bool(vm.is_subtype(&sub, &t)))
}

fn type_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::types::union_type::make_union(vm, &args.args[0], &args.args[1])
}

fn type_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::types::union_type::make_union(vm, &args.args[1], &args.args[0])
}

fn type_prepare(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Obj(vm.new_dict()))
}

fn type_get_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = v.as_obj().and_then(|o| o.as_type()).map(|t| t.name()).unwrap_or_default();
    Ok(vm.new_str(&n))
}

fn type_set_name(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let t = v.as_obj().and_then(|o| o.as_type()).ok_or_else(|| vm.system_error("not a type"))?;
    let n = match &new {
        Some(Value::Obj(o)) if o.as_str().is_some() => o.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default(),
        _ => {
            return Err(vm.type_error(format!(
                "can only assign string to {}.__name__, not '{}'",
                t.name(),
                new.as_ref().map(|n| vm.type_name(n)).unwrap_or_default()
            )))
        }
    };
    *t.name.borrow_mut() = n;
    Ok(())
}

fn type_get_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = v.as_obj().and_then(|o| o.as_type()).map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    Ok(vm.new_str(&n))
}

fn type_set_qualname(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let t = v.as_obj().and_then(|o| o.as_type()).ok_or_else(|| vm.system_error("not a type"))?;
    match &new {
        Some(Value::Obj(o)) if o.as_str().is_some() => {
            *t.qualname.borrow_mut() = o.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
            Ok(())
        }
        _ => Err(vm.type_error(format!("can only assign string to {}.__qualname__, not '{}'", t.name(), new.as_ref().map(|n| vm.type_name(n)).unwrap_or_default()))),
    }
}

fn type_get_bases(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = v.as_obj().and_then(|o| o.as_type()).map(|t| t.bases.borrow().clone()).unwrap_or_default();
    Ok(vm.new_tuple(b.into_iter().map(Value::Obj).collect()))
}

fn type_get_base(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = v.as_obj().and_then(|o| o.as_type()).and_then(|t| t.bases.borrow().first().cloned());
    Ok(b.map(Value::Obj).unwrap_or(Value::None))
}

fn type_get_mro(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = v.as_obj().and_then(|o| o.as_type()).map(|t| t.mro.borrow().clone()).unwrap_or_default();
    Ok(vm.new_tuple(b.into_iter().map(Value::Obj).collect()))
}

fn type_get_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = v.as_obj().and_then(|o| o.dict.borrow().clone());
    match d {
        Some(d) => Ok(crate::types::mappingproxy::new_proxy(vm, Value::Obj(d))),
        None => Ok(Value::None),
    }
}

fn type_get_module(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Value::Obj(t) = v else { return Ok(Value::None) };
    let td = t.as_type().ok_or_else(|| vm.system_error("not a type"))?;
    if td.has_flag(flags::HEAPTYPE) {
        let d = t.dict.borrow().clone();
        if let Some(d) = d {
            if let Some(m) = dict_get_str(&d, &vm.names.__module__.clone()) {
                return Ok(m);
            }
        }
        return Err(vm.attribute_error("__module__"));
    }
    Ok(vm.new_str(td.module))
}

fn type_set_module(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let Value::Obj(t) = v else { return Ok(()) };
    let d = t.dict.borrow().clone();
    if let (Some(d), Some(n)) = (d, new) {
        let k = vm.names.__module__.clone();
        dict_set_str(&d, &k, n);
    }
    Ok(())
}

fn type_get_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Value::Obj(t) = v else { return Ok(Value::None) };
    let d = t.dict.borrow().clone();
    if let Some(d) = d {
        if let Some(doc) = dict_get_str(&d, &vm.names.__doc__.clone()) {
            let tp = t.clone();
            return vm.descr_get(&doc, &Value::None, &tp).or(Ok(doc));
        }
    }
    Ok(Value::None)
}

fn type_get_abstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Value::Obj(t) = v else { return Ok(Value::None) };
    let d = t.dict.borrow().clone();
    if let Some(d) = d {
        if !Rc::ptr_eq(t, &vm.types.type_) {
            if let Some(x) = dict_get_str(&d, &vm.names.__abstractmethods__.clone()) {
                return Ok(x);
            }
        }
    }
    Err(vm.attribute_error("__abstractmethods__"))
}

fn type_set_abstract(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let Value::Obj(t) = v else { return Ok(()) };
    let td = t.as_type().ok_or_else(|| vm.system_error("not a type"))?;
    let d = t.dict.borrow().clone();
    let k = vm.names.__abstractmethods__.clone();
    let abstract_ = match &new {
        Some(n) => vm.is_true(n)?,
        None => false,
    };
    if let Some(d) = d {
        match new {
            Some(n) => dict_set_str(&d, &k, n),
            None => {
                crate::types::dict::dict_del_str(&d, &k);
            }
        }
    }
    let f = td.flags.get();
    td.flags.set(if abstract_ { f | flags::ABSTRACT } else { f & !flags::ABSTRACT });
    crate::types::typeobj::invalidate(td);
    Ok(())
}

/// `type.__new__(meta, name, bases, namespace, **kwargs)` and `type(obj)`.
pub fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.args;
    if a.len() == 2 && args.kwargs.is_empty() {
        return Ok(Value::Obj(vm.type_of(&a[1])));
    }
    if a.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let mut meta = arg_type(vm, &a[0], "type.__new__(X):")?.clone();
    let name = match &a[1] {
        Value::Obj(o) if o.as_str().is_some() => o.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default(),
        v => return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {}", vm.type_name(v)))),
    };
    let bases = match &a[2] {
        Value::Obj(o) if matches!(o.payload, Payload::Tuple(_)) => vm.collect(&a[2])?,
        v => return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {}", vm.type_name(v)))),
    };
    let ns = match &a[3] {
        Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => o.clone(),
        v => return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {}", vm.type_name(v)))),
    };
    // The most derived metaclass; when it is not `meta` and has its own
    // `__new__`, it creates the class (as CPython's type_new).
    let mut winner = meta.clone();
    for b in &bases {
        let bt = vm.type_of(b);
        if vm.is_subtype(&winner, &bt) {
            continue;
        }
        if vm.is_subtype(&bt, &winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    if !Rc::ptr_eq(&winner, &meta) {
        let new_name = vm.names.__new__.clone();
        let own = crate::types::typeobj::lookup(&winner, &new_name);
        let base_new = crate::types::typeobj::lookup(&vm.types.type_.clone(), &new_name);
        let same = match (&own, &base_new) {
            (Some(Value::Obj(x)), Some(Value::Obj(y))) => Rc::ptr_eq(x, y),
            _ => true,
        };
        if !same {
            let f = vm.get_attr(&Value::Obj(winner.clone()), &new_name)?;
            return vm.call(&f, &[Value::Obj(winner), a[1].clone(), a[2].clone(), a[3].clone()], args.kwargs);
        }
        meta = winner;
    }
    let module_k = vm.names.__module__.clone();
    if dict_get_str(&ns, &module_k).is_none() {
        if let Some(f) = vm.frames.last() {
            let g = f.globals.clone();
            if let Some(n) = dict_get_str(&g, &vm.names.__name__.clone()) {
                let ns2 = vm.new_dict_from(match &ns.payload {
                    Payload::Dict(d) => d.borrow().clone(),
                    _ => crate::types::dict::DictData::new(),
                });
                dict_set_str(&ns2, &module_k, n);
                let cls = create_class(vm, &meta, &name, bases, &ns2)?;
                return finish_type_new(vm, cls, args.kwargs);
            }
        }
    }
    let cls = create_class(vm, &meta, &name, bases, &ns)?;
    finish_type_new(vm, cls, args.kwargs)
}

fn finish_type_new(vm: &mut Vm, cls: PyRef, kwargs: &[(PyRef, Value)]) -> PyResult<Value> {
    // __init_subclass__ of the parent, with the class keywords.
    let t = Value::Obj(cls.clone());
    let sup = crate::types::superobj::new_super(vm, Value::Obj(cls.clone()), t.clone())?;
    let isc = vm.names.__init_subclass__.clone();
    let f = vm.get_attr(&sup, &isc)?;
    vm.call(&f, &[], kwargs)?;
    Ok(t)
}

fn create_class(vm: &mut Vm, meta: &PyRef, name: &str, bases: Vec<Value>, ns: &PyRef) -> PyResult<PyRef> {
    let mut base_types = Vec::new();
    for b in &bases {
        match b {
            Value::Obj(o) if o.as_type().is_some() => {
                let bt = o.as_type().ok_or_else(|| vm.system_error("bad base"))?;
                if !bt.has_flag(flags::BASETYPE) {
                    return Err(vm.type_error(format!("type '{}' is not an acceptable base type", bt.name())));
                }
                base_types.push(o.clone())
            }
            _ => return Err(vm.type_error(format!("bases must be types"))),
        }
    }
    if base_types.is_empty() {
        base_types.push(vm.types.object.clone());
    }
    // The instance layout: the most derived builtin layout among the bases.
    let mut layout = Layout::Object;
    let mut has_dict = false;
    let mut inherited_slots: Vec<String> = Vec::new();
    for b in &base_types {
        let bt = b.as_type().ok_or_else(|| vm.system_error("bad base"))?;
        let bl = solid_layout(b);
        if bl != Layout::Object {
            if layout != Layout::Object && layout != bl {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
            layout = bl;
        }
        if bt.has_flag(flags::HAS_DICT) {
            has_dict = true;
        }
        let bs = bt.slot_names.borrow();
        if !bs.is_empty() {
            if !inherited_slots.is_empty() && *bs != inherited_slots {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
            inherited_slots = bs.clone();
        }
    }
    // __slots__
    let slots_key = vm.names.__slots__.clone();
    let slots_v = dict_get_str(ns, &slots_key);
    let mut own_slots: Vec<String> = Vec::new();
    match &slots_v {
        None => has_dict = true,
        Some(sv) => {
            let items = if sv.as_obj().and_then(|o| o.as_str()).is_some() { vec![sv.clone()] } else { vm.collect(sv)? };
            for it in items {
                let s = match it.as_obj().and_then(|o| o.as_str()) {
                    Some(s) => s.as_str_lossy().into_owned(),
                    None => return Err(vm.type_error(format!("__slots__ items must be strings, not '{}'", vm.type_name(&it)))),
                };
                if s == "__dict__" {
                    has_dict = true;
                    continue;
                }
                if s == "__weakref__" {
                    continue;
                }
                if dict_get_str(ns, &vm.intern(&s)).is_some() {
                    return Err(vm.value_error(format!("'{}' in __slots__ conflicts with class variable", s)));
                }
                own_slots.push(mangle(name, &s));
            }
        }
    }
    let mut fl = flags::HEAPTYPE | flags::BASETYPE;
    if has_dict {
        fl |= flags::HAS_DICT;
    }
    let is_exc = base_types.iter().any(|b| b.as_type().map(|t| t.has_flag(flags::EXCEPTION)).unwrap_or(false));
    if is_exc {
        fl |= flags::EXCEPTION;
    }
    let data = TypeData::new(name, "builtins", layout, fl);
    let tdict = vm.new_dict();
    let cls = PyObject::with_dict(meta.clone(), Payload::Type(Box::new(data)), tdict.clone());
    let td = cls.as_type().ok_or_else(|| vm.system_error("bad class"))?;
    *td.bases.borrow_mut() = bases.iter().filter_map(|b| b.as_obj().cloned()).collect::<Vec<_>>();
    if td.bases.borrow().is_empty() {
        *td.bases.borrow_mut() = vec![vm.types.object.clone()];
    }
    let bases_now = td.bases.borrow().clone();
    for (i, b) in bases_now.iter().enumerate() {
        if bases_now[..i].iter().any(|x| Rc::ptr_eq(x, b)) {
            return Err(vm.type_error(format!("duplicate base class {}", b.as_type().map(|t| t.name()).unwrap_or_default())));
        }
    }
    let mro = match c3_mro(&cls, &bases_now) {
        Some(m) => m,
        None => {
            let names: Vec<String> = bases_now.iter().filter_map(|b| b.as_type().map(|t| t.name())).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        }
    };
    *td.mro.borrow_mut() = mro;
    for b in &bases_now {
        if let Some(bt) = b.as_type() {
            bt.subclasses.borrow_mut().push(Rc::downgrade(&cls));
        }
    }
    // Copy the namespace.
    let mut qualname = None;
    let mut classcell = None;
    for (k, v) in vm.dict_items(ns) {
        let ks = k.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str_lossy().into_owned());
        match ks.as_deref() {
            Some("__qualname__") => {
                if v.as_obj().and_then(|o| o.as_str()).is_none() {
                    return Err(vm.type_error(format!("type __qualname__ must be a str, not {}", vm.type_name(&v))));
                }
                qualname = Some(v);
                continue;
            }
            Some("__classcell__") => {
                classcell = Some(v);
                continue;
            }
            _ => {}
        }
        vm.dict_set_item(&tdict, k, v)?;
    }
    if let Some(q) = qualname {
        *td.qualname.borrow_mut() = q.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
    }
    // A class that defines __eq__ but not __hash__ is unhashable.
    let eq_k = vm.names.__eq__.clone();
    let hash_k = vm.names.__hash__.clone();
    if dict_get_str(&tdict, &eq_k).is_some() && dict_get_str(&tdict, &hash_k).is_none() {
        dict_set_str(&tdict, &hash_k, Value::None);
    }
    let doc_k = vm.names.__doc__.clone();
    if dict_get_str(&tdict, &doc_k).is_none() {
        dict_set_str(&tdict, &doc_k, Value::None);
    }
    // __new__ is a static method; __init_subclass__ and __class_getitem__ class methods.
    for (key, wrap_static) in [("__new__", true), ("__init_subclass__", false), ("__class_getitem__", false)] {
        let k = vm.intern(key);
        if let Some(f) = dict_get_str(&tdict, &k) {
            if matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) {
                let w = if wrap_static {
                    PyObject::new(vm.types.staticmethod.clone(), Payload::StaticMethod(std::cell::RefCell::new(f)))
                } else {
                    PyObject::new(vm.types.classmethod.clone(), Payload::ClassMethod(std::cell::RefCell::new(f)))
                };
                dict_set_str(&tdict, &k, Value::Obj(w));
            }
        }
    }
    // Slots: member descriptors.
    let mut all_slots = inherited_slots;
    for s in own_slots {
        let index = all_slots.len();
        all_slots.push(s.clone());
        let m = PyObject::new(
            vm.types.member_descriptor.clone(),
            Payload::Member(MemberData { name: s.clone(), index, owner: cls.clone() }),
        );
        let k = vm.intern(&s);
        dict_set_str(&tdict, &k, Value::Obj(m));
    }
    *td.slot_names.borrow_mut() = all_slots;
    if has_dict && slots_v.is_some() || (has_dict && !base_types.iter().any(|b| b.as_type().map(|t| t.has_flag(flags::HAS_DICT)).unwrap_or(false))) {
        let k = vm.names.__dict__.clone();
        if dict_get_str(&tdict, &k).is_none() {
            let gs = PyObject::new(
                vm.types.getset_descriptor.clone(),
                Payload::GetSet(crate::types::descr::GetSetData { name: "__dict__", get: instance_get_dict, set: Some(instance_set_dict), owner: cls.clone() }),
            );
            dict_set_str(&tdict, &k, Value::Obj(gs));
        }
        let wk = vm.names.__weakref__.clone();
        if dict_get_str(&tdict, &wk).is_none() {
            let gs = PyObject::new(
                vm.types.getset_descriptor.clone(),
                Payload::GetSet(crate::types::descr::GetSetData { name: "__weakref__", get: |_, _| Ok(Value::None), set: None, owner: cls.clone() }),
            );
            dict_set_str(&tdict, &wk, Value::Obj(gs));
        }
    }
    crate::types::typeobj::refresh_flags(vm, &cls);
    if let Some(cell) = classcell {
        match cell.as_obj().map(|o| &o.payload) {
            Some(Payload::Cell(c)) => *c.borrow_mut() = Value::Obj(cls.clone()),
            _ => return Err(vm.type_error(format!("__classcell__ must be a nonlocal cell, not {}", vm.type_name(&cell)))),
        }
    }
    // __set_name__ on attributes.
    let set_name = vm.names.__set_name__.clone();
    for (k, v) in vm.dict_items(&tdict) {
        if let Value::Obj(o) = &v {
            let vt = o.class().clone();
            if let Some(f) = lookup(&vt, &set_name) {
                vm.call(&f, &[v.clone(), Value::Obj(cls.clone()), k.clone()], &[])?;
            }
        }
    }
    Ok(cls)
}

fn solid_layout(t: &PyRef) -> Layout {
    t.as_type().map(|t| t.layout).unwrap_or(Layout::Object)
}

/// `__private` name mangling: `_Class__private`.
pub fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let c = class.trim_start_matches('_');
    if c.is_empty() {
        return name.to_string();
    }
    format!("_{}{}", c, name)
}

fn instance_get_dict(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let Value::Obj(o) = obj else { return Err(vm.attribute_error("__dict__")) };
    let d = o.dict.borrow().clone();
    match d {
        Some(d) => Ok(Value::Obj(d)),
        None => Err(vm.no_attribute(obj, "__dict__")),
    }
}

fn instance_set_dict(vm: &mut Vm, obj: &Value, v: Option<Value>) -> PyResult<()> {
    let Value::Obj(o) = obj else { return Err(vm.attribute_error("__dict__")) };
    match v {
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => {
            *o.dict.borrow_mut() = Some(d);
            Ok(())
        }
        Some(v) => Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_name(&v)))),
        None => Err(vm.type_error("cannot delete __dict__")),
    }
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args.args[0].clone();
    if !matches!(func.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    let name = args.args[1].clone();
    let orig_bases: Vec<Value> = args.args[2..].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases = Vec::new();
    let mut changed = false;
    let mre = vm.names.__mro_entries__.clone();
    for b in &orig_bases {
        if b.as_obj().and_then(|o| o.as_type()).is_none() {
            if let Some(f) = vm.get_attr_opt(b, &mre)? {
                let t = vm.new_tuple(orig_bases.clone());
                let r = vm.call(&f, &[t], &[])?;
                bases.extend(vm.collect(&r)?);
                changed = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let mut meta: Option<Value> = None;
    let mut kwargs: Vec<(PyRef, Value)> = Vec::new();
    for (k, v) in args.kwargs {
        if k.as_str().map(|s| s.as_str_lossy() == "metaclass").unwrap_or(false) {
            meta = Some(v.clone());
        } else {
            kwargs.push((k.clone(), v.clone()));
        }
    }
    let is_class = meta.as_ref().map(|m| m.as_obj().and_then(|o| o.as_type()).is_some()).unwrap_or(true);
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => Value::Obj(vm.type_of(b)),
            None => Value::Obj(vm.types.type_.clone()),
        },
    };
    if is_class {
        // The most derived metaclass.
        let mut winner = meta.as_obj().cloned().ok_or_else(|| vm.system_error("bad metaclass"))?;
        for b in &bases {
            let bt = vm.type_of(b);
            if vm.is_subtype(&winner, &bt) {
                continue;
            }
            if vm.is_subtype(&bt, &winner) {
                winner = bt;
                continue;
            }
            return Err(vm.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        meta = Value::Obj(winner);
    }
    let bases_t = vm.new_tuple(bases.clone());
    let prep_name = vm.names.__prepare__.clone();
    let ns = match vm.get_attr_opt(&meta, &prep_name)? {
        Some(p) => vm.call(&p, &[name.clone(), bases_t.clone()], &kwargs)?,
        None => Value::Obj(vm.new_dict()),
    };
    if !vm.is_instance(&ns, &vm.types.dict.clone()) && ns.as_obj().is_none() {
        return Err(vm.type_error("__prepare__() must return a mapping"));
    }
    // Run the class body with the namespace as its locals.
    let cell = crate::eval::run_class_body(vm, &func, ns.clone())?;
    if changed {
        let ob = vm.new_tuple(orig_bases);
        let k = vm.names.__orig_bases__.clone();
        vm.set_item(&ns, &Value::Obj(k), ob)?;
    }
    let cls = vm.call(&meta, &[name, bases_t, ns], &kwargs)?;
    if let Value::Obj(c) = &cell {
        if let Payload::Cell(cc) = &c.payload {
            let cur = cc.borrow().clone();
            if !cur.is(&cls) && !cur.is_null() && cls.as_obj().and_then(|o| o.as_type()).is_some() {
                let a = vm.repr_string(&cur)?;
                let b = vm.repr_string(&cls)?;
                return Err(vm.type_error(format!("__class__ set to {} defining {} as {}", a, b, b)));
            }
        }
    }
    Ok(cls)
}
