//! Functions (Python and builtin) and argument passing; CPython:
//! Objects/funcobject.c, Objects/methodobject.c, Python/getargs.c.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::types::code::Code;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// Arguments of a call to a builtin: positional values and keyword pairs.
#[derive(Copy, Clone)]
pub struct Args<'a> {
    pub args: &'a [Value],
    pub kwargs: &'a [(PyRef, Value)],
}

impl<'a> Args<'a> {
    /// Positional-only arguments.
    pub fn pos(args: &'a [Value]) -> Args<'a> {
        Args { args, kwargs: &[] }
    }
}

/// A builtin implemented in Rust. For methods, `args.args[0]` is `self`.
pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

/// How a builtin binds when found on a type.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BuiltinKind {
    /// A module-level function (`len`): never binds.
    Function,
    /// An instance method (`list.append`): binds to the instance.
    Method,
    /// A class method (`dict.fromkeys`): binds to the class.
    ClassMethod,
    /// A static method (`str.maketrans`): never binds.
    StaticMethod,
}

/// A builtin function or method.
pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: BuiltinKind,
    /// The bound object (`[].append.__self__`), or the module for module functions.
    pub self_: Option<Value>,
    /// `__qualname__` prefix: the owning type's name for methods.
    pub owner: Option<&'static str>,
    pub doc: Option<&'static str>,
}

/// A Python function.
pub struct Function {
    pub code: Rc<Code>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// Positional defaults (values for the last parameters).
    pub defaults: RefCell<Vec<Value>>,
    /// Keyword-only defaults: a dict object or None.
    pub kwdefaults: RefCell<Value>,
    /// Cells of the enclosing scopes, matching `co_freevars`.
    pub closure: Box<[PyRef]>,
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
    /// `__annotations__`: a dict, or Null until first asked for.
    pub annotations: RefCell<Value>,
}
