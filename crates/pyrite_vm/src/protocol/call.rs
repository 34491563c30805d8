//! Calling: `vm.call(f, args, kwargs)` for every callable, and binding
//! arguments to a Python function's parameters with CPython's error messages.
//! CPython: Objects/call.c, Python/ceval.c (`initialize_locals`).

use crate::error::PyResult;
use crate::eval::frame::Frame;
use crate::object::{Payload, PyObject, PyRef};
use crate::types::function::{Args, Function};
use crate::types::typeobj::lookup;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::CodeFlags;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// Calls `f(*args, **kwargs)`. May run arbitrary Python code.
    pub fn call(&mut self, f: &Value, args: &[Value], kwargs: &[(PyRef, Value)]) -> PyResult<Value> {
        let Value::Obj(o) = f else {
            return Err(self.type_error(format!("'{}' object is not callable", self.type_name(f))));
        };
        match &o.payload {
            Payload::Function(func) => {
                let frame = self.make_frame(o, func, args, kwargs)?;
                self.run_frame(frame)
            }
            Payload::Builtin(b) => {
                if let Some(s) = &b.self_ {
                    if args.len() <= 3 {
                        // Few arguments: self and them in an array on the stack.
                        let mut buf = [s.clone(), Value::Null, Value::Null, Value::Null];
                        buf[1..=args.len()].clone_from_slice(args);
                        return (b.func)(self, Args { args: &buf[..=args.len()], kwargs });
                    }
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(s.clone());
                    all.extend_from_slice(args);
                    (b.func)(self, Args { args: &all, kwargs })
                } else {
                    if b.kind == crate::types::function::BuiltinKind::Method && args.is_empty() {
                        let owner = b.owner.unwrap_or("?");
                        // Slot wrappers (dunders) and plain method descriptors word it differently.
                        if b.name.starts_with("__") && b.name.ends_with("__") {
                            return Err(self.descriptor_error(b.name, owner, None));
                        }
                        return Err(self.type_error(format!("unbound method {}.{}() needs an argument", owner, b.name)));
                    }
                    (b.func)(self, Args { args, kwargs })
                }
            }
            Payload::Method { func, self_ } => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(self_.clone());
                all.extend_from_slice(args);
                let func = func.clone();
                self.call(&func, &all, kwargs)
            }
            Payload::Type(_) => self.call_type(o, args, kwargs),
            _ => {
                let call = lookup(o.class(), &self.names.__call__.clone());
                match call {
                    Some(c) => {
                        let mut all = Vec::with_capacity(args.len() + 1);
                        all.push(f.clone());
                        all.extend_from_slice(args);
                        self.enter(" while calling a Python object")?;
                        let r = self.call(&c, &all, kwargs);
                        self.leave();
                        r
                    }
                    None => Err(self.type_error(format!("'{}' object is not callable", self.type_name(f)))),
                }
            }
        }
    }

    /// `cls(*args, **kwargs)`: `type.__call__`: `__new__` then `__init__`.
    pub fn call_type(&mut self, cls: &PyRef, args: &[Value], kwargs: &[(PyRef, Value)]) -> PyResult<Value> {
        // A metaclass with its own __call__ takes over.
        let meta = cls.class().clone();
        if !Rc::ptr_eq(&meta, &self.types.type_) {
            if let Some(c) = lookup(&meta, &self.names.__call__.clone()) {
                if !self.is_builtin_fn(&c, crate::protocol::objecttype::type_call) {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(Value::Obj(cls.clone()));
                    all.extend_from_slice(args);
                    return self.call(&c, &all, kwargs);
                }
            }
        }
        crate::protocol::objecttype::type_call_impl(self, cls, args, kwargs)
    }

    /// Binds arguments and builds the frame for a call of Python function `fobj`.
    pub fn make_frame(&mut self, fobj: &PyRef, func: &Function, args: &[Value], kwargs: &[(PyRef, Value)]) -> PyResult<Box<Frame>> {
        let mut frame = self.alloc_func_frame(fobj, func);
        if let Err(e) = self.bind_arguments(func, &mut frame.fast, args, kwargs) {
            self.recycle_frame(frame);
            return Err(e);
        }
        self.init_cells(&mut frame, func);
        Ok(frame)
    }

    /// Creates the frame's cells: new cells for `co_cellvars` (moving arguments
    /// that are cells into them), then the closure's cells for `co_freevars`.
    pub fn init_cells(&mut self, frame: &mut Frame, func: &Function) {
        let co = &frame.code.co;
        if co.cellvars.is_empty() && co.freevars.is_empty() {
            return;
        }
        // A recycled frame's cell vector is empty but keeps its allocation.
        let mut cells = std::mem::take(&mut frame.cells);
        cells.clear();
        cells.reserve(co.ncells());
        for _ in 0..co.cellvars.len() {
            cells.push(PyObject::new(self.types.cell.clone(), Payload::Cell(RefCell::new(Value::Null))));
        }
        for &(ci, ai) in &co.cell2arg {
            if let (Some(c), Some(a)) = (cells.get(ci as usize), frame.fast.get_mut(ai as usize)) {
                if let Payload::Cell(cell) = &c.payload {
                    *cell.borrow_mut() = std::mem::replace(a, Value::Null);
                }
            }
        }
        cells.extend(func.closure.iter().cloned());
        frame.cells = cells;
    }

    /// Fills `fast` (the new frame's locals) from the call's arguments.
    /// CPython: `initialize_locals` in Python/ceval.c, with its messages.
    pub fn bind_arguments(&mut self, func: &Function, fast: &mut [Value], args: &[Value], kwargs: &[(PyRef, Value)]) -> PyResult<()> {
        let co = &func.code.co;
        let argcount = co.argcount as usize;
        let posonly = co.posonlyargcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags.has(CodeFlags::VARARGS);
        let has_varkw = co.flags.has(CodeFlags::VARKEYWORDS);
        let total = argcount + kwonly;
        let varargs_idx = total;
        let varkw_idx = total + has_varargs as usize;
        // Fast path: exact positional arguments, no keywords.
        if kwargs.is_empty() && args.len() == argcount && !has_varargs && !has_varkw && kwonly == 0 {
            fast[..argcount].clone_from_slice(args);
            return Ok(());
        }
        let n = args.len().min(argcount);
        fast[..n].clone_from_slice(&args[..n]);
        let kwdict = if has_varkw {
            let d = self.new_dict();
            fast[varkw_idx] = Value::Obj(d.clone());
            Some(d)
        } else {
            None
        };
        if has_varargs {
            let extra = if args.len() > argcount { args[argcount..].to_vec() } else { Vec::new() };
            fast[varargs_idx] = self.new_tuple(extra);
        } else if args.len() > argcount {
            return Err(self.too_many_positional(func, args.len(), kwargs, fast));
        }
        let varnames = func.code.varnames.clone();
        for (name, value) in kwargs {
            let mut found = None;
            for (i, vn) in varnames.iter().enumerate().take(total).skip(posonly) {
                if Rc::ptr_eq(vn, name) || crate::types::dict::str_key_eq(&Value::Obj(vn.clone()), name) {
                    found = Some(i);
                    break;
                }
            }
            match found {
                Some(i) => {
                    if !fast[i].is_null() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            self.func_qualname(func),
                            name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default()
                        )));
                    }
                    fast[i] = value.clone();
                }
                None => match &kwdict {
                    Some(d) => {
                        self.dict_set_item(d, Value::Obj(name.clone()), value.clone())?;
                    }
                    None => {
                        let nm = name.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default();
                        let is_posonly = varnames[..posonly].iter().any(|v| v.as_str() == name.as_str());
                        if is_posonly {
                            return Err(self.type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                self.func_qualname(func),
                                nm
                            )));
                        }
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            self.func_qualname(func),
                            nm
                        )));
                    }
                },
            }
        }
        // Defaults for missing positional parameters.
        let defaults = func.defaults.borrow().clone();
        let ndef = defaults.len();
        let first_default = argcount.saturating_sub(ndef);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if fast[i].is_null() {
                if i >= first_default {
                    fast[i] = defaults[i - first_default].clone();
                } else {
                    missing.push(i);
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(func, &missing, "positional"));
        }
        if kwonly > 0 {
            let kwdefaults = func.kwdefaults.borrow().clone();
            let mut missing = Vec::new();
            for i in argcount..total {
                if fast[i].is_null() {
                    let mut got = None;
                    if let Value::Obj(d) = &kwdefaults {
                        got = crate::types::dict::dict_get_str(d, &varnames[i]);
                    }
                    match got {
                        Some(v) => fast[i] = v,
                        None => missing.push(i),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args(func, &missing, "keyword-only"));
            }
        }
        Ok(())
    }

    fn func_qualname(&self, func: &Function) -> String {
        match &*func.qualname.borrow() {
            Value::Obj(o) => o.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default(),
            _ => func.code.co.qualname.clone(),
        }
    }

    fn missing_args(&mut self, func: &Function, missing: &[usize], kind: &str) -> crate::error::PyErr {
        let names: Vec<String> = missing.iter().map(|&i| format!("'{}'", func.code.co.varnames[i])).collect();
        let list = match names.len() {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => format!("{}, and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
        };
        let msg = format!(
            "{}() missing {} required {} argument{}: {}",
            self.func_qualname(func),
            missing.len(),
            kind,
            if missing.len() == 1 { "" } else { "s" },
            list
        );
        self.type_error(msg)
    }

    fn too_many_positional(&mut self, func: &Function, given: usize, kwargs: &[(PyRef, Value)], fast: &[Value]) -> crate::error::PyErr {
        let co = &func.code.co;
        let argcount = co.argcount as usize;
        let ndef = func.defaults.borrow().len();
        let kwonly_given = (argcount..argcount + co.kwonlyargcount as usize)
            .filter(|&i| !fast[i].is_null() || kwargs.iter().any(|(k, _)| k.as_str().map(|s| s.as_str_lossy() == co.varnames[i].as_str()) == Some(true)))
            .count();
        let sig = if ndef > 0 {
            format!("from {} to {} positional arguments", argcount - ndef, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let given_s = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                given,
                if given == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", given, if given == 1 { "was" } else { "were" })
        };
        let msg = format!("{}() takes {} but {}", self.func_qualname(func), sig, given_s);
        self.type_error(msg)
    }
}
