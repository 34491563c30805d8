//! `gc`: the garbage-collector interface. pyrite frees objects by reference
//! counting alone (there is no cycle collector yet), so a collection finds
//! nothing and the counters stay at zero; enabling, disabling and thresholds
//! are recorded and reported back as CPython does. CPython: Modules/gcmodule.c.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    static THRESHOLD: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
}

/// Registers `gc` as a native module.
pub fn init(vm: &mut Vm) {
    vm.native_modules.insert("gc", make_module);
}

fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    let m = crate::types::module::new_module(vm, "gc");
    let d = m.dict.borrow().clone().ok_or_else(|| vm.system_error("module without dict"))?;
    let fns: [(&'static str, crate::types::function::NativeFn); 12] = [
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("collect", collect),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("freeze", none),
        ("unfreeze", none),
        ("get_freeze_count", zero),
    ];
    for (name, f) in fns {
        let v = vm.new_builtin(name, f);
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&d, &k, v);
    }
    for name in ["garbage", "callbacks"] {
        let l = vm.new_list(Vec::new());
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&d, &k, l);
    }
    for (name, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&d, &k, Value::Int(v));
    }
    Ok(m)
}

fn enable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "enable", &args, 0, 0)?;
    ENABLED.with(|e| e.set(true));
    Ok(Value::None)
}

fn disable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "disable", &args, 0, 0)?;
    ENABLED.with(|e| e.set(false));
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "isenabled", &args, 0, 0)?;
    Ok(Value::Bool(ENABLED.with(|e| e.get())))
}

/// `gc.collect(generation=2)`: runs pending finalisers; reference counting
/// has already freed everything unreachable that is not in a cycle.
fn collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "collect", &args, 0, 1)?;
    if let Some(g) = args.args.first() {
        let g = vm.index_i64(g)?;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    crate::finalize::run_pending(vm);
    Ok(Value::Int(0))
}

fn get_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "get_count", &args, 0, 0)?;
    Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(0), Value::Int(0)]))
}

fn get_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "get_threshold", &args, 0, 0)?;
    let (a, b, c) = THRESHOLD.with(|t| t.get());
    Ok(vm.new_tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}

fn set_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "set_threshold", &args, 1, 3)?;
    let (_, mut b, mut c) = THRESHOLD.with(|t| t.get());
    let a = vm.index_i64(&args.args[0])?;
    if let Some(v) = args.args.get(1) {
        b = vm.index_i64(v)?;
    }
    if let Some(v) = args.args.get(2) {
        c = vm.index_i64(v)?;
    }
    THRESHOLD.with(|t| t.set((a, b, c)));
    Ok(Value::None)
}

/// `gc.is_tracked(obj)`: CPython tracks containers, not atomic objects.
fn is_tracked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "is_tracked", &args, 1, 1)?;
    let tracked = match &args.args[0] {
        Value::Obj(o) => o.payload.may_hold_references() || o.dict.borrow().is_some(),
        _ => false,
    };
    Ok(Value::Bool(tracked))
}

fn is_finalized(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "is_finalized", &args, 1, 1)?;
    Ok(Value::Bool(matches!(&args.args[0], Value::Obj(o) if o.finalized.get())))
}

fn none(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn zero(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}
