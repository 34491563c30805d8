//! Every `.py` file of CPython's installed `Lib/` (site-packages excluded):
//! files CPython rejects (recorded by `cargo xtask bless-syntax` in
//! `tests/syntax/lib_verdicts.txt`) must be rejected by pyrite with the same
//! exception type, message and line; all other files must parse. The Lib
//! directory is `$PYRITE_CPYTHON_LIB`, else what `python3` reports; without
//! one the test reports that it could not run.

use pyrite_compiler::{decode_source, parse::parse, ErrorKind, Mode};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn stdlib_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PYRITE_CPYTHON_LIB") {
        return Some(PathBuf::from(p));
    }
    let out = std::process::Command::new("python3")
        .args(["-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"])
        .output()
        .ok()?;
    let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    p.is_dir().then_some(p)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if name != "site-packages" && name != "__pycache__" {
                walk(&p, out);
            }
        } else if name.ends_with(".py") {
            out.push(p);
        }
    }
}

fn kind_name(k: ErrorKind) -> &'static str {
    match k {
        ErrorKind::SyntaxError => "SyntaxError",
        ErrorKind::IndentationError => "IndentationError",
        ErrorKind::TabError => "TabError",
        ErrorKind::RecursionError => "RecursionError",
        ErrorKind::ValueError => "ValueError",
    }
}

/// (type, msg, lineno) or None when accepted; runs on a 256 MiB stack.
fn verdict(bytes: Vec<u8>) -> Option<(String, String, i64)> {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || match decode_source(&bytes).and_then(|s| parse(&s, Mode::Exec).map(|_| ())) {
            Ok(()) => None,
            Err(e) => Some((kind_name(e.kind).to_string(), e.msg, i64::from(e.lineno))),
        })
        .expect("spawn")
        .join()
        .unwrap_or_else(|_| Some(("PANIC".into(), String::new(), 0)))
}

#[test]
fn lib_verdicts_match_cpython() {
    let Some(lib) = stdlib_dir() else {
        println!("no CPython Lib/ found; set PYRITE_CPYTHON_LIB");
        return;
    };
    let table = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/syntax/lib_verdicts.txt");
    let text = std::fs::read_to_string(table).expect("lib_verdicts.txt");
    let mut rejected: HashMap<String, (String, String, i64)> = HashMap::new();
    for l in text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let f: Vec<&str> = l.splitn(7, '\t').collect();
        if f.len() == 7 {
            let line = f[2].parse::<i64>().unwrap_or(0).max(0);
            rejected.insert(f[0].to_string(), (f[1].to_string(), f[6].replace("\\n", "\n").replace("\\\\", "\\"), line));
        }
    }
    let mut files = Vec::new();
    walk(&lib, &mut files);
    let (mut ok_accept, mut ok_reject) = (0, 0);
    let mut failures = Vec::new();
    for p in &files {
        let rel = p.strip_prefix(&lib).unwrap_or(p).to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(p).unwrap_or_default();
        let got = verdict(bytes);
        match (rejected.get(&rel), got) {
            (None, None) => ok_accept += 1,
            (Some(want), Some(got)) if *want == got => ok_reject += 1,
            (want, got) => failures.push(format!("{rel}\n    want {want:?}\n    got  {got:?}")),
        }
    }
    println!(
        "Lib verdicts: {} files; {ok_accept} accepted as CPython does, {ok_reject}/{} rejected as CPython does, {} differ",
        files.len(),
        rejected.len(),
        failures.len()
    );
    for f in &failures {
        println!("DIFF: {f}");
    }
    assert!(failures.is_empty(), "{} Lib files differ from CPython", failures.len());
}
