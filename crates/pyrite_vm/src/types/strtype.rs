//! The str type's methods; CPython: Objects/unicodeobject.c.
//!
//! Registration table (`init`): `__new__`, `maketrans` (static); `__repr__`
//! `__str__` `__len__` `__getitem__` `__iter__` `__contains__` `__add__`
//! `__mul__` `__rmul__` `__mod__` `__rmod__` `__eq__` `__ne__` `__lt__` `__le__`
//! `__gt__` `__ge__` `__hash__` `__format__` `__getnewargs__` `__sizeof__`;
//! capitalize casefold center count encode endswith expandtabs find format
//! format_map index isalnum isalpha isascii isdecimal isdigit isidentifier
//! islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip
//! partition removeprefix removesuffix replace rfind rindex rjust rpartition
//! rsplit rstrip split splitlines startswith strip swapcase title translate
//! upper zfill. The str iterators (`str_ascii_iterator`, `str_iterator`).

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::types::function::{Args, NativeFn};
use crate::types::iter::IterState;
use crate::types::str::PyStr;
use crate::types::strops::{self, str_of};
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// Registers the str type's methods and the str iterator types.
pub fn init(vm: &mut Vm) {
    let t = vm.types.str.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("__repr__", str_repr),
        ("__str__", str_str),
        ("__len__", str_len),
        ("__getitem__", str_getitem),
        ("__iter__", str_iter),
        ("__contains__", str_contains),
        ("__add__", str_add),
        ("__mul__", str_mul),
        ("__rmul__", str_rmul),
        ("__mod__", str_mod),
        ("__rmod__", str_rmod),
        ("__eq__", str_eq),
        ("__ne__", str_ne),
        ("__lt__", str_lt),
        ("__le__", str_le),
        ("__gt__", str_gt),
        ("__ge__", str_ge),
        ("__hash__", str_hash),
        ("__format__", str_format_spec),
        ("__getnewargs__", str_getnewargs),
        ("__sizeof__", str_sizeof),
        ("capitalize", str_capitalize),
        ("casefold", str_casefold),
        ("center", str_center),
        ("count", str_count),
        ("encode", str_encode),
        ("endswith", str_endswith),
        ("expandtabs", str_expandtabs),
        ("find", str_find),
        ("format", str_format),
        ("format_map", str_format_map),
        ("index", str_index),
        ("isalnum", str_isalnum),
        ("isalpha", str_isalpha),
        ("isascii", str_isascii),
        ("isdecimal", str_isdecimal),
        ("isdigit", str_isdigit),
        ("isidentifier", str_isidentifier),
        ("islower", str_islower),
        ("isnumeric", str_isnumeric),
        ("isprintable", str_isprintable),
        ("isspace", str_isspace),
        ("istitle", str_istitle),
        ("isupper", str_isupper),
        ("join", str_join),
        ("ljust", str_ljust),
        ("lower", str_lower),
        ("lstrip", str_lstrip),
        ("partition", str_partition),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("replace", str_replace),
        ("rfind", str_rfind),
        ("rindex", str_rindex),
        ("rjust", str_rjust),
        ("rpartition", str_rpartition),
        ("rsplit", str_rsplit),
        ("rstrip", str_rstrip),
        ("split", str_split),
        ("splitlines", str_splitlines),
        ("startswith", str_startswith),
        ("strip", str_strip),
        ("swapcase", str_swapcase),
        ("title", str_title),
        ("translate", str_translate),
        ("upper", str_upper),
        ("zfill", str_zfill),
    ];
    vm.add_methods(&t, methods);
    vm.add_staticmethods(&t, &[("__new__", str_new), ("maketrans", str_maketrans)]);
    let bd = vm.builtins_dict.clone();
    for (name, f) in [("chr", builtin_chr as NativeFn), ("ord", builtin_ord as NativeFn)] {
        let v = vm.new_builtin(name, f);
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&bd, &k, v);
    }
    let object = vm.types.object.clone();
    for name in ["str_ascii_iterator", "str_iterator"] {
        let it = vm.new_builtin_type(name, "builtins", &object, Layout::Opaque, flags::IMMUTABLE);
        vm.add_methods(
            &it,
            &[("__next__", striter_next), ("__iter__", striter_iter), ("__length_hint__", striter_length_hint)],
        );
        vm.state.insert(if name == "str_iterator" { "str_iterator" } else { "str_ascii_iterator" }, Value::Obj(it));
    }
}

// ----- helpers -----------------------------------------------------------------

/// The PyStr of `self` (args[0]).
fn this<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    match args.args.first() {
        Some(v) => match str_of(v) {
            Some(s) => Ok(s),
            None => Err(vm.type_error(format!(
                "descriptor '{}' for 'str' objects doesn't apply to a '{}' object",
                name,
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("unbound method str.{}() needs an argument", name))),
    }
}

/// The code points of a str.
pub fn cps(s: &PyStr) -> Vec<u32> {
    if s.is_ascii() {
        return s.as_wtf8().iter().map(|&b| b as u32).collect();
    }
    s.code_points().collect()
}

/// A new str value from code points.
pub fn from_cps(vm: &Vm, c: &[u32]) -> Value {
    if c.is_empty() {
        return Value::Obj(vm.none_singletons.empty_str.clone());
    }
    vm.new_str_data(PyStr::from_code_points(c.iter().copied()))
}

/// A new str value from generalised UTF-8 bytes.
pub fn from_wtf8(vm: &Vm, b: Vec<u8>) -> Value {
    if b.is_empty() {
        return Value::Obj(vm.none_singletons.empty_str.clone());
    }
    vm.new_str_data(PyStr::from_wtf8(b))
}

/// `self` as an exact str value (a str subclass instance is copied).
fn exact(vm: &Vm, v: &Value) -> Value {
    if let Value::Obj(o) = v {
        if Rc::ptr_eq(o.class(), &vm.types.str) {
            return v.clone();
        }
        if let Some(s) = o.as_str() {
            return from_wtf8(vm, s.as_wtf8().to_vec());
        }
    }
    v.clone()
}

/// The parsed arguments of a str method: `max` (at most 3) optional values,
/// held inline (no allocation per call).
struct Params {
    items: [Option<Value>; 3],
    n: usize,
}

impl std::ops::Deref for Params {
    type Target = [Option<Value>];
    fn deref(&self) -> &[Option<Value>] {
        &self.items[..self.n]
    }
}

/// Argument parsing for methods. `kw`: keyword names (None: positional only).
/// Returns `max` (at most 3) optional values for the arguments after `self`.
#[inline(always)]
fn params(vm: &mut Vm, args: &Args, fname: &str, min: usize, max: usize, kw: Option<&[&str]>) -> PyResult<Params> {
    debug_assert!(max <= 3, "str method parameters are held inline (at most 3)");
    let pos = &args.args[1.min(args.args.len())..];
    let n = pos.len();
    if args.kwargs.is_empty() && n >= min && n <= max && max <= 3 {
        let mut items: [Option<Value>; 3] = [None, None, None];
        for (slot, v) in items.iter_mut().zip(pos) {
            *slot = Some(v.clone());
        }
        return Ok(Params { items, n: max });
    }
    let v = params_slow(vm, args, fname, min, max, kw)?;
    let mut items: [Option<Value>; 3] = [None, None, None];
    let n = v.len().min(3);
    for (slot, x) in items.iter_mut().zip(v) {
        *slot = x;
    }
    Ok(Params { items, n })
}

#[inline(never)]
fn params_slow(
    vm: &mut Vm,
    args: &Args,
    fname: &str,
    min: usize,
    max: usize,
    kw: Option<&[&str]>,
) -> PyResult<Vec<Option<Value>>> {
    let pos = &args.args[1.min(args.args.len())..];
    let n = pos.len();
    if kw.is_none() && !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", fname)));
    }
    if n > max {
        let msg = if max == 0 {
            format!("str.{}() takes no arguments ({} given)", fname, n)
        } else if kw.is_some() {
            format!("{}() takes at most {} argument{} ({} given)", fname, max, if max == 1 { "" } else { "s" }, n)
        } else if min == max && max == 1 {
            format!("str.{}() takes exactly one argument ({} given)", fname, n)
        } else {
            format!("{} expected at most {} argument{}, got {}", fname, max, if max == 1 { "" } else { "s" }, n)
        };
        return Err(vm.type_error(msg));
    }
    let mut out: Vec<Option<Value>> = pos.iter().cloned().map(Some).collect();
    out.resize(max, None);
    if let Some(names) = kw {
        for (k, v) in args.kwargs {
            let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
            match names.iter().position(|x| *x == ks) {
                Some(i) if i < max => {
                    if out[i].is_some() {
                        return Err(vm.type_error(format!(
                            "argument for {}() given by name ('{}') and position ({})",
                            fname,
                            ks,
                            i + 1
                        )));
                    }
                    out[i] = Some(v.clone());
                }
                _ => {
                    return Err(vm.type_error(format!("{}() got an unexpected keyword argument '{}'", fname, ks)));
                }
            }
        }
    }
    for (i, o) in out.iter().enumerate().take(min) {
        if o.is_none() {
            let msg = if let Some(names) = kw {
                if n < min && args.kwargs.is_empty() {
                    format!("{}() takes at least {} argument{} ({} given)", fname, min, if min == 1 { "" } else { "s" }, n)
                } else {
                    format!("{}() missing required argument '{}' (pos {})", fname, names.get(i).unwrap_or(&"?"), i + 1)
                }
            } else if min == max && max == 1 {
                format!("str.{}() takes exactly one argument ({} given)", fname, n)
            } else {
                format!("{} expected at least {} argument{}, got {}", fname, min, if min == 1 { "" } else { "s" }, n)
            };
            return Err(vm.type_error(msg));
        }
    }
    Ok(out)
}

fn need_str<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyStr> {
    match str_of(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("must be str, not {}", vm.type_name(v)))),
    }
}

fn opt_index(vm: &mut Vm, v: &Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => strops::slice_bound(vm, v),
    }
}

fn as_ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.index_i64(v)
}

/// Byte offset → code point index, for generalised UTF-8.
fn cp_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    if needle.len() == 1 {
        return hay.iter().position(|&b| b == needle[0]);
    }
    let first = needle[0];
    let last = hay.len() - needle.len();
    let mut i = 0;
    while i <= last {
        match hay[i..=last].iter().position(|&b| b == first) {
            None => return None,
            Some(p) => {
                i += p;
                if &hay[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

fn count_bytes(hay: &[u8], needle: &[u8], max: usize) -> usize {
    if needle.is_empty() {
        return (cp_count(hay) + 1).min(max);
    }
    let mut n = 0;
    let mut i = 0;
    while n < max {
        match find_bytes(&hay[i..], needle) {
            Some(p) => {
                n += 1;
                i += p + needle.len();
            }
            None => break,
        }
    }
    n
}

// ----- construction, repr ----------------------------------------------------

fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("str.__new__(X): X is not a type object")),
    };
    if !vm.is_subtype(&cls, &vm.types.str.clone()) {
        let n = cls.as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.type_error(format!("str.__new__({}): {} is not a subtype of str", n, n)));
    }
    let rest = Args { args: &args.args[1..], kwargs: args.kwargs };
    let kw = crate::builtins::kwargs_of(vm, "str", rest.kwargs, &["object", "encoding", "errors"])?;
    if rest.args.len() > 3 {
        return Err(vm.type_error(format!("str() takes at most 3 arguments ({} given)", rest.args.len())));
    }
    let get = |i: usize| rest.args.get(i).cloned().or_else(|| kw[i].clone());
    let obj = get(0);
    let encoding = get(1);
    let errors = get(2);
    let value = if encoding.is_none() && errors.is_none() {
        match obj {
            None => Value::Obj(vm.none_singletons.empty_str.clone()),
            Some(o) => Value::Obj(vm.str(&o)?),
        }
    } else {
        let enc = match &encoding {
            None => None,
            Some(e) => match str_of(e) {
                Some(s) => Some(s.as_str_lossy().into_owned()),
                None => {
                    return Err(vm.type_error(format!("str() argument 'encoding' must be str, not {}", vm.type_name(e))))
                }
            },
        };
        let err = match &errors {
            None => None,
            Some(e) => match str_of(e) {
                Some(s) => Some(s.as_str_lossy().into_owned()),
                None => return Err(vm.type_error(format!("str() argument 'errors' must be str, not {}", vm.type_name(e)))),
            },
        };
        let o = obj.unwrap_or_else(|| vm.new_bytes(Vec::new()));
        if str_of(&o).is_some() {
            return Err(vm.type_error("decoding str is not supported"));
        }
        let Some(data) = strops::bytes_like(&o) else {
            return Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                vm.type_name(&o)
            )));
        };
        crate::types::codecs::decode(vm, &data, enc.as_deref().unwrap_or("utf-8"), err.as_deref().unwrap_or("strict"))?
    };
    if Rc::ptr_eq(&cls, &vm.types.str) {
        return Ok(value);
    }
    let bytes = str_of(&value).map(|s| s.as_wtf8().to_vec()).unwrap_or_default();
    let o = crate::protocol::objecttype::new_instance(vm, &cls, Payload::Str(PyStr::from_wtf8(bytes)));
    Ok(Value::Obj(o))
}

/// CPython's repr of a str.
pub fn repr_str(s: &PyStr) -> String {
    let b = s.as_wtf8();
    let has_sq = b.contains(&b'\'');
    let has_dq = b.contains(&b'"');
    let quote = if has_sq && !has_dq { '"' } else { '\'' };
    let mut out = String::with_capacity(b.len() + 2);
    out.push(quote);
    for c in s.code_points() {
        match c {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if c == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            _ if c < 0x20 || c == 0x7F => out.push_str(&format!("\\x{:02x}", c)),
            _ if c < 0x7F => out.push(c as u8 as char),
            _ if strops::is_printable(c) => out.push(char::from_u32(c).unwrap_or('\u{FFFD}')),
            _ if c < 0x100 => out.push_str(&format!("\\x{:02x}", c)),
            _ if c < 0x10000 => out.push_str(&format!("\\u{:04x}", c)),
            _ => out.push_str(&format!("\\U{:08x}", c)),
        }
    }
    out.push(quote);
    out
}

fn str_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__repr__")?;
    let r = repr_str(s);
    Ok(vm.new_str(&r))
}

fn str_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__str__")?;
    Ok(exact(vm, &args.args[0]))
}

fn str_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__len__")?;
    Ok(Value::Int(s.len() as i64))
}

fn str_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__hash__")?;
    Ok(Value::Int(s.hash()))
}

fn str_sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__sizeof__")?;
    let m = s.max_code_point();
    let (base, width) = if m < 128 {
        (40, 1)
    } else if m < 256 {
        (56, 1)
    } else if m < 0x10000 {
        (56, 2)
    } else {
        (56, 4)
    };
    Ok(Value::Int((base + (s.len() + 1) * width) as i64))
}

fn str_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__getnewargs__")?;
    let e = exact(vm, &args.args[0]);
    Ok(vm.new_tuple(vec![e]))
}

// ----- sequence protocol -----------------------------------------------------

/// `s[i]` / `s[a:b:c]`.
pub fn str_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "__getitem__", 1, 1, None)?;
    let s = this(vm, &args, "__getitem__")?;
    str_subscript(vm, &args.args[0], s, &args.args[1])
}

/// `obj[k]` where `s` is the str data of `obj`.
pub fn str_subscript(vm: &mut Vm, obj: &Value, s: &PyStr, k: &Value) -> PyResult<Value> {
    if let Value::Int(i) = k {
        return match strops::seq_index(*i, s.len()).and_then(|j| s.code_point_at(j)) {
            Some(c) => Ok(strops::char_value(vm, c)),
            None => Err(vm.index_error("string index out of range")),
        };
    }
    if let Some(Payload::Slice { .. }) = k.as_obj().map(|o| &o.payload) {
        let so = k.as_obj().cloned().ok_or_else(|| vm.type_error("bad slice"))?;
        let (start, _stop, step, n) = strops::slice_indices(vm, &so, s.len())?;
        if n == 0 {
            return Ok(Value::Obj(vm.none_singletons.empty_str.clone()));
        }
        if step == 1 {
            if n == s.len() && Rc::ptr_eq(obj.as_obj().map(|o| o.class()).unwrap_or(&vm.types.str), &vm.types.str) {
                return Ok(obj.clone());
            }
            let a = s.byte_offset(start as usize);
            let b = if s.is_ascii() { a + n } else { a + s.byte_offset(start as usize + n) - a };
            return Ok(from_wtf8(vm, s.as_wtf8()[a..b].to_vec()));
        }
        if s.is_ascii() {
            let b = s.as_wtf8();
            let out: Vec<u8> = if step == -1 {
                // n items ending at `start`, reversed.
                let st = start as usize;
                b[st + 1 - n..=st].iter().rev().copied().collect()
            } else {
                let mut out = Vec::with_capacity(n);
                let mut i = start;
                for _ in 0..n {
                    out.push(b[i as usize]);
                    i += step;
                }
                out
            };
            return Ok(vm.new_str_data(PyStr::from_parts(out, n, 0x7F)));
        }
        let c = cps(s);
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(c[i as usize]);
            i += step;
        }
        return Ok(from_cps(vm, &out));
    }
    if let Some(Payload::Int(b)) = k.as_obj().map(|o| &o.payload) {
        if num_traits::ToPrimitive::to_i64(b).is_none() {
            // CPython: PyNumber_AsSsize_t(key, PyExc_IndexError).
            return Err(vm.index_error(format!("cannot fit '{}' into an index-sized integer", vm.type_name(k))));
        }
    }
    match strops::subscript_index(vm, k)? {
        Some(i) => match strops::seq_index(i, s.len()).and_then(|j| s.code_point_at(j)) {
            Some(c) => Ok(strops::char_value(vm, c)),
            None => Err(vm.index_error("string index out of range")),
        },
        None => Err(vm.type_error(format!("string indices must be integers, not '{}'", vm.type_name(k)))),
    }
}

fn str_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__iter__")?;
    let key = if s.is_ascii() { "str_ascii_iterator" } else { "str_iterator" };
    let cls = match vm.state.get(key) {
        Some(Value::Obj(c)) => c.clone(),
        _ => vm.types.iterator.clone(),
    };
    // For non-ASCII text `index` is a byte offset (see `striter_next`).
    Ok(Value::Obj(PyObject::new(
        cls,
        Payload::Iter(RefCell::new(IterState::Seq { seq: args.args[0].clone(), index: 0 })),
    )))
}

fn striter_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn striter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Payload::Iter(st)) = args.args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) else {
        return Err(vm.type_error("descriptor '__next__' requires a 'str_iterator' object"));
    };
    let next = {
        let mut st = st.borrow_mut();
        match &mut *st {
            IterState::Seq { seq, index } => match str_of(seq) {
                Some(s) => {
                    let b = s.as_wtf8();
                    if *index < b.len() {
                        if s.is_ascii() {
                            let c = b[*index] as u32;
                            *index += 1;
                            Some(c)
                        } else {
                            let (c, n) = pyrite_bytecode::wtf8::decode_code_point(&b[*index..]);
                            *index += n.max(1);
                            Some(c)
                        }
                    } else {
                        None
                    }
                }
                None => None,
            },
            _ => None,
        }
    };
    match next {
        Some(c) => Ok(strops::char_value(vm, c)),
        None => {
            *st.borrow_mut() = IterState::Done;
            Err(vm.stop_iteration(None))
        }
    }
}

fn striter_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Payload::Iter(st)) = args.args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) else {
        return Err(vm.type_error("descriptor '__length_hint__' requires a 'str_iterator' object"));
    };
    let st = st.borrow();
    let n = match &*st {
        IterState::Seq { seq, index } => match str_of(seq) {
            Some(s) => cp_count(s.as_wtf8().get(*index..).unwrap_or(&[])),
            None => 0,
        },
        _ => 0,
    };
    Ok(Value::Int(n as i64))
}

fn str_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "__contains__", 1, 1, None)?;
    let s = this(vm, &args, "__contains__")?;
    let Some(sub) = str_of(&args.args[1]) else {
        return Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(&args.args[1])
        )));
    };
    Ok(Value::Bool(find_bytes(s.as_wtf8(), sub.as_wtf8()).is_some()))
}

/// `needle in hay` for two strs.
pub fn str_contains_str(hay: &PyStr, needle: &PyStr) -> bool {
    find_bytes(hay.as_wtf8(), needle.as_wtf8()).is_some()
}

/// True if `v`'s type is a class statement's with the method `name` (so the
/// reflected operation must get its chance).
fn defers_to(vm: &mut Vm, v: &Value, name: &str) -> bool {
    let t = vm.type_of(v);
    let heap = t.as_type().map(|t| t.has_flag(flags::HEAPTYPE)).unwrap_or(false);
    if !heap {
        return false;
    }
    let n = vm.intern(name);
    crate::types::typeobj::lookup(&t, &n).is_some()
}

fn str_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "__add__", 1, 1, None)?;
    let s = this(vm, &args, "__add__")?;
    let o = &args.args[1];
    let Some(t) = str_of(o) else {
        if defers_to(vm, o, "__radd__") {
            return Ok(vm.not_implemented());
        }
        return Err(vm.type_error(format!("can only concatenate str (not \"{}\") to str", vm.type_name(o))));
    };
    if t.is_empty() && Rc::ptr_eq(args.args[0].as_obj().map(|x| x.class()).unwrap_or(&vm.types.str), &vm.types.str) {
        return Ok(args.args[0].clone());
    }
    let total = s.as_wtf8().len() + t.as_wtf8().len();
    if total > isize::MAX as usize / 2 {
        return Err(vm.overflow_error("strings are too large to concat"));
    }
    let mut b = Vec::with_capacity(total);
    b.extend_from_slice(s.as_wtf8());
    b.extend_from_slice(t.as_wtf8());
    Ok(from_wtf8(vm, b))
}

/// The repeat count of `seq * n`, or NotImplemented/TypeError for non-ints.
/// `reflected`: called as `__rmul__` (the other operand already declined).
pub fn repeat_count(vm: &mut Vm, n: &Value, reflected: bool) -> PyResult<Option<i64>> {
    match strops::subscript_index(vm, n)? {
        Some(_) => {
            let v = vm.index(n)?;
            match v {
                Value::Int(i) => Ok(Some(i)),
                _ => {
                    let neg = matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Int(b)) if b.sign() == num_bigint::Sign::Minus);
                    if neg {
                        Ok(Some(0))
                    } else {
                        Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
                    }
                }
            }
        }
        None => {
            if !reflected && defers_to(vm, n, "__rmul__") {
                return Ok(None);
            }
            Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(n))))
        }
    }
}

/// Checks that `unit * count` bytes can be allocated.
pub fn check_repeat_size(vm: &mut Vm, unit: usize, count: i64) -> PyResult<usize> {
    if count <= 0 || unit == 0 {
        return Ok(0);
    }
    match unit.checked_mul(count as usize) {
        Some(t) if t <= isize::MAX as usize => {
            if t > (1usize << 40) {
                return Err(vm.memory_error());
            }
            Ok(t)
        }
        _ => Err(vm.overflow_error("repeated string is too long")),
    }
}

fn str_rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_mul_impl(vm, args, true)
}

fn str_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_mul_impl(vm, args, false)
}

fn str_mul_impl(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    params(vm, &args, "__mul__", 1, 1, None)?;
    let s = this(vm, &args, "__mul__")?;
    // str has no numeric `*` in CPython: an int subclass's own `__rmul__`
    // gets the first chance, and repetition happens if it declines.
    let other = &args.args[1];
    if !reflected && matches!(other.as_obj().map(|o| &o.payload), Some(Payload::Int(_))) && defers_to(vm, other, "__rmul__") {
        let name = vm.intern("__rmul__");
        if let Some(r) = vm.call_special(other, &name, std::slice::from_ref(&args.args[0]))? {
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    let Some(n) = repeat_count(vm, &args.args[1], reflected)? else {
        return Ok(vm.not_implemented());
    };
    if n <= 0 || s.is_empty() {
        return Ok(Value::Obj(vm.none_singletons.empty_str.clone()));
    }
    if n == 1 && Rc::ptr_eq(args.args[0].as_obj().map(|x| x.class()).unwrap_or(&vm.types.str), &vm.types.str) {
        return Ok(args.args[0].clone());
    }
    repeat_str(vm, s, n)
}

/// `s * n` for `n >= 1` (MemoryError when too large); a new str.
pub fn repeat_str(vm: &mut Vm, s: &PyStr, n: i64) -> PyResult<Value> {
    let total = check_repeat_size(vm, s.as_wtf8().len(), n)?;
    let mut b = Vec::with_capacity(total);
    for _ in 0..n {
        b.extend_from_slice(s.as_wtf8());
    }
    Ok(vm.new_str_data(PyStr::from_parts(b, s.len() * n as usize, s.max_code_point())))
}

fn str_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "__mod__", 1, 1, None)?;
    this(vm, &args, "__mod__")?;
    crate::types::strformat::percent_format(vm, &args.args[0], &args.args[1])
}

fn str_rmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "__rmod__", 1, 1, None)?;
    this(vm, &args, "__rmod__")?;
    Ok(vm.not_implemented())
}

fn cmp_op(vm: &mut Vm, args: Args, name: &str, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    params(vm, &args, name, 1, 1, None)?;
    let s = this(vm, &args, name)?;
    match str_of(&args.args[1]) {
        Some(t) => Ok(Value::Bool(f(s.as_wtf8().cmp(t.as_wtf8())))),
        None => Ok(vm.not_implemented()),
    }
}

fn str_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_op(vm, args, "__eq__", |o| o.is_eq())
}
fn str_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_op(vm, args, "__ne__", |o| o.is_ne())
}
fn str_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_op(vm, args, "__lt__", |o| o.is_lt())
}
fn str_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_op(vm, args, "__le__", |o| o.is_le())
}
fn str_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_op(vm, args, "__gt__", |o| o.is_gt())
}
fn str_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_op(vm, args, "__ge__", |o| o.is_ge())
}

fn str_format_spec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(vm, &args, "__format__", 1, 1, None)?;
    this(vm, &args, "__format__")?;
    let spec = p[0].clone().unwrap_or(Value::None);
    let Some(sp) = str_of(&spec) else {
        return Err(vm.type_error(format!("__format__() argument must be str, not {}", vm.type_name(&spec))));
    };
    if sp.is_empty() {
        let v = vm.str(&args.args[0])?;
        return Ok(Value::Obj(v));
    }
    let spec_s = sp.as_str_lossy().into_owned();
    crate::types::strformat::format_str_spec(vm, &args.args[0], &spec_s)
}

fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "format")?;
    crate::types::strformat::str_format(vm, &args.args[0], &args.args[1..], args.kwargs, None)
}

fn str_format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(vm, &args, "format_map", 1, 1, None)?;
    this(vm, &args, "format_map")?;
    let m = p[0].clone().unwrap_or(Value::None);
    crate::types::strformat::str_format(vm, &args.args[0], &[], &[], Some(m))
}

// ----- search ----------------------------------------------------------------

/// Parses `(sub[, start[, end]])` and returns (self, sub, byte range, cp start, valid).
struct Range<'a> {
    s: &'a PyStr,
    sub: &'a PyStr,
    /// Byte offsets of the search window.
    lo: usize,
    hi: usize,
    /// Code point offset of `lo`.
    cp_lo: usize,
    valid: bool,
}

fn search_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<Range<'a>> {
    if args.args.len() < 2 {
        return Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", name)));
    }
    if args.args.len() > 4 {
        return Err(vm.type_error(format!("{}() takes at most 3 arguments ({} given)", name, args.args.len() - 1)));
    }
    if !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    let s = this(vm, args, name)?;
    let sub = need_str(vm, &args.args[1])?;
    let start = opt_index(vm, &args.args.get(2).cloned())?;
    let end = opt_index(vm, &args.args.get(3).cloned())?;
    let (a, b, valid) = strops::adjust_range(start, end, s.len());
    if !valid {
        return Ok(Range { s, sub, lo: 0, hi: 0, cp_lo: a, valid: false });
    }
    let lo = s.byte_offset(a);
    let hi = s.byte_offset(b);
    Ok(Range { s, sub, lo, hi, cp_lo: a, valid })
}

fn do_find(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let r = search_args(vm, &args, name)?;
    if !r.valid {
        return Ok(None);
    }
    let hay = &r.s.as_wtf8()[r.lo..r.hi];
    let found = if rev { rfind_bytes(hay, r.sub.as_wtf8()) } else { find_bytes(hay, r.sub.as_wtf8()) };
    Ok(found.map(|p| r.cp_lo + if r.s.is_ascii() { p } else { cp_count(&hay[..p]) }))
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(do_find(vm, args, "find", false)?.map(|i| i as i64).unwrap_or(-1)))
}
fn str_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(do_find(vm, args, "rfind", true)?.map(|i| i as i64).unwrap_or(-1)))
}
fn str_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match do_find(vm, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn str_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match do_find(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = search_args(vm, &args, "count")?;
    if !r.valid {
        return Ok(Value::Int(0));
    }
    let hay = &r.s.as_wtf8()[r.lo..r.hi];
    Ok(Value::Int(count_bytes(hay, r.sub.as_wtf8(), usize::MAX) as i64))
}

fn starts_ends(vm: &mut Vm, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    if args.args.len() < 2 {
        return Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", name)));
    }
    if args.args.len() > 4 {
        return Err(vm.type_error(format!("{}() takes at most 3 arguments ({} given)", name, args.args.len() - 1)));
    }
    let s = this(vm, &args, name)?;
    let start = opt_index(vm, &args.args.get(2).cloned())?;
    let end = opt_index(vm, &args.args.get(3).cloned())?;
    let (a, b, valid) = strops::adjust_range(start, end, s.len());
    let arg = &args.args[1];
    let candidates: Vec<Value> = match arg.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ if str_of(arg).is_some() => vec![arg.clone()],
        _ => {
            return Err(vm.type_error(format!(
                "{} first arg must be str or a tuple of str, not {}",
                name,
                vm.type_name(arg)
            )))
        }
    };
    let (lo, hi) = if valid { (s.byte_offset(a), s.byte_offset(b)) } else { (0, 0) };
    for c in candidates {
        let Some(p) = str_of(&c) else {
            return Err(vm.type_error(format!(
                "tuple for {} must only contain str, not {}",
                name,
                vm.type_name(&c)
            )));
        };
        if !valid {
            continue;
        }
        let w = &s.as_wtf8()[lo..hi];
        let pb = p.as_wtf8();
        let ok = if ends { w.ends_with(pb) } else { w.starts_with(pb) };
        if ok {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    starts_ends(vm, args, "startswith", false)
}
fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    starts_ends(vm, args, "endswith", true)
}

// ----- predicates --------------------------------------------------------------

fn pred(vm: &mut Vm, args: Args, name: &str, f: fn(u32) -> bool) -> PyResult<Value> {
    params(vm, &args, name, 0, 0, None)?;
    let s = this(vm, &args, name)?;
    if s.is_empty() {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(s.code_points().all(f)))
}

fn str_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isalnum", strops::is_alnum)
}
fn str_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isalpha", strops::is_alpha)
}
fn str_isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isdecimal", strops::is_decimal)
}
fn str_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isdigit", strops::is_digit)
}
fn str_isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isnumeric", strops::is_numeric)
}
fn str_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, "isspace", strops::is_space)
}
fn str_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "isascii", 0, 0, None)?;
    let s = this(vm, &args, "isascii")?;
    Ok(Value::Bool(s.is_ascii()))
}
fn str_isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "isprintable", 0, 0, None)?;
    let s = this(vm, &args, "isprintable")?;
    Ok(Value::Bool(s.code_points().all(strops::is_printable)))
}
fn str_isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "isidentifier", 0, 0, None)?;
    let s = this(vm, &args, "isidentifier")?;
    Ok(Value::Bool(is_identifier(s)))
}

/// `s.isidentifier()`.
pub fn is_identifier(s: &PyStr) -> bool {
    let mut it = s.code_points();
    match it.next() {
        Some(c) if strops::is_xid_start(c) => it.all(strops::is_xid_continue),
        _ => false,
    }
}

fn str_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "islower", 0, 0, None)?;
    let s = this(vm, &args, "islower")?;
    let mut cased = false;
    for c in s.code_points() {
        if strops::is_upper(c) || strops::is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        if strops::is_lower(c) {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}
fn str_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "isupper", 0, 0, None)?;
    let s = this(vm, &args, "isupper")?;
    let mut cased = false;
    for c in s.code_points() {
        if strops::is_lower(c) || strops::is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        if strops::is_upper(c) {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}
fn str_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    params(vm, &args, "istitle", 0, 0, None)?;
    let s = this(vm, &args, "istitle")?;
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.code_points() {
        if strops::is_upper(c) || strops::is_titlecase(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if strops::is_lower(c) {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ----- case conversion ---------------------------------------------------------

fn case_map(vm: &mut Vm, args: Args, name: &str, which: u8) -> PyResult<Value> {
    params(vm, &args, name, 0, 0, None)?;
    let s = this(vm, &args, name)?;
    if s.is_ascii() {
        let b = s.as_wtf8();
        let out: Vec<u8> = match which {
            0 | 4 => b.to_ascii_lowercase(),
            1 => b.to_ascii_uppercase(),
            2 => b.iter().map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect(),
            3 => {
                // In ASCII the cased characters are the letters.
                let mut prev_cased = false;
                b.iter()
                    .map(|&c| {
                        let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                        prev_cased = c.is_ascii_alphabetic();
                        r
                    })
                    .collect()
            }
            _ => b.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect(),
        };
        return Ok(from_wtf8(vm, out));
    }
    let c = cps(s);
    let mut out = Vec::with_capacity(c.len());
    match which {
        0 => {
            for i in 0..c.len() {
                strops::push_lower_at(&mut out, &c, i);
            }
        }
        1 => c.iter().for_each(|&x| strops::push_upper(&mut out, x)),
        2 => {
            for i in 0..c.len() {
                let x = c[i];
                if strops::is_upper(x) {
                    strops::push_lower_at(&mut out, &c, i);
                } else if strops::is_lower(x) {
                    strops::push_upper(&mut out, x);
                } else {
                    out.push(x);
                }
            }
        }
        3 => {
            // title
            let mut prev_cased = false;
            for i in 0..c.len() {
                let x = c[i];
                if prev_cased {
                    strops::push_lower_at(&mut out, &c, i);
                } else {
                    strops::push_title(&mut out, x);
                }
                prev_cased = strops::is_cased(x);
            }
        }
        4 => c.iter().for_each(|&x| strops::push_fold(&mut out, x)),
        _ => {
            // capitalize
            for i in 0..c.len() {
                if i == 0 {
                    strops::push_title(&mut out, c[0]);
                } else {
                    strops::push_lower_at(&mut out, &c, i);
                }
            }
        }
    }
    Ok(from_cps(vm, &out))
}

fn str_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_map(vm, args, "lower", 0)
}
fn str_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_map(vm, args, "upper", 1)
}
fn str_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_map(vm, args, "swapcase", 2)
}
fn str_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_map(vm, args, "title", 3)
}
fn str_casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_map(vm, args, "casefold", 4)
}
fn str_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_map(vm, args, "capitalize", 5)
}

// ----- padding -------------------------------------------------------------------

fn fill_char(vm: &mut Vm, v: &Option<Value>) -> PyResult<u32> {
    match v {
        None => Ok(b' ' as u32),
        Some(f) => match str_of(f) {
            Some(s) if s.len() == 1 => Ok(s.code_point_at(0).unwrap_or(32)),
            Some(_) => Err(vm.type_error("The fill character must be exactly one character long")),
            None => Err(vm.type_error(format!(
                "The fill character must be a unicode character, not {}",
                vm.type_name(f)
            ))),
        },
    }
}

fn pad(vm: &mut Vm, args: Args, name: &str, mode: u8) -> PyResult<Value> {
    let p = params(vm, &args, name, 1, 2, None)?;
    let s = this(vm, &args, name)?;
    let width = as_ssize(vm, p[0].as_ref().unwrap_or(&Value::Int(0)))?;
    let fill = fill_char(vm, &p[1])?;
    let len = s.len() as i64;
    if width <= len {
        return Ok(exact(vm, &args.args[0]));
    }
    let total = (width - len) as usize;
    check_repeat_size(vm, 4, width)?;
    let (left, right) = match mode {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut fb = Vec::new();
    pyrite_bytecode::wtf8::push_code_point(&mut fb, fill);
    let mut out = Vec::with_capacity(s.as_wtf8().len() + total * fb.len());
    for _ in 0..left {
        out.extend_from_slice(&fb);
    }
    out.extend_from_slice(s.as_wtf8());
    for _ in 0..right {
        out.extend_from_slice(&fb);
    }
    Ok(from_wtf8(vm, out))
}

fn str_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "ljust", 0)
}
fn str_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "rjust", 1)
}
fn str_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "center", 2)
}

fn str_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(vm, &args, "zfill", 1, 1, None)?;
    let s = this(vm, &args, "zfill")?;
    let width = as_ssize(vm, p[0].as_ref().unwrap_or(&Value::Int(0)))?;
    let len = s.len() as i64;
    if width <= len {
        return Ok(exact(vm, &args.args[0]));
    }
    check_repeat_size(vm, 4, width)?;
    let fill = (width - len) as usize;
    let b = s.as_wtf8();
    let mut out = Vec::with_capacity(b.len() + fill);
    let signed = matches!(b.first(), Some(b'+') | Some(b'-'));
    if signed {
        out.push(b[0]);
    }
    out.extend(std::iter::repeat(b'0').take(fill));
    out.extend_from_slice(if signed { &b[1..] } else { b });
    Ok(from_wtf8(vm, out))
}

fn str_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(vm, &args, "expandtabs", 0, 1, Some(&["tabsize"]))?;
    let s = this(vm, &args, "expandtabs")?;
    let tab = match &p[0] {
        Some(v) => as_ssize(vm, v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for c in s.code_points() {
        if c == b'\t' as u32 {
            if tab > 0 {
                let n = tab - col % tab;
                if out.len() as i64 + n > (1i64 << 40) {
                    return Err(vm.overflow_error("result too long"));
                }
                out.extend(std::iter::repeat(b' ' as u32).take(n as usize));
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == b'\n' as u32 || c == b'\r' as u32 {
                col = 0;
            }
        }
    }
    Ok(from_cps(vm, &out))
}

// ----- strip, split, join ------------------------------------------------------

fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let p = params(vm, &args, name, 0, 1, None)?;
    let s = this(vm, &args, name)?;
    let chars: Option<Vec<u32>> = match &p[0] {
        None | Some(Value::None) => None,
        Some(v) => match str_of(v) {
            Some(t) => Some(cps(t)),
            None => return Err(vm.type_error(format!("{} arg must be None or str", name))),
        },
    };
    let c = cps(s);
    let is_strip = |x: u32| match &chars {
        None => strops::is_space(x),
        Some(cs) => cs.contains(&x),
    };
    let mut a = 0;
    let mut b = c.len();
    if left {
        while a < b && is_strip(c[a]) {
            a += 1;
        }
    }
    if right {
        while b > a && is_strip(c[b - 1]) {
            b -= 1;
        }
    }
    if a == 0 && b == c.len() {
        return Ok(exact(vm, &args.args[0]));
    }
    Ok(from_cps(vm, &c[a..b]))
}

fn str_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}
fn str_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}
fn str_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

fn split_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyStr, Option<Vec<u8>>, i64)> {
    let p = params(vm, args, name, 0, 2, Some(&["sep", "maxsplit"]))?;
    let s = this(vm, args, name)?;
    let sep = match &p[0] {
        None | Some(Value::None) => None,
        Some(v) => match str_of(v) {
            Some(t) if t.is_empty() => return Err(vm.value_error("empty separator")),
            Some(t) => Some(t.as_wtf8().to_vec()),
            None => return Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(v)))),
        },
    };
    let max = match &p[1] {
        Some(v) => as_ssize(vm, v)?,
        None => -1,
    };
    Ok((s, sep, if max < 0 { i64::MAX } else { max }))
}

fn str_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, &args, "split")?;
    let b = s.as_wtf8();
    let mut out = Vec::new();
    // CPython puts an exact str that is not split into the list as itself.
    let whole = |vm: &Vm| match &args.args[0] {
        Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.str) => Some(args.args[0].clone()),
        _ => None,
    };
    match sep {
        Some(sep) => {
            let mut i = 0;
            let mut n = 0;
            while n < max {
                match find_bytes(&b[i..], &sep) {
                    Some(p) => {
                        out.push(from_wtf8(vm, b[i..i + p].to_vec()));
                        i += p + sep.len();
                        n += 1;
                    }
                    None => break,
                }
            }
            match whole(vm) {
                Some(w) if i == 0 => out.push(w),
                _ => out.push(from_wtf8(vm, b[i..].to_vec())),
            }
        }
        None if s.is_ascii() => {
            let sp = |c: u8| strops::is_space(c as u32);
            let mut i = 0;
            let mut n = 0;
            loop {
                while i < b.len() && sp(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if n >= max {
                    // maxsplit reached: the rest, trailing whitespace included.
                    out.push(vm.new_str_data(PyStr::from_wtf8(b[i..].to_vec())));
                    break;
                }
                let st = i;
                while i < b.len() && !sp(b[i]) {
                    i += 1;
                }
                match whole(vm) {
                    Some(w) if st == 0 && i == b.len() => out.push(w),
                    _ => out.push(vm.new_str_data(PyStr::from_wtf8(b[st..i].to_vec()))),
                }
                n += 1;
            }
        }
        None => {
            let c = cps(s);
            let mut i = 0;
            let mut n = 0;
            loop {
                while i < c.len() && strops::is_space(c[i]) {
                    i += 1;
                }
                if i == c.len() {
                    break;
                }
                if n >= max {
                    out.push(from_cps(vm, &c[i..]));
                    break;
                }
                let st = i;
                while i < c.len() && !strops::is_space(c[i]) {
                    i += 1;
                }
                out.push(from_cps(vm, &c[st..i]));
                n += 1;
            }
        }
    }
    Ok(vm.new_list(out))
}

fn str_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, &args, "rsplit")?;
    let b = s.as_wtf8();
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = b.len();
            let mut n = 0;
            while n < max {
                match rfind_bytes(&b[..end], &sep) {
                    Some(p) => {
                        out.push(from_wtf8(vm, b[p + sep.len()..end].to_vec()));
                        end = p;
                        n += 1;
                    }
                    None => break,
                }
            }
            out.push(from_wtf8(vm, b[..end].to_vec()));
        }
        None => {
            let c = cps(s);
            let mut i = c.len();
            let mut n = 0;
            loop {
                while i > 0 && strops::is_space(c[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if n >= max {
                    out.push(from_cps(vm, &c[..i]));
                    break;
                }
                let e = i;
                while i > 0 && !strops::is_space(c[i - 1]) {
                    i -= 1;
                }
                out.push(from_cps(vm, &c[i..e]));
                n += 1;
            }
        }
    }
    out.reverse();
    Ok(vm.new_list(out))
}

fn is_linebreak(c: u32) -> bool {
    matches!(c, 0x0A | 0x0B | 0x0C | 0x0D | 0x1C | 0x1D | 0x1E | 0x85 | 0x2028 | 0x2029)
}

fn str_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(vm, &args, "splitlines", 0, 1, Some(&["keepends"]))?;
    let s = this(vm, &args, "splitlines")?;
    let keep = match &p[0] {
        None => false,
        Some(Value::Float(_)) => {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        Some(v) => vm.is_true(v)?,
    };
    let c = cps(s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let st = i;
        while i < c.len() && !is_linebreak(c[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < c.len() {
            if c[i] == 0x0D && c.get(i + 1) == Some(&0x0A) {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        out.push(from_cps(vm, &c[st..eol]));
    }
    Ok(vm.new_list(out))
}

fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(vm, &args, "join", 1, 1, None)?;
    let s = this(vm, &args, "join")?;
    let it = p[0].clone().unwrap_or(Value::None);
    // An exact list or tuple is joined in place (nothing here runs Python
    // code, so the list cannot change meanwhile).
    if let Value::Obj(o) = &it {
        if Rc::ptr_eq(o.class(), &vm.types.list) {
            if let Payload::List(l) = &o.payload {
                let items = l.borrow();
                if items.len() != 1 {
                    return join_strs(vm, s, &items);
                }
            }
        } else if Rc::ptr_eq(o.class(), &vm.types.tuple) {
            if let Payload::Tuple(t) = &o.payload {
                if t.len() != 1 {
                    return join_strs(vm, s, t);
                }
            }
        }
    }
    let items = match vm.collect(&it) {
        Ok(v) => v,
        Err(e) => {
            let te = vm.exc.type_error.clone();
            let name = vm.names.__iter__.clone();
            if vm.err_matches(&e, &te) && vm.lookup_special(&it, &name).is_none() {
                let gi = vm.names.__getitem__.clone();
                if vm.lookup_special(&it, &gi).is_none() {
                    return Err(vm.type_error("can only join an iterable"));
                }
            }
            return Err(e);
        }
    };
    if items.len() == 1 {
        if let Value::Obj(o) = &items[0] {
            if Rc::ptr_eq(o.class(), &vm.types.str) {
                return Ok(items[0].clone());
            }
        }
    }
    join_strs(vm, s, &items)
}

/// `sep.join(items)`: the size is computed first, then one allocation is
/// filled; the result's length and largest code point come from the parts.
fn join_strs(vm: &mut Vm, sep: &PyStr, items: &[Value]) -> PyResult<Value> {
    let mut total = 0usize;
    let mut len = 0usize;
    let mut max_cp = 0u32;
    for (i, item) in items.iter().enumerate() {
        let Some(t) = str_of(item) else {
            return Err(vm.type_error(format!(
                "sequence item {}: expected str instance, {} found",
                i,
                vm.type_name(item)
            )));
        };
        total += t.as_wtf8().len();
        len += t.len();
        max_cp = max_cp.max(t.max_code_point());
    }
    if items.len() > 1 {
        let k = items.len() - 1;
        total = sep.as_wtf8().len().checked_mul(k).and_then(|x| x.checked_add(total)).ok_or_else(|| vm.memory_error())?;
        len += sep.len() * k;
        max_cp = max_cp.max(sep.max_code_point());
    }
    if total == 0 {
        return Ok(Value::Obj(vm.none_singletons.empty_str.clone()));
    }
    let sepb = sep.as_wtf8();
    let mut out = Vec::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sepb);
        }
        if let Some(t) = str_of(item) {
            out.extend_from_slice(t.as_wtf8());
        }
    }
    Ok(vm.new_str_data(PyStr::from_parts(out, len, max_cp)))
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    let p = params(vm, &args, name, 1, 1, None)?;
    let s = this(vm, &args, name)?;
    let sepv = p[0].clone().unwrap_or(Value::None);
    let sep = need_str(vm, &sepv)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let b = s.as_wtf8();
    let sb = sep.as_wtf8();
    let found = if rev { rfind_bytes(b, sb) } else { find_bytes(b, sb) };
    let empty = Value::Obj(vm.none_singletons.empty_str.clone());
    let me = exact(vm, &args.args[0]);
    let items = match found {
        Some(i) => {
            let sv = exact(vm, &sepv);
            vec![from_wtf8(vm, b[..i].to_vec()), sv, from_wtf8(vm, b[i + sb.len()..].to_vec())]
        }
        None if rev => vec![empty.clone(), empty, me],
        None => vec![me, empty.clone(), empty],
    };
    Ok(vm.new_tuple(items))
}

fn str_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}
fn str_rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(vm, &args, "replace", 2, 3, None)?;
    let s = this(vm, &args, "replace")?;
    let oldv = p[0].clone().unwrap_or(Value::None);
    let newv = p[1].clone().unwrap_or(Value::None);
    let Some(old) = str_of(&oldv) else {
        return Err(vm.type_error(format!("replace() argument 1 must be str, not {}", vm.type_name(&oldv))));
    };
    let Some(new) = str_of(&newv) else {
        return Err(vm.type_error(format!("replace() argument 2 must be str, not {}", vm.type_name(&newv))));
    };
    let count = match &p[2] {
        Some(v) => as_ssize(vm, v)?,
        None => -1,
    };
    let max = if count < 0 { usize::MAX } else { count as usize };
    let b = s.as_wtf8();
    let ob = old.as_wtf8();
    let nb = new.as_wtf8();
    let n = count_bytes(b, ob, max);
    if n == 0 {
        return Ok(exact(vm, &args.args[0]));
    }
    let total = (b.len() as u128) + (n as u128) * (nb.len() as u128);
    if total > (1u128 << 40) {
        return Err(vm.overflow_error("replace string is too long"));
    }
    let mut out = Vec::with_capacity(total as usize);
    if ob.is_empty() {
        // Insert `new` before every code point (and at the end), up to n times.
        let mut done = 0;
        let mut i = 0;
        while i <= b.len() {
            if done < n {
                out.extend_from_slice(nb);
                done += 1;
            }
            if i == b.len() {
                break;
            }
            let l = pyrite_bytecode::wtf8::decode_code_point(&b[i..]).1.max(1);
            out.extend_from_slice(&b[i..i + l]);
            i += l;
        }
    } else {
        let mut i = 0;
        let mut done = 0;
        while done < n {
            match find_bytes(&b[i..], ob) {
                Some(p) => {
                    out.extend_from_slice(&b[i..i + p]);
                    out.extend_from_slice(nb);
                    i += p + ob.len();
                    done += 1;
                }
                None => break,
            }
        }
        out.extend_from_slice(&b[i..]);
    }
    Ok(from_wtf8(vm, out))
}

fn affix(vm: &mut Vm, args: Args, name: &str, suffix: bool) -> PyResult<Value> {
    let p = params(vm, &args, name, 1, 1, None)?;
    let s = this(vm, &args, name)?;
    let av = p[0].clone().unwrap_or(Value::None);
    let Some(a) = str_of(&av) else {
        return Err(vm.type_error(format!("{}() argument must be str, not {}", name, vm.type_name(&av))));
    };
    let b = s.as_wtf8();
    let ab = a.as_wtf8();
    if !a.is_empty() {
        if !suffix && b.starts_with(ab) {
            return Ok(from_wtf8(vm, b[ab.len()..].to_vec()));
        }
        if suffix && b.ends_with(ab) {
            return Ok(from_wtf8(vm, b[..b.len() - ab.len()].to_vec()));
        }
    }
    Ok(exact(vm, &args.args[0]))
}

fn str_removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "removeprefix", false)
}
fn str_removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "removesuffix", true)
}

// ----- translate, maketrans, encode --------------------------------------------

fn str_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(vm, &args, "translate", 1, 1, None)?;
    let s = this(vm, &args, "translate")?;
    let table = p[0].clone().unwrap_or(Value::None);
    let c = cps(s);
    let mut out = Vec::with_capacity(c.len());
    let lookup_err = vm.exc.lookup_error.clone();
    for x in c {
        let r = vm.get_item(&table, &Value::Int(x as i64));
        match r {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => {
                if !(0..0x110000).contains(&i) {
                    return Err(vm.value_error("character mapping must be in range(0x110000)"));
                }
                out.push(i as u32);
            }
            Ok(v) => {
                if let Some(t) = str_of(&v) {
                    out.extend(t.code_points());
                } else if matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Int(_))) {
                    return Err(vm.value_error("character mapping must be in range(0x110000)"));
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if vm.err_matches(&e, &lookup_err) => out.push(x),
            Err(e) => return Err(e),
        }
    }
    Ok(from_cps(vm, &out))
}

fn str_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    let a = args.args;
    if a.is_empty() || a.len() > 3 {
        return Err(vm.type_error(format!(
            "maketrans expected at {} 1 argument{}, got {}",
            if a.is_empty() { "least" } else { "most" },
            if a.is_empty() { "" } else { "s" },
            a.len()
        )));
    }
    for (k, v) in a.iter().enumerate().skip(1) {
        if str_of(v).is_none() {
            return Err(vm.type_error(format!("maketrans() argument {} must be str, not {}", k + 1, vm.type_name(v))));
        }
    }
    let d = vm.new_dict();
    if a.len() == 1 {
        let Some(Payload::Dict(_)) = a[0].as_obj().map(|o| &o.payload) else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let Some(dobj) = a[0].as_obj().cloned() else { return Err(vm.type_error("dict expected")) };
        let items = vm.dict_items(&dobj);
        for (k, v) in items {
            let key = match str_of(&k) {
                Some(ks) if ks.len() == 1 => Value::Int(ks.code_point_at(0).unwrap_or(0) as i64),
                Some(_) => return Err(vm.value_error("string keys in translate table must be of length 1")),
                None => {
                    if matches!(k, Value::Int(_)) || matches!(k.as_obj().map(|o| &o.payload), Some(Payload::Int(_))) {
                        k.clone()
                    } else {
                        return Err(vm.type_error("keys in translate table must be strings or integers"));
                    }
                }
            };
            vm.dict_set_item(&d, key, v)?;
        }
        return Ok(Value::Obj(d));
    }
    let Some(x) = str_of(&a[0]) else {
        return Err(vm.type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let Some(y) = str_of(&a[1]) else {
        return Err(vm.type_error(format!("maketrans() argument 2 must be str, not {}", vm.type_name(&a[1]))));
    };
    if x.len() != y.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (cx, cy) in x.code_points().zip(y.code_points()) {
        vm.dict_set_item(&d, Value::Int(cx as i64), Value::Int(cy as i64))?;
    }
    if let Some(z) = a.get(2) {
        let Some(zs) = str_of(z) else {
            return Err(vm.type_error(format!("maketrans() argument 3 must be str, not {}", vm.type_name(z))));
        };
        for c in zs.code_points() {
            vm.dict_set_item(&d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Obj(d))
}

fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(vm, &args, "encode", 0, 2, Some(&["encoding", "errors"]))?;
    let s = this(vm, &args, "encode")?;
    let enc = match &p[0] {
        None => "utf-8".to_string(),
        Some(v) => match str_of(v) {
            Some(t) => t.as_str_lossy().into_owned(),
            None => return Err(vm.type_error(format!("encode() argument 'encoding' must be str, not {}", vm.type_name(v)))),
        },
    };
    let errors = match &p[1] {
        None => "strict".to_string(),
        Some(v) => match str_of(v) {
            Some(t) => t.as_str_lossy().into_owned(),
            None => return Err(vm.type_error(format!("encode() argument 'errors' must be str, not {}", vm.type_name(v)))),
        },
    };
    let b = crate::types::codecs::encode(vm, &args.args[0], s, &enc, &errors)?;
    Ok(vm.new_bytes(b))
}

// ----- builtins chr / ord ------------------------------------------------------------

fn builtin_chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "chr", &args, 1, 1)?;
    let v = &args.args[0];
    let i = vm.index(v)?;
    match i {
        Value::Int(c) if (0..0x110000).contains(&c) => Ok(strops::char_value(vm, c as u32)),
        Value::Int(c) if c.unsigned_abs() <= i32::MAX as u64 => Err(vm.value_error("chr() arg not in range(0x110000)")),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn builtin_ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "ord", &args, 1, 1)?;
    let v = &args.args[0];
    if let Some(s) = str_of(v) {
        if s.len() == 1 {
            return Ok(Value::Int(s.code_point_at(0).unwrap_or(0) as i64));
        }
        return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", s.len())));
    }
    if let Some(b) = strops::bytes_like(v) {
        if b.len() == 1 {
            return Ok(Value::Int(b[0] as i64));
        }
        return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len())));
    }
    Err(vm.type_error(format!("ord() expected string of length 1, but {} found", vm.type_name(v))))
}

// ----- calls of the builtin value types ---------------------------------------

/// `str(x)`, `int(x)` and `float(x)` for exactly those classes, one positional
/// argument and no keywords, when the result needs no parsing beyond plain
/// decimal digits: the value without the generic type call (`__new__` lookup,
/// argument tuple, `__init__` check). These classes are immutable and their
/// `__init__` is `object.__init__`, which accepts the call, so the result is
/// the same. None when not applicable (the caller takes the general path);
/// nothing has run then.
pub fn builtin_type_call_fast(vm: &mut Vm, cls: &crate::object::PyRef, args: &[Value], kwargs_empty: bool) -> Option<PyResult<Value>> {
    if !kwargs_empty || args.len() != 1 {
        return None;
    }
    let x = &args[0];
    if Rc::ptr_eq(cls, &vm.types.str) {
        return Some(vm.str(x).map(Value::Obj));
    }
    if Rc::ptr_eq(cls, &vm.types.int) {
        return match x {
            Value::Int(_) => Some(Ok(x.clone())),
            Value::Bool(b) => Some(Ok(Value::Int(*b as i64))),
            Value::Float(f) if f.is_finite() && f.abs() < 9.0e18 => Some(Ok(Value::Int(f.trunc() as i64))),
            Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.str) => {
                let b = o.as_str()?.as_wtf8();
                let (neg, digits) = match b.first() {
                    Some(b'-') => (true, &b[1..]),
                    Some(b'+') => (false, &b[1..]),
                    _ => (false, b),
                };
                if digits.is_empty() || digits.len() > 18 || !digits.iter().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                let mut n: i64 = 0;
                for &c in digits {
                    n = n * 10 + (c - b'0') as i64;
                }
                Some(Ok(Value::Int(if neg { -n } else { n })))
            }
            _ => None,
        };
    }
    if Rc::ptr_eq(cls, &vm.types.float) {
        return match x {
            Value::Float(_) => Some(Ok(x.clone())),
            Value::Int(i) => Some(Ok(Value::Float(*i as f64))),
            Value::Bool(b) => Some(Ok(Value::Float(*b as i64 as f64))),
            _ => None,
        };
    }
    None
}
