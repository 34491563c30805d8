//! Every `.py` file of CPython's installed `Lib/` (site-packages excluded) that
//! CPython compiles must compile under pyrite without error or panic, and every
//! code object produced must satisfy the invariants in `common::check_code`.
//! Files CPython rejects are listed in `tests/data/lib_rejected.txt` (generated
//! by running CPython's `compile()` on each file). The Lib directory is
//! `$PYRITE_CPYTHON_LIB`, else what `python3` reports; without one the test
//! says so and passes vacuously.

mod common;

use common::{compile_check, Outcome};
use pyrite_compiler::{decode_source, CompileOptions, Mode};
use std::collections::HashSet;
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

#[test]
fn every_lib_file_compiles_with_valid_code() {
    let Some(lib) = stdlib_dir() else {
        eprintln!("no CPython Lib directory found; nothing checked");
        return;
    };
    let rejected: HashSet<String> = include_str!("data/lib_rejected.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_string)
        .collect();
    let mut files = Vec::new();
    walk(&lib, &mut files);
    let filter = std::env::var("PYRITE_LIB_FILTER").ok();
    let (mut ok, mut failures) = (0usize, Vec::new());
    for path in &files {
        let rel = path.strip_prefix(&lib).unwrap_or(path).to_string_lossy().to_string();
        if rejected.contains(&rel) {
            continue;
        }
        if let Some(f) = &filter {
            if !rel.contains(f.as_str()) {
                continue;
            }
        }
        let bytes = std::fs::read(path).unwrap_or_default();
        let src = match decode_source(&bytes) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{rel}: decode: {}", e.msg));
                continue;
            }
        };
        for opt in [0u8, 2] {
            let opts = CompileOptions { optimize: opt, future_flags: 0 };
            match compile_check(src.clone(), path.to_string_lossy().to_string(), Mode::Exec, opts, false) {
                Outcome::Ok { .. } => {
                    if opt == 0 {
                        ok += 1;
                    }
                }
                Outcome::CompileError(e) => {
                    failures.push(format!("{rel} (-O{opt}): {:?}: {} (line {})", e.kind, e.msg, e.lineno));
                    break;
                }
                Outcome::Invalid { why, .. } => {
                    failures.push(format!("{rel} (-O{opt}): invalid code: {why}"));
                    break;
                }
            }
        }
    }
    eprintln!("{ok} Lib files compiled with valid code; {} failures", failures.len());
    for f in failures.iter().take(60) {
        eprintln!("  {f}");
    }
    assert!(failures.is_empty(), "{} Lib files failed", failures.len());
}
