//! The `builtins` module's functions; CPython: Python/bltinmodule.c.
//! Builtin *types* (`int`, `list` ...) are registered by their own files.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::dict::dict_set_str;
use crate::types::function::{Args, NativeFn};
use crate::value::Value;
use crate::vm::Vm;

/// Registers builtin functions and types in the `builtins` module.
pub fn init(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", builtin_print),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("__import__", builtin_import),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("format", builtin_format),
        ("ascii", builtin_ascii),
        ("id", builtin_id),
        ("hash", builtin_hash),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("getattr", builtin_getattr),
        ("setattr", builtin_setattr),
        ("hasattr", builtin_hasattr),
        ("delattr", builtin_delattr),
        ("callable", builtin_callable),
    ];
    let bd = vm.builtins_dict.clone();
    for &(name, f) in fns {
        let v = vm.new_builtin(name, f);
        let k = vm.intern(name);
        dict_set_str(&bd, &k, v);
    }
    let t = &vm.types;
    let types: Vec<(&str, PyRef)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool.clone()),
        ("float", t.float.clone()),
        ("complex", t.complex.clone()),
        ("str", t.str.clone()),
        ("bytes", t.bytes.clone()),
        ("bytearray", t.bytearray.clone()),
        ("list", t.list.clone()),
        ("tuple", t.tuple.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("range", t.range.clone()),
        ("slice", t.slice.clone()),
        ("property", t.property.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("classmethod", t.classmethod.clone()),
        ("super", t.super_.clone()),
        ("memoryview", t.memoryview.clone()),
    ];
    for (name, ty) in types {
        let k = vm.intern(name);
        dict_set_str(&bd, &k, Value::Obj(ty));
    }
    let consts = [
        ("None", Value::None),
        ("True", Value::Bool(true)),
        ("False", Value::Bool(false)),
        ("Ellipsis", Value::Obj(vm.none_singletons.ellipsis.clone())),
        ("NotImplemented", Value::Obj(vm.none_singletons.not_implemented.clone())),
        ("__debug__", Value::Bool(vm.config.optimize == 0)),
    ];
    for (name, v) in consts {
        let k = vm.intern(name);
        dict_set_str(&bd, &k, v);
    }
    crate::types::exceptions::register_builtins(vm);
}

/// Parses keyword arguments of a builtin against allowed names; returns the
/// value for each name (None when absent). Raises TypeError for unknown ones.
pub fn kwargs_of(vm: &mut Vm, fname: &str, kwargs: &[(PyRef, Value)], names: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let mut out = vec![None; names.len()];
    for (k, v) in kwargs {
        let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        match names.iter().position(|n| *n == ks) {
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(vm.type_error(format!("{}() got an unexpected keyword argument '{}'", fname, ks)))
            }
        }
    }
    Ok(out)
}

/// Raises TypeError unless the call has between `min` and `max` positional
/// arguments and no keywords (CPython's messages for builtins).
pub fn check_args(vm: &mut Vm, fname: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", fname)));
    }
    let n = args.args.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("{}() takes no arguments ({} given)", fname, n)
            } else if min == 1 {
                format!("{}() takes exactly one argument ({} given)", fname, n)
            } else {
                format!("{} expected {} arguments, got {}", fname, min, n)
            }
        } else if n < min {
            format!("{} expected at least {} argument{}, got {}", fname, min, if min == 1 { "" } else { "s" }, n)
        } else {
            format!("{} expected at most {} argument{}, got {}", fname, max, if max == 1 { "" } else { "s" }, n)
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn builtin_print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for (k, _) in args.kwargs {
        let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        if !matches!(ks.as_str(), "sep" | "end" | "file" | "flush") {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for print()", ks)));
        }
    }
    let kw = kwargs_of(vm, "print", args.kwargs, &["sep", "end", "file", "flush"])?;
    let sep = match &kw[0] {
        Some(Value::None) | None => " ".to_string(),
        Some(v) if v.as_obj().and_then(|o| o.as_str()).is_some() => vm.str_string(v)?,
        Some(v) => return Err(vm.type_error(format!("sep must be None or a string, not {}", vm.type_name(v)))),
    };
    let end = match &kw[1] {
        Some(Value::None) | None => "\n".to_string(),
        Some(v) if v.as_obj().and_then(|o| o.as_str()).is_some() => vm.str_string(v)?,
        Some(v) => return Err(vm.type_error(format!("end must be None or a string, not {}", vm.type_name(v)))),
    };
    let file = match &kw[2] {
        Some(Value::None) | None => {
            let k = vm.names.stdout.clone();
            let sd = vm.sys_dict.clone();
            match crate::types::dict::dict_get_str(&sd, &k) {
                Some(f) => f,
                None => return Err(vm.runtime_error("lost sys.stdout")),
            }
        }
        Some(f) => f.clone(),
    };
    if file.is_none() {
        return Ok(Value::None);
    }
    let write = vm.get_attr_str(&file, "write")?;
    for (i, a) in args.args.iter().enumerate() {
        if i > 0 {
            let s = vm.new_str(&sep);
            vm.call(&write, &[s], &[])?;
        }
        let s = vm.str(a)?;
        vm.call(&write, &[Value::Obj(s)], &[])?;
    }
    let e = vm.new_str(&end);
    vm.call(&write, &[e], &[])?;
    if let Some(fl) = &kw[3] {
        if vm.is_true(fl)? {
            vm.call_method(&file, "flush", &[])?;
        }
    }
    Ok(Value::None)
}

fn builtin_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "len", &args, 1, 1)?;
    let n = vm.len(&args.args[0])?;
    Ok(Value::Int(n as i64))
}

fn builtin_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "repr", &args, 1, 1)?;
    Ok(Value::Obj(vm.repr(&args.args[0])?))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = kwargs_of(vm, "__import__", args.kwargs, &["name", "globals", "locals", "fromlist", "level"])?;
    let get = |i: usize| args.args.get(i).cloned().or_else(|| kw[i].clone());
    let name = get(0).ok_or_else(|| vm.type_error("__import__() missing required argument 'name' (pos 1)"))?;
    let globals = get(1).unwrap_or(Value::None);
    let fromlist = get(3).unwrap_or(Value::None);
    let level = match get(4) {
        Some(Value::Int(i)) => i,
        Some(_) | None => 0,
    };
    let n = match name.as_obj().and_then(|o| o.as_str()) {
        Some(s) => s.as_str_lossy().into_owned(),
        None => return Err(vm.type_error(format!("__import__() argument 1 must be str, not {}", vm.type_name(&name)))),
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    crate::import::import_module_level(vm, &n, &globals, &fromlist, level)
}

fn builtin_isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "isinstance", &args, 2, 2)?;
    Ok(Value::Bool(crate::protocol::isinstance(vm, &args.args[0], &args.args[1])?))
}

fn builtin_issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "issubclass", &args, 2, 2)?;
    Ok(Value::Bool(crate::protocol::issubclass(vm, &args.args[0], &args.args[1])?))
}

/// `format(v, spec)` via `type(v).__format__`.
pub fn format(vm: &mut Vm, v: &Value, spec: &Value) -> PyResult<Value> {
    // Exact builtin types (whose `__format__` cannot be replaced) with an
    // empty spec format as `str()`; an exact str formats without dispatch.
    if let Some(sp) = spec.as_obj().and_then(|o| o.as_str()) {
        match v {
            Value::Int(_) | Value::Float(_) if sp.is_empty() => return vm.str(v).map(Value::Obj),
            Value::Obj(o) if std::rc::Rc::ptr_eq(o.class(), &vm.types.str) => {
                if sp.is_empty() {
                    return Ok(v.clone());
                }
                let spec_s = sp.as_str_lossy().into_owned();
                return crate::types::strformat::format_str_spec(vm, v, &spec_s);
            }
            _ => {}
        }
    }
    let name = vm.names.__format__.clone();
    let r = vm.call_special(v, &name, std::slice::from_ref(spec))?.unwrap_or(Value::None);
    match &r {
        Value::Obj(o) if o.as_str().is_some() => Ok(r),
        _ => Err(vm.type_error(format!("__format__ must return a str, not {}", vm.type_name(&r)))),
    }
}

fn builtin_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "format", &args, 1, 2)?;
    let spec = args.args.get(1).cloned().unwrap_or_else(|| Value::Obj(vm.none_singletons.empty_str.clone()));
    if spec.as_obj().and_then(|o| o.as_str()).is_none() {
        return Err(vm.type_error(format!("format() argument 2 must be str, not {}", vm.type_name(&spec))));
    }
    format(vm, &args.args[0], &spec)
}

/// `ascii(v)`: repr with non-ASCII characters escaped.
pub fn ascii_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = vm.repr(v)?;
    let s = r.as_str().ok_or_else(|| vm.system_error("repr is not str"))?;
    if s.is_ascii() {
        return Ok(Value::Obj(r.clone()));
    }
    let mut out = String::new();
    for c in s.code_points() {
        if c < 128 {
            out.push(c as u8 as char);
        } else if c < 0x100 {
            out.push_str(&format!("\\x{:02x}", c));
        } else if c < 0x10000 {
            out.push_str(&format!("\\u{:04x}", c));
        } else {
            out.push_str(&format!("\\U{:08x}", c));
        }
    }
    Ok(vm.new_str(&out))
}

fn builtin_ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "ascii", &args, 1, 1)?;
    ascii_of(vm, &args.args[0])
}

fn builtin_id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "id", &args, 1, 1)?;
    Ok(Value::Int(args.args[0].id()))
}

fn builtin_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "hash", &args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args.args[0])?))
}

fn builtin_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "iter", &args, 1, 2)?;
    if args.args.len() == 2 {
        let f = args.args[0].clone();
        if !crate::protocol::is_callable(vm, &f) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(Value::Obj(crate::object::PyObject::new(
            vm.types.iterator.clone(),
            Payload::Iter(std::cell::RefCell::new(crate::types::iter::IterState::Callable { func: f, sentinel: args.args[1].clone() })),
        )));
    }
    vm.iter(&args.args[0])
}

fn builtin_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "next", &args, 1, 2)?;
    let it = &args.args[0];
    let nn = vm.names.__next__.clone();
    if vm.lookup_special(it, &nn).is_none() {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    match vm.call_special(it, &nn, &[]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(vm.type_error("not an iterator")),
        Err(e) if args.args.len() == 2 && vm.err_matches(&e, &vm.exc.stop_iteration.clone()) => Ok(args.args[1].clone()),
        Err(e) => Err(e),
    }
}

fn builtin_getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() < 2 || args.args.len() > 3 {
        return Err(vm.type_error(format!("getattr expected at least 2 arguments, got {}", args.args.len())));
    }
    let name = match args.args[1].as_obj().filter(|o| o.as_str().is_some()) {
        Some(o) => vm.intern_obj(o),
        None => return Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(&args.args[1])))),
    };
    if args.args.len() == 3 {
        return Ok(vm.get_attr_opt(&args.args[0], &name)?.unwrap_or_else(|| args.args[2].clone()));
    }
    vm.get_attr(&args.args[0], &name)
}

fn builtin_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "setattr", &args, 3, 3)?;
    let name = crate::protocol::objecttype::attr_name(vm, &args.args[1])?;
    vm.set_attr(&args.args[0], &name, args.args[2].clone())?;
    Ok(Value::None)
}

fn builtin_hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "hasattr", &args, 2, 2)?;
    let name = crate::protocol::objecttype::attr_name(vm, &args.args[1])?;
    Ok(Value::Bool(vm.get_attr_opt(&args.args[0], &name)?.is_some()))
}

fn builtin_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "delattr", &args, 2, 2)?;
    let name = crate::protocol::objecttype::attr_name(vm, &args.args[1])?;
    vm.del_attr(&args.args[0], &name)?;
    Ok(Value::None)
}

fn builtin_callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(vm, "callable", &args, 1, 1)?;
    Ok(Value::Bool(crate::protocol::is_callable(vm, &args.args[0])))
}
