//! Disassembly snapshots: each `tests/disasm/NAME.py` (workspace root) is
//! compiled and its `pyrite_bytecode::dis::disassemble` output compared with
//! `NAME.dis`. With `PYRITE_BLESS=1` the snapshots are rewritten instead.
//! Every code object must also pass the invariant checks.

mod common;

use common::{compile_check, Outcome};
use pyrite_compiler::{CompileOptions, Mode};
use std::path::PathBuf;

#[test]
fn disassembly_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/disasm");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/disasm exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no snapshot programs");
    let bless = std::env::var_os("PYRITE_BLESS").is_some();
    let mut mismatches = Vec::new();
    for py in &files {
        let src = std::fs::read_to_string(py).expect("read");
        let name = py.file_name().and_then(|n| n.to_str()).unwrap_or("t.py").to_string();
        let dis = match compile_check(src, name.clone(), Mode::Exec, CompileOptions::default(), true) {
            Outcome::Ok { dis, .. } => dis,
            Outcome::CompileError(e) => panic!("{name}: {e:?}"),
            Outcome::Invalid { why, dis } => panic!("{name}: {why}\n{dis}"),
        };
        let snap = py.with_extension("dis");
        if bless {
            std::fs::write(&snap, &dis).expect("write snapshot");
        } else {
            let want = std::fs::read_to_string(&snap).unwrap_or_default();
            if want != dis {
                mismatches.push(name);
            }
        }
    }
    assert!(mismatches.is_empty(), "snapshots differ (rerun with PYRITE_BLESS=1 and review): {mismatches:?}");
}
