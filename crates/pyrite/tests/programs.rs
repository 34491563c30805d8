//! The differential suite: runs every `tests/programs/**.py` under pyrite, in the repository
//! root with the same relative path and environment that `cargo xtask bless` used for CPython,
//! and compares stdout, stderr and exit status byte for byte with the recorded `.out`, `.err`
//! and `.status` files (the absolute repository root is written `<ROOT>` on both sides).
//!
//! `tests/programs/pending.txt` lists programs not expected to pass yet; the rules and the
//! environment variables (`PYRITE_PROGRAMS_FILTER`, `PYRITE_PROGRAM_RESULTS`,
//! `PYRITE_PROGRAMS_TIMEOUT`, `PYRITE_PROGRAMS_MEMORY_MB`) are described in
//! `tests/programs/README.md`.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const ROOT_TOKEN: &str = "<ROOT>";
const DEFAULT_TIMEOUT_SECS: u64 = 20;
const DEFAULT_MEMORY_MB: u64 = 8192;

/// The repository root. Cargo passes `CARGO_MANIFEST_DIR` at run time too, which stays right
/// when one target directory serves several checkouts.
fn repo_root() -> PathBuf {
    let here = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    here.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or(here)
}

/// Libtest captures `print!`; the suite's report goes straight to the process's stdout so it is
/// always visible.
fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.write_all(b"\n");
    let _ = out.flush();
}

fn is_helper_dir(name: &str) -> bool {
    name.ends_with("_mod") || name.starts_with('_') || name.starts_with('.')
}

fn discover(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            if !is_helper_dir(&name) {
                discover(root, &path, out);
            }
        } else if name.ends_with(".py") && !name.starts_with('_') {
            if let Ok(rel) = path.strip_prefix(root) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
}

fn read_pending(root: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root.join("tests/programs/pending.txt")).unwrap_or_default();
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: String,
}

/// Runs one program under pyrite, killing it after `timeout`. With a memory limit (MiB, 0 for
/// none), it runs through `sh` with `ulimit -v`, so a runaway allocation fails inside that one
/// process instead of exhausting the machine.
fn run_program(bin: &str, root: &Path, rel: &str, timeout: Duration, memory_mb: u64) -> Result<Outcome, String> {
    let mut cmd = if memory_mb == 0 {
        let mut cmd = Command::new(bin);
        cmd.arg(rel);
        cmd
    } else {
        let mut cmd = Command::new("sh");
        let script = format!("ulimit -v {} 2>/dev/null; exec \"$0\" \"$@\"", memory_mb * 1024);
        cmd.arg("-c").arg(script).arg(bin).arg(rel);
        cmd
    };
    cmd.current_dir(root).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0").env("PYTHONDONTWRITEBYTECODE", "1").env("PYTHONIOENCODING", "utf-8");
    let mut child = cmd.spawn().map_err(|e| format!("cannot start {bin}: {e}"))?;
    let mut out_pipe = child.stdout.take().ok_or("no stdout pipe")?;
    let mut err_pipe = child.stderr.take().ok_or("no stderr pipe")?;
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let deadline = Instant::now() + timeout;
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().map_err(|e| e.to_string())?;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    let status = if timed_out {
        format!("timeout after {} s", timeout.as_secs())
    } else {
        match status.code() {
            Some(code) => code.to_string(),
            None => format!("killed by a signal ({status})"),
        }
    };
    Ok(Outcome { stdout, stderr, status })
}

fn normalise(bytes: &[u8], root: &Path) -> Vec<u8> {
    let needle = root.to_string_lossy().into_owned();
    match std::str::from_utf8(bytes) {
        Ok(s) if !needle.is_empty() && s.contains(needle.as_str()) => {
            s.replace(needle.as_str(), ROOT_TOKEN).into_bytes()
        }
        _ => bytes.to_vec(),
    }
}

/// A readable account of the first difference between two outputs.
fn diff(what: &str, expected: &[u8], actual: &[u8]) -> Option<String> {
    if expected == actual {
        return None;
    }
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let exp_lines: Vec<&str> = exp.split_inclusive('\n').collect();
    let act_lines: Vec<&str> = act.split_inclusive('\n').collect();
    let first = exp_lines.iter().zip(&act_lines).take_while(|(a, b)| a == b).count();
    let mut text = format!(
        "  {what} differs at line {} ({} expected lines, {} actual):\n",
        first + 1,
        exp_lines.len(),
        act_lines.len()
    );
    let context = first.saturating_sub(2);
    for line in &exp_lines[context..first] {
        text.push_str(&format!("      {:?}\n", line));
    }
    for line in exp_lines.iter().skip(first).take(6) {
        text.push_str(&format!("    - {:?}\n", line));
    }
    for line in act_lines.iter().skip(first).take(6) {
        text.push_str(&format!("    + {:?}\n", line));
    }
    Some(text)
}

/// Compares one program; `Ok(())` when it matches CPython, else the explanation.
fn check(bin: &str, root: &Path, rel: &str, timeout: Duration, memory_mb: u64) -> Result<(), String> {
    let stem = rel.strip_suffix(".py").unwrap_or(rel);
    let read = |ext: &str| {
        std::fs::read(root.join(format!("{stem}.{ext}")))
            .map_err(|e| format!("  missing {stem}.{ext} ({e}); run `cargo xtask bless`\n"))
    };
    let exp_out = read("out")?;
    let exp_err = read("err")?;
    let exp_status = String::from_utf8_lossy(&read("status")?).trim().to_string();
    let got = run_program(bin, root, rel, timeout, memory_mb).map_err(|e| format!("  {e}\n"))?;
    let mut report = String::new();
    if got.status != exp_status {
        report.push_str(&format!("  exit status: expected {exp_status}, got {}\n", got.status));
    }
    if let Some(d) = diff("stdout", &exp_out, &normalise(&got.stdout, root)) {
        report.push_str(&d);
    }
    if let Some(d) = diff("stderr", &exp_err, &normalise(&got.stderr, root)) {
        report.push_str(&d);
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

#[test]
fn programs() {
    let root = repo_root();
    let bin = env!("CARGO_BIN_EXE_pyrite");
    let filter = std::env::var("PYRITE_PROGRAMS_FILTER").unwrap_or_default();
    let timeout = std::env::var("PYRITE_PROGRAMS_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_TIMEOUT_SECS);
    let timeout = Duration::from_secs(timeout);
    let memory_mb = std::env::var("PYRITE_PROGRAMS_MEMORY_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_MEMORY_MB);
    let mut all = Vec::new();
    discover(&root, &root.join("tests/programs"), &mut all);
    all.sort();
    let programs: Vec<String> = all.into_iter().filter(|p| p.contains(filter.as_str())).collect();
    let pending = read_pending(&root);
    assert!(!programs.is_empty(), "no test programs found under tests/programs");

    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Result<(), String>)>> = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(rel) = programs.get(i) else { break };
                let result = check(bin, &root, rel, timeout, memory_mb);
                results.lock().unwrap_or_else(|p| p.into_inner()).push((rel.clone(), result));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let (mut passed, mut failed, mut pending_failed) = (0usize, 0usize, 0usize);
    let mut now_passing = Vec::new();
    let mut record = String::new();
    for (rel, result) in &results {
        let is_pending = pending.contains(rel);
        match result {
            Ok(()) => {
                passed += 1;
                record.push_str(&format!("pass {rel}\n"));
                if is_pending {
                    now_passing.push(rel.clone());
                }
            }
            Err(report) => {
                record.push_str(&format!("fail {rel}\n"));
                if is_pending {
                    pending_failed += 1;
                } else {
                    failed += 1;
                    say(&format!("FAIL {rel}\n{report}"));
                }
            }
        }
    }
    let results_path = std::env::var_os("PYRITE_PROGRAM_RESULTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("program-results.txt"));
    if let Err(e) = std::fs::write(&results_path, record) {
        say(&format!("programs: cannot write {}: {e}", results_path.display()));
    }
    if filter.is_empty() {
        for rel in pending.iter().filter(|p| !programs.contains(*p)) {
            say(&format!("pending.txt names a program that does not exist: {rel}"));
        }
    }
    for rel in &now_passing {
        say(&format!("now passing (remove from pending.txt): {rel}"));
    }
    say(&format!(
        "programs: ran {} in {:.1} s; results in {}",
        results.len(),
        started.elapsed().as_secs_f64(),
        results_path.display()
    ));
    say(&format!("programs: {passed} passed, {failed} failed, {pending_failed} pending"));
    assert!(failed == 0, "{failed} test programs differ from CPython (see FAIL reports above)");
}
