//! Attributes of code objects as Python sees them; CPython: Objects/codeobject.c.
//!
//! Registration table (on `code`):
//! getsets: co_name, co_qualname, co_filename, co_firstlineno, co_argcount,
//! co_posonlyargcount, co_kwonlyargcount, co_nlocals, co_varnames,
//! co_cellvars, co_freevars, co_names, co_consts, co_flags, co_stacksize,
//! co_code, co_lnotab, co_linetable, co_exceptiontable;
//! methods: co_positions, co_lines, __repr__.
//!
//! Each instruction is one 2-byte code unit here, so offsets are 2 * index.

use crate::error::PyResult;
use crate::object::Payload;
use crate::types::code::Code;
use crate::types::descr::GetSetDef;
use crate::types::function::Args;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

fn code_of(v: &Value) -> Option<Rc<Code>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Code(c)) => Some(c.clone()),
        _ => None,
    }
}

macro_rules! code_getter {
    ($name:ident, |$vm:ident, $c:ident| $body:expr) => {
        fn $name($vm: &mut Vm, v: &Value) -> PyResult<Value> {
            match code_of(v) {
                Some($c) => Ok($body),
                None => Err($vm.type_error("descriptor requires a 'code' object")),
            }
        }
    };
}

fn str_tuple(vm: &mut Vm, names: &[String]) -> Value {
    let items: Vec<Value> = names.iter().map(|n| Value::Obj(vm.intern(n))).collect();
    vm.new_tuple(items)
}

code_getter!(co_name, |vm, c| vm.new_str(&c.co.name));
code_getter!(co_qualname, |vm, c| vm.new_str(&c.co.qualname));
code_getter!(co_filename, |vm, c| vm.new_str(&c.co.filename));
code_getter!(co_firstlineno, |vm, c| Value::Int(c.co.firstlineno as i64));
code_getter!(co_argcount, |vm, c| Value::Int(c.co.argcount as i64));
code_getter!(co_posonlyargcount, |vm, c| Value::Int(c.co.posonlyargcount as i64));
code_getter!(co_kwonlyargcount, |vm, c| Value::Int(c.co.kwonlyargcount as i64));
code_getter!(co_nlocals, |vm, c| Value::Int(c.co.varnames.len() as i64));
code_getter!(co_varnames, |vm, c| str_tuple(vm, &c.co.varnames));
code_getter!(co_cellvars, |vm, c| str_tuple(vm, &c.co.cellvars));
code_getter!(co_freevars, |vm, c| str_tuple(vm, &c.co.freevars));
code_getter!(co_names, |vm, c| str_tuple(vm, &c.co.names));
code_getter!(co_consts, |vm, c| vm.new_tuple(c.consts.clone()));
code_getter!(co_flags, |vm, c| Value::Int(c.co.flags.0 as i64));
code_getter!(co_stacksize, |vm, c| Value::Int(c.co.stacksize as i64));
code_getter!(co_code, |vm, c| vm.new_bytes(c.instrs.iter().flat_map(|i| [*i as u8, (*i >> 8) as u8]).collect()));
code_getter!(co_empty_bytes, |vm, c| {
    let _ = &c;
    vm.new_bytes(Vec::new())
});

/// Registers the code attributes.
pub fn init(vm: &mut Vm) {
    let ct = vm.types.code.clone();
    vm.add_getsets(&ct, &[
        GetSetDef { name: "co_name", get: co_name, set: None },
        GetSetDef { name: "co_qualname", get: co_qualname, set: None },
        GetSetDef { name: "co_filename", get: co_filename, set: None },
        GetSetDef { name: "co_firstlineno", get: co_firstlineno, set: None },
        GetSetDef { name: "co_argcount", get: co_argcount, set: None },
        GetSetDef { name: "co_posonlyargcount", get: co_posonlyargcount, set: None },
        GetSetDef { name: "co_kwonlyargcount", get: co_kwonlyargcount, set: None },
        GetSetDef { name: "co_nlocals", get: co_nlocals, set: None },
        GetSetDef { name: "co_varnames", get: co_varnames, set: None },
        GetSetDef { name: "co_cellvars", get: co_cellvars, set: None },
        GetSetDef { name: "co_freevars", get: co_freevars, set: None },
        GetSetDef { name: "co_names", get: co_names, set: None },
        GetSetDef { name: "co_consts", get: co_consts, set: None },
        GetSetDef { name: "co_flags", get: co_flags, set: None },
        GetSetDef { name: "co_stacksize", get: co_stacksize, set: None },
        GetSetDef { name: "co_code", get: co_code, set: None },
        GetSetDef { name: "co_lnotab", get: co_empty_bytes, set: None },
        GetSetDef { name: "co_linetable", get: co_empty_bytes, set: None },
        GetSetDef { name: "co_exceptiontable", get: co_empty_bytes, set: None },
    ]);
    vm.add_methods(&ct, &[("co_positions", co_positions), ("co_lines", co_lines), ("__repr__", code_repr)]);
}

fn opt_int(v: u32, present: bool) -> Value {
    if present {
        Value::Int(v as i64)
    } else {
        Value::None
    }
}

fn co_positions(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "co_positions", &args, 1, 1)?;
    let Some(c) = code_of(&args.args[0]) else { return Err(vm.type_error("descriptor 'co_positions' requires a 'code' object")) };
    let mut out = Vec::with_capacity(c.co.locations.len());
    for l in &c.co.locations {
        let has = l.line != 0;
        let t = vm.new_tuple(vec![opt_int(l.line, has), opt_int(l.end_line, has), opt_int(l.col, has), opt_int(l.end_col, has)]);
        out.push(t);
    }
    let l = vm.new_list(out);
    vm.iter(&l)
}

fn co_lines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "co_lines", &args, 1, 1)?;
    let Some(c) = code_of(&args.args[0]) else { return Err(vm.type_error("descriptor 'co_lines' requires a 'code' object")) };
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut cur: Option<u32> = None;
    for (i, l) in c.co.locations.iter().enumerate() {
        let line = if l.line == 0 { None } else { Some(l.line) };
        if i == 0 {
            cur = line;
            continue;
        }
        if line != cur {
            let t = vm.new_tuple(vec![Value::Int(start as i64 * 2), Value::Int(i as i64 * 2), cur.map(|x| Value::Int(x as i64)).unwrap_or(Value::None)]);
            out.push(t);
            start = i;
            cur = line;
        }
    }
    let n = c.co.locations.len();
    if n > 0 {
        let t = vm.new_tuple(vec![Value::Int(start as i64 * 2), Value::Int(n as i64 * 2), cur.map(|x| Value::Int(x as i64)).unwrap_or(Value::None)]);
        out.push(t);
    }
    let l = vm.new_list(out);
    vm.iter(&l)
}

fn code_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.args.first().cloned().unwrap_or(Value::None);
    let Some(c) = code_of(&v) else { return Err(vm.type_error("descriptor '__repr__' requires a 'code' object")) };
    let fname = vm.new_str(&c.co.filename);
    let fr = vm.repr_string(&fname)?;
    // CPython writes the file name with %U inside quotes.
    let _ = fr;
    Ok(vm.new_str(&format!("<code object {} at {:#x}, file \"{}\", line {}>", c.co.name, v.id(), c.co.filename, c.co.firstlineno)))
}
