//! Pathological inputs must produce an error or a parse, never a crash:
//! each runs on a 256 MiB stack, as the binary compiles.

use pyrite_compiler::{parse::parse, ErrorKind, Mode};

/// Parses `src` on a 256 MiB stack; returns the error kind and message, or
/// None on success. A panic or overflow fails the test.
fn run(name: &str, src: String) -> Option<(ErrorKind, String)> {
    let h = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || parse(&src, Mode::Exec).err().map(|e| (e.kind, e.msg)))
        .expect("spawn");
    let t0 = std::time::Instant::now();
    match h.join() {
        Ok(v) => {
            println!("{name}: {v:?} ({:?})", t0.elapsed());
            v
        }
        Err(_) => panic!("{name}: panicked"),
    }
}

#[test]
fn deep_parens() {
    let n = 100_000;
    let src = format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
    let e = run("parens", src).expect("rejected");
    assert_eq!(e.1, "too many nested parentheses");
}

#[test]
fn deep_unary_minus() {
    let e = run("minus", format!("x = {}1\n", "-".repeat(100_000)));
    assert_eq!(e.map(|e| e.0), Some(ErrorKind::RecursionError));
    assert_eq!(run("minus1000", format!("x = {}1\n", "-".repeat(1000))), None);
}

#[test]
fn nested_blocks() {
    let ifs: String = (0..1000).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(1000) + "pass\n";
    let e = run("ifs", ifs).expect("rejected");
    assert_eq!((e.0, e.1.as_str()), (ErrorKind::IndentationError, "too many levels of indentation"));
}

#[test]
fn nested_brackets_and_calls() {
    for (name, open, close) in [("lists", "[", "]"), ("dicts", "{", "}"), ("calls", "f(", ")")] {
        let src = format!("x = {}{}\n", open.repeat(1000), close.repeat(1000));
        let e = run(name, src).expect("rejected");
        assert_eq!(e.1, "too many nested parentheses");
    }
    let src = format!("x = {}{}\n", "[".repeat(150), "]".repeat(150));
    assert_eq!(run("lists150", src), None);
}

#[test]
fn huge_literal_and_long_lines() {
    let e = run("digits", format!("x = {}\n", "7".repeat(100_000))).expect("rejected");
    assert!(e.1.starts_with("Exceeds the limit (4300 digits)"));
    // A 1 MB one-line expression: a flat sum nests one level per operator.
    let e = run("sum", format!("x = {}1\n", "1+".repeat(500_000)));
    assert_eq!(e.map(|e| e.0), Some(ErrorKind::RecursionError));
    // ... while a 1 MB flat list is fine.
    assert_eq!(run("list", format!("x = [{}]\n", "1, ".repeat(330_000))), None);
    let e = run("attrs", format!("x = a{}\n", ".b".repeat(300_000)));
    assert_eq!(e.map(|e| e.0), Some(ErrorKind::RecursionError));
    let e = run("calls", format!("x = f{}\n", "()".repeat(300_000)));
    assert_eq!(e.map(|e| e.0), Some(ErrorKind::RecursionError));
    let e = run("pow", format!("x = {}1\n", "2**".repeat(100_000)));
    assert_eq!(e.map(|e| e.0), Some(ErrorKind::RecursionError));
    let e = run("ternary", format!("x = {}1\n", "1 if x else ".repeat(100_000)));
    assert_eq!(e.map(|e| e.0), Some(ErrorKind::RecursionError));
    let e = run("not", format!("x = {}1\n", "not ".repeat(100_000)));
    assert_eq!(e.map(|e| e.0), Some(ErrorKind::RecursionError));
    let e = run("lambda", format!("x = {}1\n", "lambda: ".repeat(1_000_000)));
    assert_eq!(e.map(|e| e.0), Some(ErrorKind::RecursionError));
}

#[test]
fn other_pathological_inputs_do_not_crash() {
    let cases: Vec<(&str, String)> = vec![
        ("nested_fstrings", format!("x = {}1{}\n", "f'{".repeat(50_000), "}'".repeat(50_000))),
        ("nested_fstrings_dq", format!("x = {}1{}\n", "f\"{".repeat(50_000), "}\"".repeat(50_000))),
        ("await_chain", format!("async def f():\n    return {}x\n", "await ".repeat(100_000))),
        ("star_chain", format!("x = {}a\n", "*".repeat(100_000))),
        ("decorators", format!("{}def f(): pass\n", "@d\n".repeat(100_000))),
        ("statements", "x = 1\n".repeat(200_000)),
        ("subscripts", format!("x = a{}\n", "[0]".repeat(100_000))),
        ("comparisons", format!("x = {}1\n", "1 < ".repeat(100_000))),
        ("bool_chain", format!("x = {}1\n", "1 and 2 or ".repeat(50_000))),
        ("unclosed_strings", "'\n".repeat(100_000)),
        ("backslashes", "\\\n".repeat(100_000)),
        ("deep_dict_values", format!("x = {}\n", "{1: ".repeat(150) + "1" + &"}".repeat(150))),
        ("long_string", format!("x = '{}'\n", "a".repeat(2_000_000))),
        ("many_fields", format!("x = f'{}'\n", "{a}".repeat(100_000))),
    ];
    for (name, src) in cases {
        let _ = run(name, src);
    }
}

#[test]
fn error_at_the_end_of_a_large_file_is_fast() {
    // 20 000 ordinary lines (with f-strings), then one error.
    let mut src = String::new();
    for i in 0..20_000 {
        src.push_str(&format!("def f{i}(a, b=1):\n    return f'{{a}} {{b!r}} {i}'\n"));
    }
    src.push_str("x = = 1\n");
    let t0 = std::time::Instant::now();
    let e = run("large_then_error", src).expect("rejected");
    assert_eq!(e.1, "invalid syntax");
    assert!(t0.elapsed() < std::time::Duration::from_secs(20), "too slow: {:?}", t0.elapsed());
}
