//! The bytes type, and the methods bytes shares with bytearray; CPython:
//! Objects/bytesobject.c, Objects/bytes_methods.c.
//!
//! Registration table: bytes gets `__new__`, `fromhex` (class method),
//! `maketrans` (static), `__hash__`, `__getnewargs__`, `__bytes__` plus the
//! shared table `COMMON` (also registered on bytearray): `__repr__` `__str__`
//! `__len__` `__getitem__` `__iter__` `__contains__` `__add__` `__mul__`
//! `__rmul__` `__mod__` `__rmod__` `__eq__` `__ne__` `__lt__` `__le__` `__gt__`
//! `__ge__` capitalize center count decode endswith expandtabs find hex index
//! isalnum isalpha isascii isdigit islower isspace istitle isupper join ljust
//! lower lstrip partition removeprefix removesuffix replace rfind rindex rjust
//! rpartition rsplit rstrip split splitlines startswith strip swapcase title
//! translate upper zfill.

use crate::error::PyResult;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::function::{Args, NativeFn};
use crate::types::iter::IterState;
use crate::types::strops::{self, bytes_like, str_of};
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// Methods shared by bytes and bytearray.
pub const COMMON: &[(&str, NativeFn)] = &[
    ("__repr__", b_repr),
    ("__str__", b_repr),
    ("__len__", b_len),
    ("__getitem__", b_getitem),
    ("__iter__", b_iter),
    ("__contains__", b_contains),
    ("__add__", b_add),
    ("__mul__", b_mul),
    ("__rmul__", b_rmul),
    ("__mod__", b_mod),
    ("__rmod__", b_rmod),
    ("__eq__", b_eq),
    ("__ne__", b_ne),
    ("__lt__", b_lt),
    ("__le__", b_le),
    ("__gt__", b_gt),
    ("__ge__", b_ge),
    ("capitalize", b_capitalize),
    ("center", b_center),
    ("count", b_count),
    ("decode", b_decode),
    ("endswith", b_endswith),
    ("expandtabs", b_expandtabs),
    ("find", b_find),
    ("hex", b_hex),
    ("index", b_index),
    ("isalnum", b_isalnum),
    ("isalpha", b_isalpha),
    ("isascii", b_isascii),
    ("isdigit", b_isdigit),
    ("islower", b_islower),
    ("isspace", b_isspace),
    ("istitle", b_istitle),
    ("isupper", b_isupper),
    ("join", b_join),
    ("ljust", b_ljust),
    ("lower", b_lower),
    ("lstrip", b_lstrip),
    ("partition", b_partition),
    ("removeprefix", b_removeprefix),
    ("removesuffix", b_removesuffix),
    ("replace", b_replace),
    ("rfind", b_rfind),
    ("rindex", b_rindex),
    ("rjust", b_rjust),
    ("rpartition", b_rpartition),
    ("rsplit", b_rsplit),
    ("rstrip", b_rstrip),
    ("split", b_split),
    ("splitlines", b_splitlines),
    ("startswith", b_startswith),
    ("strip", b_strip),
    ("swapcase", b_swapcase),
    ("title", b_title),
    ("translate", b_translate),
    ("upper", b_upper),
    ("zfill", b_zfill),
];

/// Registers the bytes type and the bytes/bytearray iterators.
pub fn init(vm: &mut Vm) {
    let t = vm.types.bytes.clone();
    vm.add_methods(&t, COMMON);
    vm.add_methods(&t, &[("__hash__", bytes_hash), ("__getnewargs__", bytes_getnewargs), ("__bytes__", bytes_bytes)]);
    vm.add_staticmethods(&t, &[("__new__", bytes_new), ("maketrans", b_maketrans)]);
    vm.add_classmethods(&t, &[("fromhex", b_fromhex)]);
    let object = vm.types.object.clone();
    for name in ["bytes_iterator", "bytearray_iterator"] {
        let it = vm.new_builtin_type(name, "builtins", &object, Layout::Opaque, flags::IMMUTABLE);
        vm.add_methods(&it, &[("__next__", biter_next), ("__iter__", biter_iter), ("__length_hint__", biter_length_hint)]);
        vm.state.insert(name, Value::Obj(it));
    }
}

// ----- helpers -----------------------------------------------------------------

/// True if `v` is a bytearray (or subclass).
pub fn is_bytearray(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::ByteArray(_)))
}

/// A new bytearray value.
pub fn new_bytearray(vm: &Vm, b: Vec<u8>) -> Value {
    Value::Obj(PyObject::new(vm.types.bytearray.clone(), Payload::ByteArray(RefCell::new(b))))
}

/// A result of the same kind as `self` (bytes or bytearray).
fn make(vm: &Vm, like: &Value, b: Vec<u8>) -> Value {
    if is_bytearray(like) {
        new_bytearray(vm, b)
    } else {
        vm.new_bytes(b)
    }
}

fn kind(v: &Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// The bytes of `self` (args[0]).
fn this(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Vec<u8>> {
    match args.args.first().and_then(bytes_like) {
        Some(b) => Ok(b),
        None => {
            let got = args.args.first().map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(format!("descriptor '{}' for 'bytes' objects doesn't apply to a '{}' object", name, got)))
        }
    }
}

fn check_count(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.args.len().saturating_sub(1);
    if !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    if n < min || n > max {
        let msg = if max == 0 {
            format!("{}.{}() takes no arguments ({} given)", kind(&args.args[0]), name, n)
        } else if min == max && min == 1 {
            format!("{}.{}() takes exactly one argument ({} given)", kind(&args.args[0]), name, n)
        } else if n < min {
            format!("{} expected at least {} argument{}, got {}", name, min, if min == 1 { "" } else { "s" }, n)
        } else {
            format!("{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n)
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// A bytes-like argument ("a bytes-like object is required, not 'str'").
fn need_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
    }
}

/// A byte value 0..=255 from an int argument.
pub fn byte_of(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = vm.index(v)?;
    match i {
        Value::Int(x) if (0..256).contains(&x) => Ok(x as u8),
        _ => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

fn is_int_like(vm: &mut Vm, v: &Value) -> bool {
    if matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Int(_))) {
        return true;
    }
    let n = vm.names.__index__.clone();
    str_of(v).is_none() && bytes_like(v).is_none() && vm.lookup_special(v, &n).is_some()
}

/// CPython's repr of bytes data (`b'...'`).
pub fn repr_bytes(b: &[u8]) -> String {
    repr_bytes_impl(b, false)
}

/// The repr body; bytearray's always escapes `'` (CPython's bytearray_repr).
fn repr_bytes_impl(b: &[u8], escape_sq: bool) -> String {
    let has_sq = b.contains(&b'\'');
    let has_dq = b.contains(&b'"');
    let quote = if has_sq && !has_dq { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote || (escape_sq && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7E => out.push(c as char),
            _ => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote as char);
    out
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

fn count_sub(hay: &[u8], needle: &[u8], max: usize) -> usize {
    if needle.is_empty() {
        return (hay.len() + 1).min(max);
    }
    let mut n = 0;
    let mut i = 0;
    while n < max {
        match find_sub(&hay[i..], needle) {
            Some(p) => {
                n += 1;
                i += p + needle.len();
            }
            None => break,
        }
    }
    n
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ----- construction ---------------------------------------------------------------

/// The data for `bytes(x[, encoding[, errors]])` / `bytearray(...)`.
pub fn bytes_from_args(vm: &mut Vm, tname: &str, args: &[Value], kwargs: &[(PyRef, Value)]) -> PyResult<Vec<u8>> {
    let kw = crate::builtins::kwargs_of(vm, tname, kwargs, &["source", "encoding", "errors"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!("{}() takes at most 3 arguments ({} given)", tname, args.len())));
    }
    let get = |i: usize| args.get(i).cloned().or_else(|| kw[i].clone());
    let src = get(0);
    let enc = get(1);
    let errors = get(2);
    if enc.is_some() || errors.is_some() {
        let Some(s) = src.as_ref() else {
            return Err(vm.type_error(if enc.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        };
        let Some(ps) = str_of(s) else {
            return Err(vm.type_error(if enc.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        };
        let e = match &enc {
            Some(e) => match str_of(e) {
                Some(x) => x.as_str_lossy().into_owned(),
                None => {
                    return Err(vm.type_error(format!("{}() argument 'encoding' must be str, not {}", tname, vm.type_name(e))))
                }
            },
            None => "utf-8".into(),
        };
        let er = match &errors {
            Some(e) => match str_of(e) {
                Some(x) => x.as_str_lossy().into_owned(),
                None => return Err(vm.type_error(format!("{}() argument 'errors' must be str, not {}", tname, vm.type_name(e)))),
            },
            None => "strict".into(),
        };
        return crate::types::codecs::encode(vm, s, ps, &e, &er);
    }
    let Some(src) = src else { return Ok(Vec::new()) };
    if str_of(&src).is_some() {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if let Some(b) = bytes_like(&src) {
        return Ok(b);
    }
    if tname == "bytes" {
        let name = vm.intern("__bytes__");
        if let Some(r) = vm.call_special(&src, &name, &[])? {
            return match bytes_like(&r) {
                Some(b) if !is_bytearray(&r) => Ok(b),
                _ => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r)))),
            };
        }
    }
    if is_int_like(vm, &src) {
        let n = vm.index(&src)?;
        let n = match n {
            Value::Int(i) => i,
            _ => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n > (1i64 << 40) {
            return Err(vm.memory_error());
        }
        return Ok(vec![0; n as usize]);
    }
    let iname = vm.names.__iter__.clone();
    let gi = vm.names.__getitem__.clone();
    if vm.lookup_special(&src, &iname).is_none() && vm.lookup_special(&src, &gi).is_none() {
        return Err(vm.type_error(format!("cannot convert '{}' object to {}", vm.type_name(&src), tname)));
    }
    let items = vm.collect(&src)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = vm.index(&it)?;
        match i {
            Value::Int(x) if (0..256).contains(&x) => out.push(x as u8),
            _ => {
                return Err(vm.value_error(if tname == "bytes" {
                    "bytes must be in range(0, 256)"
                } else {
                    "byte must be in range(0, 256)"
                }))
            }
        }
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("bytes.__new__(X): X is not a type object")),
    };
    let data = bytes_from_args(vm, "bytes", &args.args[1..], args.kwargs)?;
    if Rc::ptr_eq(&cls, &vm.types.bytes) {
        return Ok(vm.new_bytes(data));
    }
    let o = crate::protocol::objecttype::new_instance(vm, &cls, Payload::Bytes(data.into_boxed_slice()));
    Ok(Value::Obj(o))
}

fn bytes_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args, "__hash__")?;
    Ok(Value::Int(crate::hash::hash_bytes(&b)))
}

fn bytes_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args, "__getnewargs__")?;
    let v = vm.new_bytes(b);
    Ok(vm.new_tuple(vec![v]))
}

fn bytes_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args, "__bytes__")?;
    if let Some(Value::Obj(o)) = args.args.first() {
        if Rc::ptr_eq(o.class(), &vm.types.bytes) {
            return Ok(args.args[0].clone());
        }
    }
    Ok(vm.new_bytes(b))
}

pub(crate) fn b_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error(format!("fromhex() takes exactly one argument ({} given)", args.args.len().saturating_sub(1))));
    }
    let Some(s) = str_of(&args.args[1]) else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", vm.type_name(&args.args[1]))));
    };
    let c: Vec<u32> = s.code_points().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let hexv = |x: u32| char::from_u32(x).and_then(|ch| ch.to_digit(16)).filter(|_| x < 128);
    while i < c.len() {
        if strops::is_space(c[i]) && c[i] < 128 {
            i += 1;
            continue;
        }
        let Some(hi) = hexv(c[i]) else {
            return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i)));
        };
        let Some(lo) = c.get(i + 1).and_then(|&x| hexv(x)) else {
            return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let cls = args.args[0].clone();
    if let Value::Obj(c) = &cls {
        if Rc::ptr_eq(c, &vm.types.bytes) {
            return Ok(vm.new_bytes(out));
        }
        if Rc::ptr_eq(c, &vm.types.bytearray) {
            return Ok(new_bytearray(vm, out));
        }
    }
    let b = vm.new_bytes(out);
    vm.call(&cls, &[b], &[])
}

pub(crate) fn b_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {}", args.args.len())));
    }
    let a = need_bytes(vm, &args.args[0])?;
    let b = need_bytes(vm, &args.args[1])?;
    if a.len() != b.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (x, y) in a.iter().zip(b.iter()) {
        t[*x as usize] = *y;
    }
    Ok(vm.new_bytes(t))
}

// ----- sequence protocol ------------------------------------------------------------

fn b_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args, "__repr__")?;
    let r = repr_bytes_impl(&b, is_bytearray(&args.args[0]));
    if is_bytearray(&args.args[0]) {
        let tn = vm.type_name(&args.args[0]);
        return Ok(vm.new_str(&format!("{}({})", tn, r)));
    }
    Ok(vm.new_str(&r))
}

fn b_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = match args.args.first().map(|v| v.as_obj().map(|o| &o.payload)) {
        Some(Some(Payload::Bytes(b))) => b.len(),
        Some(Some(Payload::ByteArray(b))) => b.borrow().len(),
        _ => return Err(vm.type_error("descriptor '__len__' requires a 'bytes' object")),
    };
    Ok(Value::Int(n as i64))
}

fn b_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "__getitem__", 1, 1)?;
    let b = this(vm, &args, "__getitem__")?;
    let k = &args.args[1];
    if let Some(so) = k.as_obj().filter(|o| matches!(o.payload, Payload::Slice { .. })).cloned() {
        let (start, _stop, step, n) = strops::slice_indices(vm, &so, b.len())?;
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(b[i as usize]);
            i += step;
        }
        return Ok(make(vm, &args.args[0], out));
    }
    match strops::subscript_index(vm, k)? {
        Some(i) => match strops::seq_index(i, b.len()) {
            Some(j) => Ok(Value::Int(b[j] as i64)),
            None => Err(vm.index_error(if is_bytearray(&args.args[0]) { "bytearray index out of range" } else { "index out of range" })),
        },
        None => Err(vm.type_error(format!(
            "{} indices must be integers or slices, not {}",
            if is_bytearray(&args.args[0]) { "bytearray" } else { "byte" },
            vm.type_name(k)
        ))),
    }
}

fn b_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let key = if is_bytearray(&args.args[0]) { "bytearray_iterator" } else { "bytes_iterator" };
    let cls = match vm.state.get(key) {
        Some(Value::Obj(c)) => c.clone(),
        _ => vm.types.iterator.clone(),
    };
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Iter(RefCell::new(IterState::Seq { seq: args.args[0].clone(), index: 0 })),
    )))
}

fn biter_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn biter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Payload::Iter(st)) = args.args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) else {
        return Err(vm.type_error("descriptor '__next__' requires a 'bytes_iterator' object"));
    };
    let next = {
        let mut st = st.borrow_mut();
        match &mut *st {
            IterState::Seq { seq, index } => {
                let item = match seq.as_obj().map(|o| &o.payload) {
                    Some(Payload::Bytes(b)) => b.get(*index).copied(),
                    Some(Payload::ByteArray(b)) => b.borrow().get(*index).copied(),
                    _ => None,
                };
                if item.is_some() {
                    *index += 1;
                }
                item
            }
            _ => None,
        }
    };
    match next {
        Some(b) => Ok(Value::Int(b as i64)),
        None => {
            *st.borrow_mut() = IterState::Done;
            Err(vm.stop_iteration(None))
        }
    }
}

fn biter_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Payload::Iter(st)) = args.args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) else {
        return Err(vm.type_error("descriptor '__length_hint__' requires a 'bytes_iterator' object"));
    };
    let st = st.borrow();
    let n = match &*st {
        IterState::Seq { seq, index } => bytes_like(seq).map(|b| b.len().saturating_sub(*index)).unwrap_or(0),
        _ => 0,
    };
    Ok(Value::Int(n as i64))
}

fn b_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "__contains__", 1, 1)?;
    let b = this(vm, &args, "__contains__")?;
    let x = &args.args[1];
    if is_int_like(vm, x) {
        let c = byte_of(vm, x)?;
        return Ok(Value::Bool(b.contains(&c)));
    }
    let sub = need_bytes(vm, x)?;
    Ok(Value::Bool(find_sub(&b, &sub).is_some()))
}

fn b_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "__add__", 1, 1)?;
    let mut b = this(vm, &args, "__add__")?;
    let o = &args.args[1];
    let Some(t) = bytes_like(o) else {
        return Err(vm.type_error(format!("can't concat {} to {}", vm.type_name(o), vm.type_name(&args.args[0]))));
    };
    b.extend_from_slice(&t);
    Ok(make(vm, &args.args[0], b))
}

fn b_rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_mul_impl(vm, args, true)
}

fn b_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_mul_impl(vm, args, false)
}

fn b_mul_impl(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    check_count(vm, &args, "__mul__", 1, 1)?;
    let b = this(vm, &args, "__mul__")?;
    let Some(n) = crate::types::strtype::repeat_count(vm, &args.args[1], reflected)? else {
        return Ok(vm.not_implemented());
    };
    let total = crate::types::strtype::check_repeat_size(vm, b.len(), n)?;
    let mut out = Vec::with_capacity(total);
    for _ in 0..n.max(0) {
        out.extend_from_slice(&b);
    }
    Ok(make(vm, &args.args[0], out))
}

fn b_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "__mod__", 1, 1)?;
    let b = this(vm, &args, "__mod__")?;
    let out = crate::types::strformat::percent_format_bytes(vm, &b, &args.args[1])?;
    Ok(make(vm, &args.args[0], out))
}

fn b_rmod(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn b_cmp(vm: &mut Vm, args: Args, name: &str, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    check_count(vm, &args, name, 1, 1)?;
    let a = this(vm, &args, name)?;
    match bytes_like(&args.args[1]) {
        Some(b) => Ok(Value::Bool(f(a.cmp(&b)))),
        None => Ok(vm.not_implemented()),
    }
}
fn b_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_cmp(vm, args, "__eq__", |o| o.is_eq())
}
fn b_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_cmp(vm, args, "__ne__", |o| o.is_ne())
}
fn b_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_cmp(vm, args, "__lt__", |o| o.is_lt())
}
fn b_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_cmp(vm, args, "__le__", |o| o.is_le())
}
fn b_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_cmp(vm, args, "__gt__", |o| o.is_gt())
}
fn b_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_cmp(vm, args, "__ge__", |o| o.is_ge())
}

// ----- methods ----------------------------------------------------------------------

fn b_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args, "decode")?;
    let kw = crate::builtins::kwargs_of(vm, "decode", args.kwargs, &["encoding", "errors"])?;
    if args.args.len() > 3 {
        return Err(vm.type_error(format!("decode() takes at most 2 arguments ({} given)", args.args.len() - 1)));
    }
    let get = |i: usize| args.args.get(i + 1).cloned().or_else(|| kw[i].clone());
    let mut names = ["utf-8".to_string(), "strict".to_string()];
    for (i, nm) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = get(i) {
            match str_of(&v) {
                Some(s) => names[i] = s.as_str_lossy().into_owned(),
                None => return Err(vm.type_error(format!("decode() argument '{}' must be str, not {}", nm, vm.type_name(&v)))),
            }
        }
    }
    crate::types::codecs::decode(vm, &b, &names[0], &names[1])
}

fn b_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args, "hex")?;
    let kw = crate::builtins::kwargs_of(vm, "hex", args.kwargs, &["sep", "bytes_per_sep"])?;
    let sep = args.args.get(1).cloned().or_else(|| kw[0].clone());
    let per = args.args.get(2).cloned().or_else(|| kw[1].clone());
    let hex: Vec<String> = b.iter().map(|x| format!("{:02x}", x)).collect();
    let Some(sep) = sep else { return Ok(vm.new_str(&hex.concat())) };
    let sepb: String = if let Some(s) = str_of(&sep) {
        s.as_str_lossy().into_owned()
    } else if let Some(bb) = bytes_like(&sep) {
        bb.iter().map(|&c| c as char).collect()
    } else {
        let n = vm.len(&sep)?;
        let _ = n;
        return Err(vm.type_error("sep must be str or bytes."));
    };
    if sepb.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    if !sepb.is_ascii() {
        return Err(vm.value_error("sep must be ASCII."));
    }
    let per = match per {
        Some(p) => vm.index_i64(&p)?,
        None => 1,
    };
    if per == 0 || hex.is_empty() {
        return Ok(vm.new_str(&hex.concat()));
    }
    let k = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups counted from the right.
        let first = hex.len() % k;
        if first > 0 {
            groups.push(hex[..first].concat());
        }
        for ch in hex[first..].chunks(k) {
            groups.push(ch.concat());
        }
    } else {
        for ch in hex.chunks(k) {
            groups.push(ch.concat());
        }
    }
    Ok(vm.new_str(&groups.join(&sepb)))
}

struct Win {
    b: Vec<u8>,
    sub: Vec<u8>,
    lo: usize,
    hi: usize,
    valid: bool,
}

fn win_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Win> {
    if args.args.len() < 2 {
        return Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", name)));
    }
    if args.args.len() > 4 {
        return Err(vm.type_error(format!("{}() takes at most 3 arguments ({} given)", name, args.args.len() - 1)));
    }
    let b = this(vm, args, name)?;
    let x = &args.args[1];
    let sub = if let Some(s) = bytes_like(x) {
        s
    } else if is_int_like(vm, x) {
        vec![byte_of(vm, x)?]
    } else {
        return Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(x)
        )));
    };
    let start = match args.args.get(2) {
        None | Some(Value::None) => None,
        Some(v) => strops::slice_bound(vm, v)?,
    };
    let end = match args.args.get(3) {
        None | Some(Value::None) => None,
        Some(v) => strops::slice_bound(vm, v)?,
    };
    let (lo, hi, valid) = strops::adjust_range(start, end, b.len());
    Ok(Win { b, sub, lo, hi, valid })
}

fn b_findx(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let w = win_args(vm, &args, name)?;
    if !w.valid {
        return Ok(None);
    }
    let hay = &w.b[w.lo..w.hi];
    Ok(if rev { rfind_sub(hay, &w.sub) } else { find_sub(hay, &w.sub) }.map(|p| p + w.lo))
}

fn b_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(b_findx(vm, args, "find", false)?.map(|x| x as i64).unwrap_or(-1)))
}
fn b_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(b_findx(vm, args, "rfind", true)?.map(|x| x as i64).unwrap_or(-1)))
}
fn b_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match b_findx(vm, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match b_findx(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let w = win_args(vm, &args, "count")?;
    if !w.valid {
        return Ok(Value::Int(0));
    }
    Ok(Value::Int(count_sub(&w.b[w.lo..w.hi], &w.sub, usize::MAX) as i64))
}

fn b_startsends(vm: &mut Vm, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    if args.args.len() < 2 || args.args.len() > 4 {
        return Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", name)));
    }
    let b = this(vm, &args, name)?;
    let x = &args.args[1];
    let cands: Vec<Value> = match x.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ if bytes_like(x).is_some() => vec![x.clone()],
        _ => {
            return Err(vm.type_error(format!(
                "{} first arg must be bytes or a tuple of bytes, not {}",
                name,
                vm.type_name(x)
            )))
        }
    };
    let start = match args.args.get(2) {
        None | Some(Value::None) => None,
        Some(v) => strops::slice_bound(vm, v)?,
    };
    let end = match args.args.get(3) {
        None | Some(Value::None) => None,
        Some(v) => strops::slice_bound(vm, v)?,
    };
    let (lo, hi, valid) = strops::adjust_range(start, end, b.len());
    for c in cands {
        let Some(p) = bytes_like(&c) else {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&c)
            )));
        };
        if !valid {
            continue;
        }
        let w = &b[lo..hi];
        if (ends && w.ends_with(&p)) || (!ends && w.starts_with(&p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
fn b_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_startsends(vm, args, "startswith", false)
}
fn b_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_startsends(vm, args, "endswith", true)
}

fn b_pred(vm: &mut Vm, args: Args, name: &str, f: fn(u8) -> bool) -> PyResult<Value> {
    check_count(vm, &args, name, 0, 0)?;
    let b = this(vm, &args, name)?;
    Ok(Value::Bool(!b.is_empty() && b.iter().all(|&c| f(c))))
}
fn b_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_pred(vm, args, "isalnum", |c| c.is_ascii_alphanumeric())
}
fn b_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_pred(vm, args, "isalpha", |c| c.is_ascii_alphabetic())
}
fn b_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_pred(vm, args, "isdigit", |c| c.is_ascii_digit())
}
fn b_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_pred(vm, args, "isspace", is_space)
}
fn b_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "isascii", 0, 0)?;
    let b = this(vm, &args, "isascii")?;
    Ok(Value::Bool(b.is_ascii()))
}
fn b_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "islower", 0, 0)?;
    let b = this(vm, &args, "islower")?;
    Ok(Value::Bool(b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase())))
}
fn b_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "isupper", 0, 0)?;
    let b = this(vm, &args, "isupper")?;
    Ok(Value::Bool(b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase())))
}
fn b_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "istitle", 0, 0)?;
    let b = this(vm, &args, "istitle")?;
    let mut cased = false;
    let mut prev = false;
    for &c in &b {
        if c.is_ascii_uppercase() {
            if prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::Bool(cased))
}

fn b_case(vm: &mut Vm, args: Args, name: &str, which: u8) -> PyResult<Value> {
    check_count(vm, &args, name, 0, 0)?;
    let b = this(vm, &args, name)?;
    let out: Vec<u8> = match which {
        0 => b.to_ascii_lowercase(),
        1 => b.to_ascii_uppercase(),
        2 => b.iter().map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect(),
        3 => {
            let mut prev = false;
            b.iter()
                .map(|&c| {
                    let r = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                    prev = c.is_ascii_alphabetic();
                    r
                })
                .collect()
        }
        _ => b.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect(),
    };
    Ok(make(vm, &args.args[0], out))
}
fn b_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_case(vm, args, "lower", 0)
}
fn b_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_case(vm, args, "upper", 1)
}
fn b_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_case(vm, args, "swapcase", 2)
}
fn b_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_case(vm, args, "title", 3)
}
fn b_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_case(vm, args, "capitalize", 4)
}

fn b_pad(vm: &mut Vm, args: Args, name: &str, mode: u8) -> PyResult<Value> {
    check_count(vm, &args, name, 1, 2)?;
    let b = this(vm, &args, name)?;
    let width = vm.index_i64(&args.args[1])?;
    let fill = match args.args.get(2) {
        None => b' ',
        Some(f) => match bytes_like(f) {
            Some(x) if x.len() == 1 => x[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name,
                    vm.type_name(f)
                )))
            }
        },
    };
    let len = b.len() as i64;
    if width <= len {
        return Ok(make(vm, &args.args[0], b));
    }
    crate::types::strtype::check_repeat_size(vm, 1, width)?;
    let total = (width - len) as usize;
    let (l, r) = match mode {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            let l = total / 2 + (total & width as usize & 1);
            (l, total - l)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat(fill).take(r));
    Ok(make(vm, &args.args[0], out))
}
fn b_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_pad(vm, args, "ljust", 0)
}
fn b_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_pad(vm, args, "rjust", 1)
}
fn b_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_pad(vm, args, "center", 2)
}
fn b_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "zfill", 1, 1)?;
    let b = this(vm, &args, "zfill")?;
    let width = vm.index_i64(&args.args[1])?;
    if width <= b.len() as i64 {
        return Ok(make(vm, &args.args[0], b));
    }
    crate::types::strtype::check_repeat_size(vm, 1, width)?;
    let fill = width as usize - b.len();
    let signed = matches!(b.first(), Some(b'+') | Some(b'-'));
    let mut out = Vec::new();
    if signed {
        out.push(b[0]);
    }
    out.extend(std::iter::repeat(b'0').take(fill));
    out.extend_from_slice(if signed { &b[1..] } else { &b });
    Ok(make(vm, &args.args[0], out))
}

fn b_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args, "expandtabs")?;
    let kw = crate::builtins::kwargs_of(vm, "expandtabs", args.kwargs, &["tabsize"])?;
    let tab = match args.args.get(1).cloned().or_else(|| kw[0].clone()) {
        Some(v) => vm.index_i64(&v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for &c in &b {
        if c == b'\t' {
            if tab > 0 {
                let n = tab - col % tab;
                if n > (1 << 40) {
                    return Err(vm.overflow_error("result too long"));
                }
                out.extend(std::iter::repeat(b' ').take(n as usize));
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    Ok(make(vm, &args.args[0], out))
}

fn b_stripx(vm: &mut Vm, args: Args, name: &str, l: bool, r: bool) -> PyResult<Value> {
    check_count(vm, &args, name, 0, 1)?;
    let b = this(vm, &args, name)?;
    let chars: Option<Vec<u8>> = match args.args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(need_bytes(vm, v)?),
    };
    let strip = |c: u8| match &chars {
        None => is_space(c),
        Some(cs) => cs.contains(&c),
    };
    let mut a = 0;
    let mut e = b.len();
    if l {
        while a < e && strip(b[a]) {
            a += 1;
        }
    }
    if r {
        while e > a && strip(b[e - 1]) {
            e -= 1;
        }
    }
    Ok(make(vm, &args.args[0], b[a..e].to_vec()))
}
fn b_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_stripx(vm, args, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_stripx(vm, args, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_stripx(vm, args, "rstrip", false, true)
}

fn b_split_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Vec<u8>, Option<Vec<u8>>, usize)> {
    let b = this(vm, args, name)?;
    let kw = crate::builtins::kwargs_of(vm, name, args.kwargs, &["sep", "maxsplit"])?;
    if args.args.len() > 3 {
        return Err(vm.type_error(format!("{}() takes at most 2 arguments ({} given)", name, args.args.len() - 1)));
    }
    let sep = match args.args.get(1).cloned().or_else(|| kw[0].clone()) {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = need_bytes(vm, &v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let max = match args.args.get(2).cloned().or_else(|| kw[1].clone()) {
        Some(v) => vm.index_i64(&v)?,
        None => -1,
    };
    Ok((b, sep, if max < 0 { usize::MAX } else { max as usize }))
}

fn b_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sep, max) = b_split_args(vm, &args, "split")?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut i = 0;
            while parts.len() < max {
                match find_sub(&b[i..], &sep) {
                    Some(p) => {
                        parts.push(b[i..i + p].to_vec());
                        i += p + sep.len();
                    }
                    None => break,
                }
            }
            parts.push(b[i..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if parts.len() >= max {
                    parts.push(b[i..].to_vec());
                    break;
                }
                let st = i;
                while i < b.len() && !is_space(b[i]) {
                    i += 1;
                }
                parts.push(b[st..i].to_vec());
            }
        }
    }
    let items = parts.into_iter().map(|p| make(vm, &args.args[0], p)).collect();
    Ok(vm.new_list(items))
}

fn b_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, sep, max) = b_split_args(vm, &args, "rsplit")?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = b.len();
            while parts.len() < max {
                match rfind_sub(&b[..end], &sep) {
                    Some(p) => {
                        parts.push(b[p + sep.len()..end].to_vec());
                        end = p;
                    }
                    None => break,
                }
            }
            parts.push(b[..end].to_vec());
        }
        None => {
            let mut i = b.len();
            loop {
                while i > 0 && is_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if parts.len() >= max {
                    parts.push(b[..i].to_vec());
                    break;
                }
                let e = i;
                while i > 0 && !is_space(b[i - 1]) {
                    i -= 1;
                }
                parts.push(b[i..e].to_vec());
            }
        }
    }
    parts.reverse();
    let items = parts.into_iter().map(|p| make(vm, &args.args[0], p)).collect();
    Ok(vm.new_list(items))
}

fn b_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args, "splitlines")?;
    let kw = crate::builtins::kwargs_of(vm, "splitlines", args.kwargs, &["keepends"])?;
    let keep = match args.args.get(1).cloned().or_else(|| kw[0].clone()) {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    let mut items = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let st = i;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < b.len() {
            i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            if keep {
                eol = i;
            }
        }
        items.push(make(vm, &args.args[0], b[st..eol].to_vec()));
    }
    Ok(vm.new_list(items))
}

fn b_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "join", 1, 1)?;
    let sep = this(vm, &args, "join")?;
    let items = vm.collect(&args.args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = bytes_like(it) else {
            return Err(vm.type_error(format!(
                "sequence item {}: expected a bytes-like object, {} found",
                i,
                vm.type_name(it)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(make(vm, &args.args[0], out))
}

fn b_partx(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    check_count(vm, &args, name, 1, 1)?;
    let b = this(vm, &args, name)?;
    let sep = need_bytes(vm, &args.args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let me = &args.args[0];
    let found = if rev { rfind_sub(&b, &sep) } else { find_sub(&b, &sep) };
    let parts = match found {
        Some(i) => vec![b[..i].to_vec(), sep.clone(), b[i + sep.len()..].to_vec()],
        None if rev => vec![Vec::new(), Vec::new(), b.clone()],
        None => vec![b.clone(), Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| make(vm, me, p)).collect();
    Ok(vm.new_tuple(items))
}
fn b_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_partx(vm, args, "partition", false)
}
fn b_rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_partx(vm, args, "rpartition", true)
}

fn b_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_count(vm, &args, "replace", 2, 3)?;
    let b = this(vm, &args, "replace")?;
    let old = need_bytes(vm, &args.args[1])?;
    let new = need_bytes(vm, &args.args[2])?;
    let count = match args.args.get(3) {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let max = if count < 0 { usize::MAX } else { count as usize };
    let n = count_sub(&b, &old, max);
    let total = b.len() as u128 + n as u128 * new.len() as u128;
    if total > (1u128 << 40) {
        return Err(vm.overflow_error("replace bytes is too long"));
    }
    let mut out = Vec::with_capacity(total as usize);
    if old.is_empty() {
        let mut done = 0;
        for (i, &c) in b.iter().enumerate() {
            if done < n {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(c);
            let _ = i;
        }
        if done < n {
            out.extend_from_slice(&new);
        }
    } else {
        let mut i = 0;
        let mut done = 0;
        while done < n {
            match find_sub(&b[i..], &old) {
                Some(p) => {
                    out.extend_from_slice(&b[i..i + p]);
                    out.extend_from_slice(&new);
                    i += p + old.len();
                    done += 1;
                }
                None => break,
            }
        }
        out.extend_from_slice(&b[i..]);
    }
    Ok(make(vm, &args.args[0], out))
}

fn b_affix(vm: &mut Vm, args: Args, name: &str, suffix: bool) -> PyResult<Value> {
    check_count(vm, &args, name, 1, 1)?;
    let b = this(vm, &args, name)?;
    let a = need_bytes(vm, &args.args[1])?;
    let out = if !suffix && b.starts_with(&a) {
        b[a.len()..].to_vec()
    } else if suffix && b.ends_with(&a) && !a.is_empty() {
        b[..b.len() - a.len()].to_vec()
    } else {
        b
    };
    Ok(make(vm, &args.args[0], out))
}
fn b_removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_affix(vm, args, "removeprefix", false)
}
fn b_removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    b_affix(vm, args, "removesuffix", true)
}

fn b_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(vm, &args, "translate")?;
    let kw = crate::builtins::kwargs_of(vm, "translate", args.kwargs, &["table", "delete"])?;
    if args.args.len() < 2 && kw[0].is_none() {
        return Err(vm.type_error("translate() takes at least 1 argument (0 given)"));
    }
    let table = args.args.get(1).cloned().or_else(|| kw[0].clone()).unwrap_or(Value::None);
    let delete = match args.args.get(2).cloned().or_else(|| kw[1].clone()) {
        Some(d) => need_bytes(vm, &d)?,
        None => Vec::new(),
    };
    let t = match &table {
        Value::None => None,
        v => {
            let t = need_bytes(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let out: Vec<u8> = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| match &t {
            Some(t) => t[c as usize],
            None => c,
        })
        .collect();
    Ok(make(vm, &args.args[0], out))
}
