//! `cache_path` agrees with CPython's `importlib.util.cache_from_source`
//! (expected values produced by python3 3.11 with
//! `sys.implementation.cache_tag = 'pyrite-311'`, and for the prefixed table
//! `sys.pycache_prefix = '/tmp/pfx/'` in cwd `/work`); `write_atomic` works.

mod common;

use pyrite_marshal::{cache_path, cache_path_with_prefix, write_atomic, CACHE_TAG};
use std::path::Path;

const PLAIN: &[(&str, u8, &str)] = &[
    ("foo.py", 0, "__pycache__/foo.pyrite-311.pyc"),
    ("foo.py", 1, "__pycache__/foo.pyrite-311.opt-1.pyc"),
    ("foo.py", 2, "__pycache__/foo.pyrite-311.opt-2.pyc"),
    ("dir/foo.py", 0, "dir/__pycache__/foo.pyrite-311.pyc"),
    ("dir/foo.py", 1, "dir/__pycache__/foo.pyrite-311.opt-1.pyc"),
    ("dir/foo.py", 2, "dir/__pycache__/foo.pyrite-311.opt-2.pyc"),
    (
        "/abs/dir/foo.py",
        0,
        "/abs/dir/__pycache__/foo.pyrite-311.pyc",
    ),
    (
        "/abs/dir/foo.py",
        1,
        "/abs/dir/__pycache__/foo.pyrite-311.opt-1.pyc",
    ),
    (
        "/abs/dir/foo.py",
        2,
        "/abs/dir/__pycache__/foo.pyrite-311.opt-2.pyc",
    ),
    ("a.b.c.py", 0, "__pycache__/a.b.c.pyrite-311.pyc"),
    ("a.b.c.py", 1, "__pycache__/a.b.c.pyrite-311.opt-1.pyc"),
    ("a.b.c.py", 2, "__pycache__/a.b.c.pyrite-311.opt-2.pyc"),
    ("noext", 0, "__pycache__/noextpyrite-311.pyc"),
    ("noext", 1, "__pycache__/noextpyrite-311.opt-1.pyc"),
    ("noext", 2, "__pycache__/noextpyrite-311.opt-2.pyc"),
    (".hidden", 0, "__pycache__/hidden.pyrite-311.pyc"),
    (".hidden", 1, "__pycache__/hidden.pyrite-311.opt-1.pyc"),
    (".hidden", 2, "__pycache__/hidden.pyrite-311.opt-2.pyc"),
    (
        "dir/.hidden.py",
        0,
        "dir/__pycache__/.hidden.pyrite-311.pyc",
    ),
    (
        "dir/.hidden.py",
        1,
        "dir/__pycache__/.hidden.pyrite-311.opt-1.pyc",
    ),
    (
        "dir/.hidden.py",
        2,
        "dir/__pycache__/.hidden.pyrite-311.opt-2.pyc",
    ),
    ("dir//foo.py", 0, "dir/__pycache__/foo.pyrite-311.pyc"),
    ("dir//foo.py", 1, "dir/__pycache__/foo.pyrite-311.opt-1.pyc"),
    ("dir//foo.py", 2, "dir/__pycache__/foo.pyrite-311.opt-2.pyc"),
    ("/foo.py", 0, "__pycache__/foo.pyrite-311.pyc"),
    ("/foo.py", 1, "__pycache__/foo.pyrite-311.opt-1.pyc"),
    ("/foo.py", 2, "__pycache__/foo.pyrite-311.opt-2.pyc"),
    (
        "x/y/__init__.py",
        0,
        "x/y/__pycache__/__init__.pyrite-311.pyc",
    ),
    (
        "x/y/__init__.py",
        1,
        "x/y/__pycache__/__init__.pyrite-311.opt-1.pyc",
    ),
    (
        "x/y/__init__.py",
        2,
        "x/y/__pycache__/__init__.pyrite-311.opt-2.pyc",
    ),
    ("pkg/mod.pyw", 0, "pkg/__pycache__/mod.pyrite-311.pyc"),
    ("pkg/mod.pyw", 1, "pkg/__pycache__/mod.pyrite-311.opt-1.pyc"),
    ("pkg/mod.pyw", 2, "pkg/__pycache__/mod.pyrite-311.opt-2.pyc"),
    ("dir.d/file", 0, "dir.d/__pycache__/filepyrite-311.pyc"),
    (
        "dir.d/file",
        1,
        "dir.d/__pycache__/filepyrite-311.opt-1.pyc",
    ),
    (
        "dir.d/file",
        2,
        "dir.d/__pycache__/filepyrite-311.opt-2.pyc",
    ),
];
const PREFIXED: &[(&str, u8, &str)] = &[
    ("foo.py", 0, "/tmp/pfx/work/foo.pyrite-311.pyc"),
    ("foo.py", 2, "/tmp/pfx/work/foo.pyrite-311.opt-2.pyc"),
    ("dir/foo.py", 0, "/tmp/pfx/work/dir/foo.pyrite-311.pyc"),
    (
        "dir/foo.py",
        2,
        "/tmp/pfx/work/dir/foo.pyrite-311.opt-2.pyc",
    ),
    ("/abs/dir/foo.py", 0, "/tmp/pfx/abs/dir/foo.pyrite-311.pyc"),
    (
        "/abs/dir/foo.py",
        2,
        "/tmp/pfx/abs/dir/foo.pyrite-311.opt-2.pyc",
    ),
    ("/foo.py", 0, "/tmp/pfx/work/foo.pyrite-311.pyc"),
    ("/foo.py", 2, "/tmp/pfx/work/foo.pyrite-311.opt-2.pyc"),
    ("a//b.py", 0, "/tmp/pfx/work/a/b.pyrite-311.pyc"),
    ("a//b.py", 2, "/tmp/pfx/work/a/b.pyrite-311.opt-2.pyc"),
];

#[test]
fn cache_paths_match_cpython() {
    assert_eq!(CACHE_TAG, "pyrite-311");
    for &(src, opt, want) in PLAIN {
        assert_eq!(
            cache_path(Path::new(src), opt).unwrap(),
            Path::new(want),
            "{src} -O{opt}"
        );
    }
}

#[test]
fn prefixed_cache_paths_match_cpython() {
    for &(src, opt, want) in PREFIXED {
        let got = cache_path_with_prefix(
            Path::new(src),
            opt,
            Path::new("/tmp/pfx/"),
            Path::new("/work"),
        )
        .unwrap();
        assert_eq!(got, Path::new(want), "{src} -O{opt}");
    }
}

#[test]
fn no_file_name_gives_none() {
    assert_eq!(cache_path(Path::new(""), 0), None);
    assert_eq!(cache_path(Path::new("dir/"), 0), None);
}

#[test]
fn write_atomic_creates_pycache_and_replaces() {
    let root = std::env::temp_dir().join(format!("pyrite_marshal_test_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let target = cache_path(&root.join("mod.py"), 0).unwrap();
    assert!(target.ends_with("__pycache__/mod.pyrite-311.pyc"));
    write_atomic(&target, b"first").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"first");
    write_atomic(&target, b"second, longer").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"second, longer");
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // Writers racing on one target: every reader sees a whole file.
    let handles: Vec<_> = (0..4u8)
        .map(|t| {
            let target = target.clone();
            std::thread::spawn(move || {
                for _ in 0..50 {
                    write_atomic(&target, &[t; 4096]).unwrap();
                    let got = std::fs::read(&target).unwrap();
                    assert_eq!(got.len(), 4096);
                    assert!(got.iter().all(|&b| b == got[0]));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(
        std::fs::read_dir(target.parent().unwrap()).unwrap().count(),
        1
    );
    // Errors are reported, not panicked: the parent is a file.
    let blocked = root.join("file");
    std::fs::write(&blocked, b"x").unwrap();
    assert!(write_atomic(&blocked.join("__pycache__").join("a.pyc"), b"x").is_err());
    std::fs::remove_dir_all(&root).unwrap();
}

/// Expected values from CPython: `int(os.stat(p).st_mtime) & 0xFFFFFFFF` after
/// `os.utime(p, ns=(0, T))` for each T below, and `st_size & 0xFFFFFFFF`.
#[test]
fn source_stamp_truncates_like_cpython() {
    use pyrite_marshal::SourceStamp;
    use std::time::{Duration, UNIX_EPOCH};
    let path = std::env::temp_dir().join(format!("pyrite_marshal_stamp_{}", std::process::id()));
    std::fs::write(&path, b"abc").unwrap();
    let cases = [
        (
            UNIX_EPOCH + Duration::from_nanos(1_700_000_000_500_000_000),
            1_700_000_000u32,
        ),
        (
            UNIX_EPOCH - Duration::from_nanos(1_500_000_000),
            4_294_967_295,
        ),
        (UNIX_EPOCH + Duration::from_secs(5_000_000_000), 705_032_704),
    ];
    for (t, want) in cases {
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(t)
            .unwrap();
        let stamp = SourceStamp::from_metadata(&std::fs::metadata(&path).unwrap());
        assert_eq!(
            stamp,
            SourceStamp {
                mtime: want,
                size: 3
            },
            "{t:?}"
        );
    }
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn load_and_store_cached() {
    use pyrite_marshal::*;
    let root = std::env::temp_dir().join(format!("pyrite_marshal_cached_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let source = root.join("m1.py");
    std::fs::write(&source, b"x = 1\n").unwrap();
    let pyc = cache_path(&source, 0).unwrap();
    assert!(matches!(
        load_cached(&source, &pyc, "m1.py"),
        Err(MarshalError::Io(std::io::ErrorKind::NotFound))
    ));
    let stamp = SourceStamp::from_metadata(&std::fs::metadata(&source).unwrap());
    let code = common::module();
    let warnings = [StoredWarning {
        category: "SyntaxWarning".into(),
        msg: "w".into(),
        lineno: 1,
    }];
    store_cached(&pyc, &code, &warnings, stamp).unwrap();
    let (got, w) = load_cached(&source, &pyc, "/moved/m1.py").unwrap();
    assert_eq!(got.filename, "/moved/m1.py");
    assert_eq!(w, warnings);
    // A different size makes it stale.
    std::fs::write(&source, b"x = 12\n").unwrap();
    assert_eq!(
        load_cached(&source, &pyc, "m1.py").unwrap_err(),
        MarshalError::Stale
    );
    // Checked hash-based files follow the source's contents.
    let h = Validation::Hash {
        source_hash: source_hash(b"x = 12\n"),
        check_source: true,
    };
    write_atomic(&pyc, &encode_pyc_with(&code, &[], h)).unwrap();
    assert!(load_cached(&source, &pyc, "m1.py").is_ok());
    std::fs::write(&source, b"x = 13\n").unwrap();
    assert_eq!(
        load_cached(&source, &pyc, "m1.py").unwrap_err(),
        MarshalError::Stale
    );
    std::fs::remove_dir_all(&root).unwrap();
}
