//! Frame objects as Python sees them (`tb.tb_frame`, `sys._getframe()`):
//! snapshots of a running or finished frame's identity. CPython: Objects/frameobject.c.

use crate::value::Value;

/// What a frame object exposes.
pub struct FrameObjData {
    pub code: Value,
    pub globals: Value,
    pub locals: std::cell::RefCell<Value>,
    pub lineno: std::cell::Cell<u32>,
    pub back: Value,
}
