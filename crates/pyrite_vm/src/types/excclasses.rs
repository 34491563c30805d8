//! Behaviour specific to builtin exception classes (constructors, `__str__`,
//! extra attributes) and "Did you mean" suggestions; CPython: Objects/exceptions.c,
//! Python/suggestions.c.
//!
//! Registration table:
//! - KeyError: __str__
//! - OSError: __new__ (errno -> subclass), __init__, __str__; errno, strerror, filename, filename2
//! - ImportError: __init__ (name=, path=), __str__; msg, name, path
//! - AttributeError: __init__ (name=, obj=); name, obj
//! - NameError: __init__ (name=); name
//! - StopIteration: __init__; value
//! - SystemExit: __init__; code
//! - SyntaxError: __init__, __str__; msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line
//! - UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError: __init__, __str__;
//!   encoding, object, start, end, reason
//!
//! The extra attributes live in the instance dict; getset descriptors give them
//! their defaults when unset.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::exceptions::{args_vec, base_exception_str, set_args};
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;

fn dget(vm: &mut Vm, v: &Value, key: &str) -> Option<Value> {
    let o = v.as_obj()?;
    let d = o.dict.borrow().clone()?;
    let k = vm.intern(key);
    crate::types::dict::dict_get_str(&d, &k)
}

fn dset(vm: &mut Vm, v: &Value, key: &str, val: Value) {
    let Some(o) = v.as_obj() else { return };
    let d = o.dict.borrow().clone();
    if let Some(d) = d {
        let k = vm.intern(key);
        crate::types::dict::dict_set_str(&d, &k, val);
    }
}

fn none_default(_vm: &mut Vm, _v: &Value) -> Value {
    Value::None
}

fn first_arg_default(_vm: &mut Vm, v: &Value) -> Value {
    args_vec(v).first().cloned().unwrap_or(Value::None)
}

fn exit_code_default(vm: &mut Vm, v: &Value) -> Value {
    let a = args_vec(v);
    match a.len() {
        0 => Value::None,
        1 => a[0].clone(),
        _ => vm.new_tuple(a),
    }
}

macro_rules! dict_attrs {
    ($($get:ident $set:ident $key:literal $default:ident;)*) => {
        $(
            fn $get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
                Ok(match dget(vm, v, $key) {
                    Some(x) => x,
                    None => $default(vm, v),
                })
            }
            fn $set(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
                dset(vm, v, $key, new.unwrap_or(Value::None));
                Ok(())
            }
        )*
    };
}

dict_attrs! {
    g_name s_name "name" none_default;
    g_obj s_obj "obj" none_default;
    g_path s_path "path" none_default;
    g_msg s_msg "msg" none_default;
    g_value s_value "value" first_arg_default;
    g_code s_code "code" exit_code_default;
    g_errno s_errno "errno" none_default;
    g_strerror s_strerror "strerror" none_default;
    g_filename s_filename "filename" none_default;
    g_filename2 s_filename2 "filename2" none_default;
    g_lineno s_lineno "lineno" none_default;
    g_offset s_offset "offset" none_default;
    g_text s_text "text" none_default;
    g_end_lineno s_end_lineno "end_lineno" none_default;
    g_end_offset s_end_offset "end_offset" none_default;
    g_pfal s_pfal "print_file_and_line" none_default;
    g_encoding s_encoding "encoding" none_default;
    g_object s_object "object" none_default;
    g_start s_start "start" none_default;
    g_end s_end "end" none_default;
    g_reason s_reason "reason" none_default;
}

macro_rules! gs {
    ($name:literal, $g:ident, $s:ident) => {
        GetSetDef { name: $name, get: $g, set: Some($s) }
    };
}

/// Registers the class-specific methods and attributes.
pub fn init(vm: &mut Vm) {
    let e = &vm.exc;
    let (key_error, os_error, import_error, attribute_error, name_error, stop_iteration, system_exit, syntax_error) = (
        e.key_error.clone(),
        e.os_error.clone(),
        e.import_error.clone(),
        e.attribute_error.clone(),
        e.name_error.clone(),
        e.stop_iteration.clone(),
        e.system_exit.clone(),
        e.syntax_error.clone(),
    );
    let (ude, uee, ute) = (e.unicode_decode_error.clone(), e.unicode_encode_error.clone(), e.unicode_translate_error.clone());
    vm.add_methods(&key_error, &[("__str__", key_error_str)]);

    vm.add_staticmethods(&os_error, &[("__new__", os_error_new)]);
    vm.add_methods(&os_error, &[("__init__", os_error_init), ("__str__", os_error_str)]);
    vm.add_getsets(&os_error, &[
        gs!("errno", g_errno, s_errno),
        gs!("strerror", g_strerror, s_strerror),
        gs!("filename", g_filename, s_filename),
        gs!("filename2", g_filename2, s_filename2),
    ]);

    vm.add_methods(&import_error, &[("__init__", import_error_init), ("__str__", import_error_str)]);
    vm.add_getsets(&import_error, &[gs!("msg", g_msg, s_msg), gs!("name", g_name, s_name), gs!("path", g_path, s_path)]);

    vm.add_methods(&attribute_error, &[("__init__", attribute_error_init)]);
    vm.add_getsets(&attribute_error, &[gs!("name", g_name, s_name), gs!("obj", g_obj, s_obj)]);

    vm.add_methods(&name_error, &[("__init__", name_error_init)]);
    vm.add_getsets(&name_error, &[gs!("name", g_name, s_name)]);

    vm.add_methods(&stop_iteration, &[("__init__", stop_iteration_init)]);
    vm.add_getsets(&stop_iteration, &[gs!("value", g_value, s_value)]);

    vm.add_methods(&system_exit, &[("__init__", system_exit_init)]);
    vm.add_getsets(&system_exit, &[gs!("code", g_code, s_code)]);

    vm.add_methods(&syntax_error, &[("__init__", syntax_error_init), ("__str__", syntax_error_str)]);
    vm.add_getsets(&syntax_error, &[
        gs!("msg", g_msg, s_msg),
        gs!("filename", g_filename, s_filename),
        gs!("lineno", g_lineno, s_lineno),
        gs!("offset", g_offset, s_offset),
        gs!("text", g_text, s_text),
        gs!("end_lineno", g_end_lineno, s_end_lineno),
        gs!("end_offset", g_end_offset, s_end_offset),
        gs!("print_file_and_line", g_pfal, s_pfal),
    ]);

    for c in [&ude, &uee, &ute] {
        vm.add_getsets(c, &[
            gs!("encoding", g_encoding, s_encoding),
            gs!("object", g_object, s_object),
            gs!("start", g_start, s_start),
            gs!("end", g_end, s_end),
            gs!("reason", g_reason, s_reason),
        ]);
    }
    vm.add_methods(&ude, &[("__init__", unicode_decode_init), ("__str__", unicode_decode_str)]);
    vm.add_methods(&uee, &[("__init__", unicode_encode_init), ("__str__", unicode_encode_str)]);
    vm.add_methods(&ute, &[("__init__", unicode_translate_init), ("__str__", unicode_translate_str)]);
}

fn no_kwargs(vm: &mut Vm, args: &Args) -> PyResult<()> {
    if !args.kwargs.is_empty() {
        let n = vm.type_name(&args.args[0]);
        return Err(vm.type_error(format!("{}() takes no keyword arguments", n)));
    }
    Ok(())
}

/// Parses keyword arguments `allowed` (all optional, keyword-only).
fn kw_only(vm: &mut Vm, args: &Args, cls_name: &str, allowed: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let mut out = vec![None; allowed.len()];
    for (k, v) in args.kwargs {
        let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        match allowed.iter().position(|a| *a == ks) {
            Some(i) => out[i] = Some(v.clone()),
            None => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", ks, cls_name))),
        }
    }
    Ok(out)
}

fn key_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args_vec(&args.args[0]);
    if a.len() == 1 {
        let r = vm.repr_string(&a[0])?;
        return Ok(vm.new_str(&r));
    }
    base_exception_str(vm, args)
}

// ----- OSError -------------------------------------------------------------

fn errno_subclass(vm: &Vm, errno: i64) -> Option<PyRef> {
    let e = &vm.exc;
    Some(match errno {
        11 | 114 | 115 => e.blocking_io_error.clone(),
        10 => e.child_process_error.clone(),
        32 | 108 => e.broken_pipe_error.clone(),
        103 => e.connection_aborted_error.clone(),
        111 => e.connection_refused_error.clone(),
        104 => e.connection_reset_error.clone(),
        17 => e.file_exists_error.clone(),
        2 => e.file_not_found_error.clone(),
        21 => e.is_a_directory_error.clone(),
        20 => e.not_a_directory_error.clone(),
        4 => e.interrupted_error.clone(),
        1 | 13 => e.permission_error.clone(),
        3 => e.process_lookup_error.clone(),
        110 => e.timeout_error.clone(),
        _ => return None,
    })
}

fn os_error_fill(vm: &mut Vm, this: &Value, a: &[Value]) {
    let mut errno = Value::None;
    let mut strerror = Value::None;
    let mut filename = Value::None;
    let mut filename2 = Value::None;
    let mut args_out = a.to_vec();
    if (2..=5).contains(&a.len()) {
        errno = a[0].clone();
        strerror = a[1].clone();
        if a.len() >= 3 {
            filename = a[2].clone();
        }
        if a.len() >= 5 {
            filename2 = a[4].clone();
        }
        let blocking = std::rc::Rc::ptr_eq(&vm.type_of(this), &vm.exc.blocking_io_error);
        if blocking && matches!(filename, Value::Int(_) | Value::Bool(_)) {
            // BlockingIOError's third argument is the number of characters written.
            dset(vm, this, "characters_written", filename.clone());
            filename = Value::None;
            filename2 = Value::None;
        } else if a.len() >= 3 && !filename.is_none() {
            args_out.truncate(2);
        }
    }
    set_args(vm, this, args_out);
    dset(vm, this, "errno", errno);
    dset(vm, this, "strerror", strerror);
    dset(vm, this, "filename", filename);
    dset(vm, this, "filename2", filename2);
}

fn os_error_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(mut cls) = args.args.first().and_then(|c| c.as_obj()).filter(|c| c.as_type().is_some()).cloned() else {
        return Err(vm.type_error("OSError.__new__(X): X is not a type object"));
    };
    let rest = args.args[1..].to_vec();
    if std::rc::Rc::ptr_eq(&cls, &vm.exc.os_error) && (2..=5).contains(&rest.len()) {
        if let Value::Int(n) = rest[0] {
            if let Some(sub) = errno_subclass(vm, n) {
                cls = sub;
            }
        }
    }
    let e = crate::types::exceptions::new_exception(vm, &cls, rest.clone());
    let nslots = cls.as_type().map(|t| t.slot_names.borrow().len()).unwrap_or(0);
    if nslots > 0 {
        *e.0.slots.borrow_mut() = vec![Value::Null; nslots];
    }
    let v = Value::Obj(e.0);
    os_error_fill(vm, &v, &rest);
    Ok(v)
}

fn os_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(vm, &args)?;
    let this = args.args[0].clone();
    os_error_fill(vm, &this, &args.args[1..]);
    Ok(Value::None)
}

fn os_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    let errno = dget(vm, &this, "errno").unwrap_or(Value::None);
    let strerror = dget(vm, &this, "strerror").unwrap_or(Value::None);
    let filename = dget(vm, &this, "filename").unwrap_or(Value::None);
    let filename2 = dget(vm, &this, "filename2").unwrap_or(Value::None);
    if !filename.is_none() {
        let en = vm.str_string(&errno)?;
        let se = vm.str_string(&strerror)?;
        let f1 = vm.repr_string(&filename)?;
        if !filename2.is_none() {
            let f2 = vm.repr_string(&filename2)?;
            return Ok(vm.new_str(&format!("[Errno {}] {}: {} -> {}", en, se, f1, f2)));
        }
        return Ok(vm.new_str(&format!("[Errno {}] {}: {}", en, se, f1)));
    }
    if !errno.is_none() && !strerror.is_none() {
        let en = vm.str_string(&errno)?;
        let se = vm.str_string(&strerror)?;
        return Ok(vm.new_str(&format!("[Errno {}] {}", en, se)));
    }
    base_exception_str(vm, args)
}

// ----- ImportError, AttributeError, NameError ------------------------------

fn import_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls_name = vm.type_name(&args.args[0]);
    let kw = kw_only(vm, &args, &cls_name, &["name", "path"])?;
    let this = args.args[0].clone();
    let pos = args.args[1..].to_vec();
    let msg = if pos.len() == 1 { pos[0].clone() } else { Value::None };
    set_args(vm, &this, pos);
    dset(vm, &this, "msg", msg);
    dset(vm, &this, "name", kw[0].clone().unwrap_or(Value::None));
    dset(vm, &this, "path", kw[1].clone().unwrap_or(Value::None));
    Ok(Value::None)
}

fn import_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    if let Some(m) = dget(vm, &this, "msg") {
        if let Some(o) = m.as_obj() {
            if matches!(o.payload, Payload::Str(_)) && std::rc::Rc::ptr_eq(o.class(), &vm.types.str) {
                return Ok(m);
            }
        }
    }
    base_exception_str(vm, args)
}

fn attribute_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls_name = vm.type_name(&args.args[0]);
    let kw = kw_only(vm, &args, &cls_name, &["name", "obj"])?;
    let this = args.args[0].clone();
    set_args(vm, &this, args.args[1..].to_vec());
    dset(vm, &this, "name", kw[0].clone().unwrap_or(Value::None));
    dset(vm, &this, "obj", kw[1].clone().unwrap_or(Value::None));
    Ok(Value::None)
}

fn name_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls_name = vm.type_name(&args.args[0]);
    let kw = kw_only(vm, &args, &cls_name, &["name"])?;
    let this = args.args[0].clone();
    set_args(vm, &this, args.args[1..].to_vec());
    dset(vm, &this, "name", kw[0].clone().unwrap_or(Value::None));
    Ok(Value::None)
}

// ----- StopIteration, SystemExit -------------------------------------------

fn stop_iteration_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(vm, &args)?;
    let this = args.args[0].clone();
    let pos = args.args[1..].to_vec();
    let value = pos.first().cloned().unwrap_or(Value::None);
    set_args(vm, &this, pos);
    dset(vm, &this, "value", value);
    Ok(Value::None)
}

fn system_exit_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(vm, &args)?;
    let this = args.args[0].clone();
    let pos = args.args[1..].to_vec();
    let code = match pos.len() {
        0 => Value::None,
        1 => pos[0].clone(),
        _ => vm.new_tuple(pos.clone()),
    };
    set_args(vm, &this, pos);
    dset(vm, &this, "code", code);
    Ok(Value::None)
}

// ----- SyntaxError -----------------------------------------------------------

fn syntax_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs(vm, &args)?;
    let this = args.args[0].clone();
    let pos = args.args[1..].to_vec();
    set_args(vm, &this, pos.clone());
    for k in ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"] {
        dset(vm, &this, k, Value::None);
    }
    if let Some(m) = pos.first() {
        dset(vm, &this, "msg", m.clone());
    }
    if pos.len() == 2 {
        let info = vm.collect(&pos[1])?;
        if info.len() < 4 || info.len() > 6 {
            return Err(vm.index_error("tuple index out of range"));
        }
        let keys = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (k, v) in keys.iter().zip(info) {
            dset(vm, &this, k, v);
        }
    }
    Ok(Value::None)
}

fn syntax_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    let msg = dget(vm, &this, "msg").unwrap_or(Value::None);
    let filename = dget(vm, &this, "filename").unwrap_or(Value::None);
    let lineno = dget(vm, &this, "lineno").unwrap_or(Value::None);
    let fname = match filename.as_obj().and_then(|o| o.as_str()) {
        Some(s) => {
            let s = s.as_str_lossy().into_owned();
            Some(match s.rfind('/') {
                Some(p) => s[p + 1..].to_string(),
                None => s,
            })
        }
        None => None,
    };
    let line = match lineno {
        Value::Int(i) => Some(i),
        _ => None,
    };
    let m = vm.str_string(&msg)?;
    let s = match (fname, line) {
        (None, None) => m,
        (Some(f), Some(l)) => format!("{} ({}, line {})", m, f, l),
        (Some(f), None) => format!("{} ({})", m, f),
        (None, Some(l)) => format!("{} (line {})", m, l),
    };
    Ok(vm.new_str(&s))
}

// ----- Unicode errors --------------------------------------------------------

fn unicode_fill(vm: &mut Vm, this: &Value, pos: &[Value], keys: &[&str]) -> PyResult<()> {
    set_args(vm, this, pos.to_vec());
    if pos.len() != keys.len() {
        return Err(vm.type_error(format!("function takes exactly {} arguments ({} given)", keys.len(), pos.len())));
    }
    for (k, v) in keys.iter().zip(pos) {
        dset(vm, this, k, v.clone());
    }
    Ok(())
}

fn unicode_decode_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    unicode_fill(vm, &this, &args.args[1..], &["encoding", "object", "start", "end", "reason"])?;
    Ok(Value::None)
}

fn unicode_encode_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    unicode_fill(vm, &this, &args.args[1..], &["encoding", "object", "start", "end", "reason"])?;
    Ok(Value::None)
}

fn unicode_translate_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    unicode_fill(vm, &this, &args.args[1..], &["object", "start", "end", "reason"])?;
    Ok(Value::None)
}

fn int_of(v: &Option<Value>) -> i64 {
    match v {
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => *b as i64,
        _ => 0,
    }
}

fn unicode_decode_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    let Some(obj) = dget(vm, &this, "object") else { return Ok(vm.new_str("")) };
    let enc = dget(vm, &this, "encoding").unwrap_or(Value::None);
    let reason = dget(vm, &this, "reason").unwrap_or(Value::None);
    let start = int_of(&dget(vm, &this, "start"));
    let end = int_of(&dget(vm, &this, "end"));
    let enc = vm.str_string(&enc)?;
    let reason = vm.str_string(&reason)?;
    let bytes: Vec<u8> = match obj.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => Vec::new(),
    };
    let s = if end == start + 1 && start >= 0 && (start as usize) < bytes.len() {
        format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", enc, bytes[start as usize], start, reason)
    } else {
        format!("'{}' codec can't decode bytes in position {}-{}: {}", enc, start, end - 1, reason)
    };
    Ok(vm.new_str(&s))
}

fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{:02x}", n)
    } else if n < 0x10000 {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    }
}

fn str_chars(v: &Value) -> Vec<char> {
    v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str_lossy().chars().collect()).unwrap_or_default()
}

fn unicode_encode_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    let Some(obj) = dget(vm, &this, "object") else { return Ok(vm.new_str("")) };
    let enc = dget(vm, &this, "encoding").unwrap_or(Value::None);
    let reason = dget(vm, &this, "reason").unwrap_or(Value::None);
    let start = int_of(&dget(vm, &this, "start"));
    let end = int_of(&dget(vm, &this, "end"));
    let enc = vm.str_string(&enc)?;
    let reason = vm.str_string(&reason)?;
    let chars = str_chars(&obj);
    let s = if end == start + 1 && start >= 0 && (start as usize) < chars.len() {
        format!("'{}' codec can't encode character '{}' in position {}: {}", enc, char_escape(chars[start as usize]), start, reason)
    } else {
        format!("'{}' codec can't encode characters in position {}-{}: {}", enc, start, end - 1, reason)
    };
    Ok(vm.new_str(&s))
}

fn unicode_translate_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args[0].clone();
    let Some(obj) = dget(vm, &this, "object") else { return Ok(vm.new_str("")) };
    let reason = dget(vm, &this, "reason").unwrap_or(Value::None);
    let start = int_of(&dget(vm, &this, "start"));
    let end = int_of(&dget(vm, &this, "end"));
    let reason = vm.str_string(&reason)?;
    let chars = str_chars(&obj);
    let s = if end == start + 1 && start >= 0 && (start as usize) < chars.len() {
        format!("can't translate character '{}' in position {}: {}", char_escape(chars[start as usize]), start, reason)
    } else {
        format!("can't translate characters in position {}-{}: {}", start, end - 1, reason)
    };
    Ok(vm.new_str(&s))
}

// ----- suggestions -----------------------------------------------------------

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        return CASE_COST;
    }
    MOVE_COST
}

fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[i] = result;
            if result < minimum {
                minimum = result;
            }
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

fn calculate_suggestion(dir: &[String], name: &str) -> Option<String> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_dist = usize::MAX;
    for item in dir {
        if item == name {
            continue;
        }
        let max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        let max_distance = max_distance.min(best_dist.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_dist {
            best = Some(item);
            best_dist = d;
        }
    }
    best.cloned()
}

fn str_list(vm: &mut Vm, v: &Value) -> Option<Vec<String>> {
    let items = vm.collect(v).ok()?;
    Some(items.iter().filter_map(|i| i.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str_lossy().into_owned())).collect())
}

fn dict_keys(vm: &mut Vm, d: &Value) -> Option<Vec<String>> {
    match d.as_obj().map(|o| &o.payload) {
        Some(Payload::Dict(_)) => str_list(vm, d),
        Some(Payload::Module(_)) => {
            let dd = d.as_obj()?.dict.borrow().clone()?;
            str_list(vm, &Value::Obj(dd))
        }
        _ => None,
    }
}

/// The "Did you mean" suggestion for an AttributeError or NameError, as
/// CPython 3.11's `_Py_Offer_Suggestions`.
pub fn offer_suggestions(vm: &mut Vm, exc: &Value) -> Option<String> {
    let ae = vm.exc.attribute_error.clone();
    let ne = vm.exc.name_error.clone();
    let name_v = dget(vm, exc, "name")?;
    let name_o = name_v.as_obj()?;
    if !std::rc::Rc::ptr_eq(name_o.class(), &vm.types.str) {
        return None;
    }
    let name = name_o.as_str()?.as_str_lossy().into_owned();
    if vm.is_instance(exc, &ae) {
        let obj = dget(vm, exc, "obj")?;
        let dir_f = {
            let bd = vm.builtins_dict.clone();
            let k = vm.intern("dir");
            crate::types::dict::dict_get_str(&bd, &k)?
        };
        let d = vm.call(&dir_f, &[obj], &[]).ok()?;
        let names = str_list(vm, &d)?;
        return calculate_suggestion(&names, &name);
    }
    if vm.is_instance(exc, &ne) {
        let mut tb = crate::types::exceptions::get_traceback(exc);
        let mut last = None;
        while let Some(Payload::Traceback(t)) = tb.as_obj().map(|o| &o.payload) {
            last = Some(tb.clone());
            let n = t.next.borrow().clone();
            tb = n;
        }
        let last = last?;
        let Some(Payload::Traceback(t)) = last.as_obj().map(|o| &o.payload) else { return None };
        let code = t.code.clone();
        let frame = t.frame.clone();
        let mut locals: Vec<String> = code.co.varnames.clone();
        locals.extend(code.co.cellvars.iter().cloned());
        locals.extend(code.co.freevars.iter().cloned());
        if let Some(s) = calculate_suggestion(&locals, &name) {
            return Some(s);
        }
        let (globals, builtins) = match frame.as_obj().map(|o| &o.payload) {
            Some(Payload::Frame(f)) => (f.globals(), f.builtins()),
            _ => return None,
        };
        if let Some(g) = dict_keys(vm, &globals) {
            if let Some(s) = calculate_suggestion(&g, &name) {
                return Some(s);
            }
        }
        if let Some(b) = dict_keys(vm, &builtins) {
            return calculate_suggestion(&b, &name);
        }
    }
    None
}
