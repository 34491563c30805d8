//! Shared helpers for the compiler's tests: compile on a big-stack thread and
//! check the invariants every produced code object must satisfy.

#![allow(dead_code)]

use pyrite_bytecode::{CodeObject, Constant, Opcode};
use pyrite_compiler::{compile, CompileError, CompileOptions, CompileOutput, Mode};

/// Runs `f` on a thread with a large stack (as the binary runs the compiler).
pub fn big_stack<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|_| panic!("compiler panicked"))
}

/// What a compile-and-check run found.
pub enum Outcome {
    Ok { dis: String, warnings: Vec<String> },
    CompileError(CompileError),
    Invalid { why: String, dis: String },
}

/// Compiles `src` on a big stack, checks every code object, disassembles.
pub fn compile_check(src: String, filename: String, mode: Mode, opts: CompileOptions, want_dis: bool) -> Outcome {
    big_stack(move || match compile(&src, &filename, mode, opts) {
        Err(e) => Outcome::CompileError(e),
        Ok(CompileOutput { code, warnings }) => {
            let dis = if want_dis { pyrite_bytecode::dis::disassemble(&code) } else { String::new() };
            match check_all(&code) {
                Ok(()) => Outcome::Ok { dis, warnings: warnings.iter().map(|w| format!("{}:{}: {}", w.lineno, w.category, w.msg)).collect() },
                Err(why) => Outcome::Invalid { why, dis: pyrite_bytecode::dis::disassemble(&code) },
            }
        }
    })
}

/// Checks one code object; returns a description of the first violation.
pub fn check_code(code: &CodeObject) -> Result<(), String> {
    let n = code.code.len();
    if code.locations.len() != n {
        return Err(format!("{}: locations {} != code {}", code.qualname, code.locations.len(), n));
    }
    if n == 0 {
        return Err(format!("{}: empty code", code.qualname));
    }
    let mut prev_end = 0;
    for e in &code.exception_table {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Err(format!("{}: bad exception entry {:?}", code.qualname, e));
        }
        if e.start < prev_end {
            return Err(format!("{}: exception table overlaps/unsorted {:?}", code.qualname, e));
        }
        prev_end = e.end;
        if e.depth > code.stacksize {
            return Err(format!("{}: handler depth {} > stacksize {}", code.qualname, e.depth, code.stacksize));
        }
    }
    let ncells = code.ncells() as u32;
    // Decode operands (with EXTENDED_ARG) and check indices.
    let mut args = vec![0u32; n];
    let mut ext = 0u32;
    for (i, ins) in code.code.iter().enumerate() {
        let Some(op) = ins.opcode() else { return Err(format!("{}: bad opcode at {i}", code.qualname)) };
        let arg = (ext << 24) | ins.arg();
        args[i] = arg;
        ext = if op == Opcode::ExtendedArg { arg } else { 0 };
        use pyrite_bytecode::opcode::ArgKind;
        let ok = match op.arg_kind() {
            ArgKind::Const => (arg as usize) < code.consts.len(),
            ArgKind::Name => (arg as usize) < code.names.len(),
            ArgKind::GlobalName => ((arg >> 1) as usize) < code.names.len(),
            ArgKind::Local => (arg as usize) < code.varnames.len(),
            ArgKind::Cell => arg < ncells,
            ArgKind::Jump => (arg as usize) < n,
            _ => true,
        };
        if !ok {
            return Err(format!("{}: operand out of range at {i}: {} {}", code.qualname, op.name(), arg));
        }
        if op == Opcode::KwNames {
            if !matches!(code.consts.get(arg as usize), Some(Constant::Tuple(_))) {
                return Err(format!("{}: KW_NAMES const not a tuple", code.qualname));
            }
        }
    }
    if code.code.last().and_then(|i| i.opcode()).is_some_and(|o| !o.is_terminator()) {
        return Err(format!("{}: code falls off its end", code.qualname));
    }
    // Stack depth simulation over all paths, including exception handlers.
    let mut depth: Vec<Option<i64>> = vec![None; n];
    let mut work = vec![(0usize, 0i64)];
    let push = |depth: &mut Vec<Option<i64>>, work: &mut Vec<(usize, i64)>, at: usize, d: i64| -> Result<(), String> {
        if at >= n {
            return Err(format!("{}: flow past end at {at}", code.qualname));
        }
        match depth[at] {
            None => {
                depth[at] = Some(d);
                work.push((at, d));
                Ok(())
            }
            Some(x) if x != d => Err(format!("{}: inconsistent depth at {at}: {x} vs {d}", code.qualname)),
            _ => Ok(()),
        }
    };
    push(&mut depth, &mut work, 0, 0)?;
    while let Some((i, d)) = work.pop() {
        let op = code.code[i].opcode().unwrap();
        let arg = args[i];
        if let Some(h) = code.find_handler(i as u32) {
            let hd = h.depth as i64 + 1 + h.lasti as i64;
            if h.depth as i64 > d {
                return Err(format!("{}: handler depth {} > current depth {d} at {i}", code.qualname, h.depth));
            }
            if hd > code.stacksize as i64 {
                return Err(format!("{}: handler entry depth {hd} > stacksize at {i}", code.qualname));
            }
            push(&mut depth, &mut work, h.target as usize, hd)?;
        }
        let eff = op.stack_effect(arg, false).ok_or("bad effect")? as i64;
        let nd = d + eff;
        if nd < 0 {
            return Err(format!("{}: negative depth at {i} ({})", code.qualname, op.name()));
        }
        if nd > code.stacksize as i64 {
            return Err(format!("{}: depth {nd} > stacksize {} at {i}", code.qualname, code.stacksize));
        }
        if op.is_jump() {
            let jd = d + op.stack_effect(arg, true).ok_or("bad effect")? as i64;
            if jd < 0 || jd > code.stacksize as i64 {
                return Err(format!("{}: bad jump depth at {i}", code.qualname));
            }
            push(&mut depth, &mut work, arg as usize, jd)?;
        }
        if !op.is_terminator() {
            push(&mut depth, &mut work, i + 1, nd)?;
        }
    }
    Ok(())
}

/// Checks a code object and all nested ones.
pub fn check_all(code: &CodeObject) -> Result<(), String> {
    let mut err = Ok(());
    code.walk(&mut |c| {
        if err.is_ok() {
            err = check_code(c);
        }
    });
    err
}

fn py_str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(q);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// A Python-like repr of a constant (as the comparison script prints CPython's).
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(b) => if *b { "True".into() } else { "False".into() },
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => format!("F{f:?}"),
        Constant::Complex { re, im } => format!("({re}+{im}j)"),
        Constant::Str(s) => py_str_repr(&s.to_string_lossy()),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Constant::Tuple(t) | Constant::FrozenSet(t) => format!("T{}", t.len()),
        Constant::Code(c) => format!("<code {}>", c.name),
    }
}

/// One normalized line per instruction, comparable with CPython's `dis` output
/// after removing the instructions pyrite does not have.
pub fn normalized(code: &CodeObject) -> String {
    use pyrite_bytecode::opcode::ArgKind;
    let mut out = String::new();
    code.walk(&mut |c| {
        out.push_str(&format!("== {} {} {}\n", c.qualname, c.firstlineno, c.flags.0 & !0x100_0000));
        let mut ext = 0u32;
        let mut idx_map = Vec::new();
        let mut k = 0;
        for ins in &c.code {
            idx_map.push(k);
            if ins.opcode() != Some(Opcode::ExtendedArg) {
                k += 1;
            }
        }
        idx_map.push(k);
        let mut k = 0;
        for (i, ins) in c.code.iter().enumerate() {
            let Some(op) = ins.opcode() else { continue };
            let arg = (ext << 24) | ins.arg();
            if op == Opcode::ExtendedArg {
                ext = arg;
                continue;
            }
            ext = 0;
            let name = match op {
                Opcode::JumpForward | Opcode::JumpBackward => "JUMP",
                _ => op.name(),
            };
            let a = match op.arg_kind() {
                ArgKind::Jump => format!("->{}", idx_map.get(arg as usize).copied().unwrap_or(9999)),
                ArgKind::Const => c.consts.get(arg as usize).map(const_repr).unwrap_or_default(),
                ArgKind::Name => c.names.get(arg as usize).cloned().unwrap_or_default(),
                ArgKind::GlobalName => {
                    let n = c.names.get((arg >> 1) as usize).cloned().unwrap_or_default();
                    if arg & 1 != 0 { format!("NULL+{n}") } else { n }
                }
                ArgKind::Local => c.varnames.get(arg as usize).cloned().unwrap_or_default(),
                ArgKind::Cell => c.cellvars.iter().chain(c.freevars.iter()).nth(arg as usize).cloned().unwrap_or_default(),
                ArgKind::None => String::new(),
                ArgKind::CmpOp => pyrite_bytecode::opcode::CompareOp::from_u32(arg).map(|c| c.symbol().to_string()).unwrap_or_default(),
                _ => arg.to_string(),
            };
            let l = c.locations[i];
            out.push_str(&format!("{k} {name} {a} @{},{},{},{}\n", l.line, l.end_line, l.col, l.end_col));
            k += 1;
        }
        for e in &c.exception_table {
            out.push_str(&format!(
                "exc {}-{} ->{} [{}]{}\n",
                idx_map[e.start as usize],
                idx_map[e.end as usize],
                idx_map[e.target as usize],
                e.depth,
                if e.lasti { " lasti" } else { "" }
            ));
        }
    });
    out
}
