//! `itertools`: iterator building blocks; CPython: Modules/itertoolsmodule.c.
//!
//! Registration table (`make_module`): the iterator types count, cycle,
//! repeat, chain (+ `from_iterable`), islice, accumulate, starmap, takewhile,
//! dropwhile, filterfalse, compress, groupby (+ `_grouper`), zip_longest,
//! product, permutations, combinations, combinations_with_replacement,
//! pairwise, `_tee` (with `tee()`); each has `__new__`, `__iter__`, `__next__`.
//! State lives in `Payload::Native(Box<RefCell<State>>)`; borrows are dropped
//! before any call into Python.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::dict::dict_set_str;
use crate::types::function::{Args, NativeFn};
use crate::types::typeobj::{flags, Layout};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::BinaryOp;
use std::cell::RefCell;
use std::rc::Rc;

/// Shared state of the iterators produced by one `tee()` call.
struct TeeShared {
    it: Value,
    buf: Vec<Value>,
}

/// The state of one itertools iterator.
enum State {
    Count { cur: Value, step: Value },
    Cycle { it: Option<Value>, saved: Vec<Value>, idx: usize },
    Repeat { obj: Value, left: Option<i64> },
    Chain { source: Option<Value>, active: Option<Value> },
    Islice { it: Option<Value>, next: usize, stop: Option<usize>, step: usize, cnt: usize },
    Accumulate { it: Value, func: Value, total: Option<Value>, initial: Option<Value> },
    Starmap { func: Value, it: Value },
    TakeWhile { pred: Value, it: Value, stop: bool },
    DropWhile { pred: Value, it: Value, dropped: bool },
    FilterFalse { pred: Value, it: Value },
    Compress { data: Value, sel: Value },
    GroupBy { it: Value, key: Value, tgt: Option<Value>, curkey: Option<Value>, curval: Option<Value>, gen: u64 },
    Grouper { parent: PyRef, tgt: Value, gen: u64 },
    ZipLongest { its: Vec<Option<Value>>, active: usize, fill: Value },
    Pairwise { it: Option<Value>, old: Option<Value> },
    Product { pools: Vec<Vec<Value>>, idx: Vec<usize>, first: bool, done: bool },
    Perm { pool: Vec<Value>, r: usize, idx: Vec<usize>, cycles: Vec<usize>, first: bool, done: bool },
    Comb { pool: Vec<Value>, r: usize, idx: Vec<usize>, first: bool, done: bool, repl: bool },
    Tee { shared: Rc<RefCell<TeeShared>>, pos: usize },
    Done,
}

thread_local! {
    static TYPES: RefCell<Vec<(&'static str, PyRef)>> = const { RefCell::new(Vec::new()) };
}

/// Registers `itertools` as a native module.
pub fn init(vm: &mut Vm) {
    vm.native_modules.insert("itertools", make_module);
}

fn ty(vm: &mut Vm, name: &'static str) -> PyRef {
    if let Some(t) = TYPES.with(|t| t.borrow().iter().find(|(n, _)| *n == name).map(|(_, t)| t.clone())) {
        return t;
    }
    let object = vm.types.object.clone();
    let fl = if name == "_grouper" || name == "_tee" { flags::IMMUTABLE } else { flags::BASETYPE | flags::IMMUTABLE };
    let t = vm.new_builtin_type(name, "itertools", &object, Layout::Opaque, fl);
    let newf: NativeFn = match name {
        "count" => count_new,
        "cycle" => cycle_new,
        "repeat" => repeat_new,
        "chain" => chain_new,
        "islice" => islice_new,
        "accumulate" => accumulate_new,
        "starmap" => starmap_new,
        "takewhile" => takewhile_new,
        "dropwhile" => dropwhile_new,
        "filterfalse" => filterfalse_new,
        "compress" => compress_new,
        "groupby" => groupby_new,
        "zip_longest" => zip_longest_new,
        "pairwise" => pairwise_new,
        "product" => product_new,
        "permutations" => permutations_new,
        "combinations" => combinations_new,
        "combinations_with_replacement" => cwr_new,
        _ => no_new,
    };
    vm.add_staticmethods(&t, &[("__new__", newf)]);
    vm.add_methods(&t, &[("__iter__", iter_self), ("__next__", next_method)]);
    match name {
        "count" => vm.add_methods(&t, &[("__repr__", count_repr)]),
        "repeat" => vm.add_methods(&t, &[("__repr__", repeat_repr), ("__length_hint__", repeat_len_hint)]),
        "chain" => {
            vm.add_classmethods(&t, &[("from_iterable", chain_from_iterable), ("__class_getitem__", class_getitem)]);
        }
        "_tee" => vm.add_methods(&t, &[("__copy__", tee_copy)]),
        _ => {}
    }
    TYPES.with(|ts| ts.borrow_mut().push((name, t.clone())));
    t
}

const NAMES: &[&str] = &[
    "count", "cycle", "repeat", "chain", "islice", "accumulate", "starmap", "takewhile", "dropwhile", "filterfalse",
    "compress", "groupby", "_grouper", "zip_longest", "pairwise", "product", "permutations", "combinations",
    "combinations_with_replacement", "_tee",
];

fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    let m = crate::types::module::new_module(vm, "itertools");
    let d = m.dict.borrow().clone().ok_or_else(|| vm.system_error("module without dict"))?;
    for name in NAMES {
        let t = ty(vm, name);
        let k = vm.intern(name);
        dict_set_str(&d, &k, Value::Obj(t));
    }
    let f = vm.new_builtin("tee", tee_fn);
    let k = vm.intern("tee");
    dict_set_str(&d, &k, f);
    Ok(m)
}

fn class_getitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn no_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.args.first().and_then(|c| c.as_obj()).and_then(|c| c.as_type().map(|t| t.name.borrow().clone())).unwrap_or_default();
    Err(vm.type_error(format!("cannot create 'itertools.{}' instances", n)))
}

fn make(vm: &mut Vm, cls: &Value, st: State) -> PyResult<Value> {
    let cls = match cls.as_obj() {
        Some(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("__new__ requires a type")),
    };
    let o = crate::protocol::objecttype::new_instance(vm, &cls, Payload::Native(Box::new(RefCell::new(st))));
    Ok(Value::Obj(o))
}

fn make_named(vm: &mut Vm, name: &'static str, st: State) -> PyResult<Value> {
    let t = ty(vm, name);
    make(vm, &Value::Obj(t), st)
}

fn state(v: &Value) -> Option<&RefCell<State>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => n.downcast_ref::<RefCell<State>>(),
        _ => None,
    }
}

/// Parses positional-or-keyword arguments (after the class) by name.
fn parse(vm: &mut Vm, fname: &str, args: &Args, names: &[&str], min: usize) -> PyResult<Vec<Option<Value>>> {
    let pos = &args.args[1.min(args.args.len())..];
    if pos.len() > names.len() {
        return Err(vm.type_error(format!("{} expected at most {} argument{}, got {}", fname, names.len(), if names.len() == 1 { "" } else { "s" }, pos.len())));
    }
    let mut out: Vec<Option<Value>> = pos.iter().cloned().map(Some).collect();
    out.resize(names.len(), None);
    let kw = crate::builtins::kwargs_of(vm, fname, args.kwargs, names)?;
    for (i, v) in kw.into_iter().enumerate() {
        if let Some(v) = v {
            if out[i].is_some() {
                return Err(vm.type_error(format!("argument for {}() given by name ('{}') and position ({})", fname, names[i], i + 1)));
            }
            out[i] = Some(v);
        }
    }
    for (i, o) in out.iter().enumerate().take(min) {
        if o.is_none() {
            return Err(vm.type_error(format!("{}() missing required argument '{}' (pos {})", fname, names[i], i + 1)));
        }
    }
    Ok(out)
}

fn positional(vm: &mut Vm, fname: &str, args: &Args, n: usize) -> PyResult<Vec<Value>> {
    let pos = &args.args[1.min(args.args.len())..];
    if !args.kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", fname)));
    }
    if pos.len() != n {
        return Err(vm.type_error(format!("{} expected {} argument{}, got {}", fname, n, if n == 1 { "" } else { "s" }, pos.len())));
    }
    Ok(pos.to_vec())
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args[0].clone())
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Int(_)))
}

// ----- constructors -----

fn count_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse(vm, "count", &args, &["start", "step"], 0)?;
    let cur = a[0].clone().unwrap_or(Value::Int(0));
    let step = a[1].clone().unwrap_or(Value::Int(1));
    for v in [&cur, &step] {
        let numeric = !matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Str(_) | Payload::Tuple(_) | Payload::List(_))) && !matches!(v, Value::None);
        if !numeric {
            return Err(vm.type_error("a number is required"));
        }
    }
    make(vm, &args.args[0], State::Count { cur, step })
}

fn count_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cur, step) = match state(&args.args[0]).map(|s| match &*s.borrow() {
        State::Count { cur, step } => Some((cur.clone(), step.clone())),
        _ => None,
    }) {
        Some(Some(x)) => x,
        _ => return Err(vm.type_error("count.__repr__ needs a count")),
    };
    let name = vm.type_of(&args.args[0]).as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    let c = vm.repr_string(&cur)?;
    let s = if matches!(step, Value::Int(1)) {
        format!("{}({})", name, c)
    } else {
        let st = vm.repr_string(&step)?;
        format!("{}({}, {})", name, c, st)
    };
    Ok(vm.new_str(&s))
}

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional(vm, "cycle", &args, 1)?;
    let it = vm.iter(&a[0])?;
    make(vm, &args.args[0], State::Cycle { it: Some(it), saved: Vec::new(), idx: 0 })
}

fn repeat_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse(vm, "repeat", &args, &["object", "times"], 1)?;
    let obj = a[0].clone().unwrap_or(Value::None);
    let left = match &a[1] {
        None => None,
        Some(t) => Some(vm.index_i64(t)?.max(0)),
    };
    make(vm, &args.args[0], State::Repeat { obj, left })
}

fn repeat_parts(vm: &mut Vm, v: &Value) -> PyResult<(Value, Option<i64>)> {
    match state(v).map(|s| match &*s.borrow() {
        State::Repeat { obj, left } => Some((obj.clone(), *left)),
        _ => None,
    }) {
        Some(Some(x)) => Ok(x),
        _ => Err(vm.type_error("descriptor requires a 'itertools.repeat' object")),
    }
}

fn repeat_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, left) = repeat_parts(vm, &args.args[0])?;
    let name = vm.type_of(&args.args[0]).as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    let r = vm.repr_string(&obj)?;
    let s = match left {
        None => format!("{}({})", name, r),
        Some(n) => format!("{}({}, {})", name, r, n),
    };
    Ok(vm.new_str(&s))
}

fn repeat_len_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, left) = repeat_parts(vm, &args.args[0])?;
    match left {
        Some(n) => Ok(Value::Int(n)),
        None => Err(vm.type_error("len() of unsized object")),
    }
}

fn chain_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("chain() takes no keyword arguments"));
    }
    let items = vm.new_tuple(args.args[1..].to_vec());
    let source = vm.iter(&items)?;
    make(vm, &args.args[0], State::Chain { source: Some(source), active: None })
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error(format!("chain.from_iterable() takes exactly one argument ({} given)", args.args.len().saturating_sub(1))));
    }
    let source = vm.iter(&args.args[1])?;
    make(vm, &args.args[0], State::Chain { source: Some(source), active: None })
}

fn islice_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<usize>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let msg = format!("{} for islice() must be None or an integer: 0 <= x <= sys.maxsize.", what);
    match vm.index_i64(v) {
        Ok(n) if n >= 0 => Ok(Some(n as usize)),
        _ => Err(vm.value_error(msg)),
    }
}

fn islice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("islice() takes no keyword arguments"));
    }
    let pos = &args.args[1..];
    if pos.len() < 2 || pos.len() > 4 {
        let msg = if pos.len() < 2 {
            format!("islice expected at least 2 arguments, got {}", pos.len())
        } else {
            format!("islice expected at most 4 arguments, got {}", pos.len())
        };
        return Err(vm.type_error(msg));
    }
    let (start, stop, step) = if pos.len() == 2 {
        (0, islice_arg(vm, &pos[1], "Stop argument")?, 1)
    } else {
        let stop = islice_arg(vm, &pos[2], "Stop argument")?;
        let start = islice_arg(vm, &pos[1], "Indices")?.unwrap_or(0);
        let step = match pos.get(3) {
            None | Some(Value::None) => 1,
            Some(v) => match vm.index_i64(v) {
                Ok(n) if n >= 1 => n as usize,
                _ => return Err(vm.value_error("Step for islice() must be a positive integer or None.")),
            },
        };
        (start, stop, step)
    };
    let it = vm.iter(&pos[0])?;
    make(vm, &args.args[0], State::Islice { it: Some(it), next: start, stop, step, cnt: 0 })
}

fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse(vm, "accumulate", &args, &["iterable", "func", "initial"], 1)?;
    let it = vm.iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let func = a[1].clone().unwrap_or(Value::None);
    let initial = a[2].clone().filter(|v| !matches!(v, Value::None));
    make(vm, &args.args[0], State::Accumulate { it, func, total: None, initial })
}

fn starmap_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional(vm, "starmap", &args, 2)?;
    let it = vm.iter(&a[1])?;
    make(vm, &args.args[0], State::Starmap { func: a[0].clone(), it })
}

fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional(vm, "takewhile", &args, 2)?;
    let it = vm.iter(&a[1])?;
    make(vm, &args.args[0], State::TakeWhile { pred: a[0].clone(), it, stop: false })
}

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional(vm, "dropwhile", &args, 2)?;
    let it = vm.iter(&a[1])?;
    make(vm, &args.args[0], State::DropWhile { pred: a[0].clone(), it, dropped: false })
}

fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional(vm, "filterfalse", &args, 2)?;
    let it = vm.iter(&a[1])?;
    make(vm, &args.args[0], State::FilterFalse { pred: a[0].clone(), it })
}

fn compress_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse(vm, "compress", &args, &["data", "selectors"], 2)?;
    let data = vm.iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let sel = vm.iter(a[1].as_ref().unwrap_or(&Value::None))?;
    make(vm, &args.args[0], State::Compress { data, sel })
}

fn groupby_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse(vm, "groupby", &args, &["iterable", "key"], 1)?;
    let it = vm.iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let key = a[1].clone().unwrap_or(Value::None);
    make(vm, &args.args[0], State::GroupBy { it, key, tgt: None, curkey: None, curval: None, gen: 0 })
}

fn zip_longest_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "zip_longest", args.kwargs, &["fillvalue"])?;
    let fill = kw[0].clone().unwrap_or(Value::None);
    let mut its = Vec::new();
    for a in &args.args[1..] {
        its.push(Some(vm.iter(a)?));
    }
    let active = its.len();
    make(vm, &args.args[0], State::ZipLongest { its, active, fill })
}

fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional(vm, "pairwise", &args, 1)?;
    let it = vm.iter(&a[0])?;
    make(vm, &args.args[0], State::Pairwise { it: Some(it), old: None })
}

fn product_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "product", args.kwargs, &["repeat"])?;
    let repeat = match &kw[0] {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::new();
    for a in &args.args[1..] {
        base.push(vm.collect(a)?);
    }
    let total = (base.len() as u128).saturating_mul(repeat as u128);
    if total > (1 << 28) {
        return Err(vm.memory_error());
    }
    let mut pools = Vec::new();
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let done = pools.iter().any(|p| p.is_empty());
    let idx = vec![0; pools.len()];
    make(vm, &args.args[0], State::Product { pools, idx, first: true, done })
}

fn r_arg(vm: &mut Vm, v: &Option<Value>, n: usize) -> PyResult<usize> {
    match v {
        None | Some(Value::None) => Ok(n),
        Some(v) => {
            if !is_int(v) {
                return Err(vm.type_error("Expected int as r"));
            }
            let r = vm.index_i64(v)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            Ok(r as usize)
        }
    }
}

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse(vm, "permutations", &args, &["iterable", "r"], 1)?;
    let pool = vm.collect(a[0].as_ref().unwrap_or(&Value::None))?;
    let n = pool.len();
    let r = r_arg(vm, &a[1], n)?;
    let idx: Vec<usize> = (0..n).collect();
    let cycles: Vec<usize> = (0..r.min(n)).map(|i| n - i).collect();
    make(vm, &args.args[0], State::Perm { pool, r, idx, cycles, first: true, done: r > n })
}

fn comb_common(vm: &mut Vm, args: Args, name: &str, repl: bool) -> PyResult<Value> {
    let a = parse(vm, name, &args, &["iterable", "r"], 2)?;
    let pool = vm.collect(a[0].as_ref().unwrap_or(&Value::None))?;
    let r = match &a[1] {
        Some(v) => {
            let r = vm.index_i64(v)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            r as usize
        }
        None => 0,
    };
    let n = pool.len();
    let done = if repl { n == 0 && r > 0 } else { r > n };
    let idx: Vec<usize> = if repl { vec![0; if done { 0 } else { r }] } else { (0..r.min(n)).collect() };
    make(vm, &args.args[0], State::Comb { pool, r, idx, first: true, done, repl })
}

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    comb_common(vm, args, "combinations", false)
}

fn cwr_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    comb_common(vm, args, "combinations_with_replacement", true)
}

fn tee_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("tee() takes no keyword arguments"));
    }
    if args.args.is_empty() || args.args.len() > 2 {
        return Err(vm.type_error(format!("tee expected at most 2 arguments, got {}", args.args.len())));
    }
    let n = match args.args.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let it = vm.iter(&args.args[0])?;
    let shared = Rc::new(RefCell::new(TeeShared { it, buf: Vec::new() }));
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(make_named(vm, "_tee", State::Tee { shared: shared.clone(), pos: 0 })?);
    }
    Ok(vm.new_tuple(out))
}

fn tee_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let st = match state(&args.args[0]).map(|s| match &*s.borrow() {
        State::Tee { shared, pos } => Some(State::Tee { shared: shared.clone(), pos: *pos }),
        _ => None,
    }) {
        Some(Some(s)) => s,
        _ => return Err(vm.type_error("__copy__ needs a _tee")),
    };
    make_named(vm, "_tee", st)
}

// ----- iteration -----

fn next_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match step(vm, &args.args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(None)),
    }
}

fn set_state(this: &Value, st: State) {
    if let Some(s) = state(this) {
        *s.borrow_mut() = st;
    }
}

/// Advances by one item; Ok(None) at the end.
fn step(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let cell = match state(this) {
        Some(c) => c,
        None => return Err(vm.type_error("descriptor '__next__' requires an itertools object")),
    };
    // Take a snapshot of what is needed; never keep the borrow across calls.
    let snapshot = std::mem::replace(&mut *cell.borrow_mut(), State::Done);
    let res = step_state(vm, this, snapshot);
    match res {
        Ok((st, v)) => {
            set_state(this, st);
            Ok(v)
        }
        Err((st, e)) => {
            set_state(this, st);
            Err(e)
        }
    }
}

type StepResult = Result<(State, Option<Value>), (State, crate::error::PyErr)>;

macro_rules! tryst {
    ($e:expr, $st:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Err(($st, e)),
        }
    };
}

fn tuple_of(vm: &mut Vm, items: Vec<Value>) -> Value {
    vm.new_tuple(items)
}

/// One step of a state machine. The state is moved out of its cell while
/// this runs, so re-entrant use of the same iterator sees an exhausted one.
fn step_state(vm: &mut Vm, this: &Value, st: State) -> StepResult {
    match st {
        State::Done => Ok((State::Done, None)),
        State::Count { cur, step } => {
            let next = tryst!(vm.binary_op(&cur, &step, BinaryOp::Add), State::Count { cur, step });
            Ok((State::Count { cur: next, step }, Some(cur)))
        }
        State::Cycle { it, mut saved, idx } => {
            if let Some(i) = it {
                match tryst!(vm.next(&i), State::Cycle { it: Some(i.clone()), saved, idx }) {
                    Some(v) => {
                        saved.push(v.clone());
                        return Ok((State::Cycle { it: Some(i), saved, idx }, Some(v)));
                    }
                    None => {
                        if saved.is_empty() {
                            return Ok((State::Done, None));
                        }
                        let v = saved[0].clone();
                        return Ok((State::Cycle { it: None, saved, idx: 1 }, Some(v)));
                    }
                }
            }
            if saved.is_empty() {
                return Ok((State::Done, None));
            }
            let i = idx % saved.len();
            let v = saved[i].clone();
            Ok((State::Cycle { it: None, saved, idx: i + 1 }, Some(v)))
        }
        State::Repeat { obj, left } => match left {
            None => Ok((State::Repeat { obj: obj.clone(), left }, Some(obj))),
            Some(0) => Ok((State::Repeat { obj, left: Some(0) }, None)),
            Some(n) => Ok((State::Repeat { obj: obj.clone(), left: Some(n - 1) }, Some(obj))),
        },
        State::Chain { mut source, mut active } => loop {
            if let Some(a) = active.clone() {
                match tryst!(vm.next(&a), State::Chain { source, active }) {
                    Some(v) => return Ok((State::Chain { source, active }, Some(v))),
                    None => active = None,
                }
            }
            let s = match source.clone() {
                Some(s) => s,
                None => return Ok((State::Done, None)),
            };
            match tryst!(vm.next(&s), State::Chain { source, active }) {
                Some(iterable) => {
                    active = Some(tryst!(vm.iter(&iterable), State::Chain { source, active }));
                }
                None => {
                    source = None;
                    return Ok((State::Chain { source, active }, None));
                }
            }
        },
        State::Islice { it, next, stop, step, mut cnt } => {
            let i = match it {
                Some(i) => i,
                None => return Ok((State::Done, None)),
            };
            let done = State::Islice { it: None, next, stop, step, cnt };
            while cnt < next {
                match tryst!(vm.next(&i), State::Islice { it: Some(i.clone()), next, stop, step, cnt }) {
                    Some(_) => cnt += 1,
                    None => return Ok((done, None)),
                }
            }
            if let Some(s) = stop {
                if cnt >= s {
                    return Ok((State::Islice { it: None, next, stop, step, cnt }, None));
                }
            }
            match tryst!(vm.next(&i), State::Islice { it: Some(i.clone()), next, stop, step, cnt }) {
                Some(v) => {
                    cnt += 1;
                    let mut nn = next.saturating_add(step);
                    if let Some(s) = stop {
                        if nn > s {
                            nn = s;
                        }
                    }
                    Ok((State::Islice { it: Some(i), next: nn, stop, step, cnt }, Some(v)))
                }
                None => Ok((State::Islice { it: None, next, stop, step, cnt }, None)),
            }
        }
        State::Accumulate { it, func, total, initial } => {
            if let Some(init) = initial {
                return Ok((State::Accumulate { it, func, total: Some(init.clone()), initial: None }, Some(init)));
            }
            let v = match tryst!(vm.next(&it), State::Accumulate { it, func, total, initial: None }) {
                Some(v) => v,
                None => return Ok((State::Done, None)),
            };
            let nt = match &total {
                None => v,
                Some(t) => {
                    if matches!(func, Value::None) {
                        tryst!(vm.binary_op(t, &v, BinaryOp::Add), State::Accumulate { it, func, total, initial: None })
                    } else {
                        tryst!(vm.call(&func, &[t.clone(), v], &[]), State::Accumulate { it, func, total, initial: None })
                    }
                }
            };
            Ok((State::Accumulate { it, func, total: Some(nt.clone()), initial: None }, Some(nt)))
        }
        State::Starmap { func, it } => {
            let v = match tryst!(vm.next(&it), State::Starmap { func, it }) {
                Some(v) => v,
                None => return Ok((State::Starmap { func, it }, None)),
            };
            let items = tryst!(vm.collect(&v), State::Starmap { func, it });
            let r = tryst!(vm.call(&func, &items, &[]), State::Starmap { func, it });
            Ok((State::Starmap { func, it }, Some(r)))
        }
        State::TakeWhile { pred, it, stop } => {
            if stop {
                return Ok((State::TakeWhile { pred, it, stop }, None));
            }
            let v = match tryst!(vm.next(&it), State::TakeWhile { pred, it, stop }) {
                Some(v) => v,
                None => return Ok((State::TakeWhile { pred, it, stop }, None)),
            };
            let r = tryst!(vm.call(&pred, &[v.clone()], &[]), State::TakeWhile { pred, it, stop });
            let ok = tryst!(vm.is_true(&r), State::TakeWhile { pred, it, stop });
            if ok {
                Ok((State::TakeWhile { pred, it, stop }, Some(v)))
            } else {
                Ok((State::TakeWhile { pred, it, stop: true }, None))
            }
        }
        State::DropWhile { pred, it, dropped } => loop {
            let v = match tryst!(vm.next(&it), State::DropWhile { pred, it, dropped }) {
                Some(v) => v,
                None => return Ok((State::DropWhile { pred, it, dropped }, None)),
            };
            if dropped {
                return Ok((State::DropWhile { pred, it, dropped }, Some(v)));
            }
            let r = tryst!(vm.call(&pred, &[v.clone()], &[]), State::DropWhile { pred, it, dropped });
            if !tryst!(vm.is_true(&r), State::DropWhile { pred, it, dropped }) {
                return Ok((State::DropWhile { pred, it, dropped: true }, Some(v)));
            }
        },
        State::FilterFalse { pred, it } => loop {
            let v = match tryst!(vm.next(&it), State::FilterFalse { pred, it }) {
                Some(v) => v,
                None => return Ok((State::FilterFalse { pred, it }, None)),
            };
            let t = if matches!(pred, Value::None | Value::Obj(_)) && is_bool_type(vm, &pred) || matches!(pred, Value::None) {
                tryst!(vm.is_true(&v), State::FilterFalse { pred, it })
            } else {
                let r = tryst!(vm.call(&pred, &[v.clone()], &[]), State::FilterFalse { pred, it });
                tryst!(vm.is_true(&r), State::FilterFalse { pred, it })
            };
            if !t {
                return Ok((State::FilterFalse { pred, it }, Some(v)));
            }
        },
        State::Compress { data, sel } => loop {
            let d = match tryst!(vm.next(&data), State::Compress { data, sel }) {
                Some(v) => v,
                None => return Ok((State::Compress { data, sel }, None)),
            };
            let s = match tryst!(vm.next(&sel), State::Compress { data, sel }) {
                Some(v) => v,
                None => return Ok((State::Compress { data, sel }, None)),
            };
            if tryst!(vm.is_true(&s), State::Compress { data, sel }) {
                return Ok((State::Compress { data, sel }, Some(d)));
            }
        },
        State::GroupBy { it, key, tgt, mut curkey, mut curval, gen } => {
            // Skip to the start of the next group.
            loop {
                if let Some(ck) = &curkey {
                    match &tgt {
                        None => break,
                        Some(t) => {
                            let same = tryst!(vm.eq(t, ck), State::GroupBy { it, key, tgt, curkey, curval, gen });
                            if !same {
                                break;
                            }
                        }
                    }
                }
                let v = match tryst!(vm.next(&it), State::GroupBy { it, key, tgt, curkey, curval, gen }) {
                    Some(v) => v,
                    None => return Ok((State::GroupBy { it, key, tgt, curkey, curval, gen: gen + 1 }, None)),
                };
                let k = if matches!(key, Value::None) {
                    v.clone()
                } else {
                    tryst!(vm.call(&key, &[v.clone()], &[]), State::GroupBy { it, key, tgt, curkey, curval, gen })
                };
                curkey = Some(k);
                curval = Some(v);
            }
            let ck = curkey.clone().unwrap_or(Value::None);
            let parent = match this.as_obj() {
                Some(p) => p.clone(),
                None => return Ok((State::Done, None)),
            };
            let g = gen + 1;
            let st = State::GroupBy { it, key, tgt: Some(ck.clone()), curkey, curval, gen: g };
            let grouper = tryst!(make_named(vm, "_grouper", State::Grouper { parent, tgt: ck.clone(), gen: g }), st);
            let t = tuple_of(vm, vec![ck, grouper]);
            Ok((st, Some(t)))
        }
        State::Grouper { parent, tgt, gen } => {
            let pv = Value::Obj(parent.clone());
            let pst = match state(&pv) {
                Some(c) => std::mem::replace(&mut *c.borrow_mut(), State::Done),
                None => return Ok((State::Done, None)),
            };
            let (it, key, ptgt, mut curkey, mut curval, pgen) = match pst {
                State::GroupBy { it, key, tgt, curkey, curval, gen } => (it, key, tgt, curkey, curval, gen),
                other => {
                    set_state(&pv, other);
                    return Ok((State::Done, None));
                }
            };
            if pgen != gen {
                set_state(&pv, State::GroupBy { it, key, tgt: ptgt, curkey, curval, gen: pgen });
                return Ok((State::Done, None));
            }
            let restore = |it: Value, key: Value, curkey: Option<Value>, curval: Option<Value>| State::GroupBy { it, key, tgt: ptgt.clone(), curkey, curval, gen: pgen };
            if curval.is_none() {
                let v = match vm.next(&it) {
                    Ok(Some(v)) => v,
                    Ok(None) => {
                        set_state(&pv, restore(it, key, curkey, curval));
                        return Ok((State::Done, None));
                    }
                    Err(e) => {
                        set_state(&pv, restore(it, key, curkey, curval));
                        return Err((State::Grouper { parent, tgt, gen }, e));
                    }
                };
                let k = if matches!(key, Value::None) {
                    Ok(v.clone())
                } else {
                    vm.call(&key, &[v.clone()], &[])
                };
                match k {
                    Ok(k) => {
                        curkey = Some(k);
                        curval = Some(v);
                    }
                    Err(e) => {
                        set_state(&pv, restore(it, key, curkey, curval));
                        return Err((State::Grouper { parent, tgt, gen }, e));
                    }
                }
            }
            let ck = curkey.clone().unwrap_or(Value::None);
            match vm.eq(&tgt, &ck) {
                Ok(true) => {
                    let v = curval.take();
                    set_state(&pv, restore(it, key, curkey, None));
                    Ok((State::Grouper { parent, tgt, gen }, v))
                }
                Ok(false) => {
                    set_state(&pv, restore(it, key, curkey, curval));
                    Ok((State::Done, None))
                }
                Err(e) => {
                    set_state(&pv, restore(it, key, curkey, curval));
                    Err((State::Grouper { parent, tgt, gen }, e))
                }
            }
        }
        State::ZipLongest { mut its, mut active, fill } => {
            if its.is_empty() || active == 0 {
                return Ok((State::Done, None));
            }
            let mut out = Vec::with_capacity(its.len());
            for i in 0..its.len() {
                let cur = its[i].clone();
                match cur {
                    None => out.push(fill.clone()),
                    Some(it) => match tryst!(vm.next(&it), State::ZipLongest { its, active, fill }) {
                        Some(v) => out.push(v),
                        None => {
                            its[i] = None;
                            active -= 1;
                            if active == 0 {
                                return Ok((State::Done, None));
                            }
                            out.push(fill.clone());
                        }
                    },
                }
            }
            let t = tuple_of(vm, out);
            Ok((State::ZipLongest { its, active, fill }, Some(t)))
        }
        State::Pairwise { it, old } => {
            let i = match it {
                Some(i) => i,
                None => return Ok((State::Done, None)),
            };
            let old = match old {
                Some(o) => o,
                None => match tryst!(vm.next(&i), State::Pairwise { it: Some(i.clone()), old: None }) {
                    Some(o) => o,
                    None => return Ok((State::Done, None)),
                },
            };
            match tryst!(vm.next(&i), State::Pairwise { it: Some(i.clone()), old: Some(old) }) {
                Some(n) => {
                    let t = tuple_of(vm, vec![old, n.clone()]);
                    Ok((State::Pairwise { it: Some(i), old: Some(n) }, Some(t)))
                }
                None => Ok((State::Done, None)),
            }
        }
        State::Product { pools, mut idx, first, done } => {
            if done {
                return Ok((State::Done, None));
            }
            if !first {
                let mut i = pools.len();
                loop {
                    if i == 0 {
                        return Ok((State::Done, None));
                    }
                    i -= 1;
                    idx[i] += 1;
                    if idx[i] < pools[i].len() {
                        break;
                    }
                    idx[i] = 0;
                }
            }
            let items: Vec<Value> = idx.iter().zip(pools.iter()).map(|(&j, p)| p[j].clone()).collect();
            let t = tuple_of(vm, items);
            Ok((State::Product { pools, idx, first: false, done }, Some(t)))
        }
        State::Perm { pool, r, mut idx, mut cycles, first, done } => {
            if done {
                return Ok((State::Done, None));
            }
            let n = pool.len();
            if !first {
                let mut found = false;
                let mut i = r;
                while i > 0 {
                    i -= 1;
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        let x = idx.remove(i);
                        idx.push(x);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        idx.swap(i, n - j);
                        found = true;
                        break;
                    }
                }
                if !found {
                    return Ok((State::Done, None));
                }
            }
            let items: Vec<Value> = idx[..r].iter().map(|&j| pool[j].clone()).collect();
            let t = tuple_of(vm, items);
            Ok((State::Perm { pool, r, idx, cycles, first: false, done }, Some(t)))
        }
        State::Comb { pool, r, mut idx, first, done, repl } => {
            if done {
                return Ok((State::Done, None));
            }
            let n = pool.len();
            if !first {
                if r == 0 {
                    return Ok((State::Done, None));
                }
                let mut i = r;
                let mut found = None;
                while i > 0 {
                    i -= 1;
                    let limit = if repl { n - 1 } else { i + n - r };
                    if idx[i] != limit {
                        found = Some(i);
                        break;
                    }
                }
                let i = match found {
                    Some(i) => i,
                    None => return Ok((State::Done, None)),
                };
                if repl {
                    let v = idx[i] + 1;
                    for x in idx[i..].iter_mut() {
                        *x = v;
                    }
                } else {
                    idx[i] += 1;
                    for j in i + 1..r {
                        idx[j] = idx[j - 1] + 1;
                    }
                }
            }
            let items: Vec<Value> = idx.iter().map(|&j| pool[j].clone()).collect();
            let t = tuple_of(vm, items);
            Ok((State::Comb { pool, r, idx, first: false, done, repl }, Some(t)))
        }
        State::Tee { shared, pos } => {
            let (have, it) = {
                let s = shared.borrow();
                (s.buf.get(pos).cloned(), s.it.clone())
            };
            if let Some(v) = have {
                return Ok((State::Tee { shared, pos: pos + 1 }, Some(v)));
            }
            match tryst!(vm.next(&it), State::Tee { shared, pos }) {
                Some(v) => {
                    shared.borrow_mut().buf.push(v.clone());
                    Ok((State::Tee { shared, pos: pos + 1 }, Some(v)))
                }
                None => Ok((State::Tee { shared, pos }, None)),
            }
        }
    }
}

fn is_bool_type(vm: &Vm, v: &Value) -> bool {
    matches!(v.as_obj(), Some(o) if Rc::ptr_eq(o, &vm.types.bool))
}
