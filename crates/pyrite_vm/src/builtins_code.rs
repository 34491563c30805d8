//! Builtins that reach into frames and the compiler: exec, eval, compile,
//! globals, locals, vars, dir. CPython: Python/bltinmodule.c.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::dict::{dict_get_str, dict_set_str};
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_compiler::Mode;

/// Registers the functions of this file in `builtins`.
pub fn init(vm: &mut Vm) {
    let fns: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("exec", builtin_exec),
        ("eval", builtin_eval),
        ("compile", builtin_compile),
        ("globals", builtin_globals),
        ("locals", builtin_locals),
        ("vars", builtin_vars),
        ("dir", builtin_dir),
    ];
    let bd = vm.builtins_dict.clone();
    for &(name, f) in fns {
        let v = vm.new_builtin(name, f);
        let k = vm.intern(name);
        dict_set_str(&bd, &k, v);
    }
}

/// The locals of the innermost running Python frame as a mapping (a fresh
/// dict snapshot for function frames, as CPython's `locals()`).
pub fn current_locals(vm: &mut Vm) -> Value {
    let Some(f) = vm.frames.last() else { return Value::Obj(vm.builtins_dict.clone()) };
    if !f.locals.is_null() {
        return f.locals.clone();
    }
    let code = f.code.clone();
    let fast = f.fast.clone();
    let cells = f.cells.clone();
    let d = vm.new_dict();
    for (i, v) in fast.iter().enumerate() {
        if !v.is_null() {
            if let Some(n) = code.varnames.get(i) {
                dict_set_str(&d, n, v.clone());
            }
        }
    }
    for (i, c) in cells.iter().enumerate() {
        if let Payload::Cell(cv) = &c.payload {
            let v = cv.borrow().clone();
            if !v.is_null() {
                if let Some(n) = code.cellnames.get(i) {
                    dict_set_str(&d, n, v);
                }
            }
        }
    }
    Value::Obj(d)
}

fn current_globals(vm: &mut Vm) -> PyRef {
    match vm.frames.last() {
        Some(f) => f.globals.clone(),
        None => vm.builtins_dict.clone(),
    }
}

fn source_text(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Option<String>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => {
            let t = s.as_str_lossy().into_owned();
            if t.contains('\0') {
                return Err(vm.value_error("source code string cannot contain null bytes"));
            }
            Ok(Some(t))
        }
        Some(Payload::Bytes(b)) => {
            if b.contains(&0) {
                return Err(vm.value_error("source code string cannot contain null bytes"));
            }
            match pyrite_compiler::decode_source(b) {
                Ok(s) => Ok(Some(s)),
                Err(e) => Err(crate::types::exceptions::syntax_error_from(vm, &e, "<string>")),
            }
        }
        Some(Payload::Code(_)) => Ok(None),
        _ => Err(vm.type_error(format!(
            "{}() arg 1 must be a string, bytes or code object",
            fname
        ))),
    }
}

fn run_in(vm: &mut Vm, args: &Args, fname: &str, mode: Mode) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, fname, args.kwargs, &["globals", "locals"])?;
    if args.args.is_empty() || args.args.len() > 3 {
        return Err(vm.type_error(format!("{} expected at most 3 arguments, got {}", fname, args.args.len())));
    }
    let g = args.args.get(1).cloned().or_else(|| kw[0].clone()).unwrap_or(Value::None);
    let l = args.args.get(2).cloned().or_else(|| kw[1].clone()).unwrap_or(Value::None);
    let (globals, locals) = if g.is_none() {
        let globals = current_globals(vm);
        let locals = if l.is_none() { current_locals(vm) } else { l };
        (globals, locals)
    } else {
        let Some(gd) = g.as_obj().filter(|o| matches!(o.payload, Payload::Dict(_))).cloned() else {
            return Err(vm.type_error(format!(
                "{}() globals must be a dict, not {}",
                fname,
                vm.type_name(&g)
            )));
        };
        let locals = if l.is_none() { g.clone() } else { l };
        (gd, locals)
    };
    let bk = vm.names.__builtins__.clone();
    if dict_get_str(&globals, &bk).is_none() {
        dict_set_str(&globals, &bk, Value::Obj(vm.builtins.clone()));
    }
    let code = match source_text(vm, &args.args[0], fname)? {
        Some(text) => {
            let text = if mode == Mode::Eval { text.trim_start_matches([' ', '\t']).to_string() } else { text };
            crate::run::compile_source(vm, &text, "<string>", mode)?
        }
        None => match args.args[0].as_obj().map(|o| &o.payload) {
            Some(Payload::Code(c)) => c.clone(),
            _ => return Err(vm.system_error("expected code")),
        },
    };
    vm.run_code(code, globals, Some(locals))
}

fn builtin_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    run_in(vm, &args, "exec", Mode::Exec)?;
    Ok(Value::None)
}

fn builtin_eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    run_in(vm, &args, "eval", Mode::Eval)
}

fn builtin_compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(
        vm,
        "compile",
        args.kwargs,
        &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
    )?;
    let get = |i: usize| args.args.get(i).cloned().or_else(|| kw[i].clone());
    let (Some(src), Some(fname), Some(mode)) = (get(0), get(1), get(2)) else {
        return Err(vm.type_error("compile() missing required argument"));
    };
    let filename = match fname.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => s.as_str_lossy().into_owned(),
        Some(Payload::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
        _ => return Err(vm.type_error(format!("compile() argument 'filename' must be str, bytes or os.PathLike, not {}", vm.type_name(&fname)))),
    };
    let mode = match crate::types::strops::as_rust_str(&mode).as_deref() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let flags = match get(3) {
        Some(Value::Int(i)) => i,
        _ => 0,
    };
    if flags & 0x400 != 0 {
        return Err(vm.value_error("compile(): PyCF_ONLY_AST is not supported by pyrite yet"));
    }
    let optimize = match get(5) {
        Some(Value::Int(i)) if i >= 0 => i.min(2) as u8,
        _ => vm.config.optimize,
    };
    let Some(text) = source_text(vm, &src, "compile")? else {
        return Ok(src);
    };
    let opts = pyrite_compiler::CompileOptions { optimize, future_flags: 0 };
    let offsets = match src.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => pyrite_compiler::source::offsets_for(b),
        _ => pyrite_compiler::parse::Offsets::Chars,
    };
    match pyrite_compiler::compile_with_offsets(&text, &filename, mode, opts, offsets) {
        Ok(out) => {
            let code = vm.make_code(out.code);
            Ok(Value::Obj(PyObject::new(vm.types.code.clone(), Payload::Code(code))))
        }
        Err(e) => Err(crate::types::exceptions::syntax_error_from(vm, &e, &filename)),
    }
}

fn builtin_globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "globals", &args, 0, 0)?;
    Ok(Value::Obj(current_globals(vm)))
}

fn builtin_locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "locals", &args, 0, 0)?;
    Ok(current_locals(vm))
}

fn builtin_vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "vars", &args, 0, 1)?;
    match args.args.first() {
        None => Ok(current_locals(vm)),
        Some(o) => {
            let dn = vm.names.__dict__.clone();
            match vm.get_attr_opt(o, &dn)? {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            }
        }
    }
}

fn builtin_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "dir", &args, 0, 1)?;
    let names = match args.args.first() {
        None => {
            let l = current_locals(vm);
            let f = vm.get_attr_str(&l, "keys")?;
            let ks = vm.call(&f, &[], &[])?;
            vm.collect(&ks)?
        }
        Some(o) => {
            let dn = vm.names.__dir__.clone();
            match vm.call_special(o, &dn, &[])? {
                Some(r) => vm.collect(&r)?,
                None => return Err(vm.type_error("object does not provide __dir__")),
            }
        }
    };
    let mut strs: Vec<(Vec<u8>, Value)> = Vec::new();
    for n in names {
        let key = n.as_obj().and_then(|o| o.as_str()).map(|s| s.as_wtf8().to_vec()).unwrap_or_default();
        strs.push((key, n));
    }
    strs.sort_by(|a, b| a.0.cmp(&b.0));
    strs.dedup_by(|a, b| a.0 == b.0);
    Ok(vm.new_list(strs.into_iter().map(|(_, v)| v).collect()))
}
