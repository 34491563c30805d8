//! Inputs that crash or exhaust other interpreters must end in a Python
//! exception under pyrite, never a Rust panic, abort or stack overflow.
//! CPython itself segfaults on some of these (recursion through dunders
//! with `sys.setrecursionlimit(10**6)`), so the expectations are invariants
//! checked here rather than recorded CPython output.

use std::process::Command;

fn run(code: &str) -> (i32, String, String) {
    // Programs go through a file: some are larger than one argv entry may be.
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("no_crash_{}_{}.py", std::process::id(), n));
    std::fs::write(&path, code).expect("write program");
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg("-B")
        .arg(&path)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("pyrite runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn recursion_through_dunders_with_a_huge_limit_raises_recursion_error() {
    let code = "import sys\nsys.setrecursionlimit(10**6)\n\
class G:\n    def __getattr__(self, n):\n        return getattr(self, n)\n\
try:\n    G().a\nexcept RecursionError as e:\n    print('getattr', e)\n\
class R:\n    def __repr__(self):\n        return repr(self)\n\
try:\n    repr(R())\nexcept RecursionError as e:\n    print('repr', type(e).__name__)\n\
def f(n):\n    return f(n + 1)\n\
try:\n    f(0)\nexcept RecursionError as e:\n    print('plain', e)\n";
    let (status, out, err) = run(code);
    assert_eq!(status, 0, "stderr: {err}");
    assert_eq!(
        out,
        "getattr maximum recursion depth exceeded\nrepr RecursionError\nplain maximum recursion depth exceeded\n"
    );
}

#[test]
fn huge_allocations_raise_memory_error() {
    let (status, out, err) = run("try:\n    [0] * 10**12\nexcept MemoryError:\n    print('MemoryError')\n");
    assert_eq!(status, 0, "stderr: {err}");
    assert_eq!(out, "MemoryError\n");
}

#[test]
fn huge_literals_and_deep_nesting_give_python_errors() {
    let big = format!("x = {}\nprint(len(str(x % 1000)))", "7".repeat(100_000));
    let (status, _out, err) = run(&big);
    assert_eq!(status, 1);
    assert!(err.contains("SyntaxError") && err.contains("4300"), "stderr: {err}");

    let nested = format!("x = {}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let (status, _out, err) = run(&nested);
    assert_eq!(status, 1);
    assert!(err.contains("too many nested parentheses"), "stderr: {err}");

    let unary = format!("x = {}1", "-".repeat(100_000));
    let (status, _out, err) = run(&unary);
    assert_eq!(status, 1);
    assert!(err.contains("RecursionError") || err.contains("SyntaxError"), "stderr: {err}");
}

#[test]
fn freeing_long_chains_of_objects_needs_no_deep_native_stack() {
    // Each link's destruction frees the next: without deferral this recurses
    // once per link on the native stack.
    let code = "class Node:\n    pass\n\
head = None\nfor i in range(3000000):\n    n = Node()\n    n.next = head\n    head = n\n\
del head, n\nprint('instances freed')\n\
l = None\nfor i in range(2000000):\n    l = (l, i)\n\
del l\nprint('tuples freed')\n\
d = {}\nfor i in range(1000000):\n    d = {'d': d, 'x': [i]}\n\
del d\nprint('dicts freed')\n";
    let (status, out, err) = run(code);
    assert_eq!(status, 0, "stderr: {err}");
    assert_eq!(out, "instances freed\ntuples freed\ndicts freed\n");
}
