//! The bool type; CPython: Objects/boolobject.c. `True`/`False` are
//! `Value::Bool` immediates; bool derives from int and is not subclassable.
//!
//! Registration table (`init`): __repr__ __and__ __rand__ __or__ __ror__
//! __xor__ __rxor__; static __new__.

use crate::error::PyResult;
use crate::types::function::{Args, NativeFn};
use crate::types::int::{int_binop, int_val, Op};
use crate::value::Value;
use crate::vm::Vm;

fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwargs.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    if let Some(Value::Obj(c)) = args.args.first() {
        if !vm.is_subtype(c, &vm.types.bool) {
            let n = c.as_type().map(|t| t.name()).unwrap_or_default();
            return Err(vm.type_error(format!("bool.__new__({}): {} is not a subtype of bool", n, n)));
        }
    }
    let n = args.args.len().saturating_sub(1);
    if n > 1 {
        return Err(vm.type_error(format!("bool expected at most 1 argument, got {}", n)));
    }
    match args.args.get(1) {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.is_true(v)?)),
    }
}

fn bool_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.args.first() {
        Some(Value::Bool(b)) => Ok(vm.new_str(if *b { "True" } else { "False" })),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '__repr__' requires a 'bool' object but received a '{}'",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error("descriptor '__repr__' of 'bool' object needs an argument")),
    }
}

fn logic(vm: &mut Vm, args: Args, op: Op) -> PyResult<Value> {
    if args.args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.args.len().saturating_sub(1))));
    }
    let (a, b) = (&args.args[0], &args.args[1]);
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        return Ok(Value::Bool(match op {
            Op::And => *x & *y,
            Op::Or => *x | *y,
            _ => *x ^ *y,
        }));
    }
    match (int_val(a), int_val(b)) {
        (Some(x), Some(y)) => int_binop(vm, op, x, y),
        _ => Ok(vm.not_implemented()),
    }
}

fn bool_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    logic(vm, args, Op::And)
}
fn bool_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    logic(vm, args, Op::Or)
}
fn bool_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    logic(vm, args, Op::Xor)
}

/// Registers bool's methods.
pub fn init(vm: &mut Vm) {
    let t = vm.types.bool.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("__repr__", bool_repr),
        ("__and__", bool_and),
        ("__rand__", bool_and),
        ("__or__", bool_or),
        ("__ror__", bool_or),
        ("__xor__", bool_xor),
        ("__rxor__", bool_xor),
    ];
    vm.add_methods(&t, methods);
    vm.add_staticmethods(&t, &[("__new__", bool_new)]);
}
