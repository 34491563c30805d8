//! The `sys` module; CPython: Python/sysmodule.c. The standard streams are
//! `modules/io.rs` file objects.
//!
//! Registration table: exit, getrecursionlimit, setrecursionlimit,
//! getsizeof, intern, getdefaultencoding, getfilesystemencoding,
//! getfilesystemencodeerrors, displayhook/__displayhook__,
//! excepthook/__excepthook__, exc_info, exception,
//! set_int_max_str_digits, get_int_max_str_digits, getrefcount, audit,
//! addaudithook, gettrace, settrace, getprofile, setprofile, is_finalizing,
//! getswitchinterval, setswitchinterval; data: argv, orig_argv, path,
//! modules, version, version_info, hexversion, api_version, implementation,
//! platform, byteorder, maxsize, maxunicode, executable, prefixes, flags,
//! float_info, int_info, hash_info, warnoptions, _xoptions,
//! dont_write_bytecode, pycache_prefix, copyright, float_repr_style,
//! abiflags, platlibdir.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::dict::{dict_get_str, dict_set_str};
use crate::types::function::{Args, NativeFn};
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;

/// Flushes `sys.stdout` (before writing to stderr, and at exit).
pub fn flush_stdout(vm: &mut Vm) {
    for name in ["stdout", "__stdout__"] {
        let k = vm.intern(name);
        let sd = vm.sys_dict.clone();
        if let Some(v) = dict_get_str(&sd, &k) {
            if !super::io::flush_native(&v) && name == "stdout" && !v.is_none() {
                let _ = vm.call_method(&v, "flush", &[]);
            }
        }
    }
}

// ----- struct sequences ----------------------------------------------------------

/// A struct-sequence type (`sys.flags`, `sys.version_info`, `time.struct_time`):
/// a tuple subclass whose fields are also attributes.
pub fn struct_seq_type(vm: &mut Vm, name: &str, module: &'static str, fields: &[&str]) -> PyRef {
    let tuple = vm.types.tuple.clone();
    let t = vm.new_builtin_type(name, module, &tuple, Layout::Tuple, flags::IMMUTABLE);
    vm.add_methods(&t, &[("__getattr__", struct_seq_getattr), ("__repr__", struct_seq_repr), ("__reduce__", struct_seq_reduce)]);
    let names: Vec<Value> = fields.iter().map(|f| vm.new_str(f)).collect();
    let ma = vm.new_tuple(names);
    vm.type_set_attr_raw(&t, "__match_args__", ma);
    vm.type_set_attr_raw(&t, "n_fields", Value::Int(fields.len() as i64));
    vm.type_set_attr_raw(&t, "n_sequence_fields", Value::Int(fields.len() as i64));
    vm.type_set_attr_raw(&t, "n_unnamed_fields", Value::Int(0));
    crate::types::typeobj::refresh_flags(vm, &t);
    t
}

/// An instance of a struct-sequence type.
pub fn struct_seq_new(t: &PyRef, values: Vec<Value>) -> Value {
    Value::Obj(PyObject::new(t.clone(), Payload::Tuple(values.into_boxed_slice())))
}

fn seq_fields(vm: &mut Vm, v: &Value) -> Vec<String> {
    let t = vm.type_of(v);
    let k = vm.intern("__match_args__");
    match crate::types::typeobj::lookup(&t, &k) {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::Tuple(items) => items.iter().filter_map(crate::types::strops::as_rust_str).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn seq_items(v: &Value) -> Vec<Value> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    }
}

fn struct_seq_getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let name = args.args.get(1).and_then(crate::types::strops::as_rust_str).unwrap_or_default();
    let fields = seq_fields(vm, &this);
    if let Some(i) = fields.iter().position(|f| *f == name) {
        if let Some(v) = seq_items(&this).get(i) {
            return Ok(v.clone());
        }
    }
    Err(vm.no_attribute(&this, &name))
}

fn struct_seq_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let fields = seq_fields(vm, &this);
    let t = vm.type_of(&this);
    let tname = match t.as_type() {
        Some(td) => format!("{}.{}", td.module, td.name()),
        None => "?".into(),
    };
    let mut parts = Vec::new();
    for (f, v) in fields.iter().zip(seq_items(&this)) {
        parts.push(format!("{}={}", f, vm.repr_string(&v)?));
    }
    Ok(vm.new_str(&format!("{}({})", tname, parts.join(", "))))
}

fn struct_seq_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let t = Value::Obj(vm.type_of(&this));
    let items = vm.new_tuple(seq_items(&this));
    let inner = vm.new_tuple(vec![items]);
    Ok(vm.new_tuple(vec![t, inner]))
}

// ----- SimpleNamespace-like objects -------------------------------------------------

fn namespace_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let mut parts = Vec::new();
    if let Some(d) = this.as_obj().and_then(|o| o.dict.borrow().clone()) {
        for (k, v) in vm.dict_items(&d) {
            let ks = crate::types::strops::as_rust_str(&k).unwrap_or_default();
            parts.push(format!("{}={}", ks, vm.repr_string(&v)?));
        }
    }
    Ok(vm.new_str(&format!("namespace({})", parts.join(", "))))
}

// ----- init ------------------------------------------------------------------------

/// `sys.version`.
pub const VERSION: &str = "3.11.7 (main, Jan  1 2024, 00:00:00) [pyrite]";
const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

/// Fills the `sys` module.
pub fn init(vm: &mut Vm) {
    let sd = vm.sys_dict.clone();
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let k = vm.intern(name);
        dict_set_str(&sd, &k, v);
    };
    let name = vm.new_str("sys");
    set(vm, "__name__", name);
    let argv: Vec<Value> = vm.config.argv.clone().iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    set(vm, "argv", argv);
    let exe = vm.config.executable.clone();
    let mut orig: Vec<Value> = vec![vm.new_str(&exe)];
    for a in std::env::args().skip(1) {
        orig.push(vm.new_str(&a));
    }
    let orig = vm.new_list(orig);
    set(vm, "orig_argv", orig);
    let modules = Value::Obj(vm.modules.clone());
    set(vm, "modules", modules);
    set(vm, "maxsize", Value::Int(i64::MAX));
    set(vm, "maxunicode", Value::Int(0x10FFFF));
    let path = vm.new_list(Vec::new());
    set(vm, "path", path);
    let v = vm.new_str(VERSION);
    set(vm, "version", v);
    set(vm, "hexversion", Value::Int(0x030B07F0));
    set(vm, "api_version", Value::Int(1013));
    for (k, s) in [
        ("platform", "linux"),
        ("byteorder", if cfg!(target_endian = "little") { "little" } else { "big" }),
        ("copyright", COPYRIGHT),
        ("float_repr_style", "short"),
        ("abiflags", ""),
        ("platlibdir", "lib"),
    ] {
        let v = vm.new_str(s);
        set(vm, k, v);
    }
    let exe_v = vm.new_str(&exe);
    set(vm, "executable", exe_v.clone());
    set(vm, "_base_executable", exe_v);
    let prefix = vm
        .config
        .stdlib
        .clone()
        .and_then(|l| std::path::Path::new(&l).parent().and_then(|p| p.parent()).map(|p| p.display().to_string()))
        .unwrap_or_else(|| "/usr/local".to_string());
    for k in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        let v = vm.new_str(&prefix);
        set(vm, k, v);
    }
    set(vm, "pycache_prefix", Value::None);
    let wo: Vec<Value> = vm.config.warnoptions.clone().iter().map(|w| vm.new_str(w)).collect();
    let wo = vm.new_list(wo);
    set(vm, "warnoptions", wo);
    let xo = vm.new_dict();
    for x in vm.config.xoptions.clone() {
        let (k, v) = match x.split_once('=') {
            Some((k, v)) => (k.to_string(), vm.new_str(v)),
            None => (x.clone(), Value::Bool(true)),
        };
        let k = vm.intern(&k);
        dict_set_str(&xo, &k, v);
    }
    set(vm, "_xoptions", Value::Obj(xo));
    let dwb = Value::Bool(vm.config.dont_write_bytecode);
    set(vm, "dont_write_bytecode", dwb);

    // version_info, implementation.
    let vi_t = struct_seq_type(vm, "version_info", "sys", &["major", "minor", "micro", "releaselevel", "serial"]);
    let fin = vm.new_str("final");
    let vi = struct_seq_new(&vi_t, vec![Value::Int(3), Value::Int(11), Value::Int(7), fin, Value::Int(0)]);
    set(vm, "version_info", vi.clone());
    let object = vm.types.object.clone();
    let ns_t = vm.new_builtin_type("SimpleNamespace", "types", &object, Layout::Object, flags::BASETYPE | flags::HAS_DICT);
    vm.add_methods(&ns_t, &[("__repr__", namespace_repr)]);
    vm.state.insert("types.SimpleNamespace", Value::Obj(ns_t.clone()));
    let imp = crate::protocol::objecttype::new_instance(vm, &ns_t, Payload::None);
    if let Some(d) = imp.dict.borrow().clone() {
        let vals = [("name", vm.new_str("pyrite")), ("cache_tag", vm.new_str("pyrite-311")), ("version", vi), ("hexversion", Value::Int(0x030B07F0)), ("_multiarch", vm.new_str("x86_64-linux-gnu"))];
        for (k, v) in vals {
            let k = vm.intern(k);
            dict_set_str(&d, &k, v);
        }
    }
    set(vm, "implementation", Value::Obj(imp));

    // flags.
    let flag_names = [
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "verbose",
        "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
        "int_max_str_digits",
    ];
    let fl_t = struct_seq_type(vm, "flags", "sys", &flag_names);
    let c = &vm.config;
    let b = |x: bool| Value::Int(x as i64);
    let hash_random = std::env::var("PYTHONHASHSEED").map(|s| s == "random" || c.ignore_environment).unwrap_or(true);
    let fv = vec![
        Value::Int(0),
        b(c.interactive),
        b(c.interactive),
        Value::Int(c.optimize as i64),
        b(c.dont_write_bytecode),
        b(c.isolated),
        b(c.no_site),
        b(c.ignore_environment),
        Value::Int(c.verbose as i64),
        Value::Int(0),
        Value::Int(0),
        b(hash_random),
        b(c.isolated),
        Value::Bool(false),
        Value::Int(0),
        Value::Int(0),
        Value::Bool(c.isolated),
        Value::Int(-1),
    ];
    let fl = struct_seq_new(&fl_t, fv);
    set(vm, "flags", fl);

    let fi_t = struct_seq_type(vm, "float_info", "sys", &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"]);
    let fi = struct_seq_new(
        &fi_t,
        vec![
            Value::Float(f64::MAX),
            Value::Int(1024),
            Value::Int(308),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(-1021),
            Value::Int(-307),
            Value::Int(15),
            Value::Int(53),
            Value::Float(f64::EPSILON),
            Value::Int(2),
            Value::Int(1),
        ],
    );
    set(vm, "float_info", fi);
    let ii_t = struct_seq_type(vm, "int_info", "sys", &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"]);
    let ii = struct_seq_new(&ii_t, vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)]);
    set(vm, "int_info", ii);
    let hi_t = struct_seq_type(vm, "hash_info", "sys", &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"]);
    let alg = vm.new_str("siphash13");
    let hi = struct_seq_new(
        &hi_t,
        vec![Value::Int(64), Value::Int(2305843009213693951), Value::Int(314159), Value::Int(0), Value::Int(1000003), alg, Value::Int(64), Value::Int(128), Value::Int(0)],
    );
    set(vm, "hash_info", hi);

    let funcs: &[(&'static str, NativeFn)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("getsizeof", sys_getsizeof),
        ("intern", sys_intern),
        ("getdefaultencoding", sys_utf8),
        ("getfilesystemencoding", sys_utf8),
        ("getfilesystemencodeerrors", sys_surrogateescape),
        ("displayhook", sys_displayhook),
        ("__displayhook__", sys_displayhook),
        ("excepthook", sys_excepthook),
        ("__excepthook__", sys_excepthook),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("getrefcount", sys_getrefcount),
        ("audit", sys_none),
        ("addaudithook", sys_none),
        ("gettrace", sys_none),
        ("settrace", sys_none),
        ("getprofile", sys_none),
        ("setprofile", sys_none),
        ("is_finalizing", sys_false),
        ("getswitchinterval", sys_getswitchinterval),
        ("setswitchinterval", sys_none),
    ];
    for &(n, f) in funcs {
        let k = vm.intern(n);
        let v = vm.new_builtin(n, f);
        dict_set_str(&sd, &k, v);
    }
    let sys = vm.sys.clone();
    let bi = vm.builtins.clone();
    let md = vm.modules.clone();
    let k = vm.intern("sys");
    dict_set_str(&md, &k, Value::Obj(sys));
    let k = vm.intern("builtins");
    dict_set_str(&md, &k, Value::Obj(bi));
    let bd = vm.builtins_dict.clone();
    let k = vm.names.__name__.clone();
    let v = vm.new_str("builtins");
    dict_set_str(&bd, &k, v);
    super::io::init(vm);
}

fn sys_none(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn sys_false(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn sys_getswitchinterval(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(0.005))
}

fn sys_utf8(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "getdefaultencoding", &args, 0, 0)?;
    Ok(vm.new_str("utf-8"))
}

fn sys_surrogateescape(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_str("surrogateescape"))
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "exit", &args, 0, 1)?;
    let c = vm.exc.system_exit.clone();
    Err(vm.new_exception(&c, args.args.to_vec()))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "getrecursionlimit", &args, 0, 0)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "setrecursionlimit", &args, 1, 1)?;
    let v = &args.args[0];
    if matches!(v, Value::Float(_)) || matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Float(_))) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_i64(v)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if n > i32::MAX as i64 {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    let depth = vm.depth;
    if (n as usize) <= depth {
        let c = vm.exc.recursion_error.clone();
        return Err(vm.new_exception_msg(&c, &format!("cannot set the recursion limit to {} at the recursion depth {}: the limit is too low", n, depth)));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

fn sys_getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "getsizeof", args.kwargs, &["object", "default"])?;
    let Some(o) = args.args.first().cloned().or_else(|| kw[0].clone()) else {
        return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    let k = vm.intern("__sizeof__");
    if let Some(Value::Obj(t)) = Some(Value::Obj(vm.type_of(&o))) {
        if let Some(f) = crate::types::typeobj::lookup(&t, &k) {
            if !vm.is_builtin_fn(&f, sys_none) {
                if let Ok(r) = vm.call(&f, std::slice::from_ref(&o), &[]) {
                    let n = vm.index_i64(&r)?;
                    if n < 0 {
                        return Err(vm.value_error("__sizeof__() should return >= 0"));
                    }
                    let gc = matches!(o.as_obj().map(|x| &x.payload), Some(Payload::List(_) | Payload::Dict(_) | Payload::Set(_) | Payload::Tuple(_)) | Some(Payload::None));
                    return Ok(Value::Int(n + if gc { 16 } else { 0 }));
                }
            }
        }
    }
    let n: i64 = match &o {
        Value::None | Value::Null => 16,
        Value::Bool(b) => 24 + *b as i64 * 4,
        Value::Int(i) => {
            if *i == 0 {
                24
            } else {
                let bits = 64 - i.unsigned_abs().leading_zeros() as i64;
                24 + 4 * ((bits + 29) / 30)
            }
        }
        Value::Float(_) => 24,
        Value::Obj(x) => match &x.payload {
            Payload::Str(s) => {
                let st = s.as_str_lossy();
                let max = st.chars().map(|c| c as u32).max().unwrap_or(0);
                let n = st.chars().count() as i64;
                if max < 128 {
                    49 + n
                } else if max < 256 {
                    73 + n
                } else if max < 65536 {
                    74 + 2 * n
                } else {
                    76 + 4 * n
                }
            }
            Payload::Bytes(b) => 33 + b.len() as i64,
            Payload::ByteArray(b) => 57 + b.borrow().len() as i64,
            Payload::List(l) => 56 + 8 * l.borrow().len() as i64,
            Payload::Tuple(t) => 40 + 8 * t.len() as i64,
            Payload::Dict(_) => 64,
            Payload::Set(_) => 216,
            Payload::Int(b) => 24 + 4 * ((b.bits() as i64 + 29) / 30),
            _ => 56,
        },
    };
    Ok(Value::Int(n))
}

fn sys_intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "intern", &args, 1, 1)?;
    let v = &args.args[0];
    match v.as_obj() {
        Some(o) if o.as_str().is_some() && std::rc::Rc::ptr_eq(o.class(), &vm.types.str) => Ok(Value::Obj(vm.intern_obj(o))),
        _ => Err(vm.type_error(format!("intern() argument must be str, not {}", vm.type_name(v)))),
    }
}

fn sys_displayhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "displayhook", &args, 1, 1)?;
    let v = args.args[0].clone();
    if v.is_none() {
        return Ok(Value::None);
    }
    let bd = vm.builtins_dict.clone();
    let k = vm.intern("_");
    dict_set_str(&bd, &k, Value::None);
    let r = vm.repr(&v)?;
    let sk = vm.names.stdout.clone();
    let sd = vm.sys_dict.clone();
    let out = match dict_get_str(&sd, &sk) {
        Some(o) if !o.is_none() => o,
        _ => return Err(vm.runtime_error("lost sys.stdout")),
    };
    vm.call_method(&out, "write", &[Value::Obj(r)])?;
    let nl = vm.new_str("\n");
    vm.call_method(&out, "write", &[nl])?;
    dict_set_str(&bd, &k, v);
    Ok(Value::None)
}

/// The default `sys.excepthook`.
pub fn sys_excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "excepthook", &args, 3, 3)?;
    crate::types::exceptions::print_exception(vm, &args.args[1]);
    Ok(Value::None)
}

fn sys_exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    if e.is_none() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Obj(vm.type_of(&e));
    let tb = crate::types::exceptions::get_traceback(&e);
    Ok(vm.new_tuple(vec![t, e, tb]))
}

fn sys_exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.exc_info.clone())
}

fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "set_int_max_str_digits", args.kwargs, &["maxdigits"])?;
    let Some(v) = args.args.first().cloned().or_else(|| kw[0].clone()) else {
        return Err(vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"));
    };
    let n = vm.index_i64(&v)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.state.insert("int_max_str_digits", Value::Int(n));
    Ok(Value::None)
}

fn sys_get_int_max_str_digits(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.state.get("int_max_str_digits").cloned().unwrap_or(Value::Int(4300)))
}

fn sys_getrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "getrefcount", &args, 1, 1)?;
    Ok(Value::Int(match &args.args[0] {
        Value::Obj(o) => std::rc::Rc::strong_count(o) as i64,
        _ => 1_000_000_000,
    }))
}

/// Sets `sys.path`: the script directory (or ''), PYTHONPATH, the stdlib.
pub fn init_path(vm: &mut Vm) {
    let mut path: Vec<String> = Vec::new();
    if let Some(p0) = &vm.config.path0 {
        path.push(p0.clone());
    }
    path.extend(vm.config.pythonpath.iter().cloned());
    if let Some(lib) = &vm.config.stdlib {
        path.push(lib.clone());
        path.push(format!("{}/lib-dynload", lib));
    }
    let items: Vec<Value> = path.iter().map(|p| vm.new_str(p)).collect();
    let l = vm.new_list(items);
    let k = vm.names.path.clone();
    let sd = vm.sys_dict.clone();
    dict_set_str(&sd, &k, l);
    let dwb = Value::Bool(vm.config.dont_write_bytecode);
    let k = vm.intern("dont_write_bytecode");
    dict_set_str(&sd, &k, dwb);
}
