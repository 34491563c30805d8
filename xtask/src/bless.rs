//! `cargo xtask bless [FILTER]`: run every differential test program under CPython 3.11
//! (`python3` on PATH) and record its stdout, stderr and exit status next to it as
//! `NAME.out`, `NAME.err` and `NAME.status`.
//!
//! Discovery and environment match `crates/pyrite/tests/programs.rs`; the rules are written
//! down in `tests/programs/README.md`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// Placeholder that stands for the absolute path of the repository root in recorded output,
/// so expected files do not depend on where the checkout lives (CPython prints absolute paths
/// of `__main__` in tracebacks).
pub const ROOT_TOKEN: &str = "<ROOT>";

/// The repository root (the parent of `xtask/`). `cargo run` passes `CARGO_MANIFEST_DIR` at
/// run time, which stays right when one target directory serves several checkouts.
pub fn repo_root() -> PathBuf {
    let here = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

/// True for a directory name whose contents are helpers, never programs.
fn is_helper_dir(name: &str) -> bool {
    name.ends_with("_mod") || name.starts_with('_') || name.starts_with('.')
}

/// Every test program under `dir`, as paths relative to `root`, sorted.
/// A program is a `*.py` file whose name does not start with `_`, in no helper directory.
pub fn discover(root: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    walk(root, &root.join("tests/programs"), &mut out)?;
    out.sort();
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = entry.file_type().map_err(|e| e.to_string())?;
        if kind.is_dir() {
            if !is_helper_dir(&name) {
                walk(root, &path, out)?;
            }
        } else if name.ends_with(".py") && !name.starts_with('_') {
            let rel = path.strip_prefix(root).map_err(|e| e.to_string())?;
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// The environment every program runs in, under CPython and under pyrite alike.
pub fn python_command(program: &str, rel: &str, root: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.arg(rel).current_dir(root).stdin(Stdio::null());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8");
    cmd
}

/// Replaces the absolute repository root with [`ROOT_TOKEN`].
fn normalise(bytes: &[u8], root: &Path) -> Vec<u8> {
    let needle = root.to_string_lossy().into_owned();
    let text = String::from_utf8_lossy(bytes);
    if needle.is_empty() || !text.contains(needle.as_str()) {
        return bytes.to_vec();
    }
    // Only rewrite when the output is valid UTF-8, otherwise keep the bytes as they are.
    match std::str::from_utf8(bytes) {
        Ok(s) => s.replace(needle.as_str(), ROOT_TOKEN).into_bytes(),
        Err(_) => bytes.to_vec(),
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let filter = args.first().cloned().unwrap_or_default();
    let root = repo_root();
    let programs: Vec<String> =
        discover(&root)?.into_iter().filter(|p| p.contains(filter.as_str())).collect();
    if programs.is_empty() {
        return Err(format!("no program matches {filter:?}"));
    }
    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let errors = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(rel) = programs.get(i) else { break };
                if let Err(e) = bless_one(&root, rel) {
                    errors.lock().unwrap_or_else(|p| p.into_inner()).push(format!("{rel}: {e}"));
                }
            });
        }
    });
    let errors = errors.into_inner().unwrap_or_else(|p| p.into_inner());
    for e in &errors {
        eprintln!("bless: {e}");
    }
    println!("blessed {} programs in {:.1} s", programs.len() - errors.len(), start.elapsed().as_secs_f64());
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{} programs could not be blessed", errors.len()))
    }
}

fn bless_one(root: &Path, rel: &str) -> Result<(), String> {
    let started = Instant::now();
    let output = python_command("python3", rel, root).output().map_err(|e| format!("python3: {e}"))?;
    let elapsed = started.elapsed().as_secs_f64();
    if elapsed > 1.0 {
        eprintln!("bless: warning: {rel} took {elapsed:.2} s under CPython");
    }
    let status = output.status.code().ok_or("killed by a signal")?;
    let stem = rel.strip_suffix(".py").unwrap_or(rel);
    let write = |ext: &str, data: &[u8]| {
        let path = root.join(format!("{stem}.{ext}"));
        std::fs::write(&path, data).map_err(|e| format!("{}: {e}", path.display()))
    };
    write("out", &normalise(&output.stdout, root))?;
    write("err", &normalise(&output.stderr, root))?;
    write("status", format!("{status}\n").as_bytes())?;
    Ok(())
}

/// `cargo xtask pending [--from RESULTS]`: rewrite `tests/programs/pending.txt` to exactly the
/// programs that fail under pyrite now. It runs the suite (`cargo test --release -p pyrite
/// --test programs`) unless given a results file the runner wrote. Only for establishing the
/// list; a program that passed must never be put back on it to hide a regression.
pub fn pending(args: &[String]) -> Result<(), String> {
    let root = repo_root();
    let results_path = match args {
        [flag, path] if flag == "--from" => PathBuf::from(path),
        [] => {
            let path = std::env::temp_dir().join(format!("pyrite-program-results-{}.txt", std::process::id()));
            let _ = std::fs::remove_file(&path);
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let status = Command::new(cargo)
                .args(["test", "--release", "-p", "pyrite", "--test", "programs"])
                .current_dir(&root)
                .env("PYRITE_PROGRAM_RESULTS", &path)
                .env_remove("PYRITE_PROGRAMS_FILTER")
                .status()
                .map_err(|e| format!("cargo: {e}"))?;
            println!("pending: suite finished ({status})");
            path
        }
        _ => return Err("usage: cargo xtask pending [--from RESULTS_FILE]".into()),
    };
    let text = std::fs::read_to_string(&results_path)
        .map_err(|e| format!("{}: {e} (did the suite build and run?)", results_path.display()))?;
    let mut ran = std::collections::BTreeSet::new();
    let mut failing = Vec::new();
    for line in text.lines() {
        if let Some((verdict, rel)) = line.split_once(' ') {
            ran.insert(rel.to_string());
            if verdict == "fail" {
                failing.push(rel.to_string());
            }
        }
    }
    let missing: Vec<String> = discover(&root)?.into_iter().filter(|p| !ran.contains(p)).collect();
    if !missing.is_empty() {
        return Err(format!(
            "the results cover only part of the suite ({} programs missing, e.g. {}); run it unfiltered",
            missing.len(),
            missing[0]
        ));
    }
    failing.sort();
    let pending_path = root.join("tests/programs/pending.txt");
    let old = std::fs::read_to_string(&pending_path).unwrap_or_default();
    let mut new: String = old.lines().take_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    for rel in &failing {
        new.push_str(rel);
        new.push('\n');
    }
    std::fs::write(&pending_path, new).map_err(|e| format!("{}: {e}", pending_path.display()))?;
    println!("pending: {} of {} programs listed in {}", failing.len(), ran.len(), pending_path.display());
    Ok(())
}
