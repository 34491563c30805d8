//! End-to-end tests of the bytecode cache: `__pycache__/NAME.pyrite-311.pyc`
//! for the main script and imported modules, reuse while the source is
//! unchanged, recompilation of stale or damaged files, the switches that
//! disable writing, and stability across hash seeds. Cache activity is
//! observed through `PYRITE_TRACE_CACHE=1`, which makes pyrite report each
//! hit, miss and write on stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh empty directory for one test.
fn temp_dir(tag: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let d = std::env::temp_dir().join(format!("pyrite-cache-{}-{}-{}", tag, std::process::id(), n));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("create temp dir");
    d
}

fn write(p: &Path, text: &str) {
    std::fs::write(p, text).expect("write file");
}

/// Runs pyrite on `script` in `dir` with cache tracing on and
/// PYTHONDONTWRITEBYTECODE removed (these machines set it).
fn run(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pyrite"));
    c.current_dir(dir).args(args).env_remove("PYTHONDONTWRITEBYTECODE").env("PYRITE_TRACE_CACHE", "1");
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().expect("run pyrite")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn pyc(dir: &Path, stem: &str) -> PathBuf {
    dir.join("__pycache__").join(format!("{}.pyrite-311.pyc", stem))
}

fn setup(tag: &str) -> PathBuf {
    let d = temp_dir(tag);
    write(&d.join("main.py"), "import helper\nprint('main', helper.VALUE)\n");
    write(&d.join("helper.py"), "VALUE = 'fortytwo'\n");
    d
}

#[test]
fn pyc_written_for_main_and_imported_modules_and_reused() {
    let d = setup("reuse");
    let o = run(&d, &["main.py"], &[]);
    assert_eq!(stdout(&o), "main fortytwo\n", "stderr: {}", stderr(&o));
    assert!(pyc(&d, "main").is_file());
    assert!(pyc(&d, "helper").is_file());
    assert!(stderr(&o).contains("wrote"), "{}", stderr(&o));
    let before = std::fs::read(pyc(&d, "helper")).expect("read pyc");
    let mtime = std::fs::metadata(pyc(&d, "helper")).and_then(|m| m.modified()).expect("mtime");
    let o = run(&d, &["main.py"], &[]);
    assert_eq!(stdout(&o), "main fortytwo\n");
    let err = stderr(&o);
    assert!(err.contains("hit") && err.contains("helper.pyrite-311.pyc") && err.contains("main.pyrite-311.pyc"), "{}", err);
    assert!(!err.contains("miss") && !err.contains("wrote"), "{}", err);
    assert_eq!(std::fs::read(pyc(&d, "helper")).expect("read pyc"), before);
    assert_eq!(std::fs::metadata(pyc(&d, "helper")).and_then(|m| m.modified()).expect("mtime"), mtime);
}

#[test]
fn changed_source_is_recompiled_and_rewritten() {
    let d = setup("stale");
    run(&d, &["main.py"], &[]);
    let before = std::fs::read(pyc(&d, "helper")).expect("read pyc");
    write(&d.join("helper.py"), "VALUE = 'changed and longer'\n");
    let o = run(&d, &["main.py"], &[]);
    assert_eq!(stdout(&o), "main changed and longer\n", "{}", stderr(&o));
    assert!(stderr(&o).contains("miss"), "{}", stderr(&o));
    assert_ne!(std::fs::read(pyc(&d, "helper")).expect("read pyc"), before);
    let o = run(&d, &["main.py"], &[]);
    assert_eq!(stdout(&o), "main changed and longer\n");
    assert!(!stderr(&o).contains("miss"), "{}", stderr(&o));
}

#[test]
fn switches_that_disable_writing() {
    let d = setup("dontwrite");
    let o = run(&d, &["-B", "main.py"], &[]);
    assert_eq!(stdout(&o), "main fortytwo\n");
    assert!(!d.join("__pycache__").exists());
    let o = run(&d, &["main.py"], &[("PYTHONDONTWRITEBYTECODE", "1")]);
    assert_eq!(stdout(&o), "main fortytwo\n");
    assert!(!d.join("__pycache__").exists());
    // sys.dont_write_bytecode is checked at each import.
    write(&d.join("main2.py"), "import sys\nsys.dont_write_bytecode = True\nimport helper\nprint(helper.VALUE)\n");
    let o = run(&d, &["main2.py"], &[]);
    assert_eq!(stdout(&o), "fortytwo\n", "{}", stderr(&o));
    assert!(!pyc(&d, "helper").exists());
}

#[test]
fn damaged_pyc_is_recompiled_and_rewritten() {
    let d = setup("damaged");
    run(&d, &["main.py"], &[]);
    let good = std::fs::read(pyc(&d, "helper")).expect("read pyc");
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0xff;
    let mut flipped_end = good.clone();
    if let Some(b) = flipped_end.last_mut() {
        *b ^= 0x55;
    }
    let damaged: Vec<Vec<u8>> = vec![
        good[..good.len() / 2].to_vec(),
        good[..5].to_vec(),
        Vec::new(),
        flipped,
        flipped_end,
        b"garbage garbage garbage garbage garbage garbage".to_vec(),
        vec![0xff; 4096],
    ];
    for bytes in damaged {
        std::fs::write(pyc(&d, "helper"), &bytes).expect("write pyc");
        let o = run(&d, &["main.py"], &[]);
        assert_eq!(stdout(&o), "main fortytwo\n", "stderr: {}", stderr(&o));
        assert_eq!(o.status.code(), Some(0));
        assert!(stderr(&o).contains("miss"), "{}", stderr(&o));
        assert_eq!(std::fs::read(pyc(&d, "helper")).expect("read pyc"), good);
    }
}

#[test]
fn unwritable_pycache_is_not_an_error() {
    let d = setup("unwritable");
    // A regular file where the directory should be: nothing can be written.
    write(&d.join("__pycache__"), "not a directory");
    let o = run(&d, &["main.py"], &[]);
    assert_eq!(stdout(&o), "main fortytwo\n", "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
    let o = run(&d, &["main.py"], &[]);
    assert_eq!(stdout(&o), "main fortytwo\n");
}

#[test]
fn pyc_is_identical_across_hash_seeds() {
    let d = temp_dir("seeds");
    let src = "S = {'alpha', 'beta', 'gamma', 'delta', 1, 2.5}\ndef f(x):\n    return x in {'p', 'q', 'r', 's', 't'}\nD = {'k': frozenset({'u', 'v', 'w'})}\nprint(len(S), f('q'))\n";
    write(&d.join("m.py"), src);
    let mut outputs = Vec::new();
    for seed in ["0", "1", "12345", "4294967295"] {
        let _ = std::fs::remove_dir_all(d.join("__pycache__"));
        // Only the compiled file matters here, not the program's output.
        let o = run(&d, &["m.py"], &[("PYTHONHASHSEED", seed)]);
        assert!(stderr(&o).contains("wrote"), "{}", stderr(&o));
        outputs.push(std::fs::read(pyc(&d, "m")).expect("read pyc"));
    }
    for o in &outputs[1..] {
        assert_eq!(o, &outputs[0]);
    }
}

#[test]
fn cached_syntax_warning_is_shown_again() {
    let d = temp_dir("warning");
    write(&d.join("w.py"), "x = 5\nif x is 5:\n    print('same')\n");
    let first = run(&d, &["w.py"], &[]);
    let second = run(&d, &["w.py"], &[]);
    assert_eq!(stdout(&first), "same\n");
    assert_eq!(stdout(&second), "same\n");
    let strip = |s: String| s.lines().filter(|l| !l.starts_with("pyrite-cache:")).collect::<Vec<_>>().join("\n");
    let (e1, e2) = (strip(stderr(&first)), strip(stderr(&second)));
    assert!(e1.contains("SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?"), "{}", e1);
    assert_eq!(e1, e2);
    assert!(stderr(&second).contains("hit"), "{}", stderr(&second));
}
