//! Builtin functions over iterables; CPython: Python/bltinmodule.c.
//!
//! Registration table (`init`): sum, min, max, any, all, sorted.

use crate::error::PyResult;
use crate::object::Payload;
use crate::types::function::{Args, NativeFn};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::{BinaryOp, CompareOp};
use std::rc::Rc;

/// Registers the builtins.
pub fn init(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("sum", builtin_sum),
        ("min", builtin_min),
        ("max", builtin_max),
        ("any", builtin_any),
        ("all", builtin_all),
        ("sorted", crate::types::sort::builtin_sorted),
    ];
    let bd = vm.builtins_dict.clone();
    for &(name, f) in fns {
        let v = vm.new_builtin(name, f);
        let k = vm.intern(name);
        crate::types::dict::dict_set_str(&bd, &k, v);
    }
}

fn builtin_sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let kw = crate::builtins::kwargs_of(vm, "sum", args.kwargs, &["start"])?;
    let n = args.args.len();
    if n == 0 {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if n > 2 {
        return Err(vm.type_error(format!("sum() takes at most 2 arguments ({} given)", n)));
    }
    if n == 2 && kw[0].is_some() {
        return Err(vm.type_error("argument for sum() given by name ('start') and position (2)"));
    }
    let mut result = args.args.get(1).cloned().or_else(|| kw[0].clone()).unwrap_or(Value::Int(0));
    if let Value::Obj(o) = &result {
        let which = match &o.payload {
            Payload::Str(_) => Some("sum() can't sum strings [use ''.join(seq) instead]"),
            Payload::Bytes(_) => Some("sum() can't sum bytes [use b''.join(seq) instead]"),
            Payload::ByteArray(_) => Some("sum() can't sum bytearray [use b''.join(seq) instead]"),
            _ => None,
        };
        if let Some(m) = which {
            return Err(vm.type_error(m));
        }
    }
    let it = vm.iter(&args.args[0])?;
    loop {
        // Machine-int fast path.
        if let Value::Int(mut acc) = result {
            loop {
                match vm.next(&it)? {
                    None => return Ok(Value::Int(acc)),
                    Some(Value::Int(i)) => match acc.checked_add(i) {
                        Some(s) => acc = s,
                        None => {
                            result = vm.binary_op(&Value::Int(acc), &Value::Int(i), BinaryOp::Add)?;
                            break;
                        }
                    },
                    Some(Value::Bool(b)) => match acc.checked_add(b as i64) {
                        Some(s) => acc = s,
                        None => {
                            result = vm.binary_op(&Value::Int(acc), &Value::Bool(b), BinaryOp::Add)?;
                            break;
                        }
                    },
                    Some(Value::Float(f)) => {
                        result = Value::Float(acc as f64 + f);
                        break;
                    }
                    Some(other) => {
                        result = vm.binary_op(&Value::Int(acc), &other, BinaryOp::Add)?;
                        break;
                    }
                }
            }
            continue;
        }
        if let Value::Float(mut acc) = result {
            loop {
                match vm.next(&it)? {
                    None => return Ok(Value::Float(acc)),
                    Some(Value::Float(f)) => acc += f,
                    Some(Value::Int(i)) if i.unsigned_abs() < (1u64 << 53) => acc += i as f64,
                    Some(Value::Bool(b)) => acc += b as i64 as f64,
                    Some(other) => {
                        result = vm.binary_op(&Value::Float(acc), &other, BinaryOp::Add)?;
                        break;
                    }
                }
            }
            continue;
        }
        match vm.next(&it)? {
            None => return Ok(result),
            Some(item) => result = vm.binary_op(&result, &item, BinaryOp::Add)?,
        }
    }
}

fn min_max(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let mut key = Value::None;
    let mut default: Option<Value> = None;
    for (k, v) in args.kwargs {
        let ks = k.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
        match ks.as_str() {
            "key" => key = v.clone(),
            "default" => default = Some(v.clone()),
            _ => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", ks, name))),
        }
    }
    let n = args.args.len();
    if n == 0 {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    if n > 1 && default.is_some() {
        return Err(vm.type_error(format!(
            "Cannot specify a default for {}() with multiple positional arguments",
            name
        )));
    }
    let it = if n == 1 {
        vm.iter(&args.args[0])?
    } else {
        let t = vm.new_tuple(args.args.to_vec());
        vm.iter(&t)?
    };
    let mut best: Option<(Value, Value)> = None;
    while let Some(item) = vm.next(&it)? {
        let k = if key.is_none() { item.clone() } else { vm.call(&key, std::slice::from_ref(&item), &[])? };
        match &best {
            None => best = Some((item, k)),
            Some((_, bk)) => {
                let bk = bk.clone();
                if vm.compare_bool(&k, &bk, op)? {
                    best = Some((item, k));
                }
            }
        }
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{}() arg is an empty sequence", name))),
        },
    }
}

fn builtin_min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", CompareOp::Lt)
}

fn builtin_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", CompareOp::Gt)
}

fn any_all(vm: &mut Vm, args: Args, name: &str, want: bool) -> PyResult<Value> {
    crate::builtins::check_args(vm, name, &args, 1, 1)?;
    let it = vm.iter(&args.args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.is_true(&x)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

fn builtin_any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    any_all(vm, args, "any", true)
}

fn builtin_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    any_all(vm, args, "all", false)
}

#[allow(dead_code)]
fn same(a: &crate::object::PyRef, b: &crate::object::PyRef) -> bool {
    Rc::ptr_eq(a, b)
}
