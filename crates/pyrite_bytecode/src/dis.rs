//! The disassembler: renders a code object in CPython 3.11's `dis` layout,
//! driven by the opcode table. CPython: `Lib/dis.py`.

use crate::code::{CodeObject, Constant};
use crate::opcode::{ArgKind, BinaryOp, CompareOp};
use std::fmt::Write;

/// Disassembles `code` and, after it, every nested code object.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    let mut first = true;
    code.walk(&mut |c| {
        if !first {
            let _ = writeln!(out, "\nDisassembly of <code object {}, line {}>:", c.name, c.firstlineno);
        }
        first = false;
        disassemble_one(c, &mut out);
    });
    out
}

fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(b) => if *b { "True".into() } else { "False".into() },
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Complex { re, im } => format!("({re:?}+{im:?}j)"),
        Constant::Str(s) => format!("{:?}", s.to_string_lossy()),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }
        }
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Code(c) => format!("<code object {}, line {}>", c.name, c.firstlineno),
    }
}

/// Disassembles one code object (not its nested ones) into `out`.
pub fn disassemble_one(code: &CodeObject, out: &mut String) {
    let targets: std::collections::HashSet<u32> = code
        .code
        .iter()
        .filter_map(|i| i.opcode().filter(|o| o.is_jump()).map(|_| i.arg()))
        .chain(code.exception_table.iter().map(|e| e.target))
        .collect();
    let mut last_line = 0;
    let mut ext: u32 = 0;
    for (idx, instr) in code.code.iter().enumerate() {
        let loc = code.locations.get(idx).copied().unwrap_or_default();
        let line_col = if loc.line != 0 && loc.line != last_line {
            if idx != 0 {
                out.push('\n');
            }
            last_line = loc.line;
            format!("{:>3}", loc.line)
        } else {
            "   ".to_string()
        };
        let marker = if targets.contains(&(idx as u32)) { ">>" } else { "  " };
        let Some(op) = instr.opcode() else {
            let _ = writeln!(out, "{line_col} {marker} {:>6} <{}>", idx * 2, instr.op_byte());
            continue;
        };
        let arg = (ext << 24) | instr.arg();
        ext = if op == crate::Opcode::ExtendedArg { arg } else { 0 };
        let detail = match op.arg_kind() {
            ArgKind::None => String::new(),
            ArgKind::Num => String::new(),
            ArgKind::Const => code.consts.get(arg as usize).map(const_repr).unwrap_or_default(),
            ArgKind::Name => code.names.get(arg as usize).cloned().unwrap_or_default(),
            ArgKind::GlobalName => {
                let n = code.names.get((arg >> 1) as usize).cloned().unwrap_or_default();
                if arg & 1 != 0 { format!("NULL + {n}") } else { n }
            }
            ArgKind::Local => code.varnames.get(arg as usize).cloned().unwrap_or_default(),
            ArgKind::Cell => code
                .cellvars
                .iter()
                .chain(code.freevars.iter())
                .nth(arg as usize)
                .cloned()
                .unwrap_or_default(),
            ArgKind::Jump => format!("to {}", arg * 2),
            ArgKind::BinOp => BinaryOp::from_u32(arg).map(|b| b.symbol().to_string()).unwrap_or_default(),
            ArgKind::CmpOp => CompareOp::from_u32(arg).map(|c| c.symbol().to_string()).unwrap_or_default(),
        };
        let argtext = if op.arg_kind() == ArgKind::None { String::new() } else { arg.to_string() };
        let line = format!("{line_col} {marker} {:>6} {:<28} {:>3}", idx * 2, op.name(), argtext);
        let line = if detail.is_empty() { line.trim_end().to_string() } else { format!("{line} ({detail})") };
        let _ = writeln!(out, "{line}");
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start * 2,
                e.end * 2 - 2,
                e.target * 2,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
}
