//! Robustness: every prefix and many one-character mutations of the corpus
//! files (and of a few Lib/ files) must give an error or an AST, never a
//! panic. Deterministic: no randomness, so failures reproduce.

use pyrite_compiler::{decode_source, parse::parse, Mode};
use std::path::Path;

fn check_all(sources: Vec<(String, String)>) {
    let h = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut n = 0usize;
            for (name, src) in &sources {
                let chars: Vec<(usize, char)> = src.char_indices().collect();
                let muts = ["", "(", ")", "[", "'", "\"", ":", "=", "\\", "\t", " ", "\n", "*", "f'", "{", "}", "#", "lambda", "@", ","];
                for (k, &(pos, c)) in chars.iter().enumerate() {
                    let mut variants = vec![src[..pos].to_string()];
                    if k % 3 == 0 {
                        for m in muts {
                            variants.push(format!("{}{}{}", &src[..pos], m, &src[pos + c.len_utf8()..]));
                        }
                    }
                    for v in variants {
                        for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
                            let r = std::panic::catch_unwind(|| {
                                let _ = parse(&v, mode);
                            });
                            assert!(r.is_ok(), "panic on a variant of {name} ({mode:?}): {v:?}");
                            n += 1;
                        }
                    }
                }
            }
            n
        })
        .expect("spawn");
    let n = h.join().expect("no panic");
    println!("{n} variants parsed without panicking");
}

#[test]
fn corpus_mutations_do_not_panic() {
    // `$SYNTAX_FUZZ_DIR` points the same check at another directory of sources.
    let dir = std::env::var_os("SYNTAX_FUZZ_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/syntax"));
    let mut names: Vec<_> = std::fs::read_dir(&dir).expect("corpus").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.sort();
    let mut sources = Vec::new();
    for p in names {
        if p.extension().is_some_and(|e| e == "py") {
            let bytes = std::fs::read(&p).unwrap_or_default();
            if bytes.len() > 2000 {
                continue;
            }
            if let Ok(s) = decode_source(&bytes) {
                sources.push((p.display().to_string(), s));
            }
        }
    }
    check_all(sources);
}
