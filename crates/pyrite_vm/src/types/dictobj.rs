//! The dict type's methods and its views; CPython: Objects/dictobject.c.
//! (The hash table itself is in `dict.rs`.)
//!
//! Registration table (`init`): dict: `__new__`, `__init__`, fromkeys
//! (classmethod), get, setdefault, pop, popitem, keys, values, items, update,
//! copy, clear, `__getitem__` (with `__missing__` for subclasses), `__setitem__`,
//! `__delitem__`, `__contains__`, `__iter__`, `__len__`, `__eq__`, `__ne__`,
//! `__or__`, `__ror__`, `__ior__`, `__reversed__`, `__repr__`, `__sizeof__`,
//! `__class_getitem__`, `__hash__` = None.
//! dict_keys / dict_values / dict_items: `__len__`, `__iter__`, `__reversed__`,
//! `__contains__`, `__repr__`; keys and items also `__eq__` `__ne__` `__lt__`
//! `__le__` `__gt__` `__ge__`, `__and__` `__or__` `__sub__` `__xor__` (and
//! reflected), isdisjoint, `__hash__` = None.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::function::{Args, NativeFn};
use crate::types::iter::DictIterKind;
use crate::types::list::{check_method_args, repr_enter, repr_leave};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::CompareOp;
use std::cell::RefCell;
use std::rc::Rc;

/// Registers dict's and the views' methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.dict.clone();
    vm.add_staticmethods(&t, &[("__new__", dict_new)]);
    vm.add_classmethods(&t, &[("fromkeys", dict_fromkeys), ("__class_getitem__", crate::types::list::class_getitem)]);
    vm.add_methods(
        &t,
        &[
            ("__init__", dict_init),
            ("get", dict_get),
            ("setdefault", dict_setdefault),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("update", dict_update_m),
            ("copy", dict_copy),
            ("clear", dict_clear),
            ("__getitem__", dict_getitem),
            ("__setitem__", dict_setitem),
            ("__delitem__", dict_delitem),
            ("__contains__", dict_contains),
            ("__iter__", dict_iter),
            ("__len__", dict_len),
            ("__eq__", dict_eq),
            ("__ne__", dict_ne),
            ("__or__", dict_or),
            ("__ror__", dict_ror),
            ("__ior__", dict_ior),
            ("__reversed__", dict_reversed),
            ("__repr__", dict_repr),
            ("__sizeof__", dict_sizeof),
        ],
    );
    vm.type_set_attr_raw(&t, "__hash__", Value::None);
    let common: &[(&'static str, NativeFn)] = &[
        ("__len__", view_len),
        ("__iter__", view_iter),
        ("__reversed__", view_reversed),
        ("__contains__", view_contains),
        ("__repr__", view_repr),
    ];
    let setlike: &[(&'static str, NativeFn)] = &[
        ("__eq__", view_eq),
        ("__ne__", view_ne),
        ("__lt__", view_lt),
        ("__le__", view_le),
        ("__gt__", view_gt),
        ("__ge__", view_ge),
        ("__and__", view_and),
        ("__or__", view_or),
        ("__sub__", view_sub),
        ("__xor__", view_xor),
        ("__rand__", view_rand),
        ("__ror__", view_ror),
        ("__rsub__", view_rsub),
        ("__rxor__", view_rxor),
        ("isdisjoint", view_isdisjoint),
    ];
    for ty in [vm.types.dict_keys.clone(), vm.types.dict_values.clone(), vm.types.dict_items.clone()] {
        vm.add_methods(&ty, common);
        vm.add_getsets(&ty, &[crate::types::descr::GetSetDef { name: "mapping", get: view_mapping, set: None }]);
    }
    for ty in [vm.types.dict_keys.clone(), vm.types.dict_items.clone()] {
        vm.add_methods(&ty, setlike);
        vm.type_set_attr_raw(&ty, "__hash__", Value::None);
    }
}

fn this<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a PyRef> {
    match args.args.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Dict(_)) => Ok(o),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{}' for 'dict' objects doesn't apply to a '{}' object",
            name,
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(format!("descriptor '{}' of 'dict' object needs an argument", name))),
    }
}

fn data(d: &PyRef) -> Option<&RefCell<crate::types::dict::DictData>> {
    match &d.payload {
        Payload::Dict(dd) => Some(dd),
        _ => None,
    }
}

fn dict_len_of(d: &PyRef) -> usize {
    data(d).map(|x| x.borrow().len()).unwrap_or(0)
}

/// True if `v` is a dict whose iteration is the builtin one (merge fast path).
fn is_plain_dict(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => {
            if Rc::ptr_eq(o.class(), &vm.types.dict) {
                return true;
            }
            let iter_name = vm.names.__iter__.clone();
            let keys_name = vm.names.keys.clone();
            let base_iter = crate::types::typeobj::lookup(&vm.types.dict, &iter_name);
            let base_keys = crate::types::typeobj::lookup(&vm.types.dict, &keys_name);
            let same = |a: Option<Value>, b: Option<Value>| matches!((a, b), (Some(x), Some(y)) if x.is(&y));
            same(crate::types::typeobj::lookup(o.class(), &iter_name), base_iter)
                && same(crate::types::typeobj::lookup(o.class(), &keys_name), base_keys)
        }
        _ => false,
    }
}

/// `d.update(other)` for one positional argument (CPython's `dict_update_arg`).
pub fn update_from(vm: &mut Vm, d: &PyRef, other: &Value) -> PyResult<()> {
    if is_plain_dict(vm, other) {
        let items = match other.as_obj() {
            Some(o) => vm.dict_items(o),
            None => Vec::new(),
        };
        for (k, v) in items {
            vm.dict_set_item(d, k, v)?;
        }
        return Ok(());
    }
    let keys_name = vm.names.keys.clone();
    if let Some(kf) = vm.get_attr_opt(other, &keys_name)? {
        let keys = vm.call(&kf, &[], &[])?;
        let it = vm.iter(&keys)?;
        while let Some(k) = vm.next(&it)? {
            let v = vm.get_item(other, &k)?;
            vm.dict_set_item(d, k, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = match crate::types::list::collect_iterable(vm, &item) {
            Ok(p) => p,
            Err(e) => {
                if vm.err_matches(&e, &vm.exc.type_error.clone()) {
                    let n = vm.names.__iter__.clone();
                    let g = vm.names.__getitem__.clone();
                    if vm.lookup_special(&item, &n).is_none() && vm.lookup_special(&item, &g).is_none() {
                        return Err(vm.type_error(format!(
                            "cannot convert dictionary update sequence element #{} to a sequence",
                            i
                        )));
                    }
                }
                return Err(e);
            }
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            vm.dict_set_item(d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn update_common(vm: &mut Vm, args: &Args, name: &str) -> PyResult<()> {
    let d = this(vm, args, name)?;
    let rest = &args.args[1..];
    if rest.len() > 1 {
        return Err(vm.type_error(format!("{} expected at most 1 argument, got {}", if name == "__init__" { "dict" } else { name }, rest.len())));
    }
    if let Some(o) = rest.first() {
        update_from(vm, d, o)?;
    }
    for (k, v) in args.kwargs {
        vm.dict_set_item(d, Value::Obj(k.clone()), v.clone())?;
    }
    Ok(())
}

fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.args.first() else {
        return Err(vm.type_error("dict.__new__(X): X is not a type object"));
    };
    if cls.as_type().is_none() {
        return Err(vm.type_error("dict.__new__(X): X is not a type object"));
    }
    let cls = cls.clone();
    if Rc::ptr_eq(&cls, &vm.types.dict) {
        return Ok(Value::Obj(vm.new_dict()));
    }
    Ok(Value::Obj(crate::protocol::objecttype::new_instance(
        vm,
        &cls,
        Payload::Dict(RefCell::new(crate::types::dict::DictData::new())),
    )))
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    update_common(vm, &args, "__init__")?;
    Ok(Value::None)
}

fn dict_update_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    update_common(vm, &args, "update")?;
    Ok(Value::None)
}

fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = &args.args[1..];
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("dict.fromkeys() takes no keyword arguments"));
    }
    if rest.is_empty() || rest.len() > 2 {
        return Err(vm.type_error(format!(
            "fromkeys expected {} 2 arguments, got {}",
            if rest.is_empty() { "at least 1 argument," } else { "at most" },
            rest.len()
        )
        .replace("at least 1 argument, 2 arguments", "at least 1 argument")));
    }
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let d = vm.call(&args.args[0], &[], &[])?;
    let exact = matches!(&d, Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.dict));
    let it = vm.iter(&rest[0])?;
    while let Some(k) = vm.next(&it)? {
        if exact {
            if let Value::Obj(o) = &d {
                vm.dict_set_item(o, k, value.clone())?;
            }
        } else {
            vm.set_item(&d, &k, value.clone())?;
        }
    }
    Ok(d)
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "get")?;
    let a = check_method_args(vm, &args, "get", 1, 2)?;
    Ok(vm.dict_get_item(d, &a[0])?.unwrap_or_else(|| a.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "setdefault")?;
    let a = check_method_args(vm, &args, "setdefault", 1, 2)?;
    let v = a.get(1).cloned().unwrap_or(Value::None);
    vm.dict_setdefault_item(d, &a[0], v)
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "pop")?;
    let a = check_method_args(vm, &args, "pop", 1, 2)?;
    match vm.dict_pop_item(d, &a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(def) => Ok(def.clone()),
            None => Err(vm.key_error(a[0].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "popitem")?;
    check_method_args(vm, &args, "dict.popitem", 0, 0)?;
    let e = data(d).and_then(|x| x.borrow_mut().pop_last());
    match e {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => {
            let m = vm.new_str("popitem(): dictionary is empty");
            Err(vm.key_error(m))
        }
    }
}

fn new_view(vm: &mut Vm, d: &PyRef, kind: DictIterKind) -> Value {
    let cls = match kind {
        DictIterKind::Keys => vm.types.dict_keys.clone(),
        DictIterKind::Values => vm.types.dict_values.clone(),
        DictIterKind::Items => vm.types.dict_items.clone(),
    };
    Value::Obj(PyObject::new(cls, Payload::Cell(RefCell::new(Value::Obj(d.clone())))))
}

fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "keys")?;
    check_method_args(vm, &args, "dict.keys", 0, 0)?;
    Ok(new_view(vm, d, DictIterKind::Keys))
}

fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "values")?;
    check_method_args(vm, &args, "dict.values", 0, 0)?;
    Ok(new_view(vm, d, DictIterKind::Values))
}

fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "items")?;
    check_method_args(vm, &args, "dict.items", 0, 0)?;
    Ok(new_view(vm, d, DictIterKind::Items))
}

/// A copy of a dict's table as a new exact dict.
pub fn copy_dict(vm: &mut Vm, d: &PyRef) -> PyRef {
    let table = data(d).map(|x| x.borrow().clone()).unwrap_or_default();
    vm.new_dict_from(table)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "copy")?;
    check_method_args(vm, &args, "dict.copy", 0, 0)?;
    Ok(Value::Obj(copy_dict(vm, d)))
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "clear")?;
    check_method_args(vm, &args, "dict.clear", 0, 0)?;
    if let Some(x) = data(d) {
        // The new empty table has fresh version tags.
        let old = std::mem::take(&mut *x.borrow_mut());
        drop(old);
    }
    Ok(Value::None)
}

fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__getitem__")?;
    let a = check_method_args(vm, &args, "dict.__getitem__", 1, 1)?;
    if let Some(v) = vm.dict_get_item(d, &a[0])? {
        return Ok(v);
    }
    if !Rc::ptr_eq(d.class(), &vm.types.dict) {
        let m = vm.names.__missing__.clone();
        if let Some(r) = vm.call_special(&args.args[0], &m, std::slice::from_ref(&a[0]))? {
            return Ok(r);
        }
    }
    Err(vm.key_error(a[0].clone()))
}

fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__setitem__")?;
    let a = check_method_args(vm, &args, "dict.__setitem__", 2, 2)?;
    vm.dict_set_item(d, a[0].clone(), a[1].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__delitem__")?;
    let a = check_method_args(vm, &args, "dict.__delitem__", 1, 1)?;
    if !vm.dict_del_item_opt(d, &a[0])? {
        return Err(vm.key_error(a[0].clone()));
    }
    Ok(Value::None)
}

fn dict_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__contains__")?;
    let a = check_method_args(vm, &args, "dict.__contains__", 1, 1)?;
    Ok(Value::Bool(vm.dict_get_item(d, &a[0])?.is_some()))
}

fn dict_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__iter__")?.clone();
    Ok(crate::types::iter::new_dict_iter(vm, &d, DictIterKind::Keys, false))
}

fn dict_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__reversed__")?.clone();
    Ok(crate::types::iter::new_dict_iter(vm, &d, DictIterKind::Keys, true))
}

fn dict_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__len__")?;
    Ok(Value::Int(dict_len_of(d) as i64))
}

/// `a == b` for two dicts (CPython's `dict_equal`).
pub fn dicts_equal(vm: &mut Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    if dict_len_of(a) != dict_len_of(b) {
        return Ok(false);
    }
    for (k, v) in vm.dict_items(a) {
        match vm.dict_get_item(b, &k)? {
            None => return Ok(false),
            Some(bv) => {
                if !vm.eq(&v, &bv)? {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

fn dict_cmp(vm: &mut Vm, args: Args, eq: bool) -> PyResult<Value> {
    let d = this(vm, &args, "__eq__")?;
    let a = check_method_args(vm, &args, "dict.__eq__", 1, 1)?;
    let Value::Obj(o) = &a[0] else { return Ok(vm.not_implemented()) };
    if !matches!(o.payload, Payload::Dict(_)) {
        return Ok(vm.not_implemented());
    }
    let r = dicts_equal(vm, d, o)?;
    Ok(Value::Bool(r == eq))
}

fn dict_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dict_cmp(vm, a, true)
}
fn dict_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dict_cmp(vm, a, false)
}

fn dict_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__or__")?;
    let a = check_method_args(vm, &args, "dict.__or__", 1, 1)?;
    if !matches!(a[0].as_obj().map(|o| &o.payload), Some(Payload::Dict(_))) {
        return Ok(vm.not_implemented());
    }
    let r = copy_dict_typed(vm, d)?;
    if let Value::Obj(ro) = &r {
        update_from(vm, ro, &a[0])?;
    }
    Ok(r)
}

/// `type(d)(d)` as CPython's `dict_or` does (`PyDict_Copy` for exact dicts).
fn copy_dict_typed(vm: &mut Vm, d: &PyRef) -> PyResult<Value> {
    if Rc::ptr_eq(d.class(), &vm.types.dict) {
        return Ok(Value::Obj(copy_dict(vm, d)));
    }
    let r = copy_dict(vm, d);
    Ok(Value::Obj(r))
}

fn dict_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__ror__")?.clone();
    let a = check_method_args(vm, &args, "dict.__ror__", 1, 1)?;
    let Some(o) = a[0].as_obj().filter(|o| matches!(o.payload, Payload::Dict(_))) else {
        return Ok(vm.not_implemented());
    };
    let o = o.clone();
    let r = copy_dict_typed(vm, &o)?;
    if let Value::Obj(ro) = &r {
        update_from(vm, ro, &Value::Obj(d))?;
    }
    Ok(r)
}

fn dict_ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__ior__")?;
    let a = check_method_args(vm, &args, "dict.__ior__", 1, 1)?;
    update_from(vm, d, &a[0])?;
    Ok(args.args[0].clone())
}

fn dict_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__repr__")?;
    if dict_len_of(d) == 0 {
        return Ok(vm.new_str("{}"));
    }
    if !repr_enter(d) {
        return Ok(vm.new_str("{...}"));
    }
    let mut out = vec![b'{'];
    let r = (|| -> PyResult<()> {
        let items = vm.dict_items(d);
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            let kr = vm.repr(k)?;
            if let Some(s) = kr.as_str() {
                out.extend_from_slice(s.as_wtf8());
            }
            out.extend_from_slice(b": ");
            let vr = vm.repr(v)?;
            if let Some(s) = vr.as_str() {
                out.extend_from_slice(s.as_wtf8());
            }
        }
        Ok(())
    })();
    repr_leave(d);
    r?;
    out.push(b'}');
    Ok(crate::types::list::str_from_bytes(vm, out))
}

fn dict_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(vm, &args, "__sizeof__")?;
    let n = data(d).map(|x| x.borrow().entries_len()).unwrap_or(0);
    Ok(Value::Int(48 + 24 * n as i64))
}

// ----- views ---------------------------------------------------------------------

fn view_parts(vm: &Vm, v: &Value) -> Option<(PyRef, DictIterKind)> {
    let Value::Obj(o) = v else { return None };
    let Payload::Cell(c) = &o.payload else { return None };
    let cls = o.class();
    let kind = if Rc::ptr_eq(cls, &vm.types.dict_keys) {
        DictIterKind::Keys
    } else if Rc::ptr_eq(cls, &vm.types.dict_values) {
        DictIterKind::Values
    } else if Rc::ptr_eq(cls, &vm.types.dict_items) {
        DictIterKind::Items
    } else {
        return None;
    };
    let d = match &*c.borrow() {
        Value::Obj(d) if matches!(d.payload, Payload::Dict(_)) => d.clone(),
        _ => return None,
    };
    Some((d, kind))
}

fn view_this(vm: &mut Vm, args: &Args) -> PyResult<(PyRef, DictIterKind)> {
    match args.args.first().and_then(|v| view_parts(vm, v)) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor requires a dict view")),
    }
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = view_this(vm, &args)?;
    Ok(Value::Int(dict_len_of(&d) as i64))
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, k) = view_this(vm, &args)?;
    Ok(crate::types::iter::new_dict_iter(vm, &d, k, false))
}

fn view_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, k) = view_this(vm, &args)?;
    Ok(crate::types::iter::new_dict_iter(vm, &d, k, true))
}

fn view_contains_value(vm: &mut Vm, d: &PyRef, kind: DictIterKind, x: &Value) -> PyResult<bool> {
    match kind {
        DictIterKind::Keys => Ok(vm.dict_get_item(d, x)?.is_some()),
        DictIterKind::Items => {
            let Some(t) = crate::types::tuple::tuple_items(x) else { return Ok(false) };
            if t.len() != 2 {
                return Ok(false);
            }
            let (k, v) = (t[0].clone(), t[1].clone());
            match vm.dict_get_item(d, &k)? {
                Some(found) => vm.eq(&found, &v),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            for (_, v) in vm.dict_items(d) {
                if vm.eq(&v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, k) = view_this(vm, &args)?;
    let a = check_method_args(vm, &args, "__contains__", 1, 1)?;
    Ok(Value::Bool(view_contains_value(vm, &d, k, &a[0])?))
}

fn view_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, k) = view_this(vm, &args)?;
    let Value::Obj(me) = &args.args[0] else { return Ok(Value::None) };
    let name = vm.type_name(&args.args[0]);
    if !repr_enter(me) {
        return Ok(vm.new_str("..."));
    }
    let items: Vec<Value> = {
        let pairs = vm.dict_items(&d);
        match k {
            DictIterKind::Keys => pairs.into_iter().map(|p| p.0).collect(),
            DictIterKind::Values => pairs.into_iter().map(|p| p.1).collect(),
            DictIterKind::Items => pairs.into_iter().map(|(a, b)| vm.new_tuple(vec![a, b])).collect(),
        }
    };
    let mut out = Vec::new();
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"([");
    let r = crate::types::list::join_reprs(vm, &items, &mut out);
    repr_leave(me);
    r?;
    out.extend_from_slice(b"])");
    Ok(crate::types::list::str_from_bytes(vm, out))
}

fn is_setlike(vm: &Vm, v: &Value) -> bool {
    crate::types::setobj::is_anyset(v) || matches!(view_parts(vm, v), Some((_, k)) if k != DictIterKind::Values)
}

fn size_of(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    vm.len(v)
}

/// Every item of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_cmp(vm: &mut Vm, args: Args, op: CompareOp) -> PyResult<Value> {
    view_this(vm, &args)?;
    let a = check_method_args(vm, &args, "__eq__", 1, 1)?;
    let me = args.args[0].clone();
    let other = a[0].clone();
    if !is_setlike(vm, &other) {
        return Ok(vm.not_implemented());
    }
    let l1 = size_of(vm, &me)?;
    let l2 = size_of(vm, &other)?;
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = l1 == l2 && all_contained_in(vm, &me, &other)?;
            eq == matches!(op, CompareOp::Eq)
        }
        CompareOp::Lt => l1 < l2 && all_contained_in(vm, &me, &other)?,
        CompareOp::Le => l1 <= l2 && all_contained_in(vm, &me, &other)?,
        CompareOp::Gt => l1 > l2 && all_contained_in(vm, &other, &me)?,
        CompareOp::Ge => l1 >= l2 && all_contained_in(vm, &other, &me)?,
    };
    Ok(Value::Bool(r))
}

fn view_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_cmp(vm, a, CompareOp::Eq)
}
fn view_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_cmp(vm, a, CompareOp::Ne)
}
fn view_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_cmp(vm, a, CompareOp::Lt)
}
fn view_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_cmp(vm, a, CompareOp::Le)
}
fn view_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_cmp(vm, a, CompareOp::Gt)
}
fn view_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_cmp(vm, a, CompareOp::Ge)
}

/// `set(x)` for a view or any iterable.
fn to_set(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    if let Some((d, DictIterKind::Keys)) = view_parts(vm, x) {
        return Ok(Value::Obj(crate::types::setobj::from_iterable(vm, &Value::Obj(d), false)?));
    }
    Ok(Value::Obj(crate::types::setobj::from_iterable(vm, x, false)?))
}

/// `a & b` where one side is a keys/items view (CPython's `_PyDictView_Intersect`).
fn intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut s, mut o) = if view_parts(vm, a).is_some() { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
    let len_s = size_of(vm, &s)?;
    if let Value::Obj(oo) = &o {
        if Rc::ptr_eq(oo.class(), &vm.types.set) {
            let lo = size_of(vm, &o)?;
            if len_s <= lo {
                return vm.call_method(&o, "intersection", &[s]);
            }
        }
    }
    if matches!(view_parts(vm, &o), Some((_, k)) if k != DictIterKind::Values) {
        let lo = size_of(vm, &o)?;
        if lo > len_s {
            std::mem::swap(&mut s, &mut o);
        }
    }
    let Some((d, kind)) = view_parts(vm, &s) else { return Ok(vm.not_implemented()) };
    let result = Value::Obj(crate::types::setobj::new_empty(vm, false));
    let it = vm.iter(&o)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains_value(vm, &d, kind, &x)? {
            if let Some(c) = crate::types::set::set_cell(&result) {
                crate::types::set::add_key(vm, c, x)?;
            }
        }
    }
    Ok(result)
}

fn view_binop(vm: &mut Vm, args: Args, which: u8, reflected: bool) -> PyResult<Value> {
    view_this(vm, &args)?;
    let a = check_method_args(vm, &args, "__and__", 1, 1)?;
    let (x, y) = if reflected { (a[0].clone(), args.args[0].clone()) } else { (args.args[0].clone(), a[0].clone()) };
    if which == 1 {
        return intersect(vm, &x, &y);
    }
    let n = vm.names.__iter__.clone();
    if vm.lookup_special(&y, &n).is_none() || vm.lookup_special(&x, &n).is_none() {
        return Ok(vm.not_implemented());
    }
    let r = to_set(vm, &x)?;
    let method = match which {
        0 => "update",
        2 => "difference_update",
        _ => "symmetric_difference_update",
    };
    vm.call_method(&r, method, &[y])?;
    Ok(r)
}

fn view_or(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_binop(vm, a, 0, false)
}
fn view_and(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_binop(vm, a, 1, false)
}
fn view_sub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_binop(vm, a, 2, false)
}
fn view_xor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_binop(vm, a, 3, false)
}
fn view_ror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_binop(vm, a, 0, true)
}
fn view_rand(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_binop(vm, a, 1, true)
}
fn view_rsub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_binop(vm, a, 2, true)
}
fn view_rxor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_binop(vm, a, 3, true)
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, kind) = view_this(vm, &args)?;
    let a = check_method_args(vm, &args, "isdisjoint", 1, 1)?;
    let other = a[0].clone();
    if args.args[0].is(&other) {
        return Ok(Value::Bool(dict_len_of(&d) == 0));
    }
    let len_s = dict_len_of(&d);
    if is_setlike(vm, &other) && size_of(vm, &other)? > len_s {
        let me = args.args[0].clone();
        let it = vm.iter(&me)?;
        while let Some(x) = vm.next(&it)? {
            if vm.contains(&other, &x)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains_value(vm, &d, kind, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn view_mapping(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match view_parts(vm, v) {
        Some((d, _)) => Ok(crate::types::mappingproxy::new_proxy(vm, Value::Obj(d))),
        None => Err(vm.type_error("descriptor 'mapping' requires a dict view")),
    }
}
