//! `cargo xtask bench [--runs N] [NAME...]`: build pyrite with the `dist` profile and run each
//! `bench/*.py` under it and under `/usr/bin/python3.11`, alternately, N times (default 3);
//! report median wall times, ratios (pyrite / CPython) and their geometric mean, plus start-up
//! (`-I -S -c pass`, median of 20) and compiling every file of CPython's `Lib/`
//! (`bench/compile_lib.py`). Outputs (checksums) must match. Prints markdown on stdout.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CPYTHON: &str = "/usr/bin/python3.11";
/// CPython gets this long per run; pyrite gets `PYRITE_SLACK` times CPython's time of the same
/// round (at least `MIN_PYRITE_TIMEOUT`), so a hang costs seconds, not the whole session.
const RUN_TIMEOUT: Duration = Duration::from_secs(300);
const PYRITE_SLACK: f64 = 30.0;
const MIN_PYRITE_TIMEOUT: Duration = Duration::from_secs(10);
const STARTUP_RUNS: usize = 20;

fn repo_root() -> PathBuf {
    crate::bless::repo_root()
}

/// One finished run: wall time, stdout, and whether it exited 0.
struct Run {
    secs: f64,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    ok: bool,
}

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("pyrite-bench-{}-{name}", std::process::id()))
}

/// Runs `exe args...` in `root`, stdout and stderr into scratch files, killed after the timeout.
fn time_run(exe: &Path, args: &[&str], root: &Path, timeout: Duration) -> Result<Run, String> {
    let out_path = scratch("stdout");
    let err_path = scratch("stderr");
    let out = File::create(&out_path).map_err(|e| e.to_string())?;
    let err = File::create(&err_path).map_err(|e| e.to_string())?;
    let mut cmd = Command::new(exe);
    cmd.args(args).current_dir(root).stdin(Stdio::null()).stdout(out).stderr(err);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0").env("PYTHONDONTWRITEBYTECODE", "1").env("PYTHONIOENCODING", "utf-8");
    let start = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("{}: {e}", exe.display()))?;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(status);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_micros(200));
    };
    let secs = start.elapsed().as_secs_f64();
    let stdout = std::fs::read(&out_path).unwrap_or_default();
    let stderr = std::fs::read(&err_path).unwrap_or_default();
    let _ = std::fs::remove_file(&out_path);
    let _ = std::fs::remove_file(&err_path);
    let mut stderr = stderr;
    if status.is_none() {
        stderr.extend_from_slice(format!("timed out after {:.0} s", timeout.as_secs_f64()).as_bytes());
    }
    Ok(Run { secs, stdout, stderr, ok: status.is_some_and(|s| s.success()) })
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    let n = xs.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// The outcome of timing one workload on both interpreters.
struct Row {
    name: String,
    cpython: f64,
    pyrite: Option<f64>,
    note: String,
}

/// Times `args` alternately under both interpreters `runs` times and compares stdout.
fn compare(name: &str, pyrite: &Path, args: &[&str], runs: usize, root: &Path) -> Result<Row, String> {
    let (mut ct, mut pt) = (Vec::new(), Vec::new());
    let mut note = String::new();
    let mut expected: Option<Vec<u8>> = None;
    let mut pyrite_ok = true;
    for _ in 0..runs {
        let c = time_run(Path::new(CPYTHON), args, root, RUN_TIMEOUT)?;
        if !c.ok {
            return Err(format!("{name} fails under CPython: {}", String::from_utf8_lossy(&c.stderr)));
        }
        ct.push(c.secs);
        let expected = expected.get_or_insert(c.stdout);
        if pyrite_ok {
            let limit = MIN_PYRITE_TIMEOUT.max(Duration::from_secs_f64(c.secs * PYRITE_SLACK));
            match time_run(pyrite, args, root, limit) {
                Ok(p) if p.ok && &p.stdout == expected => pt.push(p.secs),
                Ok(p) if p.ok => {
                    pyrite_ok = false;
                    note = "output differs".into();
                }
                Ok(p) => {
                    pyrite_ok = false;
                    let err = String::from_utf8_lossy(&p.stderr);
                    let last = err.lines().last().unwrap_or("").trim().to_string();
                    note = format!("fails: {}", last.chars().take(60).collect::<String>());
                }
                Err(e) => {
                    pyrite_ok = false;
                    note = format!("cannot run: {e}");
                }
            }
        }
    }
    Ok(Row { name: name.to_string(), cpython: median(ct), pyrite: pyrite_ok.then(|| median(pt)), note })
}

fn print_table(title: &str, unit: &str, rows: &[Row]) {
    println!("\n### {title}\n");
    println!("| benchmark | CPython 3.11 ({unit}) | pyrite ({unit}) | pyrite / CPython | note |");
    println!("| --- | ---: | ---: | ---: | --- |");
    let scale = if unit == "ms" { 1000.0 } else { 1.0 };
    for r in rows {
        let (p, ratio) = match r.pyrite {
            Some(p) => (format!("{:.3}", p * scale), format!("{:.2}", p / r.cpython)),
            None => ("—".into(), "—".into()),
        };
        println!("| {} | {:.3} | {p} | {ratio} | {} |", r.name, r.cpython * scale, r.note);
    }
}

/// The `.py` files of the CPython `Lib/` that `/usr/bin/python3.11` uses, without
/// site-packages/dist-packages, written one per line to a scratch file.
fn write_lib_list(root: &Path) -> Result<(PathBuf, usize), String> {
    let out = Command::new(CPYTHON)
        .args(["-I", "-S", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .current_dir(root)
        .output()
        .map_err(|e| e.to_string())?;
    let lib = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut files = Vec::new();
    collect_py(&lib, &mut files);
    files.sort();
    let path = scratch("lib-files.txt");
    let text: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    std::fs::write(&path, text).map_err(|e| e.to_string())?;
    Ok((path, files.len()))
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        match entry.file_type() {
            Ok(t) if t.is_dir() && !matches!(name.as_str(), "site-packages" | "dist-packages" | "__pycache__") => {
                collect_py(&path, out);
            }
            Ok(t) if t.is_file() && name.ends_with(".py") => out.push(path),
            _ => {}
        }
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut runs = 3usize;
    let mut names = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--runs" {
            runs = it.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0).ok_or("--runs needs a positive number")?;
        } else {
            names.push(arg.clone());
        }
    }
    let root = repo_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("bench: building pyrite (profile dist)...");
    let status = Command::new(cargo)
        .args(["build", "--profile", "dist", "-p", "pyrite"])
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cargo: {e}"))?;
    if !status.success() {
        return Err("cargo build --profile dist -p pyrite failed".into());
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let target = if target.is_absolute() { target } else { root.join(target) };
    let pyrite = target.join("dist/pyrite");

    let mut benches: Vec<String> = std::fs::read_dir(root.join("bench"))
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".py").map(str::to_string))
        .filter(|n| n != "compile_lib" && !n.starts_with('_'))
        .filter(|n| names.is_empty() || names.iter().any(|want| n.contains(want.as_str())))
        .collect();
    benches.sort();

    println!("## pyrite vs CPython 3.11 ({CPYTHON})\n");
    println!("Median wall time of {runs} alternating runs; outputs (checksums) compared.");
    let mut rows = Vec::new();
    for name in &benches {
        eprintln!("bench: {name}");
        let script = format!("bench/{name}.py");
        rows.push(compare(name, &pyrite, &[script.as_str()], runs, &root)?);
    }
    if !rows.is_empty() {
        print_table("Workloads", "s", &rows);
        let ratios: Vec<f64> = rows.iter().filter_map(|r| r.pyrite.map(|p| p / r.cpython)).collect();
        if ratios.is_empty() {
            println!("\nGeometric mean: — (pyrite ran none of the benchmarks correctly)");
        } else {
            let geo = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
            println!(
                "\nGeometric mean of pyrite / CPython over {} of {} benchmarks: **{geo:.2}**",
                ratios.len(),
                rows.len()
            );
        }
    }

    if names.is_empty() || names.iter().any(|n| n == "startup") {
        eprintln!("bench: start-up");
        let row = compare("`-I -S -c pass`", &pyrite, &["-I", "-S", "-c", "pass"], STARTUP_RUNS, &root)?;
        print_table(&format!("Start-up (median of {STARTUP_RUNS})"), "ms", &[row]);
    }
    if names.is_empty() || names.iter().any(|n| n == "compile_lib") {
        eprintln!("bench: compile_lib");
        let (list, count) = write_lib_list(&root)?;
        let list_arg = list.to_string_lossy().into_owned();
        let row = compare(
            &format!("compile {count} files of Lib/"),
            &pyrite,
            &["bench/compile_lib.py", list_arg.as_str()],
            runs,
            &root,
        );
        let _ = std::fs::remove_file(&list);
        print_table("Compiling CPython's Lib/ (one process each)", "s", &[row?]);
    }
    Ok(())
}
