//! Where a source file's `.pyc` lives, and how it is written.
//! CPython: `cache_from_source` and `_write_atomic` in
//! `Lib/importlib/_bootstrap_external.py`; the path arithmetic is the same
//! string arithmetic, on raw path bytes, with `/` as the only separator
//! (POSIX). Windows drive handling is not modelled.

use crate::CACHE_TAG;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(unix)]
fn to_bytes(p: &Path) -> Option<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    Some(p.as_os_str().as_bytes().to_vec())
}

#[cfg(not(unix))]
fn to_bytes(p: &Path) -> Option<Vec<u8>> {
    p.to_str().map(|s| s.as_bytes().to_vec())
}

#[cfg(unix)]
fn from_bytes(b: Vec<u8>) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    Some(PathBuf::from(OsString::from_vec(b)))
}

#[cfg(not(unix))]
fn from_bytes(b: Vec<u8>) -> Option<PathBuf> {
    String::from_utf8(b)
        .ok()
        .map(|s| PathBuf::from(OsString::from(s)))
}

/// `_path_split`: (everything before the last `/`, everything after it).
fn path_split(p: &[u8]) -> (&[u8], &[u8]) {
    match p.iter().rposition(|&b| b == b'/') {
        Some(i) => (&p[..i], &p[i + 1..]),
        None => (&[], p),
    }
}

/// POSIX `_path_join`: the non-empty parts, each without trailing `/`, joined by `/`.
fn path_join(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut first = true;
    for part in parts.iter().filter(|p| !p.is_empty()) {
        if !first {
            out.push(b'/');
        }
        first = false;
        let end = part.iter().rposition(|&b| b != b'/').map_or(0, |i| i + 1);
        out.extend_from_slice(&part[..end]);
    }
    out
}

/// `NAME.pyrite-311[.opt-N].pyc` for the file name `tail`, as CPython builds it:
/// `base, sep, rest = tail.rpartition('.')`, then `(base or rest) + sep + tag`.
fn cache_file_name(tail: &[u8], optimize: u8) -> Vec<u8> {
    let mut name = match tail.iter().rposition(|&b| b == b'.') {
        Some(0) => tail[1..].to_vec(),
        Some(i) => tail[..i].to_vec(),
        None => tail.to_vec(),
    };
    if tail.contains(&b'.') {
        name.push(b'.');
    }
    name.extend_from_slice(CACHE_TAG.as_bytes());
    if optimize != 0 {
        name.extend_from_slice(format!(".opt-{optimize}").as_bytes());
    }
    name.extend_from_slice(b".pyc");
    name
}

/// The `.pyc` path of `source` for optimisation level `optimize` (0, 1 for
/// `-O`, 2 for `-OO`): `DIR/__pycache__/NAME.pyrite-311[.opt-N].pyc`, as
/// `importlib.util.cache_from_source`. `None` if `source` names no file (it is
/// empty or ends with `/`) or is not representable.
pub fn cache_path(source: &Path, optimize: u8) -> Option<PathBuf> {
    let src = to_bytes(source)?;
    let (head, tail) = path_split(&src);
    if tail.is_empty() {
        return None;
    }
    let file = cache_file_name(tail, optimize);
    from_bytes(path_join(&[head, b"__pycache__", &file]))
}

/// `cache_path` under `sys.pycache_prefix` (`-X pycache_prefix`,
/// `PYTHONPYCACHEPREFIX`): `PREFIX/ABSOLUTE_SOURCE_DIR/NAME.pyrite-311.pyc`,
/// where a relative source directory is first made absolute with `cwd`.
pub fn cache_path_with_prefix(
    source: &Path,
    optimize: u8,
    prefix: &Path,
    cwd: &Path,
) -> Option<PathBuf> {
    let src = to_bytes(source)?;
    let (head, tail) = path_split(&src);
    if tail.is_empty() {
        return None;
    }
    let file = cache_file_name(tail, optimize);
    let mut head = head.to_vec();
    if head.first() != Some(&b'/') {
        head = path_join(&[&to_bytes(cwd)?, &head]);
    }
    let start = head.iter().position(|&b| b != b'/').unwrap_or(head.len());
    from_bytes(path_join(&[&to_bytes(prefix)?, &head[start..], &file]))
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically: to a new temporary file in the same
/// directory (named from the pid and a counter), then renamed over `path`, so
/// readers see the old file or the new one, never part of one. Creates the
/// parent directory (`__pycache__`) if missing. Not synced to disk.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(file_name) = path.file_name() else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "no file name",
        ));
    };
    std::fs::create_dir_all(&dir)?;
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut tmp_name = OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".{}.{}.tmp", std::process::id(), n));
    let tmp = dir.join(tmp_name);
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
