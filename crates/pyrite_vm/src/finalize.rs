//! Finalisation: `__del__` of objects whose last reference went (run at the
//! next instruction boundary, see `object.rs`), "Exception ignored in" reports
//! (CPython's unraisable hook), and clearing `__main__` at exit.

use crate::object::{PyRef, FINALIZERS_PENDING, PENDING_FINALIZERS};
use crate::value::Value;
use crate::vm::Vm;
use std::sync::atomic::Ordering;

/// Calls `__del__` of every pending object.
pub fn run_pending(vm: &mut Vm) {
    loop {
        let batch: Vec<PyRef> = PENDING_FINALIZERS.with(|p| std::mem::take(&mut *p.borrow_mut()));
        FINALIZERS_PENDING.store(false, Ordering::Relaxed);
        if batch.is_empty() {
            let weak: Vec<PyRef> = crate::object::PENDING_WEAK_CALLBACKS.with(|p| std::mem::take(&mut *p.borrow_mut()));
            if weak.is_empty() {
                return;
            }
            // Weak-reference callbacks, after the referents' __del__ (CPython
            // clears weak references once finalisation is done).
            for wr in weak {
                let wv = Value::Obj(wr);
                let cb = crate::modules::weakref::take_callback(&wv);
                if cb.is_none() {
                    continue;
                }
                let saved = std::mem::replace(&mut vm.exc_info, Value::None);
                let r = vm.call(&cb, std::slice::from_ref(&wv), &[]);
                vm.exc_info = saved;
                if let Err(e) = r {
                    let what = vm.repr_string(&cb).unwrap_or_default();
                    report_unraisable(vm, &format!("Exception ignored in: {}", what), &e);
                }
            }
            continue;
        }
        for obj in batch {
            if matches!(obj.payload, crate::object::Payload::Generator(_)) {
                let v = Value::Obj(obj);
                let saved = std::mem::replace(&mut vm.exc_info, Value::None);
                let r = crate::types::generator::gen_close_impl(vm, &v);
                vm.exc_info = saved;
                if let Err(e) = r {
                    let what = vm.repr_string(&v).unwrap_or_default();
                    report_unraisable(vm, &format!("Exception ignored in: {}", what), &e);
                }
                continue;
            }
            let v = Value::Obj(obj);
            let name = vm.names.__del__.clone();
            let Some(f) = vm.lookup_special(&v, &name) else { continue };
            let saved = std::mem::replace(&mut vm.exc_info, Value::None);
            let r = vm.call(&f, std::slice::from_ref(&v), &[]);
            vm.exc_info = saved;
            if let Err(e) = r {
                let bound = vm.new_method(f.clone(), v.clone());
                let what = match vm.get_attr_str(&bound, "__func__") {
                    Ok(func) => vm.repr_string(&func).unwrap_or_default(),
                    Err(_) => String::from("<object>"),
                };
                report_unraisable(vm, &format!("Exception ignored in: {}", what), &e);
            }
        }
    }
}

/// Prints an exception that cannot be raised (in `__del__`, at shutdown).
pub fn report_unraisable(vm: &mut Vm, header: &str, e: &crate::error::PyErr) {
    crate::modules::sys::flush_stdout(vm);
    crate::types::exceptions::write_stderr(vm, &format!("{}\n", header));
    crate::types::exceptions::print_exception(vm, &Value::Obj(e.0.clone()));
}

/// Interpreter exit: clears `__main__`'s namespace as CPython does (names
/// starting with one underscore first, then the rest), running finalisers.
pub fn clear_main(vm: &mut Vm) {
    run_pending(vm);
    let key = vm.intern("__main__");
    let modules = vm.modules.clone();
    let Some(Value::Obj(m)) = crate::types::dict::dict_get_str(&modules, &key) else { return };
    let Some(d) = m.dict.borrow().clone() else { return };
    let keys: Vec<Value> = vm.dict_items(&d).into_iter().map(|(k, _)| k).collect();
    for pass in 0..2 {
        for k in &keys {
            let Some(ks) = k.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str_lossy().into_owned()) else { continue };
            let underscore = ks.starts_with('_') && !ks.starts_with("__");
            if (pass == 0) != underscore || ks == "__builtins__" {
                continue;
            }
            if let Some(ko) = k.as_obj() {
                crate::types::dict::dict_set_str(&d, ko, Value::None);
            }
            run_pending(vm);
        }
    }
}
