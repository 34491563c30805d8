//! BaseExceptionGroup and ExceptionGroup; CPython: Objects/exceptions.c
//! (BaseExceptionGroup_new, exceptiongroup_split_recursive, ...).
//!
//! Registration table (on BaseExceptionGroup):
//! __new__, __init__, __str__, derive, split, subgroup, __class_getitem__;
//! getsets: message, exceptions.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;

fn dict_get(vm: &mut Vm, v: &Value, key: &str) -> Option<Value> {
    let o = v.as_obj()?;
    let d = o.dict.borrow().clone()?;
    let k = vm.intern(key);
    crate::types::dict::dict_get_str(&d, &k)
}

fn dict_put(vm: &mut Vm, v: &PyRef, key: &str, val: Value) {
    let d = v.dict.borrow().clone();
    if let Some(d) = d {
        let k = vm.intern(key);
        crate::types::dict::dict_set_str(&d, &k, val);
    }
}

/// The sub-exceptions of a group (empty for anything else).
pub fn group_exceptions(vm: &mut Vm, v: &Value) -> Vec<Value> {
    match dict_get(vm, v, "exceptions") {
        Some(t) => match t.as_obj().map(|o| &o.payload) {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    }
}

/// Registers the group methods.
pub fn init(vm: &mut Vm) {
    let beg = vm.exc.base_exception_group.clone();
    // ExceptionGroup(BaseExceptionGroup, Exception).
    let eg = vm.exc.exception_group.clone();
    let ex = vm.exc.exception.clone();
    if let Some(td) = eg.as_type() {
        let bases = vec![beg.clone(), ex.clone()];
        if let Some(mro) = crate::types::typeobj::c3_mro(&eg, &bases) {
            *td.bases.borrow_mut() = bases;
            *td.mro.borrow_mut() = mro;
            if let Some(bd) = beg.as_type() {
                bd.subclasses.borrow_mut().push(std::rc::Rc::downgrade(&eg));
            }
            crate::types::typeobj::invalidate(td);
        }
    }
    vm.add_staticmethods(&beg, &[("__new__", eg_new)]);
    vm.add_methods(&beg, &[
        ("__init__", eg_init),
        ("__str__", eg_str),
        ("derive", eg_derive),
        ("split", eg_split),
        ("subgroup", eg_subgroup),
    ]);
    vm.add_classmethods(&beg, &[("__class_getitem__", eg_class_getitem)]);
    vm.add_getsets(&beg, &[
        GetSetDef { name: "message", get: |vm, v| Ok(dict_get(vm, v, "message").unwrap_or(Value::None)), set: None },
        GetSetDef { name: "exceptions", get: |vm, v| Ok(dict_get(vm, v, "exceptions").unwrap_or(Value::None)), set: None },
    ]);
}

fn eg_class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // A printable alias `Cls[item]`.
    let cls = args.args.first().cloned().unwrap_or(Value::None);
    let item = args.args.get(1).cloned().unwrap_or(Value::None);
    let types_mod = vm.import_module("types");
    if let Ok(m) = types_mod {
        if let Ok(ga) = vm.get_attr_str(&m, "GenericAlias") {
            return vm.call(&ga, &[cls, item], &[]);
        }
    }
    Ok(cls)
}

fn is_sequence(vm: &mut Vm, v: &Value) -> bool {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Dict(_)) => return false,
        Some(Payload::List(_)) | Some(Payload::Tuple(_)) | Some(Payload::Str(_)) => return true,
        _ => {}
    }
    let t = vm.type_of(v);
    let k = vm.intern("__getitem__");
    crate::types::typeobj::lookup(&t, &k).is_some()
}

fn eg_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(mut cls) = args.args.first().and_then(|c| c.as_obj()).filter(|c| c.as_type().is_some()).cloned() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    let rest = &args.args[1..];
    if rest.len() != 2 {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", rest.len())));
    }
    let message = rest[0].clone();
    if message.as_obj().and_then(|o| o.as_str()).is_none() {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", vm.type_name(&message))));
    }
    let excs_arg = rest[1].clone();
    if !is_sequence(vm, &excs_arg) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.collect(&excs_arg)?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let be = vm.exc.base_exception.clone();
    let ex = vm.exc.exception.clone();
    let mut nested_base = false;
    for (i, e) in excs.iter().enumerate() {
        if !vm.is_instance(e, &be) {
            return Err(vm.value_error(format!("Item {} of second argument (exceptions) is not an exception", i)));
        }
        if !vm.is_instance(e, &ex) {
            nested_base = true;
        }
    }
    let beg = vm.exc.base_exception_group.clone();
    let eg = vm.exc.exception_group.clone();
    if std::rc::Rc::ptr_eq(&cls, &beg) {
        if !nested_base {
            cls = eg;
        }
    } else if std::rc::Rc::ptr_eq(&cls, &eg) {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base && vm.is_subtype(&cls, &ex) {
        let n = cls.as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{}'", n)));
    }
    let e = crate::types::exceptions::new_exception(vm, &cls, vec![message.clone(), excs_arg]);
    let nslots = cls.as_type().map(|t| t.slot_names.borrow().len()).unwrap_or(0);
    if nslots > 0 {
        *e.0.slots.borrow_mut() = vec![Value::Null; nslots];
    }
    dict_put(vm, &e.0, "message", message);
    let t = vm.new_tuple(excs);
    dict_put(vm, &e.0, "exceptions", t);
    Ok(Value::Obj(e.0))
}

fn eg_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        let n = vm.type_name(&args.args[0]);
        return Err(vm.type_error(format!("{}() takes no keyword arguments", n)));
    }
    crate::types::exceptions::set_args(vm, &args.args[0], args.args[1..].to_vec());
    Ok(Value::None)
}

fn eg_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.args.first().cloned().unwrap_or(Value::None);
    let msg = dict_get(vm, &v, "message").unwrap_or(Value::None);
    let m = vm.str_string(&msg)?;
    let n = group_exceptions(vm, &v).len();
    Ok(vm.new_str(&format!("{} ({} sub-exception{})", m, n, if n > 1 { "s" } else { "" })))
}

fn eg_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "derive", &args, 2, 2)?;
    let msg = dict_get(vm, &args.args[0], "message").unwrap_or(Value::None);
    let beg = Value::Obj(vm.exc.base_exception_group.clone());
    vm.call(&beg, &[msg, args.args[1].clone()], &[])
}

enum Matcher {
    Type(Value),
    Predicate(Value),
}

fn get_matcher(vm: &mut Vm, m: &Value) -> PyResult<Matcher> {
    let is_type = m.as_obj().map(|o| o.as_type().is_some()).unwrap_or(false);
    if !is_type && crate::protocol::is_callable(vm, m) {
        return Ok(Matcher::Predicate(m.clone()));
    }
    let be = vm.exc.base_exception.clone();
    let is_exc_class = |vm: &mut Vm, v: &Value| v.as_obj().map(|o| o.as_type().is_some() && vm.is_subtype(o, &be)).unwrap_or(false);
    if is_exc_class(vm, m) {
        return Ok(Matcher::Type(m.clone()));
    }
    if let Some(Payload::Tuple(t)) = m.as_obj().map(|o| &o.payload) {
        let items = t.to_vec();
        if items.iter().all(|i| is_exc_class(vm, i)) {
            return Ok(Matcher::Type(m.clone()));
        }
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn matches(vm: &mut Vm, exc: &Value, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => {
            let classes: Vec<Value> = match t.as_obj().map(|o| &o.payload) {
                Some(Payload::Tuple(items)) => items.to_vec(),
                _ => vec![t.clone()],
            };
            for c in classes {
                if let Some(co) = c.as_obj() {
                    if vm.is_instance(exc, co) {
                        return Ok(true);
                    }
                }
            }
            Ok(false)
        }
        Matcher::Predicate(f) => {
            let r = vm.call(f, &[exc.clone()], &[])?;
            vm.is_true(&r)
        }
    }
}

fn subset(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Value> {
    if excs.is_empty() {
        return Ok(Value::None);
    }
    let l = vm.new_list(excs);
    let eg = vm.call_method(orig, "derive", &[l])?;
    let beg = vm.exc.base_exception_group.clone();
    if !vm.is_instance(&eg, &beg) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    let tb = crate::types::exceptions::get_traceback(orig);
    crate::types::exceptions::set_traceback(&eg, tb);
    if let (Some(o), Value::Obj(n)) = (orig.as_obj(), &eg) {
        let ctx = crate::types::exceptions::get_context(o);
        let cause = crate::types::exceptions::get_cause(o);
        crate::types::exceptions::set_context(vm, &crate::error::PyErr(n.clone()), ctx);
        crate::types::exceptions::set_cause(vm, &crate::error::PyErr(n.clone()), cause);
    }
    let nk = vm.intern("__notes__");
    if let Ok(Some(notes)) = vm.get_attr_opt(orig, &nk) {
        if is_sequence(vm, &notes) {
            let items = vm.collect(&notes)?;
            let copy = vm.new_list(items);
            vm.set_attr(&eg, &nk, copy)?;
        }
    }
    Ok(eg)
}

fn split_rec(vm: &mut Vm, exc: &Value, m: &Matcher, construct_rest: bool, depth: usize) -> PyResult<(Value, Value)> {
    if depth > 1000 {
        return Err(vm.recursion_error(" in split"));
    }
    if matches(vm, exc, m)? {
        return Ok((exc.clone(), Value::None));
    }
    let beg = vm.exc.base_exception_group.clone();
    if !vm.is_instance(exc, &beg) {
        return Ok((Value::None, if construct_rest { exc.clone() } else { Value::None }));
    }
    let mut match_list = Vec::new();
    let mut rest_list = Vec::new();
    for e in group_exceptions(vm, exc) {
        let (mt, rs) = split_rec(vm, &e, m, construct_rest, depth + 1)?;
        if !mt.is_none() {
            match_list.push(mt);
        }
        if construct_rest && !rs.is_none() {
            rest_list.push(rs);
        }
    }
    let mt = subset(vm, exc, match_list)?;
    let rs = if construct_rest { subset(vm, exc, rest_list)? } else { Value::None };
    Ok((mt, rs))
}

fn eg_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "split", &args, 2, 2)?;
    let m = get_matcher(vm, &args.args[1])?;
    let (mt, rs) = split_rec(vm, &args.args[0], &m, true, 0)?;
    Ok(vm.new_tuple(vec![mt, rs]))
}

fn eg_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "subgroup", &args, 2, 2)?;
    let m = get_matcher(vm, &args.args[1])?;
    let (mt, _) = split_rec(vm, &args.args[0], &m, false, 0)?;
    Ok(mt)
}
