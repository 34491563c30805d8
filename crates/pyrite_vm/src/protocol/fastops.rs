//! Fast paths for operators on immediates and exact builtin types. Each
//! returns `None` when it does not apply, and the caller takes the general
//! (special-method) path. No Python code runs here.

use crate::error::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::opcode::{BinaryOp, CompareOp};
use std::rc::Rc;

/// `a op b` when both are machine ints or floats (or one of each).
#[inline]
pub fn binary_fast(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOp) -> Option<PyResult<Value>> {
    use BinaryOp::*;
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            let r = match op.base() {
                Add => x.checked_add(y),
                Subtract => x.checked_sub(y),
                Multiply => x.checked_mul(y),
                And => Some(x & y),
                Or => Some(x | y),
                Xor => Some(x ^ y),
                // Python floors toward negative infinity; MIN // -1 overflows.
                FloorDivide if y != 0 && !(x == i64::MIN && y == -1) => {
                    let q = x / y;
                    Some(if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q })
                }
                Remainder if y != 0 => {
                    if y == -1 {
                        Some(0)
                    } else {
                        let r = x % y;
                        Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
                    }
                }
                TrueDivide if y != 0 => {
                    if x.unsigned_abs() < (1u64 << 53) && y.unsigned_abs() < (1u64 << 53) {
                        return Some(Ok(Value::Float(x as f64 / y as f64)));
                    }
                    None
                }
                Lshift if (0..63).contains(&y) => {
                    let r = x.checked_shl(y as u32)?;
                    if (r >> y) == x {
                        Some(r)
                    } else {
                        None
                    }
                }
                Rshift if y >= 0 => Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y }),
                Power if y >= 0 => {
                    let mut acc: i64 = 1;
                    let mut base = x;
                    let mut e = y as u64;
                    let mut ok = true;
                    while e > 0 {
                        if e & 1 == 1 {
                            match acc.checked_mul(base) {
                                Some(v) => acc = v,
                                None => {
                                    ok = false;
                                    break;
                                }
                            }
                        }
                        e >>= 1;
                        if e > 0 {
                            match base.checked_mul(base) {
                                Some(v) => base = v,
                                None => {
                                    ok = false;
                                    break;
                                }
                            }
                        }
                    }
                    if ok {
                        Some(acc)
                    } else {
                        None
                    }
                }
                _ => None,
            };
            r.map(|v| Ok(Value::Int(v)))
        }
        (Value::Float(x), Value::Float(y)) => float_op(vm, *x, *y, op),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1u64 << 53) => float_op(vm, *x as f64, *y, op),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1u64 << 53) => float_op(vm, *x, *y as f64, op),
        (Value::Obj(x), Value::Obj(y)) if matches!(op.base(), Add) => {
            let st = &vm.types.str;
            if Rc::ptr_eq(x.class(), st) && Rc::ptr_eq(y.class(), st) {
                let (sx, sy) = (x.as_str()?, y.as_str()?);
                let mut bytes = Vec::with_capacity(sx.as_wtf8().len() + sy.as_wtf8().len());
                bytes.extend_from_slice(sx.as_wtf8());
                bytes.extend_from_slice(sy.as_wtf8());
                return Some(Ok(vm.new_str_data(crate::types::str::PyStr::from_wtf8(bytes))));
            }
            None
        }
        _ => None,
    }
}

#[inline]
fn float_op(vm: &mut Vm, x: f64, y: f64, op: BinaryOp) -> Option<PyResult<Value>> {
    use BinaryOp::*;
    Some(Ok(Value::Float(match op.base() {
        Add => x + y,
        Subtract => x - y,
        Multiply => x * y,
        TrueDivide => {
            if y == 0.0 {
                return Some(Err(vm.zero_division("float division by zero")));
            }
            x / y
        }
        FloorDivide if y != 0.0 => crate::types::float::float_divmod(x, y).0,
        Remainder if y != 0.0 => crate::types::float::float_divmod(x, y).1,
        Power if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    })))
}

/// Comparison of machine ints, floats and exact strs.
#[inline]
pub fn compare_fast(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> Option<bool> {
    use std::cmp::Ordering;
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1u64 << 53) => (*x as f64).partial_cmp(y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1u64 << 53) => x.partial_cmp(&(*y as f64)),
        (Value::Obj(x), Value::Obj(y)) => {
            let st = &vm.types.str;
            if Rc::ptr_eq(x.class(), st) && Rc::ptr_eq(y.class(), st) {
                // Code-point order equals generalised-UTF-8 byte order.
                Some(x.as_str()?.as_wtf8().cmp(y.as_str()?.as_wtf8()))
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let Some(ord) = ord else {
        // NaN involved.
        return Some(matches!(op, CompareOp::Ne));
    };
    Some(match op {
        CompareOp::Lt => ord == Ordering::Less,
        CompareOp::Le => ord != Ordering::Greater,
        CompareOp::Eq => ord == Ordering::Equal,
        CompareOp::Ne => ord != Ordering::Equal,
        CompareOp::Gt => ord == Ordering::Greater,
        CompareOp::Ge => ord != Ordering::Less,
    })
}

/// `list[i]`, `tuple[i]` with a machine int index.
#[inline]
pub fn getitem_fast(vm: &mut Vm, c: &Value, k: &Value) -> Option<PyResult<Value>> {
    if let Value::Obj(o) = c {
        if matches!(o.payload, Payload::Dict(_)) && Rc::ptr_eq(o.class(), &vm.types.dict) {
            // An exact dict has no __missing__.
            return Some(match vm.dict_get_item(o, k) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(vm.key_error(k.clone())),
                Err(e) => Err(e),
            });
        }
    }
    let (Value::Obj(o), Value::Int(i)) = (c, k) else { return None };
    match &o.payload {
        Payload::List(l) if Rc::ptr_eq(o.class(), &vm.types.list) => {
            let l = l.borrow();
            let n = l.len() as i64;
            let idx = if *i < 0 { *i + n } else { *i };
            if idx < 0 || idx >= n {
                drop(l);
                return Some(Err(vm.index_error("list index out of range")));
            }
            Some(Ok(l[idx as usize].clone()))
        }
        Payload::Tuple(t) if Rc::ptr_eq(o.class(), &vm.types.tuple) => {
            let n = t.len() as i64;
            let idx = if *i < 0 { *i + n } else { *i };
            if idx < 0 || idx >= n {
                return Some(Err(vm.index_error("tuple index out of range")));
            }
            Some(Ok(t[idx as usize].clone()))
        }
        _ => None,
    }
}
