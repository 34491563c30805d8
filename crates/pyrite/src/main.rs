//! `pyrite`: the python3-compatible command line. Parses CPython's options,
//! builds a `Vm` and runs a file, `-c`, `-m` or stdin on a thread with a large
//! stack (deep recursion in Rust is guarded, never overflowing).

mod alloc;

use std::process::ExitCode;

#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

/// Native stack for the interpreter thread.
const STACK_SIZE: usize = 512 * 1024 * 1024;

const USAGE: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (a subset of python3's):
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-OO    : do -O changes and also discard docstrings
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-v     : verbose (trace import statements)
-V     : print the Python version number and exit (also --version)
-W arg : warning control
-X opt : set implementation-specific option; -X pyrite_trace_cache reports
         bytecode cache hits, misses and writes on stderr (also
         PYRITE_TRACE_CACHE=1)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// What to run.
enum Target {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

/// CPython's two-line hint after a command-line error.
fn usage_hint(args: &[String]) -> String {
    let prog = args.first().map(String::as_str).unwrap_or("pyrite");
    format!("usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n", prog)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let child = std::thread::Builder::new()
        .name("pyrite-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || real_main(args));
    let code = match child {
        Ok(h) => h.join().unwrap_or(1),
        Err(_) => {
            eprintln!("Fatal Python error: cannot start the interpreter thread");
            1
        }
    };
    ExitCode::from((code & 0xff) as u8)
}

fn real_main(args: Vec<String>) -> i32 {
    pyrite_vm::stack::init(STACK_SIZE);
    let mut config = pyrite_vm::Config {
        executable: std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default(),
        ..Default::default()
    };
    let mut i = 1;
    let mut target = None;
    while i < args.len() {
        let a = &args[i];
        if a == "-" {
            target = Some(Target::Stdin);
            i += 1;
            break;
        }
        if a == "--help" {
            print!("{}", USAGE);
            return 0;
        }
        if a == "--version" {
            println!("Python 3.11.7");
            return 0;
        }
        if a == "--" {
            i += 1;
            break;
        }
        if a.starts_with("--") {
            eprintln!("unknown option {}", a);
            eprint!("{}", usage_hint(&args));
            return 2;
        }
        if !a.starts_with('-') || a.len() < 2 {
            break;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            let rest: String = chars[j + 1..].iter().collect();
            match c {
                'c' | 'm' | 'W' | 'X' => {
                    let val = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v.clone(),
                            None => {
                                eprintln!("Argument expected for the -{} option", c);
                                eprint!("{}", usage_hint(&args));
                                return 2;
                            }
                        }
                    };
                    match c {
                        'c' => target = Some(Target::Command(val)),
                        'm' => target = Some(Target::Module(val)),
                        'W' => config.warnoptions.push(val),
                        _ => config.xoptions.push(val),
                    }
                    j = chars.len();
                    continue;
                }
                'B' => config.dont_write_bytecode = true,
                'E' => config.ignore_environment = true,
                'I' => {
                    config.isolated = true;
                    config.ignore_environment = true;
                }
                'S' => config.no_site = true,
                's' | 'q' | 'b' | 'd' | 'R' => {}
                'u' => config.unbuffered = true,
                'v' => config.verbose += 1,
                'O' => config.optimize = config.optimize.saturating_add(1).min(2),
                'i' => config.interactive = true,
                'h' | '?' => {
                    print!("{}", USAGE);
                    return 0;
                }
                'V' => {
                    // -VV prints the full version string.
                    if chars[j + 1..].contains(&'V') || args.get(i + 1).map(|n| n == "-V").unwrap_or(false) {
                        println!("Python {}", pyrite_vm::modules::sys::VERSION);
                    } else {
                        println!("Python 3.11.7");
                    }
                    return 0;
                }
                _ => {
                    eprintln!("Unknown option: -{}", c);
                    eprint!("{}", usage_hint(&args));
                    return 2;
                }
            }
            j += 1;
        }
        i += 1;
        if target.is_some() {
            break;
        }
    }
    let target = match target {
        Some(t) => t,
        None if i < args.len() => {
            let t = Target::File(args[i].clone());
            i += 1;
            t
        }
        None => Target::Stdin,
    };
    let rest: Vec<String> = args[i.min(args.len())..].to_vec();
    let env = |name: &str| -> Option<String> {
        if config.ignore_environment {
            None
        } else {
            std::env::var(name).ok().filter(|v| !v.is_empty())
        }
    };
    if env("PYTHONDONTWRITEBYTECODE").is_some() {
        config.dont_write_bytecode = true;
    }
    if env("PYTHONUNBUFFERED").is_some() {
        config.unbuffered = true;
    }
    if let Some(p) = env("PYTHONPATH") {
        config.pythonpath = p.split(':').filter(|s| !s.is_empty()).map(String::from).collect();
    }
    if let Some(o) = env("PYTHONOPTIMIZE") {
        let n = o.parse::<u8>().unwrap_or(1);
        config.optimize = config.optimize.max(n.min(2));
    }
    let seed = match env("PYTHONHASHSEED") {
        Some(s) if s == "random" => None,
        Some(s) => match s.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                eprintln!("Fatal Python error: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]");
                return 1;
            }
        },
        None => None,
    };
    pyrite_vm::hash::init_secret(seed);
    config.stdlib = pyrite_vm::run::find_stdlib(env("PYRITE_STDLIB"));
    match &target {
        Target::File(f) => {
            config.argv = std::iter::once(f.clone()).chain(rest).collect();
            // A directory (run through its __main__.py) is itself sys.path[0].
            let fp = std::path::Path::new(f);
            let dir_of = if fp.is_dir() { Some(fp) } else { fp.parent() };
            config.path0 = Some(
                dir_of
                    .map(|p| {
                        let s = p.display().to_string();
                        let s = if s.is_empty() { ".".to_string() } else { s };
                        std::fs::canonicalize(&s).map(|c| c.display().to_string()).unwrap_or(s)
                    })
                    .unwrap_or_default(),
            );
        }
        Target::Command(_) => {
            config.argv = std::iter::once("-c".to_string()).chain(rest).collect();
            config.path0 = Some(String::new());
        }
        Target::Module(m) => {
            config.argv = std::iter::once(m.clone()).chain(rest).collect();
            config.path0 = std::env::current_dir().ok().map(|p| p.display().to_string());
        }
        Target::Stdin => {
            config.argv = std::iter::once(if rest.is_empty() { String::new() } else { "-".to_string() }).chain(rest).collect();
            config.path0 = Some(String::new());
        }
    }
    if config.isolated {
        config.path0 = None;
    }
    pyrite_vm::run::install_sigint_handler();
    let mut vm = pyrite_vm::Vm::new(config);
    let status = match target {
        Target::File(f) => pyrite_vm::run::run_file(&mut vm, &f),
        Target::Command(c) => pyrite_vm::run::run_command(&mut vm, &c),
        Target::Module(m) => pyrite_vm::run::run_module(&mut vm, &m),
        Target::Stdin => pyrite_vm::run::run_stdin(&mut vm),
    };
    pyrite_vm::run::finalize(&mut vm);
    status
}
