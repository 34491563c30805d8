//! The verifier accepts CPython 3.11's own compiled code (standard-library
//! modules and a construct sampler), translated to pyrite's instruction set by
//! fixtures/cpython311_code.py; a correct CPython-style compiler's output must
//! never be rejected, or every run would recompile.

use pyrite_bytecode::{CodeFlags, CodeObject, Constant, ExceptionEntry, Instr, Location, Wtf8Buf};
use pyrite_marshal::{decode_pyc, encode_pyc, verify, SourceStamp};

const FIXTURE: &str = include_str!("fixtures/cpython311_code.txt");

fn nums(line: &str) -> Vec<u32> {
    line.split_whitespace().skip(1).map(|t| t.parse().expect("number")).collect()
}

fn names(n: u32, prefix: &str) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}")).collect()
}

/// Parses one block of the fixture into a code object.
fn parse(block: &[&str]) -> CodeObject {
    let c: Vec<&str> = block[0].split_whitespace().collect();
    let f = |i: usize| c[i].parse::<u32>().expect("header number");
    let v = nums(block[1]);
    let cell2arg = nums(block[2]).chunks(2).map(|p| (p[0], p[1])).collect();
    let consts = block[3]
        .split_whitespace()
        .skip(1)
        .map(|k| match k.strip_prefix('s') {
            Some(n) => Constant::Tuple((0..n.parse().unwrap()).map(|i| Constant::Str(Wtf8Buf::from(format!("k{i}")))).collect()),
            None => Constant::None,
        })
        .collect();
    let code: Vec<Instr> = nums(block[4]).chunks(2).map(|p| Instr(p[0] | p[1] << 8)).collect();
    let exception_table = nums(block[5])
        .chunks(5)
        .map(|e| ExceptionEntry { start: e[0], end: e[1], target: e[2], depth: e[3], lasti: e[4] != 0 })
        .collect();
    CodeObject {
        argcount: f(2),
        posonlyargcount: f(3),
        kwonlyargcount: f(4),
        stacksize: f(6),
        // Drop CPython-only flag bits we do not model; keep the standard ones.
        flags: CodeFlags(f(5)),
        locations: vec![Location { line: 1, end_line: 1, col: 0, end_col: 1 }; code.len()],
        code,
        consts,
        names: names(v[3], "n"),
        varnames: names(v[0], "v"),
        cellvars: names(v[1], "c"),
        freevars: names(v[2], "f"),
        cell2arg,
        filename: "lib.py".into(),
        name: c[1].into(),
        qualname: c[1].into(),
        firstlineno: 1,
        exception_table,
    }
}

#[test]
fn verifier_accepts_cpython_code() {
    let lines: Vec<&str> = FIXTURE.lines().collect();
    assert_eq!(lines.len() % 6, 0);
    let mut failures = Vec::new();
    let mut count = 0;
    let mut loose = Vec::new();
    for block in lines.chunks(6) {
        let co = parse(block);
        count += 1;
        if let Err(e) = verify(&co) {
            failures.push(format!("{e}"));
        }
        // CPython's stacksize is the exact maximum depth; the simulation must
        // reach it too, so one less is rejected.
        let tight = CodeObject { stacksize: co.stacksize - 1, ..co.clone() };
        if verify(&tight).is_ok() {
            loose.push(co.qualname.clone());
        }
        // And it survives the file format.
        let bytes = encode_pyc(&co, &[], SourceStamp::default());
        if failures.is_empty() {
            assert_eq!(decode_pyc(&bytes, None).expect("decodes").0, co);
        }
    }
    assert!(count > 500, "{count} code objects");
    assert!(loose.is_empty(), "stacksize - 1 accepted for:\n{}", loose.join("\n"));
    assert!(failures.is_empty(), "{} of {count} rejected:\n{}", failures.len(), failures.join("\n"));
}
