//! A native `_io`-like layer: `open()`, text files (`TextIOWrapper`), binary
//! files (`BufferedReader`/`BufferedWriter`/`BufferedRandom`), the standard
//! streams and `input()`. CPython: Modules/_io/.
//!
//! Registration table (every file type gets the same methods; text/binary
//! differences are decided by the object's state):
//! read, readline, readlines, write, writelines, close, flush, fileno, seek,
//! tell, truncate, readable, writable, seekable, isatty, detach-less
//! `__enter__`, `__exit__`, `__iter__`, `__next__`, `__repr__`; getsets
//! closed, name, mode, encoding, errors, line_buffering, newlines.
//! Module `_io`: open, TextIOWrapper, BufferedReader, BufferedWriter,
//! BufferedRandom, UnsupportedOperation, DEFAULT_BUFFER_SIZE.
//! Builtins: open, input.

use crate::error::{PyErr, PyResult};
use crate::object::{Payload, PyObject, PyRef};
use crate::types::descr::GetSetDef;
use crate::types::dict::{dict_get_str, dict_set_str};
use crate::types::function::{Args, NativeFn};
use crate::types::strops::as_rust_str;
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::io::{Read, Seek, SeekFrom, Write};

/// Where a file object's bytes go.
enum Raw {
    File(std::fs::File),
    Stdin,
    Stdout,
    Stderr,
    /// Closed (or detached): no OS resource.
    None,
}

/// The state of one file object.
struct FileState {
    raw: Raw,
    name: Value,
    mode: String,
    text: bool,
    readable: bool,
    writable: bool,
    closed: bool,
    encoding: String,
    errors: String,
    /// `newline` argument: None = universal newlines.
    newline: Option<String>,
    /// Raw bytes read from the OS and not yet consumed.
    rbuf: Vec<u8>,
    /// Decoded (and newline-translated) text not yet consumed.
    tbuf: String,
    /// A `\r` at the end of the decoded data, waiting to see if `\n` follows.
    pending_cr: bool,
    eof: bool,
    /// Bytes written and not yet passed to the OS.
    wbuf: Vec<u8>,
    line_buffering: bool,
    fd: i32,
}

/// A file object's payload.
pub struct IoFile {
    st: RefCell<FileState>,
}

impl FileState {
    fn flush_raw(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let r = match &mut self.raw {
            Raw::File(f) => f.write_all(&self.wbuf),
            Raw::Stdout => {
                let mut o = std::io::stdout().lock();
                o.write_all(&self.wbuf).and_then(|_| o.flush())
            }
            Raw::Stderr => {
                let mut o = std::io::stderr().lock();
                o.write_all(&self.wbuf).and_then(|_| o.flush())
            }
            _ => Ok(()),
        };
        self.wbuf.clear();
        r
    }

    /// Reads up to `n` more raw bytes into `rbuf`; returns how many.
    fn fill(&mut self, n: usize) -> std::io::Result<usize> {
        let mut buf = vec![0u8; n.max(1)];
        let got = match &mut self.raw {
            Raw::File(f) => f.read(&mut buf)?,
            Raw::Stdin => {
                // Line at a time from a terminal or pipe.
                let mut line = Vec::new();
                let mut lock = std::io::stdin().lock();
                std::io::BufRead::read_until(&mut lock, b'\n', &mut line)?;
                self.rbuf.extend_from_slice(&line);
                if line.is_empty() {
                    self.eof = true;
                }
                return Ok(line.len());
            }
            _ => 0,
        };
        if got == 0 {
            self.eof = true;
        }
        self.rbuf.extend_from_slice(&buf[..got]);
        Ok(got)
    }

    fn read_all_raw(&mut self) -> std::io::Result<()> {
        while !self.eof {
            self.fill(65536)?;
        }
        Ok(())
    }

    /// Moves decodable bytes from `rbuf` into `tbuf`, translating newlines.
    fn decode_some(&mut self) -> Result<(), String> {
        let enc = self.encoding.to_ascii_lowercase().replace('_', "-");
        if matches!(enc.as_str(), "latin-1" | "latin1" | "iso-8859-1" | "ascii" | "us-ascii") {
            let ascii = enc.contains("ascii");
            let mut text = String::with_capacity(self.rbuf.len());
            for (i, &b) in self.rbuf.iter().enumerate() {
                if ascii && b > 0x7f {
                    match self.errors.as_str() {
                        "strict" => {
                            return Err(format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", b, i));
                        }
                        "ignore" => continue,
                        _ => text.push('\u{fffd}'),
                    }
                } else {
                    text.push(b as char);
                }
            }
            self.rbuf.clear();
            return self.push_text(text);
        }
        let (valid_len, bad) = match std::str::from_utf8(&self.rbuf) {
            Ok(_) => (self.rbuf.len(), None),
            Err(e) => match e.error_len() {
                Some(l) => (e.valid_up_to(), Some(l)),
                None => {
                    if self.eof {
                        (e.valid_up_to(), Some(self.rbuf.len() - e.valid_up_to()))
                    } else {
                        (e.valid_up_to(), None)
                    }
                }
            },
        };
        let mut text = String::from_utf8_lossy(&self.rbuf[..valid_len]).into_owned();
        let mut consumed = valid_len;
        if let Some(l) = bad {
            if valid_len == 0 || self.errors != "strict" {
                match self.errors.as_str() {
                    "strict" => {
                        let b = self.rbuf[valid_len];
                        return Err(format!(
                            "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                            b, valid_len
                        ));
                    }
                    "ignore" => {}
                    _ => text.push('\u{fffd}'),
                }
                consumed += l;
            }
        }
        self.rbuf.drain(..consumed);
        self.push_text(text)
    }

    /// Appends decoded text to `tbuf`, translating newlines in universal mode.
    fn push_text(&mut self, mut text: String) -> Result<(), String> {
        if self.newline.is_none() {
            let mut out = String::with_capacity(text.len());
            if self.pending_cr {
                self.pending_cr = false;
                out.push('\n');
                if text.starts_with('\n') {
                    text.remove(0);
                }
            }
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '\r' {
                    match chars.peek() {
                        Some('\n') => {
                            chars.next();
                            out.push('\n');
                        }
                        Some(_) => out.push('\n'),
                        None => {
                            if self.eof {
                                out.push('\n');
                            } else {
                                self.pending_cr = true;
                            }
                        }
                    }
                } else {
                    out.push(c);
                }
            }
            self.tbuf.push_str(&out);
        } else {
            self.tbuf.push_str(&text);
        }
        Ok(())
    }
}

impl Drop for IoFile {
    fn drop(&mut self) {
        let st = self.st.get_mut();
        let _ = st.flush_raw();
    }
}

fn io_type(vm: &Vm, key: &str) -> Option<PyRef> {
    vm.state.iter().find(|(k, _)| **k == key).and_then(|(_, v)| v.as_obj().cloned())
}

fn file_of(v: &Value) -> Option<&IoFile> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => n.downcast_ref::<IoFile>(),
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a IoFile> {
    match args.args.first().and_then(file_of) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a file object")),
    }
}

fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match io_type(vm, "io.UnsupportedOperation") {
        Some(c) => vm.new_exception_msg(&c, msg),
        None => vm.value_error(msg),
    }
}

fn io_err(vm: &mut Vm, e: &std::io::Error) -> PyErr {
    crate::modules::os_error(vm, e, None)
}

/// Registers `_io`, `open` and `input`, and installs the standard streams.
pub fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", f_read),
        ("read1", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("write", f_write),
        ("writelines", f_writelines),
        ("close", f_close),
        ("flush", f_flush),
        ("fileno", f_fileno),
        ("seek", f_seek),
        ("tell", f_tell),
        ("truncate", f_truncate),
        ("readable", f_readable),
        ("writable", f_writable),
        ("seekable", f_seekable),
        ("isatty", f_isatty),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_enter),
        ("__next__", f_next),
        ("__repr__", f_repr),
    ];
    let getsets = [
        GetSetDef { name: "closed", get: g_closed, set: None },
        GetSetDef { name: "name", get: g_name, set: None },
        GetSetDef { name: "mode", get: g_mode, set: None },
        GetSetDef { name: "encoding", get: g_encoding, set: None },
        GetSetDef { name: "errors", get: g_errors, set: None },
        GetSetDef { name: "line_buffering", get: g_line_buffering, set: None },
        GetSetDef { name: "newlines", get: g_newlines, set: None },
        GetSetDef { name: "buffer", get: g_buffer, set: None },
    ];
    for (key, name) in [
        ("io.TextIOWrapper", "TextIOWrapper"),
        ("io.BufferedReader", "BufferedReader"),
        ("io.BufferedWriter", "BufferedWriter"),
        ("io.BufferedRandom", "BufferedRandom"),
    ] {
        let t = vm.new_builtin_type(name, "_io", &object, Layout::Opaque, flags::BASETYPE | flags::HAS_DICT);
        vm.add_methods(&t, methods);
        vm.add_getsets(&t, &getsets);
        vm.state.insert(key, Value::Obj(t));
    }
    // io.UnsupportedOperation(OSError, ValueError).
    let tt = Value::Obj(vm.types.type_.clone());
    let n = vm.new_str("UnsupportedOperation");
    let bases = vm.new_tuple(vec![Value::Obj(vm.exc.os_error.clone()), Value::Obj(vm.exc.value_error.clone())]);
    let ns = vm.new_dict();
    let mk = vm.names.__module__.clone();
    let iov = vm.new_str("io");
    dict_set_str(&ns, &mk, iov);
    if let Ok(Value::Obj(c)) = vm.call(&tt, &[n, bases, Value::Obj(ns)], &[]) {
        vm.state.insert("io.UnsupportedOperation", Value::Obj(c));
    }
    let bd = vm.builtins_dict.clone();
    for (name, f) in [("open", io_open as NativeFn), ("input", builtin_input as NativeFn)] {
        let k = vm.intern(name);
        let v = vm.new_builtin(name, f);
        dict_set_str(&bd, &k, v);
    }
    vm.native_modules.insert("_io", init_io_module);
    let stdin = std_stream(vm, Raw::Stdin, "<stdin>", "r", 0);
    let stdout = std_stream(vm, Raw::Stdout, "<stdout>", "w", 1);
    let stderr = std_stream(vm, Raw::Stderr, "<stderr>", "w", 2);
    let sd = vm.sys_dict.clone();
    for (n, v) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
        let k = vm.intern(n);
        dict_set_str(&sd, &k, v.clone());
        let k2 = vm.intern(&format!("__{}__", n));
        dict_set_str(&sd, &k2, v);
    }
}

fn init_io_module(vm: &mut Vm) -> PyResult<PyRef> {
    let m = crate::types::module::new_module(vm, "_io");
    let d = m.dict.borrow().clone();
    if let Some(d) = d {
        let bd = vm.builtins_dict.clone();
        let ok = vm.intern("open");
        if let Some(o) = dict_get_str(&bd, &ok) {
            dict_set_str(&d, &ok, o);
        }
        for (key, name) in [
            ("io.TextIOWrapper", "TextIOWrapper"),
            ("io.BufferedReader", "BufferedReader"),
            ("io.BufferedWriter", "BufferedWriter"),
            ("io.BufferedRandom", "BufferedRandom"),
            ("io.UnsupportedOperation", "UnsupportedOperation"),
        ] {
            if let Some(t) = io_type(vm, key) {
                let k = vm.intern(name);
                dict_set_str(&d, &k, Value::Obj(t));
            }
        }
        let k = vm.intern("DEFAULT_BUFFER_SIZE");
        dict_set_str(&d, &k, Value::Int(8192));
    }
    Ok(m)
}

thread_local! {
    /// Every file object created, so that interpreter exit can flush the
    /// ones still alive (kept alive by reference cycles, for instance).
    static OPEN_FILES: RefCell<Vec<std::rc::Weak<PyObject>>> = const { RefCell::new(Vec::new()) };
}

fn new_file(vm: &mut Vm, key: &str, st: FileState) -> PyResult<Value> {
    let t = io_type(vm, key).ok_or_else(|| vm.system_error("io not initialised"))?;
    let o = PyObject::with_dict(t, Payload::Native(Box::new(IoFile { st: RefCell::new(st) })), vm.new_dict());
    OPEN_FILES.with(|f| {
        let mut f = f.borrow_mut();
        if f.len() >= 64 && f.len().is_power_of_two() {
            f.retain(|w| w.strong_count() > 0);
        }
        f.push(std::rc::Rc::downgrade(&o));
    });
    Ok(Value::Obj(o))
}

/// Flushes every live file object (interpreter exit).
pub fn flush_all() {
    let files: Vec<PyRef> = OPEN_FILES.with(|f| f.borrow().iter().filter_map(|w| w.upgrade()).collect());
    for f in files {
        flush_native(&Value::Obj(f));
    }
}

fn std_stream(vm: &mut Vm, raw: Raw, name: &str, mode: &str, fd: i32) -> Value {
    let line_buffering = fd == 1 && {
        use std::io::IsTerminal;
        std::io::stdout().is_terminal()
    };
    let st = FileState {
        raw,
        name: vm.new_str(name),
        mode: mode.to_string(),
        text: true,
        readable: fd == 0,
        writable: fd != 0,
        closed: false,
        encoding: "utf-8".into(),
        errors: if fd == 2 { "backslashreplace".into() } else { "strict".into() },
        newline: Some("\n".into()),
        rbuf: Vec::new(),
        tbuf: String::new(),
        pending_cr: false,
        eof: false,
        wbuf: Vec::new(),
        line_buffering,
        fd,
    };
    new_file(vm, "io.TextIOWrapper", st).unwrap_or(Value::None)
}

/// Flushes a native file object's write buffer (false if `v` is not one).
pub fn flush_native(v: &Value) -> bool {
    match file_of(v) {
        Some(f) => {
            if let Ok(mut st) = f.st.try_borrow_mut() {
                let _ = st.flush_raw();
            }
            true
        }
        None => false,
    }
}

// ----- open() ---------------------------------------------------------------------

fn io_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
    let kw = crate::builtins::kwargs_of(vm, "open", args.kwargs, &names)?;
    if args.args.len() > names.len() {
        return Err(vm.type_error(format!("open() takes at most 8 arguments ({} given)", args.args.len())));
    }
    let get = |i: usize| args.args.get(i).cloned().or_else(|| kw[i].clone());
    let Some(file) = get(0) else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let mode = match get(1) {
        None => "r".to_string(),
        Some(m) => match as_rust_str(&m) {
            Some(s) => s,
            None => return Err(vm.type_error(format!("open() argument 'mode' must be str, not {}", vm.type_name(&m)))),
        },
    };
    let buffering = match get(2) {
        Some(b) => vm.index_i64(&b)?,
        None => -1,
    };
    let opt_str = |vm: &mut Vm, v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => match as_rust_str(&v) {
                Some(s) => Ok(Some(s)),
                None => Err(vm.type_error(format!("open() argument '{}' must be str or None, not {}", what, vm.type_name(&v)))),
            },
        }
    };
    let encoding = opt_str(vm, get(3), "encoding")?;
    let errors = opt_str(vm, get(4), "errors")?;
    let newline = opt_str(vm, get(5), "newline")?;
    let closefd = match get(6) {
        Some(v) => vm.is_true(&v)?,
        None => true,
    };
    // Mode validation, as _io.open.
    let (mut c, mut r, mut w, mut a, mut x, mut plus, mut t, mut b) = (false, false, false, false, false, false, false, false);
    let mut seen = String::new();
    for ch in mode.chars() {
        if seen.contains(ch) || !"rwaxbt+U".contains(ch) {
            return Err(vm.value_error(format!("invalid mode: '{}'", mode)));
        }
        seen.push(ch);
        match ch {
            'r' => r = true,
            'w' => w = true,
            'a' => a = true,
            'x' => x = true,
            '+' => plus = true,
            't' => t = true,
            'b' => b = true,
            _ => c = true,
        }
    }
    if c {
        return Err(vm.value_error(format!("invalid mode: '{}'", mode)));
    }
    if t && b {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if [r, w, a, x].iter().filter(|&&v| v).count() != 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if b && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if b && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if b && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if b && buffering == 1 {
        // CPython warns (RuntimeWarning) and goes on.
    }
    if !b && buffering == 0 {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    if let Some(nl) = &newline {
        if !["", "\n", "\r", "\r\n"].contains(&nl.as_str()) {
            return Err(vm.value_error(format!("illegal newline value: {}", nl)));
        }
    }
    let enc = match &encoding {
        None => "UTF-8".to_string(),
        Some(e) => {
            let norm = e.to_ascii_lowercase().replace('_', "-");
            if !["utf-8", "utf8", "ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "locale"].contains(&norm.as_str()) {
                let c = vm.exc.lookup_error.clone();
                return Err(vm.new_exception_msg(&c, &format!("unknown encoding: {}", e)));
            }
            e.clone()
        }
    };
    let mut oo = std::fs::OpenOptions::new();
    oo.read(r || plus).write(w || a || x || plus).append(a);
    if w {
        oo.create(true).truncate(true);
    }
    if x {
        oo.create_new(true);
    }
    if a {
        oo.create(true);
    }
    let (raw, name, fd) = if let Some(fdn) = match &file {
        Value::Int(i) => Some(*i),
        Value::Bool(_) => None,
        _ => None,
    } {
        if fdn < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        let f = dup_fd(fdn as i32).map_err(|e| io_err(vm, &e))?;
        (Raw::File(f), file.clone(), fdn as i32)
    } else {
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        let path = match as_rust_str(&file) {
            Some(p) => p,
            None => match file.as_obj().map(|o| &o.payload) {
                Some(Payload::Bytes(bb)) => String::from_utf8_lossy(bb).into_owned(),
                _ => {
                    // os.PathLike.
                    let k = vm.intern("__fspath__");
                    match vm.get_attr_opt(&file, &k)? {
                        Some(f) => {
                            let p = vm.call(&f, &[], &[])?;
                            as_rust_str(&p).unwrap_or_default()
                        }
                        None => return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(&file)))),
                    }
                }
            },
        };
        let f = match oo.open(&path) {
            Ok(f) => f,
            Err(e) => return Err(crate::modules::os_error(vm, &e, Some(&path))),
        };
        if let Ok(m) = f.metadata() {
            if m.is_dir() {
                let e = std::io::Error::from_raw_os_error(21);
                return Err(crate::modules::os_error(vm, &e, Some(&path)));
            }
        }
        use std::os::fd::AsRawFd;
        let fd = f.as_raw_fd();
        (Raw::File(f), file.clone(), fd)
    };
    // The text wrapper reports the given mode; buffered binary objects the
    // raw mode ('rb', 'wb', 'rb+' ...).
    let rawmode = if b {
        let base = if r { "r" } else if w { "w" } else if a { "a" } else { "x" };
        if plus {
            format!("{}b+", base)
        } else {
            format!("{}b", base)
        }
    } else {
        mode.clone()
    };
    let st = FileState {
        raw,
        name,
        mode: rawmode,
        text: !b,
        readable: r || plus,
        writable: w || a || x || plus,
        closed: false,
        encoding: enc,
        errors: errors.unwrap_or_else(|| "strict".into()),
        newline,
        rbuf: Vec::new(),
        tbuf: String::new(),
        pending_cr: false,
        eof: false,
        wbuf: Vec::new(),
        line_buffering: buffering == 1 && !b,
        fd,
    };
    let key = if !b {
        "io.TextIOWrapper"
    } else if plus {
        "io.BufferedRandom"
    } else if r {
        "io.BufferedReader"
    } else {
        "io.BufferedWriter"
    };
    new_file(vm, key, st)
}

fn dup_fd(fd: i32) -> std::io::Result<std::fs::File> {
    use std::os::fd::BorrowedFd;
    if !std::path::Path::new(&format!("/proc/self/fd/{}", fd)).exists() {
        return Err(std::io::Error::from_raw_os_error(9));
    }
    // SAFETY: the descriptor was just seen open; it is only borrowed long
    // enough to duplicate it (a failure is reported as an OSError).
    let b = unsafe { BorrowedFd::borrow_raw(fd) };
    Ok(std::fs::File::from(b.try_clone_to_owned()?))
}

// ----- methods ---------------------------------------------------------------------

fn check_readable(vm: &mut Vm, st: &FileState) -> PyResult<()> {
    if st.closed {
        return Err(closed_error(vm));
    }
    if !st.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn check_writable(vm: &mut Vm, st: &FileState) -> PyResult<()> {
    if st.closed {
        return Err(closed_error(vm));
    }
    if !st.writable {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(())
}

fn size_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<i64> {
    match args.args.get(i) {
        None | Some(Value::None) => Ok(-1),
        Some(v) => vm.index_i64(v),
    }
}

fn decode_err(vm: &mut Vm, msg: String) -> PyErr {
    let c = vm.exc.unicode_decode_error.clone();
    vm.new_exception_msg(&c, &msg)
}

/// Text: ensures `tbuf` holds `n` chars (or a newline when `line`), or EOF.
fn text_fill(vm: &mut Vm, st: &mut FileState, n: Option<usize>, line: bool) -> PyResult<()> {
    loop {
        let have_enough = match n {
            Some(n) => st.tbuf.chars().take(n).count() >= n,
            None => false,
        } || (line && line_end(&st.tbuf, st.newline.as_deref(), st.eof && st.rbuf.is_empty()).is_some());
        if have_enough || (st.eof && st.rbuf.is_empty()) {
            if st.eof && st.pending_cr {
                st.pending_cr = false;
                st.tbuf.push('\n');
            }
            return Ok(());
        }
        if !st.eof {
            if let Err(e) = st.fill(8192) {
                return Err(io_err(vm, &e));
            }
        }
        if let Err(m) = st.decode_some() {
            return Err(decode_err(vm, m));
        }
        if st.eof && st.rbuf.is_empty() && n.is_none() && !line {
            return Ok(());
        }
    }
}

/// The end (exclusive byte index) of the first line in `s` under the
/// `newline` setting; None if no terminator is known yet (a final `\r` in
/// universal mode waits for more data unless `at_eof`).
fn line_end(s: &str, newline: Option<&str>, at_eof: bool) -> Option<usize> {
    match newline {
        None | Some("\n") => s.find('\n').map(|i| i + 1),
        Some("") => {
            let i = s.find(['\r', '\n'])?;
            if s.as_bytes()[i] == b'\n' {
                return Some(i + 1);
            }
            match s.as_bytes().get(i + 1) {
                Some(b'\n') => Some(i + 2),
                Some(_) => Some(i + 1),
                None => {
                    if at_eof {
                        Some(i + 1)
                    } else {
                        None
                    }
                }
            }
        }
        Some(t) => s.find(t).map(|i| i + t.len()),
    }
}

fn take_chars(s: &mut String, n: usize) -> String {
    let idx = s.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.len());
    let rest = s.split_off(idx);
    std::mem::replace(s, rest)
}

fn f_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let n = size_arg(vm, &args, 1)?;
    let mut st = f.st.borrow_mut();
    check_readable(vm, &st)?;
    let _ = st.flush_raw();
    if st.text {
        if n < 0 {
            if let Err(e) = st.read_all_raw() {
                return Err(io_err(vm, &e));
            }
            text_fill(vm, &mut st, None, false)?;
            let s = std::mem::take(&mut st.tbuf);
            drop(st);
            return Ok(vm.new_str(&s));
        }
        text_fill(vm, &mut st, Some(n as usize), false)?;
        let s = take_chars(&mut st.tbuf, n as usize);
        drop(st);
        Ok(vm.new_str(&s))
    } else {
        if n < 0 {
            if let Err(e) = st.read_all_raw() {
                return Err(io_err(vm, &e));
            }
            let b = std::mem::take(&mut st.rbuf);
            drop(st);
            return Ok(vm.new_bytes(b));
        }
        let n = n as usize;
        while st.rbuf.len() < n && !st.eof {
            let want = n - st.rbuf.len();
            if let Err(e) = st.fill(want) {
                return Err(io_err(vm, &e));
            }
        }
        let k = n.min(st.rbuf.len());
        let b: Vec<u8> = st.rbuf.drain(..k).collect();
        drop(st);
        Ok(vm.new_bytes(b))
    }
}

fn readline_inner(vm: &mut Vm, f: &IoFile, limit: i64) -> PyResult<Value> {
    let mut st = f.st.borrow_mut();
    check_readable(vm, &st)?;
    let _ = st.flush_raw();
    if st.text {
        text_fill(vm, &mut st, if limit >= 0 { Some(limit as usize) } else { None }, true)?;
        let nl = line_end(&st.tbuf, st.newline.as_deref(), true).unwrap_or(st.tbuf.len());
        let nl_chars = st.tbuf[..nl].chars().count();
        let take = if limit >= 0 { nl_chars.min(limit as usize) } else { nl_chars };
        let s = take_chars(&mut st.tbuf, take);
        drop(st);
        Ok(vm.new_str(&s))
    } else {
        loop {
            let pos = st.rbuf.iter().position(|&c| c == b'\n');
            let enough = pos.is_some() || (limit >= 0 && st.rbuf.len() >= limit as usize);
            if enough || st.eof {
                let mut end = pos.map(|p| p + 1).unwrap_or(st.rbuf.len());
                if limit >= 0 {
                    end = end.min(limit as usize);
                }
                let b: Vec<u8> = st.rbuf.drain(..end).collect();
                drop(st);
                return Ok(vm.new_bytes(b));
            }
            if let Err(e) = st.fill(8192) {
                return Err(io_err(vm, &e));
            }
        }
    }
}

fn f_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let n = size_arg(vm, &args, 1)?;
    readline_inner(vm, f, n)
}

fn is_empty(v: &Value) -> bool {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => s.len() == 0,
        Some(Payload::Bytes(b)) => b.is_empty(),
        _ => true,
    }
}

fn value_len(v: &Value) -> usize {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => s.len(),
        Some(Payload::Bytes(b)) => b.len(),
        _ => 0,
    }
}

fn f_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let hint = size_arg(vm, &args, 1)?;
    let mut out = Vec::new();
    let mut total = 0usize;
    loop {
        let l = readline_inner(vm, f, -1)?;
        if is_empty(&l) {
            break;
        }
        total += value_len(&l);
        out.push(l);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(vm.new_list(out))
}

fn f_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let l = readline_inner(vm, f, -1)?;
    if is_empty(&l) {
        return Err(vm.stop_iteration(None));
    }
    Ok(l)
}

fn encode_text(vm: &mut Vm, st: &FileState, s: &str) -> PyResult<Vec<u8>> {
    let s = match st.newline.as_deref() {
        Some("\r\n") => s.replace('\n', "\r\n"),
        Some("\r") => s.replace('\n', "\r"),
        _ => s.to_string(),
    };
    let enc = st.encoding.to_ascii_lowercase().replace('_', "-");
    match enc.as_str() {
        "ascii" | "us-ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let max = if enc.contains("ascii") { 0x7f } else { 0xff };
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                if (c as u32) <= max {
                    out.push(c as u32 as u8);
                } else {
                    match st.errors.as_str() {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        "backslashreplace" => out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes()),
                        _ => {
                            let c2 = vm.exc.unicode_encode_error.clone();
                            let name = if max == 0x7f { "ascii" } else { "latin-1" };
                            return Err(vm.new_exception_msg(
                                &c2,
                                &format!("'{}' codec can't encode character '\\u{:04x}' in position {}: ordinal not in range({})", name, c as u32, i, max + 1),
                            ));
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => Ok(s.into_bytes()),
    }
}

fn f_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let Some(data) = args.args.get(1).cloned() else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let text = f.st.borrow().text;
    let (bytes, n, has_nl) = if text {
        let Some(s) = data.as_obj().and_then(|o| o.as_str()) else {
            return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(&data))));
        };
        let n = s.len();
        let text = s.as_str_lossy().into_owned();
        let st = f.st.borrow();
        check_writable(vm, &st)?;
        let b = if s.try_as_str().is_none() {
            // Lone surrogates: strict UTF-8 raises UnicodeEncodeError, as
            // CPython's stdout does; stderr escapes them (backslashreplace).
            let errors = if matches!(st.raw, Raw::Stderr) { "backslashreplace" } else { "strict" };
            drop(st);
            let b = crate::types::codecs::encode(vm, &data, s, "utf-8", errors)?;
            let st = f.st.borrow();
            let _ = &st;
            b
        } else {
            encode_text(vm, &st, &text)?
        };
        (b, n, text.contains('\n') || text.contains('\r'))
    } else {
        let b = match data.as_obj().map(|o| &o.payload) {
            Some(Payload::Bytes(b)) => b.to_vec(),
            Some(Payload::ByteArray(b)) => b.borrow().clone(),
            _ => return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(&data)))),
        };
        let n = b.len();
        (b, n, false)
    };
    let is_stderr_or_stdout = {
        let st = f.st.borrow();
        check_writable(vm, &st)?;
        match st.raw {
            Raw::Stderr => Some(2),
            Raw::Stdout => Some(1),
            _ => None,
        }
    };
    if is_stderr_or_stdout == Some(2) || (is_stderr_or_stdout == Some(1) && !text) {
        super::sys::flush_stdout(vm);
    }
    let unbuffered = vm.config.unbuffered || (is_stderr_or_stdout == Some(1) && !text);
    let mut st = f.st.borrow_mut();
    if st.readable && (!st.rbuf.is_empty() || !st.tbuf.is_empty()) {
        // Writing after reading: move the OS position back to the logical one.
        let back = st.rbuf.len() as i64 + st.tbuf.len() as i64;
        st.rbuf.clear();
        st.tbuf.clear();
        st.eof = false;
        if let Raw::File(fh) = &mut st.raw {
            let _ = fh.seek(SeekFrom::Current(-back));
        }
    }
    st.wbuf.extend_from_slice(&bytes);
    let flush_now = match st.raw {
        Raw::Stderr => true,
        Raw::Stdout if unbuffered => true,
        _ => st.wbuf.len() >= 8192 || (st.line_buffering && has_nl),
    };
    if flush_now {
        if let Err(e) = st.flush_raw() {
            drop(st);
            return Err(io_err(vm, &e));
        }
    }
    Ok(Value::Int(n as i64))
}

fn f_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this_v = args.args.first().cloned().unwrap_or(Value::None);
    let Some(lines) = args.args.get(1).cloned() else {
        return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
    };
    let it = vm.iter(&lines)?;
    while let Some(l) = vm.next(&it)? {
        f_write(vm, Args::pos(&[this_v.clone(), l]))?;
    }
    Ok(Value::None)
}

fn close_state(st: &mut FileState) -> std::io::Result<()> {
    if st.closed {
        return Ok(());
    }
    let r = st.flush_raw();
    st.closed = true;
    if matches!(st.raw, Raw::File(_)) {
        st.raw = Raw::None;
    }
    r
}

fn f_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let r = close_state(&mut f.st.borrow_mut());
    if let Err(e) = r {
        return Err(io_err(vm, &e));
    }
    Ok(Value::None)
}

fn f_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let mut st = f.st.borrow_mut();
    if st.closed {
        drop(st);
        return Err(closed_error(vm));
    }
    if let Err(e) = st.flush_raw() {
        drop(st);
        return Err(io_err(vm, &e));
    }
    Ok(Value::None)
}

fn f_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let st = f.st.borrow();
    if st.closed {
        drop(st);
        return Err(closed_error(vm));
    }
    Ok(Value::Int(st.fd as i64))
}

fn f_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let off = match args.args.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => return Err(vm.type_error("seek expected at least 1 argument, got 0")),
    };
    let whence = match args.args.get(2) {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    let mut st = f.st.borrow_mut();
    if st.closed {
        drop(st);
        return Err(closed_error(vm));
    }
    if st.text && whence != 0 && off != 0 {
        drop(st);
        return Err(unsupported(vm, if whence == 1 { "can't do nonzero cur-relative seeks" } else { "can't do nonzero end-relative seeks" }));
    }
    let _ = st.flush_raw();
    let pending = st.rbuf.len() as i64 + st.tbuf.len() as i64;
    st.rbuf.clear();
    st.tbuf.clear();
    st.pending_cr = false;
    st.eof = false;
    let pos = match whence {
        0 => {
            if off < 0 {
                drop(st);
                return Err(vm.value_error(format!("negative seek position {}", off)));
            }
            SeekFrom::Start(off as u64)
        }
        1 => SeekFrom::Current(off - pending),
        2 => SeekFrom::End(off),
        _ => {
            drop(st);
            return Err(vm.value_error(format!("invalid whence ({}, should be 0, 1 or 2)", whence)));
        }
    };
    let r = match &mut st.raw {
        Raw::File(fh) => fh.seek(pos),
        _ => Err(std::io::Error::from_raw_os_error(29)),
    };
    drop(st);
    match r {
        Ok(p) => Ok(Value::Int(p as i64)),
        Err(e) => Err(io_err(vm, &e)),
    }
}

fn f_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let mut st = f.st.borrow_mut();
    if st.closed {
        drop(st);
        return Err(closed_error(vm));
    }
    let _ = st.flush_raw();
    let pending = st.rbuf.len() as i64 + st.tbuf.len() as i64;
    let r = match &mut st.raw {
        Raw::File(fh) => fh.stream_position(),
        _ => Err(std::io::Error::from_raw_os_error(29)),
    };
    drop(st);
    match r {
        Ok(p) => Ok(Value::Int(p as i64 - pending)),
        Err(e) => Err(io_err(vm, &e)),
    }
}

fn f_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let size = match args.args.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.index_i64(v)?),
    };
    let mut st = f.st.borrow_mut();
    check_writable(vm, &st)?;
    let _ = st.flush_raw();
    let r = match &mut st.raw {
        Raw::File(fh) => {
            let size = match size {
                Some(s) => Ok(s as u64),
                None => fh.stream_position(),
            };
            size.and_then(|s| fh.set_len(s).map(|_| s))
        }
        _ => Err(std::io::Error::from_raw_os_error(29)),
    };
    drop(st);
    match r {
        Ok(s) => Ok(Value::Int(s as i64)),
        Err(e) => Err(io_err(vm, &e)),
    }
}

fn flag_method(vm: &mut Vm, args: &Args, pick: fn(&FileState) -> bool) -> PyResult<Value> {
    let f = this(vm, args)?;
    let st = f.st.borrow();
    if st.closed {
        drop(st);
        return Err(closed_error(vm));
    }
    Ok(Value::Bool(pick(&st)))
}

fn f_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    flag_method(vm, &args, |s| s.readable)
}

fn f_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    flag_method(vm, &args, |s| s.writable)
}

fn f_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    flag_method(vm, &args, |s| matches!(s.raw, Raw::File(_)))
}

fn f_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    flag_method(vm, &args, |s| {
        use std::io::IsTerminal;
        match &s.raw {
            Raw::Stdin => std::io::stdin().is_terminal(),
            Raw::Stdout => std::io::stdout().is_terminal(),
            Raw::Stderr => std::io::stderr().is_terminal(),
            Raw::File(f) => f.is_terminal(),
            Raw::None => false,
        }
    })
}

fn f_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    if f.st.borrow().closed {
        return Err(closed_error(vm));
    }
    Ok(args.args[0].clone())
}

fn f_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    f_close(vm, Args::pos(&args.args[..1.min(args.args.len())]))?;
    Ok(Value::None)
}

fn f_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(vm, &args)?;
    let (name, mode, enc, text, closed) = {
        let st = f.st.borrow();
        (st.name.clone(), st.mode.clone(), st.encoding.clone(), st.text, st.closed)
    };
    let tn = vm.type_name(&args.args[0]);
    if closed && !text {
        let nr = vm.repr_string(&name)?;
        return Ok(vm.new_str(&format!("<_io.{} name={}>", tn, nr)));
    }
    let nr = vm.repr_string(&name)?;
    let s = if text {
        format!("<_io.{} name={} mode='{}' encoding='{}'>", tn, nr, mode, enc)
    } else {
        format!("<_io.{} name={}>", tn, nr)
    };
    Ok(vm.new_str(&s))
}

fn getter(vm: &mut Vm, v: &Value, pick: fn(&mut Vm, &FileState) -> Value) -> PyResult<Value> {
    match file_of(v) {
        Some(f) => {
            let st = f.st.borrow();
            Ok(pick(vm, &st))
        }
        None => Err(vm.type_error("descriptor requires a file object")),
    }
}

fn g_closed(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    getter(vm, v, |_, s| Value::Bool(s.closed))
}

fn g_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    getter(vm, v, |_, s| s.name.clone())
}

fn g_mode(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    getter(vm, v, |vm, s| vm.new_str(&s.mode))
}

fn g_encoding(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let text = file_of(v).map(|f| f.st.borrow().text).unwrap_or(false);
    if !text {
        return Err(vm.no_attribute(v, "encoding"));
    }
    getter(vm, v, |vm, s| vm.new_str(&s.encoding))
}

fn g_errors(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    getter(vm, v, |vm, s| vm.new_str(&s.errors))
}

fn g_line_buffering(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    getter(vm, v, |_, s| Value::Bool(s.line_buffering))
}

/// `sys.stdout.buffer` and friends: a binary stream over the same OS stream
/// (writes go straight through, after the text layer is flushed).
fn g_buffer(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(f) = file_of(v) else { return Err(vm.type_error("descriptor requires a file object")) };
    let (kind, text, fd) = {
        let st = f.st.borrow();
        let k = match st.raw {
            Raw::Stdin => 0,
            Raw::Stdout => 1,
            Raw::Stderr => 2,
            _ => -1,
        };
        (k, st.text, st.fd)
    };
    if !text || kind < 0 {
        return Err(vm.no_attribute(v, "buffer"));
    }
    let d = v.as_obj().and_then(|o| o.dict.borrow().clone());
    let key = vm.intern("_pyrite_buffer");
    if let Some(d) = &d {
        if let Some(b) = dict_get_str(d, &key) {
            return Ok(b);
        }
    }
    let (raw, name, mode) = match kind {
        0 => (Raw::Stdin, "<stdin>", "rb"),
        1 => (Raw::Stdout, "<stdout>", "wb"),
        _ => (Raw::Stderr, "<stderr>", "wb"),
    };
    let st = FileState {
        raw,
        name: vm.new_str(name),
        mode: mode.to_string(),
        text: false,
        readable: kind == 0,
        writable: kind != 0,
        closed: false,
        encoding: String::new(),
        errors: "strict".into(),
        newline: None,
        rbuf: Vec::new(),
        tbuf: String::new(),
        pending_cr: false,
        eof: false,
        wbuf: Vec::new(),
        line_buffering: false,
        fd,
    };
    let b = new_file(vm, if kind == 0 { "io.BufferedReader" } else { "io.BufferedWriter" }, st)?;
    if let Some(d) = &d {
        dict_set_str(d, &key, b.clone());
    }
    Ok(b)
}

fn g_newlines(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    getter(vm, v, |_, _| Value::None)
}

// ----- input() ------------------------------------------------------------------------

fn builtin_input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "input", &args, 0, 1)?;
    let sd = vm.sys_dict.clone();
    let get = |vm: &mut Vm, n: &str| {
        let k = vm.intern(n);
        dict_get_str(&sd, &k)
    };
    let stdin = match get(vm, "stdin") {
        Some(v) if !v.is_none() => v,
        _ => return Err(vm.runtime_error("input(): lost sys.stdin")),
    };
    let stdout = match get(vm, "stdout") {
        Some(v) if !v.is_none() => v,
        _ => return Err(vm.runtime_error("input(): lost sys.stdout")),
    };
    if let Some(e) = get(vm, "stderr") {
        if !e.is_none() {
            let _ = vm.call_method(&e, "flush", &[]);
        }
    }
    if let Some(p) = args.args.first() {
        let s = vm.str(p)?;
        vm.call_method(&stdout, "write", &[Value::Obj(s)])?;
    }
    vm.call_method(&stdout, "flush", &[])?;
    let line = vm.call_method(&stdin, "readline", &[])?;
    let Some(s) = as_rust_str(&line) else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    if s.is_empty() {
        let c = vm.exc.eof_error.clone();
        return Err(vm.new_exception_msg(&c, "EOF when reading a line"));
    }
    let s = s.strip_suffix('\n').unwrap_or(&s);
    Ok(vm.new_str(s))
}
