//! Start-up registration: every builtin type's methods and the boot modules.
//! One line per file, in dependency order.

use crate::vm::Vm;

/// Registers all builtin methods, the builtins module and sys.
pub fn init_all(vm: &mut Vm) {
    crate::protocol::objecttype::init(vm);
    crate::types::superobj::init(vm);
    crate::types::mappingproxy::init(vm);
    crate::types::generator::init(vm);
    crate::types::funcobj::init(vm);
    crate::types::strtype::init(vm);
    crate::types::bytes::init(vm);
    crate::types::bytearray::init(vm);
    crate::types::memoryview::init(vm);
    crate::builtins::init(vm);
    crate::builtins_code::init(vm);
    crate::types::int::init(vm);
    crate::types::float::init(vm);
    crate::types::complex::init(vm);
    crate::types::boolobj::init(vm);
    crate::modules::math::init(vm);
    crate::modules::weakref::init(vm);
    crate::modules::atexit::init(vm);
    crate::modules::errno::init(vm);
    crate::modules::gc::init(vm);
    crate::modules::itertools::init(vm);
    crate::modules::collections::init(vm);
    crate::modules::functools::init(vm);
    crate::modules::thread::init(vm);
    crate::types::list::init(vm);
    crate::types::tuple::init(vm);
    crate::types::dictobj::init(vm);
    crate::types::setobj::init(vm);
    crate::types::range::init(vm);
    crate::types::slice::init(vm);
    crate::types::iter::init(vm);
    crate::types::iterfuncs::init(vm);
    crate::modules::sys::init(vm);
    crate::modules::register(vm);
}
