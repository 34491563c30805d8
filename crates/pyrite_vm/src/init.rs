//! Start-up registration: every builtin type's methods and the boot modules.
//! One line per file, in dependency order.

use crate::vm::Vm;

/// Registers all builtin methods, the builtins module and sys.
pub fn init_all(vm: &mut Vm) {
    crate::protocol::objecttype::init(vm);
    crate::types::superobj::init(vm);
    crate::types::mappingproxy::init(vm);
    crate::types::generator::init(vm);
    crate::types::strtype::init(vm);
    crate::types::bytes::init(vm);
    crate::types::bytearray::init(vm);
    crate::types::codecs::init(vm);
    crate::types::memoryview::init(vm);
    crate::builtins::init(vm);
    crate::modules::sys::init(vm);
}
