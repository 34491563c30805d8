//! `cargo xtask bless-syntax`: records CPython 3.11's verdict (exception type,
//! message, line, offset) for every file of the syntax-error corpus
//! (`tests/syntax/*.py` -> `tests/syntax/expected.txt`) and for every `.py` file
//! of CPython's own `Lib/` (rejected files only -> `tests/syntax/lib_verdicts.txt`).
//!
//! Verdicts are those of `compile(source_bytes, name, 'exec')`, i.e. what an
//! `import` of the file reports (`'eval'` for `*.eval.py`, `'single'` for
//! `*.single.py`). The work is done by a small Python snippet run
//! by `python3` (the oracle); this file only drives it. The `enc_*` files are
//! also run as scripts (`python3 FILE`), whose file tokenizer words decoding
//! errors differently -> `tests/syntax/script_expected.txt` (the file's path
//! is written `{file}`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The snippet: argv = [mode, root, out]; mode is `corpus` or `lib`.
/// Each verdict line: `name<TAB>type<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>end_offset<TAB>msg`
/// (`OK` as the type for accepted files; `None` for absent numbers).
const SNIPPET: &str = r#"
import os, sys, warnings
warnings.simplefilter('ignore')
mode, root, out = sys.argv[1], sys.argv[2], sys.argv[3]
def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
def verdict(path, name):
    with open(path, 'rb') as f:
        src = f.read()
    mode = 'eval' if name.endswith('.eval.py') else 'single' if name.endswith('.single.py') else 'exec'
    try:
        compile(src, name, mode, dont_inherit=True)
        return None
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError) as e:
        msg = e.msg if isinstance(e, SyntaxError) else str(e)
        f = lambda a: str(getattr(e, a, None))
        return '\t'.join([name, type(e).__name__, f('lineno'), f('offset'), f('end_lineno'), f('end_offset'), esc(str(msg))])
lines = []
if mode == 'script':
    import subprocess, re
    names = sorted(n for n in os.listdir(root) if n.endswith('.py') and n.startswith('enc_'))
    for n in names:
        path = os.path.abspath(os.path.join(root, n))
        r = subprocess.run([sys.executable, path], capture_output=True, text=True, errors='replace', timeout=60)
        err = r.stderr.rstrip().splitlines()
        last = err[-1] if err else ''
        m = re.match(r'^(\w+): (.*)$', last)
        if r.returncode == 0 or not m or m.group(1) not in ('SyntaxError', 'IndentationError', 'TabError'):
            lines.append('\t'.join([n, 'OK', 'None', 'None', 'None', 'None', '']))
            continue
        lineno = 'None'
        for l in err:
            mm = re.match(r'^  File "(.*)", line (\d+)', l)
            if mm:
                lineno = mm.group(2)
        msg = m.group(2).replace(path, '{file}')
        lines.append('\t'.join([n, m.group(1), lineno, 'None', 'None', 'None', esc(msg)]))
elif mode == 'corpus':
    names = sorted(n for n in os.listdir(root) if n.endswith('.py'))
    for n in names:
        v = verdict(os.path.join(root, n), n)
        lines.append(v if v is not None else '\t'.join([n, 'OK', 'None', 'None', 'None', 'None', '']))
else:
    total = 0
    for dp, dns, fns in os.walk(root):
        dns[:] = sorted(d for d in dns if d not in ('site-packages', '__pycache__'))
        for fn in sorted(fns):
            if not fn.endswith('.py'):
                continue
            total += 1
            p = os.path.join(dp, fn)
            v = verdict(p, os.path.relpath(p, root))
            if v is not None:
                lines.append(v)
    lines.insert(0, '# total %d files, %d rejected' % (total, len(lines)))
with open(out, 'w', encoding='utf-8', newline='\n') as f:
    f.write('\n'.join(lines) + '\n')
print('%s: %d lines -> %s' % (mode, len(lines), out))
"#;

/// Runs the blessing. No arguments.
pub fn run(_args: &[String]) -> Result<(), String> {
    let repo = repo_root()?;
    let corpus = repo.join("tests/syntax");
    run_snippet("corpus", &corpus, &corpus.join("expected.txt"))?;
    run_snippet("script", &corpus, &corpus.join("script_expected.txt"))?;
    let lib = stdlib_dir()?;
    run_snippet("lib", Path::new(&lib), &corpus.join("lib_verdicts.txt"))
}

fn repo_root() -> Result<PathBuf, String> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).ok_or_else(|| "no repository root".to_string())
}

fn stdlib_dir() -> Result<String, String> {
    let out = Command::new("python3")
        .args(["-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"])
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if !out.status.success() {
        return Err("python3 could not report its stdlib path".into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn run_snippet(mode: &str, root: &Path, out: &Path) -> Result<(), String> {
    let status = Command::new("python3")
        .arg("-c")
        .arg(SNIPPET)
        .arg(mode)
        .arg(root)
        .arg(out)
        .status()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("python3 failed while blessing {mode}"))
    }
}
