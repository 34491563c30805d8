//! SIGINT: the handler only sets a flag (`vm::INTERRUPTED`); the loop checks it
//! on backward jumps and raises KeyboardInterrupt there, as CPython's eval
//! breaker does.

use std::sync::atomic::Ordering;

extern "C" {
    fn signal(signum: i32, handler: usize) -> usize;
}

const SIGINT: i32 = 2;

extern "C" fn on_sigint(_sig: i32) {
    crate::vm::INTERRUPTED.store(true, Ordering::Relaxed);
}

/// Installs the SIGINT handler.
pub fn install() {
    // SAFETY: `signal` with a handler that only stores to an atomic is
    // async-signal-safe.
    unsafe {
        signal(SIGINT, on_sigint as extern "C" fn(i32) as usize);
    }
}
