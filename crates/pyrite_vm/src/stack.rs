//! Native stack guard: code that recurses on the Rust stack (calls from Rust
//! into Python, repr of nested containers, the compiler) checks `has_room` so
//! deep nesting raises RecursionError instead of overflowing the native stack.

use std::cell::Cell;

thread_local! {
    static LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// Bytes of native stack kept free below the guard.
const RESERVE: usize = 256 * 1024;

/// Records the current thread's stack bounds: call once at the top of the
/// thread that runs the interpreter, passing the thread's stack size.
pub fn init(stack_size: usize) {
    let here = approx_sp();
    LIMIT.with(|l| l.set(here.saturating_sub(stack_size.saturating_sub(RESERVE))));
}

#[inline(always)]
fn approx_sp() -> usize {
    let x = 0u8;
    std::ptr::addr_of!(x) as usize
}

/// True while there is room on the native stack for more recursion.
#[inline]
pub fn has_room() -> bool {
    let limit = LIMIT.with(|l| l.get());
    limit == 0 || approx_sp() > limit
}
