//! Running programs: a file, `-c`, `-m`, stdin; loading source through the
//! bytecode cache; and reporting uncaught exceptions the way CPython does
//! (traceback on stderr, exit status).

use crate::error::{PyErr, PyResult};
use crate::types::code::Code;
use crate::types::dict::dict_set_str;
use crate::value::Value;
use crate::vm::Vm;
use std::path::Path;
use std::rc::Rc;

/// Finds CPython's pure-Python standard library: `PYRITE_STDLIB`, then
/// well-known prefixes. Returns the directory holding `os.py`.
pub fn find_stdlib(env: Option<String>) -> Option<String> {
    let mut candidates: Vec<String> = Vec::new();
    if let Some(e) = env {
        candidates.push(e);
    }
    if let Ok(home) = std::env::var("HOME") {
        candidates.push(format!("{}/.pyenv/versions/3.11.7/lib/python3.11", home));
    }
    candidates.extend(
        ["/usr/lib/python3.11", "/usr/local/lib/python3.11", "/root/.pyenv/versions/3.11.7/lib/python3.11"]
            .iter()
            .map(|s| s.to_string()),
    );
    candidates.into_iter().find(|c| Path::new(c).join("os.py").is_file())
}

/// Installs the SIGINT handler that sets `vm::INTERRUPTED`.
pub fn install_sigint_handler() {
    crate::signals::install();
}

/// Compiles source text (reporting compile-time warnings) into runnable code.
pub fn compile_source(vm: &mut Vm, source: &str, filename: &str, mode: pyrite_compiler::Mode) -> PyResult<Rc<Code>> {
    let opts = pyrite_compiler::CompileOptions { optimize: vm.config.optimize, future_flags: 0 };
    match pyrite_compiler::compile_with_offsets(source, filename, mode, opts, pyrite_compiler::parse::Offsets::Chars) {
        Ok(out) => {
            let warnings: Vec<pyrite_marshal::StoredWarning> = out
                .warnings
                .iter()
                .map(|w| pyrite_marshal::StoredWarning { category: w.category.clone(), msg: w.msg.clone(), lineno: w.lineno })
                .collect();
            emit_warnings(vm, &warnings, filename);
            Ok(vm.make_code(out.code))
        }
        Err(e) => Err(crate::types::exceptions::syntax_error_from(vm, &e, filename)),
    }
}

/// Prints compile-time warnings as CPython's default filters would:
/// SyntaxWarning is shown; DeprecationWarning outside `__main__` is not.
pub fn emit_warnings(vm: &mut Vm, warnings: &[pyrite_marshal::StoredWarning], filename: &str) {
    for w in warnings {
        if w.category != "SyntaxWarning" {
            continue;
        }
        let mut text = format!("{}:{}: {}: {}\n", filename, w.lineno, w.category, w.msg);
        if let Some(line) = crate::types::exceptions::source_line(filename, w.lineno) {
            text.push_str(&format!("  {}\n", line.trim()));
        }
        crate::modules::sys::flush_stdout(vm);
        crate::types::exceptions::write_stderr(vm, &text);
    }
}

/// True when `PYRITE_TRACE_CACHE` is set (non-empty) or `-X pyrite_trace_cache`
/// was given: cache hits, misses and writes are reported on stderr.
pub fn trace_cache(vm: &Vm) -> bool {
    vm.config.xoptions.iter().any(|x| x == "pyrite_trace_cache")
        || std::env::var_os("PYRITE_TRACE_CACHE").map(|v| !v.is_empty()).unwrap_or(false)
}

/// Loads the code of a source file through the cache: a fresh, valid
/// `__pycache__/NAME.pyrite-311.pyc` is used without parsing; otherwise the
/// source is compiled and the cache written (unless disabled).
pub fn load_source_code(vm: &mut Vm, path: &Path, filename: &str) -> PyResult<Rc<Code>> {
    let pyc = pyrite_marshal::cache_path(path, vm.config.optimize);
    let trace = trace_cache(vm);
    if let Some(pyc) = &pyc {
        match pyrite_marshal::load_cached(path, pyc, filename) {
            Ok((code, warnings)) => {
                if trace {
                    eprintln!("pyrite-cache: hit {}", pyc.display());
                }
                emit_warnings(vm, &warnings, filename);
                return Ok(vm.make_code(code));
            }
            Err(e) => {
                if trace {
                    eprintln!("pyrite-cache: miss {} ({})", pyc.display(), e);
                }
            }
        }
    }
    let meta = std::fs::metadata(path).map_err(|e| crate::modules::os_error(vm, &e, Some(filename)))?;
    let stamp = pyrite_marshal::SourceStamp::from_metadata(&meta);
    let bytes = std::fs::read(path).map_err(|e| crate::modules::os_error(vm, &e, Some(filename)))?;
    let source = match pyrite_compiler::decode_source_file(&bytes, filename) {
        Ok(s) => s,
        Err(e) => return Err(crate::types::exceptions::syntax_error_from(vm, &e, filename)),
    };
    let opts = pyrite_compiler::CompileOptions { optimize: vm.config.optimize, future_flags: 0 };
    let offsets = pyrite_compiler::source::offsets_for(&bytes);
    let out = match pyrite_compiler::compile_with_offsets(&source, filename, pyrite_compiler::Mode::Exec, opts, offsets) {
        Ok(out) => out,
        Err(e) => return Err(crate::types::exceptions::syntax_error_from(vm, &e, filename)),
    };
    let warnings: Vec<pyrite_marshal::StoredWarning> = out
        .warnings
        .iter()
        .map(|w| pyrite_marshal::StoredWarning { category: w.category.clone(), msg: w.msg.clone(), lineno: w.lineno })
        .collect();
    emit_warnings(vm, &warnings, filename);
    if let Some(pyc) = &pyc {
        if !dont_write_bytecode(vm) {
            // An unwritable directory is not an error.
            let r = pyrite_marshal::store_cached(pyc, &out.code, &warnings, stamp);
            if trace {
                match r {
                    Ok(()) => eprintln!("pyrite-cache: wrote {}", pyc.display()),
                    Err(e) => eprintln!("pyrite-cache: not written {} ({})", pyc.display(), e),
                }
            }
        } else if trace {
            eprintln!("pyrite-cache: not written {} (dont_write_bytecode)", pyc.display());
        }
    }
    Ok(vm.make_code(out.code))
}

/// `sys.dont_write_bytecode` (set from `-B` / `PYTHONDONTWRITEBYTECODE`).
pub fn dont_write_bytecode(vm: &mut Vm) -> bool {
    let k = vm.intern("dont_write_bytecode");
    let sd = vm.sys_dict.clone();
    match crate::types::dict::dict_get_str(&sd, &k) {
        Some(v) => vm.is_true(&v).unwrap_or(true),
        None => vm.config.dont_write_bytecode,
    }
}

/// A fresh `__main__` module's globals, registered in `sys.modules`.
fn main_globals(vm: &mut Vm) -> crate::object::PyRef {
    let main = crate::types::module::new_module(vm, "__main__");
    let globals = main.dict.borrow().clone().unwrap_or_else(|| vm.new_dict());
    let k = vm.intern("__main__");
    let md = vm.modules.clone();
    dict_set_str(&md, &k, Value::Obj(main));
    let bk = vm.names.__builtins__.clone();
    dict_set_str(&globals, &bk, Value::Obj(vm.builtins.clone()));
    globals
}

/// Runs a script file as `__main__`; returns the exit status.
pub fn run_file(vm: &mut Vm, path: &str) -> i32 {
    if let Err(e) = crate::modules::post_init(vm) {
        return report_exception(vm, e);
    }
    let p = Path::new(path);
    if !p.exists() {
        let exe = std::env::args().next().unwrap_or_else(|| "pyrite".into());
        let abs = std::env::current_dir().map(|d| d.join(p)).unwrap_or_else(|_| p.to_path_buf());
        eprintln!("{}: can't open file '{}': [Errno 2] No such file or directory", exe, abs.display());
        return 2;
    }
    if p.is_dir() {
        let main = p.join("__main__.py");
        if main.is_file() {
            return run_file(vm, &main.display().to_string());
        }
        let exe = std::env::args().next().unwrap_or_else(|| "pyrite".into());
        eprintln!("{}: can't find '__main__' module in '{}'", exe, path);
        return 1;
    }
    let globals = main_globals(vm);
    // Since 3.9 the main script's `__file__` (and so co_filename) is absolute.
    let abs = crate::modules::abspath(path);
    let f = vm.new_str(&abs);
    let fk = vm.names.__file__.clone();
    dict_set_str(&globals, &fk, f);
    let ck = vm.names.__cached__.clone();
    dict_set_str(&globals, &ck, Value::None);
    let r = load_source_code(vm, p, &abs).and_then(|code| vm.run_code(code, globals, None));
    finish(vm, r)
}

/// Runs `-c` code as `__main__`.
pub fn run_command(vm: &mut Vm, source: &str) -> i32 {
    if let Err(e) = crate::modules::post_init(vm) {
        return report_exception(vm, e);
    }
    let globals = main_globals(vm);
    let r = compile_source(vm, source, "<string>", pyrite_compiler::Mode::Exec).and_then(|code| vm.run_code(code, globals, None));
    finish(vm, r)
}

/// Runs stdin as `__main__` (the REPL when it is a terminal).
pub fn run_stdin(vm: &mut Vm) -> i32 {
    use std::io::Read;
    if let Err(e) = crate::modules::post_init(vm) {
        return report_exception(vm, e);
    }
    let mut bytes = Vec::new();
    if std::io::stdin().read_to_end(&mut bytes).is_err() {
        return 1;
    }
    let globals = main_globals(vm);
    let source = match pyrite_compiler::decode_source(&bytes) {
        Ok(s) => s,
        Err(e) => {
            let err = crate::types::exceptions::syntax_error_from(vm, &e, "<stdin>");
            return report_exception(vm, err);
        }
    };
    let r = compile_source(vm, &source, "<stdin>", pyrite_compiler::Mode::Exec).and_then(|code| vm.run_code(code, globals, None));
    finish(vm, r)
}

/// Runs a module by name as `__main__` (`-m`), as `runpy` does.
pub fn run_module(vm: &mut Vm, name: &str) -> i32 {
    if let Err(e) = crate::modules::post_init(vm) {
        return report_exception(vm, e);
    }
    match crate::importer::run_module_as_main(vm, name) {
        Ok(r) => finish(vm, r),
        Err(msg) => {
            crate::modules::sys::flush_stdout(vm);
            let exe = std::env::args().next().unwrap_or_else(|| "pyrite".into());
            eprintln!("{}: {}", exe, msg);
            1
        }
    }
}

fn finish(vm: &mut Vm, r: PyResult<Value>) -> i32 {
    let status = match r {
        Ok(_) => 0,
        Err(e) => report_exception(vm, e),
    };
    crate::modules::sys::flush_stdout(vm);
    status
}

/// Set when the program ended with an uncaught KeyboardInterrupt: the process
/// then ends by SIGINT, as CPython does (shell status 130).
static EXIT_BY_SIGINT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" {
    fn signal(signum: i32, handler: usize) -> usize;
    fn raise(sig: i32) -> i32;
}

/// Interpreter shutdown: flushes the standard streams.
pub fn finalize(vm: &mut Vm) {
    crate::modules::atexit::run_exitfuncs(vm);
    crate::finalize::clear_main(vm);
    crate::modules::sys::flush_stdout(vm);
    if EXIT_BY_SIGINT.load(std::sync::atomic::Ordering::Relaxed) {
        let _ = std::io::Write::flush(&mut std::io::stderr());
        // SAFETY: restoring the default disposition and raising the signal
        // ends the process; nothing runs concurrently with it.
        unsafe {
            signal(2, 0);
            raise(2);
        }
    }
    crate::modules::io::flush_all();
}

/// Prints an uncaught exception (or handles SystemExit) and returns the exit status.
pub fn report_exception(vm: &mut Vm, e: PyErr) -> i32 {
    let se = vm.exc.system_exit.clone();
    if vm.is_subtype(e.0.class(), &se) {
        return crate::types::exceptions::system_exit_code(vm, &e);
    }
    let ki = vm.exc.keyboard_interrupt.clone();
    if vm.is_subtype(e.0.class(), &ki) {
        EXIT_BY_SIGINT.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    crate::modules::sys::flush_stdout(vm);
    let hook = vm.intern("excepthook");
    let sd = vm.sys_dict.clone();
    let exc = Value::Obj(e.0.clone());
    // sys.last_type / last_value / last_traceback, as PyErr_PrintEx(1).
    let tp = Value::Obj(vm.type_of(&exc));
    let tb = crate::types::exceptions::get_traceback(&exc);
    for (name, v) in [("last_type", tp.clone()), ("last_value", exc.clone()), ("last_traceback", tb.clone())] {
        let k = vm.intern(name);
        dict_set_str(&sd, &k, v);
    }
    match crate::types::dict::dict_get_str(&sd, &hook) {
        Some(h) if !h.is_none() => {
            if !vm.is_builtin_fn(&h, crate::modules::sys::sys_excepthook) {
                match vm.call(&h, &[tp, exc.clone(), tb], &[]) {
                    Ok(_) => return 1,
                    Err(err) => {
                        if vm.is_subtype(err.0.class(), &se) {
                            return crate::types::exceptions::system_exit_code(vm, &err);
                        }
                        crate::modules::sys::flush_stdout(vm);
                        crate::types::exceptions::write_stderr(vm, "Error in sys.excepthook:\n");
                        crate::types::exceptions::print_exception(vm, &Value::Obj(err.0.clone()));
                        crate::types::exceptions::write_stderr(vm, "\nOriginal exception was:\n");
                        crate::types::exceptions::print_exception(vm, &exc);
                        return 1;
                    }
                }
            }
        }
        _ => crate::types::exceptions::write_stderr(vm, "sys.excepthook is missing\n"),
    }
    crate::types::exceptions::print_exception(vm, &exc);
    let ki = vm.exc.keyboard_interrupt.clone();
    if vm.is_subtype(e.0.class(), &ki) {
        return 130;
    }
    1
}
