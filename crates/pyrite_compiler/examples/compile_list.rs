//! Compiles every file named in a list file (one path a line) the way `compile(bytes)` does;
//! with a second argument, prints a digest of every code object for comparing builds.
//! Used to profile the compiler alone (`valgrind --tool=callgrind`), with the allocator the
//! `pyrite` binary uses.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(list) = args.get(1).and_then(|p| std::fs::read_to_string(p).ok()) else {
        eprintln!("usage: compile_list FILE-LIST [dump]  (FILE-LIST: one .py path per line)");
        std::process::exit(2);
    };
    let dump = args.len() > 2;
    let (mut ok, mut bad) = (0, 0);
    for path in list.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("{path}: cannot read");
            bad += 1;
            continue;
        };
        let text = match pyrite_compiler::decode_source(&bytes) {
            Ok(t) => t,
            Err(_) => {
                bad += 1;
                continue;
            }
        };
        let offsets = pyrite_compiler::source::offsets_for(&bytes);
        match pyrite_compiler::compile_with_offsets(&text, path, pyrite_compiler::Mode::Exec, Default::default(), offsets) {
            Ok(out) => {
                ok += 1;
                if dump {
                    println!("{} {:?}", path, out.code);
                    for w in &out.warnings {
                        println!("{} warning {:?}", path, w);
                    }
                }
            }
            Err(e) => {
                bad += 1;
                if dump {
                    println!("{} {:?}", path, e);
                }
            }
        }
    }
    eprintln!("compiled {ok} failed {bad}");
}
