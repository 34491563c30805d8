//! Pattern-matching support for `match` (MATCH_CLASS, MATCH_KEYS, ...).
//! CPython: Python/ceval.c (`match_class`, `match_keys`).

use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// True if `v` is a mapping for `match` (dict subclass, or registered Mapping).
pub fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    let t = vm.type_of(v);
    if vm.is_subtype(&t, &vm.types.dict.clone()) || Rc::ptr_eq(&t, &vm.types.mappingproxy) {
        return true;
    }
    abc_registered(vm, v, "Mapping")
}

/// True if `v` is a sequence for `match` (list/tuple/range/memoryview, or a
/// registered Sequence; never str/bytes/bytearray).
pub fn is_sequence(vm: &mut Vm, v: &Value) -> bool {
    let t = vm.type_of(v);
    for no in [vm.types.str.clone(), vm.types.bytes.clone(), vm.types.bytearray.clone()] {
        if vm.is_subtype(&t, &no) {
            return false;
        }
    }
    for yes in [vm.types.list.clone(), vm.types.tuple.clone(), vm.types.range.clone(), vm.types.memoryview.clone()] {
        if vm.is_subtype(&t, &yes) {
            return true;
        }
    }
    abc_registered(vm, v, "Sequence")
}

fn abc_registered(vm: &mut Vm, v: &Value, abc: &str) -> bool {
    // Only consult collections.abc if it is already imported (as CPython's
    // flags effectively do for registered classes).
    let key = vm.intern("collections.abc");
    let Some(m) = crate::types::dict::dict_get_str(&vm.modules.clone(), &key) else { return false };
    let Ok(cls) = vm.get_attr_str(&m, abc) else { return false };
    let Some(c) = cls.as_obj().cloned() else { return false };
    let t = vm.type_of(v);
    if vm.is_subtype(&t, &c) {
        return true;
    }
    let isc = vm.get_attr_str(&cls, "__instancecheck__");
    match isc {
        Ok(f) => vm.call(&f, &[v.clone()], &[]).and_then(|r| vm.is_true(&r)).unwrap_or(false),
        Err(_) => false,
    }
}

/// `MATCH_KEYS`: a tuple of the values for `keys`, or None if any is missing.
pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = vm.collect(keys)?;
    if keys.is_empty() {
        return Ok(vm.new_tuple(vec![]));
    }
    let get = vm.get_attr_str(subject, "get")?;
    let dummy = Value::Obj(crate::object::PyObject::new(vm.types.object.clone(), Payload::None));
    let mut out = Vec::new();
    let mut seen: Vec<Value> = Vec::new();
    for k in keys {
        for s in &seen {
            if vm.eq(s, &k)? {
                let r = vm.repr_string(&k)?;
                return Err(vm.value_error(format!("mapping pattern checks duplicate key ({})", r)));
            }
        }
        seen.push(k.clone());
        let v = vm.call(&get, &[k, dummy.clone()], &[])?;
        if v.is(&dummy) {
            return Ok(Value::None);
        }
        out.push(v);
    }
    Ok(vm.new_tuple(out))
}

/// `MATCH_CLASS`: the tuple of matched attributes, or None.
pub fn match_class(vm: &mut Vm, subject: &Value, cls: &Value, nargs: usize, names: &Value) -> PyResult<Value> {
    let Some(c) = cls.as_obj().filter(|o| o.as_type().is_some()).cloned() else {
        return Err(vm.type_error("called match pattern must be a type"));
    };
    if !vm.is_instance(subject, &c) {
        // isinstance() with __instancecheck__ for ABCs.
        let ic = vm.names.__instancecheck__.clone();
        let r = match vm.call_special(cls, &ic, std::slice::from_ref(subject))? {
            Some(r) => vm.is_true(&r)?,
            None => false,
        };
        if !r {
            return Ok(Value::None);
        }
    }
    let kw_names = vm.collect(names)?;
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if nargs > 0 {
        let ma = vm.names.__match_args__.clone();
        let match_args = vm.get_attr_opt(cls, &ma)?;
        let self_match = {
            let t = &vm.types;
            [&t.bool, &t.bytearray, &t.bytes, &t.dict, &t.float, &t.frozenset, &t.int, &t.list, &t.set, &t.str, &t.tuple]
                .iter()
                .any(|b| vm.is_subtype(&c, b))
        };
        match match_args {
            Some(ma_v) => {
                if !matches!(ma_v.as_obj().map(|o| &o.payload), Some(Payload::Tuple(_))) {
                    return Err(vm.type_error(format!("{}.__match_args__ must be a tuple (got {})", c.as_type().map(|t| t.name()).unwrap_or_default(), vm.type_name(&ma_v))));
                }
                let items = vm.collect(&ma_v)?;
                if nargs > items.len() {
                    return Err(vm.type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        c.as_type().map(|t| t.name()).unwrap_or_default(),
                        items.len(),
                        if items.len() == 1 { "" } else { "s" },
                        nargs
                    )));
                }
                for name in items.into_iter().take(nargs) {
                    let Some(no) = name.as_obj().filter(|o| o.as_str().is_some()).cloned() else {
                        return Err(vm.type_error(format!("__match_args__ elements must be strings (got {})", vm.type_name(&name))));
                    };
                    let s = no.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
                    seen.push(s);
                    let no = vm.intern_obj(&no);
                    match vm.get_attr_opt(subject, &no)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
            None if self_match => {
                if nargs > 1 {
                    return Err(vm.type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({} given)",
                        c.as_type().map(|t| t.name()).unwrap_or_default(),
                        nargs
                    )));
                }
                out.push(subject.clone());
            }
            None => {
                return Err(vm.type_error(format!(
                    "{}() accepts 0 positional sub-patterns ({} given)",
                    c.as_type().map(|t| t.name()).unwrap_or_default(),
                    nargs
                )))
            }
        }
    }
    for name in kw_names {
        let Some(no) = name.as_obj().cloned() else { continue };
        let s = no.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        if seen.contains(&s) {
            return Err(vm.type_error(format!(
                "{}() got multiple sub-patterns for attribute '{}'",
                c.as_type().map(|t| t.name()).unwrap_or_default(),
                s
            )));
        }
        seen.push(s);
        let no = vm.intern_obj(&no);
        match vm.get_attr_opt(subject, &no)? {
            Some(v) => out.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(vm.new_tuple(out))
}
