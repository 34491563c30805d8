//! A native `_warnings` module: the filter list with CPython's default
//! filters, `warn` and `warn_explicit`. CPython: Python/_warnings.c. With
//! it, `warnings.py` uses these instead of building its defaults (which
//! would need `re`). Warnings are printed natively in `showwarning`'s
//! format.
//!
//! Registration table: warn, warn_explicit, _filters_mutated; filters,
//! _defaultaction, _onceregistry.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::dict::{dict_get_str, dict_set_str};
use crate::types::function::{Args, NativeFn};
use crate::types::strops::as_rust_str;
use crate::value::Value;
use crate::vm::Vm;

/// Registers `_warnings` as a native module.
pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_warnings", init_module);
}

fn init_module(vm: &mut Vm) -> PyResult<PyRef> {
    let m = crate::types::module::new_module(vm, "_warnings");
    let mut filters = Vec::new();
    let e = &vm.exc;
    let defaults = [
        ("default", e.deprecation_warning.clone(), Some("__main__")),
        ("ignore", e.deprecation_warning.clone(), None),
        ("ignore", e.pending_deprecation_warning.clone(), None),
        ("ignore", e.import_warning.clone(), None),
        ("ignore", e.resource_warning.clone(), None),
    ];
    for (action, cat, module) in defaults {
        let a = vm.new_str(action);
        let md = match module {
            Some(s) => vm.new_str(s),
            None => Value::None,
        };
        filters.push(vm.new_tuple(vec![a, Value::None, Value::Obj(cat), md, Value::Int(0)]));
    }
    let filters = vm.new_list(filters);
    let da = vm.new_str("default");
    let once = Value::Obj(vm.new_dict());
    let funcs: &[(&'static str, NativeFn)] = &[("warn", w_warn), ("warn_explicit", w_warn_explicit), ("_filters_mutated", w_none)];
    let d = m.dict.borrow().clone();
    if let Some(d) = d {
        for &(n, f) in funcs {
            let k = vm.intern(n);
            let v = vm.new_builtin(n, f);
            dict_set_str(&d, &k, v);
        }
        for (n, v) in [("filters", filters), ("_defaultaction", da), ("_onceregistry", once)] {
            let k = vm.intern(n);
            dict_set_str(&d, &k, v);
        }
    }
    vm.state.insert("_warnings.module", Value::Obj(m.clone()));
    Ok(m)
}

fn w_none(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn module_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let m = vm.state.get("_warnings.module").cloned()?;
    let d = m.as_obj().and_then(|o| o.dict.borrow().clone())?;
    let k = vm.intern(name);
    dict_get_str(&d, &k)
}

fn kw(args: &Args, name: &str) -> Option<Value> {
    args.kwargs.iter().find(|(k, _)| k.as_str().map(|s| s.as_str_lossy() == name).unwrap_or(false)).map(|(_, v)| v.clone())
}

fn arg(args: &Args, i: usize, name: &str) -> Option<Value> {
    args.args.get(i).cloned().or_else(|| kw(args, name))
}

/// `message, category` normalised: a Warning instance gives its class.
fn message_and_category(vm: &mut Vm, message: Value, category: Option<Value>) -> PyResult<(Value, PyRef)> {
    let warning = vm.exc.warning.clone();
    if vm.is_instance(&message, &warning) {
        let c = vm.type_of(&message);
        return Ok((message, c));
    }
    let cat = match category {
        None | Some(Value::None) => vm.exc.user_warning.clone(),
        Some(Value::Obj(c)) if c.as_type().is_some() && vm.is_subtype(&c, &warning) => c,
        Some(c) => {
            return Err(vm.type_error(format!("category must be a Warning subclass, not '{}'", vm.type_name(&c))));
        }
    };
    Ok((message, cat))
}

fn matches(vm: &mut Vm, pattern: &Value, text: &str) -> PyResult<bool> {
    if pattern.is_none() {
        return Ok(true);
    }
    if let Some(p) = as_rust_str(pattern) {
        return Ok(p == text);
    }
    let t = vm.new_str(text);
    let r = vm.call_method(pattern, "match", &[t])?;
    vm.is_true(&r)
}

fn do_warn(vm: &mut Vm, message: Value, category: PyRef, filename: &str, lineno: u32, module: &str) -> PyResult<()> {
    let text = vm.str_string(&message)?;
    let mut action = module_attr(vm, "_defaultaction").and_then(|v| as_rust_str(&v)).unwrap_or_else(|| "default".into());
    // The filter list as warnings.py may have replaced it.
    let filters = {
        let md = vm.modules.clone();
        let wk = vm.intern("warnings");
        match dict_get_str(&md, &wk) {
            Some(w) => {
                let fk = vm.intern("filters");
                vm.get_attr_opt(&w, &fk)?
            }
            None => None,
        }
    }
    .or_else(|| module_attr(vm, "filters"));
    if let Some(f) = filters {
        for item in vm.collect(&f)? {
            let parts = match item.as_obj().map(|o| &o.payload) {
                Some(Payload::Tuple(t)) if t.len() == 5 => t.to_vec(),
                _ => return Err(vm.value_error("_warnings.filters item isn't a 5-tuple")),
            };
            let cat_ok = match &parts[2] {
                Value::Obj(c) if c.as_type().is_some() => vm.is_subtype(&category, c),
                _ => false,
            };
            if !cat_ok || !matches(vm, &parts[1], &text)? || !matches(vm, &parts[3], module)? {
                continue;
            }
            let ln = vm.index_i64(&parts[4]).unwrap_or(0);
            if ln != 0 && ln != lineno as i64 {
                continue;
            }
            action = as_rust_str(&parts[0]).unwrap_or_default();
            break;
        }
    }
    let cat_name = category.as_type().map(|t| t.name()).unwrap_or_default();
    let key = match action.as_str() {
        "ignore" => return Ok(()),
        "error" => {
            let warning = vm.exc.warning.clone();
            if vm.is_instance(&message, &warning) {
                return Err(crate::error::PyErr(message.as_obj().cloned().unwrap_or_else(|| vm.exc.warning.clone())));
            }
            return Err(vm.new_exception(&category, vec![message]));
        }
        "always" => None,
        "once" => Some(format!("once\0{}\0{}", text, cat_name)),
        "module" => Some(format!("module\0{}\0{}\0{}", filename, text, cat_name)),
        _ => Some(format!("default\0{}\0{}\0{}\0{}", filename, lineno, text, cat_name)),
    };
    if let Some(k) = key {
        let seen = vm.state.entry("_warnings.seen").or_insert_with(|| Value::None).clone();
        let set = match seen.as_obj() {
            Some(d) => d.clone(),
            None => {
                let d = vm.new_dict();
                vm.state.insert("_warnings.seen", Value::Obj(d.clone()));
                d
            }
        };
        let kk = vm.intern(&k);
        if dict_get_str(&set, &kk).is_some() {
            return Ok(());
        }
        dict_set_str(&set, &kk, Value::Bool(true));
    }
    let mut out = format!("{}:{}: {}: {}\n", filename, lineno, cat_name, text);
    if let Some(line) = crate::types::exceptions::source_line(filename, lineno) {
        let l = line.trim();
        if !l.is_empty() {
            out.push_str(&format!("  {}\n", l));
        }
    }
    crate::modules::sys::flush_stdout(vm);
    crate::types::exceptions::write_stderr(vm, &out);
    Ok(())
}

/// `warnings.warn(msg, category)` from Rust, attributed to the running
/// Python frame (stacklevel 1). May raise if the filters say "error".
pub fn warn(vm: &mut Vm, category: &PyRef, msg: &str) -> PyResult<()> {
    let m = vm.new_str(msg);
    w_warn(vm, Args::pos(&[m, Value::Obj(category.clone())]))?;
    Ok(())
}

fn w_warn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(message) = arg(&args, 0, "message") else {
        return Err(vm.type_error("warn() missing required argument 'message' (pos 1)"));
    };
    let (message, category) = message_and_category(vm, message, arg(&args, 1, "category"))?;
    let stacklevel = match arg(&args, 2, "stacklevel") {
        Some(v) => vm.index_i64(&v)?,
        None => 1,
    };
    let n = vm.frames.len() as i64;
    let (filename, lineno, module) = if stacklevel >= 1 && stacklevel <= n {
        let f = &vm.frames[(n - stacklevel) as usize];
        let filename = f.code.co.filename.to_string();
        let lineno = f.line();
        let globals = f.globals.clone();
        let nk = vm.names.__name__.clone();
        let module = dict_get_str(&globals, &nk).and_then(|v| as_rust_str(&v)).unwrap_or_else(|| "<string>".into());
        (filename, lineno, module)
    } else {
        ("sys".to_string(), 1, "sys".to_string())
    };
    do_warn(vm, message, category, &filename, lineno, &module)?;
    Ok(Value::None)
}

fn w_warn_explicit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let message = arg(&args, 0, "message").unwrap_or(Value::None);
    let (message, category) = message_and_category(vm, message, arg(&args, 1, "category"))?;
    let filename = arg(&args, 2, "filename").and_then(|v| as_rust_str(&v)).unwrap_or_default();
    let lineno = match arg(&args, 3, "lineno") {
        Some(v) => vm.index_i64(&v)?,
        None => 0,
    };
    let module = match arg(&args, 4, "module").and_then(|v| as_rust_str(&v)) {
        Some(m) => m,
        None => filename.strip_suffix(".py").unwrap_or(&filename).to_string(),
    };
    do_warn(vm, message, category, &filename, lineno.max(0) as u32, &module)?;
    Ok(Value::None)
}
