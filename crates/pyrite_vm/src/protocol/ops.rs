//! The object protocols: operators with reflected-operand dispatch, rich
//! comparison, truth, hash, repr/str, len, iteration and item access.
//! Fast paths handle immediates and exact builtin types; everything else goes
//! through special-method lookup on the type. CPython: Objects/abstract.c,
//! Objects/object.c. Everything here may run arbitrary Python code.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::typeobj::lookup;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::{BinaryOp, CompareOp};
use std::rc::Rc;

/// `i == f` for an int and a float, exactly.
pub fn int_float_eq(i: i64, f: f64) -> bool {
    if f.is_nan() || f.is_infinite() || f.fract() != 0.0 {
        return false;
    }
    if f.abs() < 9.0e15 {
        return i as f64 == f;
    }
    // Large magnitude: compare as integers.
    if f >= 9.3e18 || f < -9.3e18 {
        return false;
    }
    (f as i64) == i
}

fn dunder_names(vm: &Vm, op: BinaryOp) -> (PyRef, PyRef, Option<PyRef>) {
    let n = &vm.names;
    use BinaryOp::*;
    match op.base() {
        Add => (n.__add__.clone(), n.__radd__.clone(), Some(n.__iadd__.clone())),
        Subtract => (n.__sub__.clone(), n.__rsub__.clone(), Some(n.__isub__.clone())),
        Multiply => (n.__mul__.clone(), n.__rmul__.clone(), Some(n.__imul__.clone())),
        TrueDivide => (n.__truediv__.clone(), n.__rtruediv__.clone(), Some(n.__itruediv__.clone())),
        FloorDivide => (n.__floordiv__.clone(), n.__rfloordiv__.clone(), Some(n.__ifloordiv__.clone())),
        Remainder => (n.__mod__.clone(), n.__rmod__.clone(), Some(n.__imod__.clone())),
        Power => (n.__pow__.clone(), n.__rpow__.clone(), Some(n.__ipow__.clone())),
        Lshift => (n.__lshift__.clone(), n.__rlshift__.clone(), Some(n.__ilshift__.clone())),
        Rshift => (n.__rshift__.clone(), n.__rrshift__.clone(), Some(n.__irshift__.clone())),
        And => (n.__and__.clone(), n.__rand__.clone(), Some(n.__iand__.clone())),
        Or => (n.__or__.clone(), n.__ror__.clone(), Some(n.__ior__.clone())),
        Xor => (n.__xor__.clone(), n.__rxor__.clone(), Some(n.__ixor__.clone())),
        MatrixMultiply => (n.__matmul__.clone(), n.__rmatmul__.clone(), Some(n.__imatmul__.clone())),
        _ => (n.__add__.clone(), n.__radd__.clone(), None),
    }
}

impl Vm {
    /// `a <op> b` for `BINARY_OP` (plain and in-place forms).
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
        if let Some(r) = crate::protocol::fastops::binary_fast(self, a, b, op) {
            return r;
        }
        if let Some(r) = self.binary_str_fast(a, b, op) {
            return r;
        }
        let (lname, rname, iname) = dunder_names(self, op);
        if op.is_inplace() {
            if let Some(iname) = iname {
                if let Some(r) = self.call_special(a, &iname, std::slice::from_ref(b))? {
                    if !self.is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(r) = self.binary_op1(a, b, &lname, &rname)? {
            return Ok(r);
        }
        // `seq * n` / `n * seq` fall back to sequence repetition in CPython;
        // builtin sequences implement __mul__/__rmul__ themselves here.
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// `str % x`, `str * int` and `int * str` for an exact str: the result of
    /// the str's own method, without the reflected-operand dance. Taken only
    /// when the other operand cannot be an instance of a str subclass (whose
    /// reflected method would be tried first) and, for `*`, is a machine int.
    #[inline]
    fn binary_str_fast(&mut self, a: &Value, b: &Value, op: BinaryOp) -> Option<PyResult<Value>> {
        let exact_str = |vm: &Vm, v: &Value| matches!(v, Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.str));
        match op.base() {
            BinaryOp::Remainder if exact_str(self, a) => {
                let b_may_be_str_subclass = matches!(b, Value::Obj(o) if o.as_str().is_some() && !Rc::ptr_eq(o.class(), &self.types.str));
                if b_may_be_str_subclass {
                    return None;
                }
                Some(crate::types::strformat::percent_format(self, a, b))
            }
            BinaryOp::Multiply => {
                let (s, n) = match (a, b) {
                    (Value::Obj(o), Value::Int(n)) | (Value::Int(n), Value::Obj(o)) if Rc::ptr_eq(o.class(), &self.types.str) => (o, *n),
                    _ => return None,
                };
                let ps = s.as_str()?;
                if n <= 0 || ps.is_empty() {
                    return Some(Ok(Value::Obj(self.none_singletons.empty_str.clone())));
                }
                if n == 1 {
                    return Some(Ok(Value::Obj(s.clone())));
                }
                Some(crate::types::strtype::repeat_str(self, ps, n))
            }
            _ => None,
        }
    }

    /// The reflected-operand dance; `Ok(None)` if both sides return NotImplemented.
    pub fn binary_op1(&mut self, a: &Value, b: &Value, lname: &PyRef, rname: &PyRef) -> PyResult<Option<Value>> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let same = Rc::ptr_eq(&ta, &tb);
        let fa = lookup(&ta, lname);
        let fb = if same { None } else { lookup(&tb, rname) };
        let mut fb_done = false;
        if let Some(fbv) = &fb {
            if self.is_subtype(&tb, &ta) {
                let fa_r = lookup(&ta, rname);
                let overrides = match (&fa_r, fbv) {
                    (Some(Value::Obj(x)), Value::Obj(y)) => !Rc::ptr_eq(x, y),
                    _ => true,
                };
                if overrides {
                    let r = self.call(fbv, &[b.clone(), a.clone()], &[])?;
                    if !self.is_not_implemented(&r) {
                        return Ok(Some(r));
                    }
                    fb_done = true;
                }
            }
        }
        if let Some(fav) = fa {
            let r = self.call(&fav, &[a.clone(), b.clone()], &[])?;
            if !self.is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
        if let (Some(fbv), false) = (fb, fb_done) {
            let r = self.call(&fbv, &[b.clone(), a.clone()], &[])?;
            if !self.is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// Rich comparison `a <op> b`, returning any object.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        if let Some(r) = crate::protocol::fastops::compare_fast(self, a, b, op) {
            return Ok(Value::Bool(r));
        }
        self.enter(" in comparison")?;
        let r = self.compare_slow(a, b, op);
        self.leave();
        r
    }

    fn cmp_name(&self, op: CompareOp) -> PyRef {
        let n = &self.names;
        match op {
            CompareOp::Lt => n.__lt__.clone(),
            CompareOp::Le => n.__le__.clone(),
            CompareOp::Eq => n.__eq__.clone(),
            CompareOp::Ne => n.__ne__.clone(),
            CompareOp::Gt => n.__gt__.clone(),
            CompareOp::Ge => n.__ge__.clone(),
        }
    }

    fn compare_slow(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let name = self.cmp_name(op);
        let rname = self.cmp_name(op.swapped());
        let mut checked_reverse = false;
        if !Rc::ptr_eq(&ta, &tb) && self.is_subtype(&tb, &ta) {
            if let Some(f) = lookup(&tb, &rname) {
                checked_reverse = true;
                let r = self.call(&f, &[b.clone(), a.clone()], &[])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = lookup(&ta, &name) {
            let r = self.call(&f, &[a.clone(), b.clone()], &[])?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = lookup(&tb, &rname) {
                let r = self.call(&f, &[b.clone(), a.clone()], &[])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::Bool(a.is(b))),
            CompareOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// `a == b` as a bool (identity implies equality, as in containers).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = self.quick_eq(a, b) {
            return Ok(r);
        }
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
            let tt = &self.types.tuple;
            if Rc::ptr_eq(x.class(), tt) && Rc::ptr_eq(y.class(), tt) {
                if let (Payload::Tuple(xs), Payload::Tuple(ys)) = (&x.payload, &y.payload) {
                    // Exact tuples: `tuple.__eq__` without the dispatch.
                    if xs.len() != ys.len() {
                        return Ok(false);
                    }
                    self.enter(" in comparison")?;
                    let mut r = Ok(true);
                    for (p, q) in xs.iter().zip(ys.iter()) {
                        match self.eq(p, q) {
                            Ok(true) => {}
                            other => {
                                r = other;
                                break;
                            }
                        }
                    }
                    self.leave();
                    return r;
                }
            }
        }
        let r = self.compare(a, b, CompareOp::Eq)?;
        self.is_true(&r)
    }

    /// `a < b` etc. as a bool.
    pub fn compare_bool(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<bool> {
        if let Some(r) = crate::protocol::fastops::compare_fast(self, a, b, op) {
            return Ok(r);
        }
        let r = self.compare(a, b, op)?;
        self.is_true(&r)
    }

    /// `bool(v)`.
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => return Ok(*b),
            Value::None | Value::Null => return Ok(false),
            Value::Int(i) => return Ok(*i != 0),
            Value::Float(f) => return Ok(*f != 0.0),
            Value::Obj(o) => {
                let t = o.class();
                if Rc::ptr_eq(t, &self.types.str) {
                    return Ok(o.as_str().map(|s| !s.is_empty()).unwrap_or(false));
                }
                if Rc::ptr_eq(t, &self.types.list) {
                    if let Payload::List(l) = &o.payload {
                        return Ok(!l.borrow().is_empty());
                    }
                }
                if Rc::ptr_eq(t, &self.types.tuple) {
                    if let Payload::Tuple(l) = &o.payload {
                        return Ok(!l.is_empty());
                    }
                }
                if Rc::ptr_eq(t, &self.types.dict) {
                    if let Payload::Dict(d) = &o.payload {
                        return Ok(!d.borrow().is_empty());
                    }
                }
            }
        }
        let bool_name = self.names.__bool__.clone();
        if let Some(r) = self.call_special(v, &bool_name, &[])? {
            return match r {
                Value::Bool(b) => Ok(b),
                _ => Err(self.type_error(format!("__bool__ should return bool, returned {}", self.type_name(&r)))),
            };
        }
        let len_name = self.names.__len__.clone();
        if let Some(r) = self.call_special(v, &len_name, &[])? {
            let n = self.index_to_len(&r)?;
            return Ok(n != 0);
        }
        Ok(true)
    }

    fn index_to_len(&mut self, r: &Value) -> PyResult<i64> {
        match r {
            Value::Int(i) if *i >= 0 => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
                if let Payload::Int(n) = &o.payload {
                    if n.sign() == num_bigint::Sign::Minus {
                        return Err(self.value_error("__len__() should return >= 0"));
                    }
                }
                Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            _ => Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(r)))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Value::Obj(o) = v {
            match &o.payload {
                Payload::Str(s) => return Ok(s.len()),
                Payload::List(l) if Rc::ptr_eq(o.class(), &self.types.list) => return Ok(l.borrow().len()),
                Payload::Tuple(t) if Rc::ptr_eq(o.class(), &self.types.tuple) => return Ok(t.len()),
                Payload::Dict(d) if Rc::ptr_eq(o.class(), &self.types.dict) => return Ok(d.borrow().len()),
                _ => {}
            }
        }
        let len_name = self.names.__len__.clone();
        match self.call_special(v, &len_name, &[])? {
            Some(r) => Ok(self.index_to_len(&r)? as usize),
            None => Err(self.type_error(format!("object of type '{}' has no len()", self.type_name(v)))),
        }
    }

    /// `hash(v)`.
    #[inline]
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(crate::hash::hash_i64(*i)),
            Value::Obj(o) if Rc::ptr_eq(o.class(), &self.types.str) => match &o.payload {
                Payload::Str(s) => Ok(s.hash()),
                _ => self.hash_slow(v),
            },
            Value::Obj(o) if Rc::ptr_eq(o.class(), &self.types.tuple) => match &o.payload {
                // An exact tuple's `__hash__` cannot be replaced.
                Payload::Tuple(items) => {
                    // As `tuple.__hash__`: only the native stack limits nesting.
                    if !crate::stack::has_room() {
                        return Err(self.recursion_error(" while hashing a tuple"));
                    }
                    crate::types::tuple::hash_items(self, items)
                }
                _ => self.hash_slow(v),
            },
            _ => self.hash_slow(v),
        }
    }

    #[inline(never)]
    fn hash_slow(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => return Ok(crate::hash::hash_i64(*i)),
            Value::Bool(b) => return Ok(*b as i64),
            Value::Float(f) => return Ok(crate::hash::hash_f64(*f, v.id() >> 4)),
            Value::None | Value::Null => return Ok(crate::hash::hash_i64(0xFCA86420 >> 4)),
            Value::Obj(o) => {
                if let Payload::Str(s) = &o.payload {
                    if Rc::ptr_eq(o.class(), &self.types.str) {
                        return Ok(s.hash());
                    }
                }
            }
        }
        let hash_name = self.names.__hash__.clone();
        let f = self.lookup_special(v, &hash_name);
        match f {
            Some(Value::None) | None => Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v)))),
            Some(_) => {
                let r = self.call_special(v, &hash_name, &[])?.unwrap_or(Value::None);
                match r {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                    Value::Bool(b) => Ok(b as i64),
                    Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
                        if let Payload::Int(n) = &o.payload {
                            Ok(crate::hash::hash_bigint(n))
                        } else {
                            Ok(0)
                        }
                    }
                    _ => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
        }
    }

    /// `repr(v)` as a str object.
    pub fn repr(&mut self, v: &Value) -> PyResult<PyRef> {
        self.enter(" while getting the repr of an object")?;
        let name = self.names.__repr__.clone();
        let r = self.call_special(v, &name, &[]);
        self.leave();
        let r = r?.unwrap_or(Value::None);
        match &r {
            Value::Obj(o) if o.as_str().is_some() => Ok(o.clone()),
            _ => Err(self.type_error(format!("__repr__ returned non-string (type {})", self.type_name(&r)))),
        }
    }

    /// `repr(v)` as Rust text (surrogates shown as U+FFFD).
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(r.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default())
    }

    /// `str(v)` as a str object.
    pub fn str(&mut self, v: &Value) -> PyResult<PyRef> {
        // Exact builtin types: their `__str__` cannot be replaced.
        match v {
            Value::Obj(o) if Rc::ptr_eq(o.class(), &self.types.str) => return Ok(o.clone()),
            Value::Int(i) => return Ok(crate::types::strops::int_str(self, *i)),
            Value::Float(f) => {
                if let Value::Obj(o) = self.new_str(&crate::types::floatrepr::repr(*f)) {
                    return Ok(o);
                }
            }
            _ => {}
        }
        self.enter(" while getting the str of an object")?;
        let name = self.names.__str__.clone();
        let r = self.call_special(v, &name, &[]);
        self.leave();
        let r = r?.unwrap_or(Value::None);
        match &r {
            Value::Obj(o) if o.as_str().is_some() => Ok(o.clone()),
            _ => Err(self.type_error(format!("__str__ returned non-string (type {})", self.type_name(&r)))),
        }
    }

    /// `str(v)` as Rust text.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.str(v)?;
        Ok(r.as_str().map(|s| s.as_str_lossy().into_owned()).unwrap_or_default())
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let name = self.names.__iter__.clone();
        match self.lookup_special(v, &name) {
            Some(Value::None) => Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v)))),
            Some(_) => {
                let it = self.call_special(v, &name, &[])?.unwrap_or(Value::None);
                let next_name = self.names.__next__.clone();
                if self.lookup_special(&it, &next_name).is_none() {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        self.type_name(&it)
                    )));
                }
                Ok(it)
            }
            None => {
                let gi = self.names.__getitem__.clone();
                if self.lookup_special(v, &gi).is_some() {
                    return Ok(crate::types::iter::new_seq_iter(self, v.clone()));
                }
                Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
            }
        }
    }

    /// `next(it)`: `Ok(None)` when exhausted (StopIteration swallowed).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = crate::types::iter::next_fast(self, it) {
            return r;
        }
        if let Some(r) = crate::types::generator::next_direct(self, it) {
            return r;
        }
        let name = self.names.__next__.clone();
        match self.call_special(it, &name, &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(self.type_error(format!("'{}' object is not an iterator", self.type_name(it)))),
            Err(e) if self.err_matches(&e, &self.exc.stop_iteration.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Collects an iterable into a Vec.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            match &o.payload {
                Payload::List(l) if Rc::ptr_eq(o.class(), &self.types.list) => return Ok(l.borrow().clone()),
                Payload::Tuple(t) if Rc::ptr_eq(o.class(), &self.types.tuple) => return Ok(t.to_vec()),
                _ => {}
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `c[k]`.
    pub fn get_item(&mut self, c: &Value, k: &Value) -> PyResult<Value> {
        if let Some(r) = crate::protocol::fastops::getitem_fast(self, c, k) {
            return r;
        }
        if let Value::Obj(o) = c {
            // Exact str: its `__getitem__` cannot be replaced.
            if Rc::ptr_eq(o.class(), &self.types.str) {
                if let Payload::Str(s) = &o.payload {
                    return crate::types::strtype::str_subscript(self, c, s, k);
                }
            }
        }
        let name = self.names.__getitem__.clone();
        if let Some(r) = self.call_special(c, &name, std::slice::from_ref(k))? {
            return Ok(r);
        }
        if let Value::Obj(o) = c {
            if o.as_type().is_some() {
                let cg = self.names.__class_getitem__.clone();
                if let Some(f) = self.get_attr_opt(c, &cg)? {
                    return self.call(&f, std::slice::from_ref(k), &[]);
                }
                return Err(self.type_error(format!(
                    "type '{}' is not subscriptable",
                    o.as_type().map(|t| t.name()).unwrap_or_default()
                )));
            }
        }
        Err(self.type_error(format!("'{}' object is not subscriptable", self.type_name(c))))
    }

    /// `c[k] = v`.
    pub fn set_item(&mut self, c: &Value, k: &Value, v: Value) -> PyResult<()> {
        if let Value::Obj(o) = c {
            match &o.payload {
                Payload::Dict(_) if Rc::ptr_eq(o.class(), &self.types.dict) => {
                    return self.dict_set_item(o, k.clone(), v);
                }
                Payload::List(l) if Rc::ptr_eq(o.class(), &self.types.list) => {
                    if let Value::Int(i) = k {
                        let mut items = l.borrow_mut();
                        if let Some(j) = crate::types::list::norm_index(*i, items.len()) {
                            let old = std::mem::replace(&mut items[j], v);
                            drop(items);
                            drop(old);
                            return Ok(());
                        }
                        drop(items);
                        return Err(self.index_error("list assignment index out of range"));
                    }
                }
                _ => {}
            }
        }
        let name = self.names.__setitem__.clone();
        match self.call_special(c, &name, &[k.clone(), v])? {
            Some(_) => Ok(()),
            None => Err(self.type_error(format!("'{}' object does not support item assignment", self.type_name(c)))),
        }
    }

    /// `del c[k]`.
    pub fn del_item(&mut self, c: &Value, k: &Value) -> PyResult<()> {
        if let Value::Obj(o) = c {
            if matches!(o.payload, Payload::Dict(_)) && Rc::ptr_eq(o.class(), &self.types.dict) {
                return match self.dict_del_item_opt(o, k)? {
                    true => Ok(()),
                    false => Err(self.key_error(k.clone())),
                };
            }
        }
        let name = self.names.__delitem__.clone();
        match self.call_special(c, &name, std::slice::from_ref(k))? {
            Some(_) => Ok(()),
            None => Err(self.type_error(format!("'{}' object doesn't support item deletion", self.type_name(c)))),
        }
    }

    /// `item in c`.
    pub fn contains(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Obj(o) = c {
            match &o.payload {
                Payload::Dict(_) if Rc::ptr_eq(o.class(), &self.types.dict) => {
                    return Ok(self.dict_get_item(o, item)?.is_some());
                }
                Payload::Str(hay) if Rc::ptr_eq(o.class(), &self.types.str) => {
                    // Exact str: its `__contains__` cannot be replaced.
                    if let Some(needle) = item.as_obj().and_then(|x| x.as_str()) {
                        return Ok(crate::types::strtype::str_contains_str(hay, needle));
                    }
                }
                Payload::Set(s) if Rc::ptr_eq(o.class(), &self.types.set) || Rc::ptr_eq(o.class(), &self.types.frozenset) => {
                    if let Ok(h) = self.hash(item) {
                        return crate::types::set::contains_entry(self, s, item, h);
                    }
                }
                _ => {}
            }
        }
        let name = self.names.__contains__.clone();
        if let Some(Value::None) = self.lookup_special(c, &name) {
            return Err(self.type_error(format!("'{}' object is not a container", self.type_name(c))));
        }
        if let Some(r) = self.call_special(c, &name, std::slice::from_ref(item))? {
            return self.is_true(&r);
        }
        let iter_name = self.names.__iter__.clone();
        let gi = self.names.__getitem__.clone();
        if self.lookup_special(c, &iter_name).is_none() && self.lookup_special(c, &gi).is_none() {
            return Err(self.type_error(format!("argument of type '{}' is not iterable", self.type_name(c))));
        }
        let it = self.iter(c)?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Unary `-v`, `+v`, `~v`.
    pub fn unary_op(&mut self, v: &Value, name: &PyRef, symbol: &str) -> PyResult<Value> {
        match self.call_special(v, name, &[])? {
            Some(r) => Ok(r),
            None => Err(self.type_error(format!("bad operand type for unary {}: '{}'", symbol, self.type_name(v)))),
        }
    }

    /// `operator.index(v)`: an int value (immediate or big) or TypeError.
    pub fn index(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Obj(o) if matches!(o.payload, Payload::Int(_)) && Rc::ptr_eq(o.class(), &self.types.int) => Ok(v.clone()),
            _ => {
                let name = self.names.__index__.clone();
                match self.call_special(v, &name, &[])? {
                    Some(r @ Value::Int(_)) => Ok(r),
                    Some(Value::Bool(b)) => Ok(Value::Int(b as i64)),
                    Some(r @ Value::Obj(_)) if matches!(r.as_obj().map(|o| &o.payload), Some(Payload::Int(_))) => Ok(r),
                    Some(r) => Err(self.type_error(format!("__index__ returned non-int (type {})", self.type_name(&r)))),
                    None => Err(self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(v)
                    ))),
                }
            }
        }
    }

    /// `operator.index(v)` as an i64 (OverflowError if too large).
    pub fn index_i64(&mut self, v: &Value) -> PyResult<i64> {
        match self.index(v)? {
            Value::Int(i) => Ok(i),
            other => Err(self.overflow_error(format!(
                "Python int too large to convert to C ssize_t{}",
                if other.is_none() { "" } else { "" }
            ))),
        }
    }
}
