//! Project automation: `cargo xtask <command>`.
//!
//! - `bless [FILTER]`: record CPython 3.11's stdout, stderr and exit status for
//!   `tests/programs/**.py`.
//! - `bless-syntax`: record CPython's verdicts for the syntax-error corpus and
//!   for every file of CPython's `Lib/`.
//! - `pending [--from RESULTS]`: rewrite `tests/programs/pending.txt` to the failing set
//!   (only to establish the list, never to hide a regression).
//! - `bench [--runs N] [NAME...]`: run `bench/` under pyrite and `/usr/bin/python3.11`, print ratios.

mod bench;
mod bless;
mod syntax;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = &args[args.len().min(1)..];
    let result = match args.first().map(String::as_str) {
        Some("bless") => bless::run(rest),
        Some("bless-syntax") => syntax::run(rest),
        Some("pending") => bless::pending(rest),
        Some("bench") => bench::run(rest),
        _ => {
            eprintln!("usage: cargo xtask (bless [FILTER] | bless-syntax | pending [--from FILE] | bench [--runs N] [NAME...])");
            std::process::exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}
