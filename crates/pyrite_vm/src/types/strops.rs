//! Small str helpers shared by the VM core.

use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

/// A one-character str.
pub fn char_value(vm: &mut Vm, cp: u32) -> Value {
    if cp < 128 {
        let s = [cp as u8];
        // SAFETY: ASCII.
        let s = unsafe { std::str::from_utf8_unchecked(&s) };
        return crate::value::Value::Obj(vm.intern(s));
    }
    vm.new_str_data(PyStr::from_code_points([cp]))
}

/// The text of a str value, if it is one.
pub fn as_rust_str(v: &Value) -> Option<String> {
    v.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str_lossy().into_owned())
}
