//! Source decoding as the script runner does it (`python3 FILE`), whose
//! messages differ from `compile()`'s: "Non-UTF-8 code starting with ...",
//! "encoding problem: ...", "source code cannot contain null bytes".
//! Expectations: `tests/syntax/script_expected.txt`, recorded by
//! `cargo xtask bless-syntax` from CPython's stderr (type, line, message).

use pyrite_compiler::{decode_source_file, parse::parse, ErrorKind, Mode};
use std::path::Path;

fn kind_name(k: ErrorKind) -> &'static str {
    match k {
        ErrorKind::SyntaxError => "SyntaxError",
        ErrorKind::IndentationError => "IndentationError",
        ErrorKind::TabError => "TabError",
        ErrorKind::RecursionError => "RecursionError",
        ErrorKind::ValueError => "ValueError",
    }
}

#[test]
fn script_decoding_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/syntax");
    let text = std::fs::read_to_string(dir.join("script_expected.txt")).expect("script_expected.txt");
    let mut fails = Vec::new();
    let mut n = 0;
    for l in text.lines().filter(|l| !l.is_empty()) {
        let f: Vec<&str> = l.splitn(7, '\t').collect();
        if f.len() < 7 {
            continue;
        }
        n += 1;
        let want = (f[1].to_string(), f[2].parse::<u32>().unwrap_or(0), f[6].replace("\\\\", "\\"));
        let bytes = std::fs::read(dir.join(f[0])).expect("corpus file");
        let got = match decode_source_file(&bytes, "{file}").and_then(|s| parse(&s, Mode::Exec).map(|_| ())) {
            Ok(()) => ("OK".to_string(), 0, String::new()),
            Err(e) => (kind_name(e.kind).to_string(), e.lineno, e.msg),
        };
        if got != want {
            fails.push(format!("{}\n    want {want:?}\n    got  {got:?}", f[0]));
        }
    }
    println!("script decoding: {}/{n} match", n - fails.len());
    for f in &fails {
        println!("FAIL: {f}");
    }
    assert!(fails.is_empty());
}
