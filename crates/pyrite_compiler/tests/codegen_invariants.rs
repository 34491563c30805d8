//! Compiles representative programs and checks the invariants of every code
//! object produced (stack depth, jump targets, exception table, locations).

mod common;

use common::{compile_check, Outcome};
use pyrite_compiler::{CompileOptions, Mode};

const PROGRAMS: &[&str] = &[
    "x = 1\nprint(x + 2)\n",
    "def f(a, b=1, *args, c, d=2, **kw):\n    return a + b\n",
    "class C(B, metaclass=M):\n    x = 1\n    def m(self):\n        return super().m()\n",
    "for i in range(10):\n    if i: break\n    else: continue\nelse:\n    pass\n",
    "while x:\n    x -= 1\n",
    "try:\n    a()\nexcept E as e:\n    b()\nexcept:\n    c()\nelse:\n    d()\nfinally:\n    e()\n",
    "with a as b, c:\n    pass\n",
    "def g():\n    yield 1\n    yield from h()\n",
    "async def f():\n    async with a as b:\n        await c\n    async for x in y:\n        pass\n",
    "[x for x in y if x]\n{x: y for x, y in z}\n{x for x in y}\n(x for x in y)\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g\n",
    "match p:\n    case [1, *rest]: pass\n    case {'a': 1, **kw}: pass\n    case C(a, b=c): pass\n    case 1 | 2 | 3: pass\n    case _: pass\n",
    "import a.b.c as d\nfrom . import x\nfrom m import *\n",
    "f(*a, **k)\nf(a, b=c)\no.m(1, 2)\n",
    "a, *b, c = x\nx[1:2] = y\ndel x[0], y.z\n",
    "try:\n    pass\nexcept* E:\n    pass\n",
    "lambda x, *y: x\nf'{x!r:>{w}}'\n",
    "for x in y:\n    try:\n        break\n    finally:\n        z()\n",
    "def f():\n    with a:\n        return 1\n",
    "assert x, 'm'\n",
];

#[test]
fn representative_programs_satisfy_invariants() {
    for (i, p) in PROGRAMS.iter().enumerate() {
        match compile_check(p.to_string(), "t.py".into(), Mode::Exec, CompileOptions::default(), false) {
            Outcome::Ok { .. } => {}
            Outcome::CompileError(e) => panic!("program {i} failed: {e:?}\n{p}"),
            Outcome::Invalid { why, dis } => panic!("program {i}: {why}\n{p}\n{dis}"),
        }
    }
}

/// Development aid: `PYRITE_DIS=file.py cargo test --test codegen_invariants dis_file -- --nocapture`.
#[test]
fn dis_file() {
    let Ok(path) = std::env::var("PYRITE_DIS") else { return };
    let src = std::fs::read_to_string(&path).expect("read");
    match compile_check(src, path, Mode::Exec, CompileOptions::default(), true) {
        Outcome::Ok { dis, warnings } => println!("{dis}\n{warnings:?}"),
        Outcome::CompileError(e) => println!("error: {e:?}"),
        Outcome::Invalid { why, dis } => println!("{dis}\nINVALID: {why}"),
    }
}

/// Development aid: prints `common::normalized` for each file in `PYRITE_NORM`
/// (space-separated), each output to `<file>.pyrite`.
#[test]
fn norm_files() {
    let Ok(paths) = std::env::var("PYRITE_NORM") else { return };
    for path in paths.split_whitespace() {
        let Ok(src) = pyrite_compiler::decode_source(&std::fs::read(path).unwrap_or_default()) else { continue };
        let p = path.to_string();
        let text = common::big_stack(move || match pyrite_compiler::compile(&src, &p, Mode::Exec, CompileOptions::default()) {
            Ok(out) => common::normalized(&out.code),
            Err(e) => format!("error: {e:?}\n"),
        });
        std::fs::write(format!("{path}.pyrite"), text).expect("write");
    }
}

#[test]
fn eval_and_single_modes() {
    for (src, mode) in [
        ("1 + x", Mode::Eval),
        ("[y for y in x]", Mode::Eval),
        ("x = 1\n", Mode::Single),
        ("x + 1\n", Mode::Single),
        ("if x:\n    y\n\n", Mode::Single),
    ] {
        match compile_check(src.to_string(), "<stdin>".into(), mode, CompileOptions::default(), true) {
            Outcome::Ok { dis, .. } => {
                if mode == Mode::Single && src.starts_with('x') && src.contains('+') {
                    assert!(dis.contains("PRINT_EXPR"), "{dis}");
                }
            }
            Outcome::CompileError(e) => panic!("{src:?}: {e:?}"),
            Outcome::Invalid { why, dis } => panic!("{src:?}: {why}\n{dis}"),
        }
    }
}

/// Deeply nested input must give an error or code, never overflow the stack.
#[test]
fn deep_nesting_does_not_crash() {
    let cases = [
        format!("x = {}1\n", "-".repeat(20000)),
        format!("x = {}1{}\n", "[".repeat(3000), "]".repeat(3000)),
        format!("x = {}\n", vec!["a"; 20000].join(" + ")),
        format!("x = {}\n", vec!["f("; 2000].join("") + &")".repeat(2000)),
        {
            let mut s = String::new();
            for i in 0..100 {
                s.push_str(&" ".repeat(i));
                s.push_str("if x:\n");
            }
            s.push_str(&" ".repeat(100));
            s.push_str("pass\n");
            s
        },
    ];
    for src in cases {
        match compile_check(src, "t.py".into(), Mode::Exec, CompileOptions::default(), false) {
            Outcome::Ok { .. } | Outcome::CompileError(_) => {}
            Outcome::Invalid { why, .. } => panic!("{why}"),
        }
    }
}

#[test]
fn lone_surrogates_survive_in_constants() {
    let src = "x = '\\ud800'\ny = 'a\\udc00b' 'c'\n".to_string();
    let found = common::big_stack(move || {
        let out = pyrite_compiler::compile(&src, "t.py", Mode::Exec, CompileOptions::default()).expect("compiles");
        out.code
            .consts
            .iter()
            .filter_map(|c| match c {
                pyrite_bytecode::Constant::Str(s) => Some(s.code_points().collect::<Vec<u32>>()),
                _ => None,
            })
            .collect::<Vec<_>>()
    });
    assert!(found.contains(&vec![0xD800]), "{found:?}");
    assert!(found.contains(&vec!['a' as u32, 0xDC00, 'b' as u32, 'c' as u32]), "{found:?}");
}
