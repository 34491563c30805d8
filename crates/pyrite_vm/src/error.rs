//! `PyErr`: a raised Python exception, and `PyResult`.
//!
//! A `PyErr` is the exception instance itself (a BaseException object); its
//! traceback grows as the error propagates through frames. Constructors for
//! CPython's messages live on `Vm` (`vm.type_error(...)`, ...).

use crate::object::PyRef;

/// A raised exception: the exception object.
#[derive(Clone)]
pub struct PyErr(pub PyRef);

/// Result of anything that can raise.
pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// The exception object.
    #[inline]
    pub fn obj(&self) -> &PyRef {
        &self.0
    }
}
