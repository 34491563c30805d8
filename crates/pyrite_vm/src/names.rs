//! Interned names the VM uses itself, created once at start-up so hot paths
//! never hash a Rust string.

use crate::object::PyRef;

macro_rules! names {
    ($($field:ident),* $(,)?) => {
        /// Interned str objects for names the VM looks up.
        pub struct Names {
            $(pub $field: PyRef,)*
        }

        impl Names {
            /// Interns every name with `intern`.
            pub fn new(intern: &mut dyn FnMut(&str) -> PyRef) -> Names {
                Names { $($field: intern(stringify!($field)),)* }
            }
        }
    };
}

names! {
    __init__, __new__, __call__, __dict__, __class__, __name__, __qualname__, __module__,
    __doc__, __eq__, __ne__, __lt__, __le__, __gt__, __ge__, __hash__, __repr__, __str__,
    __bool__, __len__, __iter__, __next__, __getitem__, __setitem__, __delitem__,
    __contains__, __getattr__, __getattribute__, __setattr__, __delattr__, __get__,
    __set__, __delete__, __set_name__, __init_subclass__, __enter__, __exit__,
    __aenter__, __aexit__, __await__, __aiter__, __anext__, __index__, __int__,
    __float__, __complex__, __format__, __neg__, __pos__, __abs__, __invert__,
    __round__, __trunc__, __floor__, __ceil__, __reversed__, __missing__, __slots__,
    __classcell__, __class_getitem__, __mro_entries__, __prepare__, __instancecheck__,
    __subclasscheck__, __build_class__, __import__, __builtins__, __file__, __path__,
    __package__, __spec__, __loader__, __all__, __annotations__, __cached__,
    __length_hint__, __del__, __traceback__, __cause__, __context__, __notes__,
    __match_args__, __fspath__, __bytes__, __sizeof__, __reduce__, __reduce_ex__,
    __copy__, __deepcopy__, __weakref__, __abstractmethods__, __orig_bases__,
    __bases__, __mro__, __objclass__, __self__, __func__, __wrapped__, __debug__,
    __subclasshook__, __dir__, __version__, send, throw, close, keys, items, values,
    get, append, extend, mro, args, write, flush, readline, encoding, errors,
    __add__, __radd__, __iadd__, __sub__, __rsub__, __isub__, __mul__, __rmul__,
    __imul__, __truediv__, __rtruediv__, __itruediv__, __floordiv__, __rfloordiv__,
    __ifloordiv__, __mod__, __rmod__, __imod__, __pow__, __rpow__, __ipow__,
    __lshift__, __rlshift__, __ilshift__, __rshift__, __rrshift__, __irshift__,
    __and__, __rand__, __iand__, __or__, __ror__, __ior__, __xor__, __rxor__,
    __ixor__, __matmul__, __rmatmul__, __imatmul__, __divmod__, __rdivmod__,
    __main__, builtins, sys, __displayhook__, displayhook, excepthook, stdout, stderr,
    stdin, path, modules, meta_path, path_hooks, path_importer_cache, find_spec,
    exec_module, create_module, load_module, origin, submodule_search_locations,
    parent, loader, name, has_location, cached, _initializing, __origin__,
}
