//! The instruction sequences of `tests/disasm/*.py` compared with what CPython
//! 3.11 (`python3`, the oracle) compiles, after removing what pyrite does not
//! have (RESUME, PRECALL, CACHE, MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR
//! and its POP_TOP, EXTENDED_ARG) and ignoring NOPs, constants' spelling,
//! jump offsets and locations. Without `python3` the test says so and passes.

mod common;

use pyrite_compiler::{CompileOptions, Mode};
use std::path::PathBuf;

const NORMALIZER: &str = r#"
import dis, sys
SKIP = {"EXTENDED_ARG","RESUME","PRECALL","CACHE","MAKE_CELL","COPY_FREE_VARS"}
def show(co, out):
    skip_pop = False
    out.append("== %s" % co.co_qualname)
    for i in dis.get_instructions(co):
        if i.opname == "RETURN_GENERATOR":
            skip_pop = True
            continue
        if skip_pop and i.opname == "POP_TOP":
            skip_pop = False
            continue
        skip_pop = False
        if i.opname in SKIP or i.opname == "NOP":
            continue
        op = i.opname.replace("POP_JUMP_FORWARD_IF_", "POP_JUMP_IF_").replace("POP_JUMP_BACKWARD_IF_", "POP_JUMP_IF_")
        if op in ("JUMP_FORWARD", "JUMP_BACKWARD"):
            op = "JUMP"
        if i.opcode in dis.hasjrel or i.opcode in dis.hasjabs or op in ("LOAD_CONST", "KW_NAMES"):
            a = ""
        elif op == "LOAD_GLOBAL":
            a = ("NULL+" if i.arg & 1 else "") + i.argval
        elif i.arg is None:
            a = ""
        elif isinstance(i.argval, str):
            a = i.argval
        else:
            a = str(i.arg)
        out.append("%s %s" % (op, a))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            show(c, out)
out = []
show(compile(open(sys.argv[1]).read(), sys.argv[1], "exec"), out)
print("\n".join(out))
"#;

fn pyrite_listing(src: String) -> String {
    common::big_stack(move || {
        let out = pyrite_compiler::compile(&src, "t.py", Mode::Exec, CompileOptions::default()).expect("compiles");
        let full = common::normalized(&out.code);
        let mut lines = Vec::new();
        for l in full.lines() {
            if let Some(rest) = l.strip_prefix("== ") {
                let q = rest.rsplitn(3, ' ').last().unwrap_or(rest);
                lines.push(format!("== {q}"));
                continue;
            }
            if l.starts_with("exc ") {
                continue;
            }
            let body = l.split(" @").next().unwrap_or(l);
            let mut parts = body.splitn(3, ' ');
            let _idx = parts.next();
            let op = parts.next().unwrap_or("");
            let arg = parts.next().unwrap_or("");
            if op == "NOP" {
                continue;
            }
            let arg = if arg.starts_with("->") || op == "LOAD_CONST" || op == "KW_NAMES" { "" } else { arg };
            lines.push(format!("{op} {arg}"));
        }
        lines.join("\n")
    })
}

#[test]
fn snapshot_programs_match_cpython_instructions() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/disasm");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/disasm exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let mut mismatches = Vec::new();
    for py in &files {
        let out = match std::process::Command::new("python3").arg("-c").arg(NORMALIZER).arg(py).output() {
            Ok(o) if o.status.success() => o,
            _ => {
                eprintln!("python3 unavailable; nothing compared");
                return;
            }
        };
        let want = String::from_utf8_lossy(&out.stdout).trim_end().replace(" \n", "\n");
        let src = std::fs::read_to_string(py).expect("read");
        let got = pyrite_listing(src).trim_end().replace(" \n", "\n");
        let want_l: Vec<&str> = want.lines().map(str::trim_end).collect();
        let got_l: Vec<&str> = got.lines().map(str::trim_end).collect();
        assert!(want_l.len() > 2, "{}: empty CPython listing", py.display());
        if want_l != got_l {
            let first = want_l.iter().zip(&got_l).position(|(a, b)| a != b).unwrap_or(want_l.len().min(got_l.len()));
            mismatches.push(format!(
                "{}: first difference at line {first}: cpython {:?} pyrite {:?}",
                py.display(),
                want_l.get(first),
                got_l.get(first)
            ));
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}
