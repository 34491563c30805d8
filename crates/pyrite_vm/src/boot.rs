//! Start-up: creates `type`, `object` and every builtin type, the exception
//! classes, the singletons, and the `builtins` and `sys` modules. No Python
//! code runs here.

use crate::object::{Payload, PyObject, PyRef};
use crate::types::dict::DictData;
use crate::types::str::PyStr;
use crate::types::typeobj::{flags, set_bases_simple, Layout, TypeData};
use crate::vm::{Config, Singletons, Types, Vm, BUILTIN_FLAGS};
use std::cell::RefCell;
use std::collections::HashMap;

struct Maker {
    type_: PyRef,
    dict: PyRef,
}

impl Maker {
    fn new_dict(&self) -> PyRef {
        PyObject::new(self.dict.clone(), Payload::Dict(RefCell::new(DictData::new())))
    }

    fn mk(&self, name: &str, module: &'static str, base: &PyRef, layout: Layout, fl: u32) -> PyRef {
        let t = PyObject::with_dict(
            self.type_.clone(),
            Payload::Type(Box::new(TypeData::new(name, module, layout, fl))),
            self.new_dict(),
        );
        set_bases_simple(&t, base);
        t
    }
}

/// Builds a complete interpreter.
pub fn boot(config: Config) -> Box<Vm> {
    // `type` and `object` refer to each other and to `dict`: create them
    // classless, then patch their classes.
    let type_dict = PyObject::new_classless_dict();
    let object_dict = PyObject::new_classless_dict();
    let dict_dict = PyObject::new_classless_dict();
    let type_ = PyObject::new_classless(
        Payload::Type(Box::new(TypeData::new("type", "builtins", Layout::Type, BUILTIN_FLAGS))),
        type_dict.clone(),
    );
    let object = PyObject::new_classless(
        Payload::Type(Box::new(TypeData::new("object", "builtins", Layout::Object, BUILTIN_FLAGS))),
        object_dict.clone(),
    );
    let dict = PyObject::new_classless(
        Payload::Type(Box::new(TypeData::new("dict", "builtins", Layout::Dict, BUILTIN_FLAGS))),
        dict_dict.clone(),
    );
    for t in [&type_, &object, &dict] {
        t.set_class(type_.clone());
    }
    for d in [&type_dict, &object_dict, &dict_dict] {
        d.set_class(dict.clone());
    }
    if let Some(ot) = object.as_type() {
        *ot.mro.borrow_mut() = vec![object.clone()];
    }
    set_bases_simple(&type_, &object);
    set_bases_simple(&dict, &object);

    let m = Maker { type_: type_.clone(), dict: dict.clone() };
    let b = "builtins";
    let bf = BUILTIN_FLAGS;
    let nb = flags::IMMUTABLE; // not subclassable
    let int = m.mk("int", b, &object, Layout::Int, bf);
    let str_ = m.mk("str", b, &object, Layout::Str, bf);
    let types = Types {
        bool: m.mk("bool", b, &int, Layout::Int, nb),
        float: m.mk("float", b, &object, Layout::Float, bf),
        complex: m.mk("complex", b, &object, Layout::Complex, bf),
        bytes: m.mk("bytes", b, &object, Layout::Bytes, bf),
        bytearray: m.mk("bytearray", b, &object, Layout::ByteArray, bf),
        list: m.mk("list", b, &object, Layout::List, bf),
        tuple: m.mk("tuple", b, &object, Layout::Tuple, bf),
        set: m.mk("set", b, &object, Layout::Set, bf),
        frozenset: m.mk("frozenset", b, &object, Layout::FrozenSet, bf),
        range: m.mk("range", b, &object, Layout::Opaque, nb),
        slice: m.mk("slice", b, &object, Layout::Opaque, nb),
        none: m.mk("NoneType", b, &object, Layout::Opaque, nb),
        not_implemented: m.mk("NotImplementedType", b, &object, Layout::Opaque, nb),
        ellipsis: m.mk("ellipsis", b, &object, Layout::Opaque, nb),
        function: m.mk("function", b, &object, Layout::Function, nb | flags::HAS_DICT),
        builtin_function: m.mk("builtin_function_or_method", b, &object, Layout::Opaque, nb),
        method_descriptor: m.mk("method_descriptor", b, &object, Layout::Opaque, nb),
        classmethod_descriptor: m.mk("classmethod_descriptor", b, &object, Layout::Opaque, nb),
        wrapper_descriptor: m.mk("wrapper_descriptor", b, &object, Layout::Opaque, nb),
        method_wrapper: m.mk("method-wrapper", b, &object, Layout::Opaque, nb),
        method: m.mk("method", b, &object, Layout::Opaque, nb),
        code: m.mk("code", b, &object, Layout::Opaque, nb),
        cell: m.mk("cell", b, &object, Layout::Opaque, nb),
        module: m.mk("module", b, &object, Layout::Module, bf | flags::HAS_DICT),
        property: m.mk("property", b, &object, Layout::Property, bf),
        staticmethod: m.mk("staticmethod", b, &object, Layout::StaticMethod, bf | flags::HAS_DICT),
        classmethod: m.mk("classmethod", b, &object, Layout::ClassMethod, bf | flags::HAS_DICT),
        super_: m.mk("super", b, &object, Layout::Opaque, bf),
        generator: m.mk("generator", b, &object, Layout::Opaque, nb),
        coroutine: m.mk("coroutine", b, &object, Layout::Opaque, nb),
        async_generator: m.mk("async_generator", b, &object, Layout::Opaque, nb),
        coroutine_wrapper: m.mk("coroutine_wrapper", b, &object, Layout::Opaque, nb),
        async_gen_asend: m.mk("async_generator_asend", b, &object, Layout::Opaque, nb),
        async_gen_athrow: m.mk("async_generator_athrow", b, &object, Layout::Opaque, nb),
        async_gen_wrapped: m.mk("async_generator_wrapped_value", b, &object, Layout::Opaque, nb),
        traceback: m.mk("traceback", b, &object, Layout::Opaque, nb),
        frame: m.mk("frame", b, &object, Layout::Opaque, nb),
        getset_descriptor: m.mk("getset_descriptor", b, &object, Layout::Opaque, nb),
        member_descriptor: m.mk("member_descriptor", b, &object, Layout::Opaque, nb),
        iterator: m.mk("iterator", b, &object, Layout::Opaque, nb),
        mappingproxy: m.mk("mappingproxy", b, &object, Layout::Opaque, nb),
        dict_keys: m.mk("dict_keys", b, &object, Layout::Opaque, nb),
        dict_values: m.mk("dict_values", b, &object, Layout::Opaque, nb),
        dict_items: m.mk("dict_items", b, &object, Layout::Opaque, nb),
        memoryview: m.mk("memoryview", b, &object, Layout::Opaque, nb),
        object,
        type_,
        int,
        str: str_,
        dict,
    };

    let base_exception = m.mk(
        "BaseException",
        b,
        &types.object,
        Layout::Exception,
        crate::types::exceptions::EXC_FLAGS,
    );
    let exc = crate::types::exceptions::make_exc_types(
        &mut |name, base| m.mk(name, b, base, Layout::Exception, crate::types::exceptions::EXC_FLAGS),
        base_exception,
    );

    let mut interned: HashMap<Box<[u8]>, PyRef> = HashMap::new();
    let str_type = types.str.clone();
    let mut intern = |s: &str| -> PyRef {
        if let Some(o) = interned.get(s.as_bytes()) {
            return o.clone();
        }
        let o = PyObject::new(str_type.clone(), Payload::Str(PyStr::new(s)));
        interned.insert(s.as_bytes().into(), o.clone());
        o
    };
    let names = crate::names::Names::new(&mut intern);

    let singletons = Singletons {
        not_implemented: PyObject::new(types.not_implemented.clone(), Payload::NotImplemented),
        ellipsis: PyObject::new(types.ellipsis.clone(), Payload::Ellipsis),
        empty_tuple: PyObject::new(types.tuple.clone(), Payload::Tuple(Box::new([]))),
        empty_str: PyObject::new(types.str.clone(), Payload::Str(PyStr::new(""))),
    };

    let builtins_dict = m.new_dict();
    let builtins = PyObject::with_dict(
        types.module.clone(),
        Payload::Module(Default::default()),
        builtins_dict.clone(),
    );
    let sys_dict = m.new_dict();
    let sys = PyObject::with_dict(types.module.clone(), Payload::Module(Default::default()), sys_dict.clone());
    let modules = m.new_dict();

    let mut vm = Box::new(Vm::from_parts(
        types,
        exc,
        config,
        builtins,
        builtins_dict,
        sys,
        sys_dict,
        modules,
        singletons,
        names,
        interned,
    ));
    crate::init::init_all(&mut vm);
    vm
}
