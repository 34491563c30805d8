//! The `sys` module and the standard streams; CPython: Python/sysmodule.c.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::dict::dict_set_str;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::io::Write;

/// Which OS stream a std stream object writes to.
pub struct StdStream {
    pub fd: i32,
    pub buf: RefCell<Vec<u8>>,
}

impl StdStream {
    /// Writes buffered bytes to the OS stream.
    pub fn flush(&self) {
        let mut b = self.buf.borrow_mut();
        if b.is_empty() {
            return;
        }
        let r = if self.fd == 2 {
            std::io::stderr().write_all(&b).and_then(|_| std::io::stderr().flush())
        } else {
            std::io::stdout().write_all(&b).and_then(|_| std::io::stdout().flush())
        };
        let _ = r;
        b.clear();
    }
}

fn stream_of(v: &Value) -> Option<&StdStream> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => n.downcast_ref::<StdStream>(),
        _ => None,
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "write", &args, 2, 2)?;
    let s = match args.args[1].as_obj().and_then(|o| o.as_str()) {
        Some(s) => s,
        None => {
            return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(&args.args[1]))))
        }
    };
    let n = s.len();
    let text = s.as_str_lossy().into_owned();
    let Some(st) = stream_of(&args.args[0]) else { return Err(vm.type_error("bad stream")) };
    if st.fd == 2 {
        flush_stdout(vm);
    }
    st.buf.borrow_mut().extend_from_slice(text.as_bytes());
    if st.fd == 2 || st.buf.borrow().len() > 8192 || vm.config.unbuffered && text.contains('\n') {
        st.flush();
    }
    Ok(Value::Int(n as i64))
}

fn stream_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(st) = args.args.first().and_then(stream_of) {
        st.flush();
    }
    let _ = vm;
    Ok(Value::None)
}

/// Flushes `sys.stdout`'s buffer (before writing to stderr, and at exit).
pub fn flush_stdout(vm: &mut Vm) {
    for name in ["stdout", "__stdout__"] {
        let k = vm.intern(name);
        let sd = vm.sys_dict.clone();
        if let Some(v) = crate::types::dict::dict_get_str(&sd, &k) {
            if let Some(st) = stream_of(&v) {
                st.flush();
            } else if name == "stdout" {
                let _ = vm.call_method(&v, "flush", &[]);
            }
        }
    }
}

fn new_stream(vm: &mut Vm, cls: &PyRef, fd: i32) -> Value {
    Value::Obj(PyObject::new(cls.clone(), Payload::Native(Box::new(StdStream { fd, buf: RefCell::new(Vec::new()) }))))
}

/// Fills the `sys` module.
pub fn init(vm: &mut Vm) {
    let sd = vm.sys_dict.clone();
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let k = vm.intern(name);
        dict_set_str(&sd, &k, v);
    };
    let object = vm.types.object.clone();
    let stream_t = vm.new_builtin_type("TextIOWrapper", "_io", &object, crate::types::typeobj::Layout::Opaque, crate::types::typeobj::flags::IMMUTABLE);
    vm.add_methods(&stream_t, &[("write", stream_write), ("flush", stream_flush)]);
    let out = new_stream(vm, &stream_t, 1);
    let err = new_stream(vm, &stream_t, 2);
    set(vm, "stdout", out.clone());
    set(vm, "__stdout__", out);
    set(vm, "stderr", err.clone());
    set(vm, "__stderr__", err);
    let name = vm.new_str("sys");
    set(vm, "__name__", name);
    let argv: Vec<Value> = vm.config.argv.clone().iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    set(vm, "argv", argv);
    let modules = Value::Obj(vm.modules.clone());
    set(vm, "modules", modules);
    set(vm, "maxsize", Value::Int(i64::MAX));
    let path: Vec<Value> = Vec::new();
    let path = vm.new_list(path);
    set(vm, "path", path);
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
}

/// The default `sys.excepthook`.
pub fn sys_excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(v) = args.args.get(1) {
        crate::types::exceptions::print_exception(vm, v);
    }
    Ok(Value::None)
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
