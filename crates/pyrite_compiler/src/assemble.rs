//! The assembler: laid-out blocks -> instruction words, absolute jump targets,
//! EXTENDED_ARG prefixes, the exception table and the locations vector.
//! CPython: `assemble()` and friends in `Python/compile.c` (3.11), except that
//! pyrite's jumps are absolute instruction indices and tables are plain vectors.

use crate::flowgraph::{Laid, Op, NO_TARGET};
use crate::{CompileError, ErrorKind};
use pyrite_bytecode::{ExceptionEntry, Instr, Location, Opcode};

pub struct Assembled {
    pub code: Vec<Instr>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
    pub stacksize: u32,
}

fn ext_count(arg: u32) -> u32 {
    if arg > Instr::MAX_ARG {
        1
    } else {
        0
    }
}

pub fn assemble(laid: Laid) -> Result<Assembled, CompileError> {
    let blocks = laid.blocks;
    let nblocks = blocks.len();
    // Iterate until the EXTENDED_ARG counts (and so every offset) are stable.
    let mut exts: Vec<Vec<u32>> = blocks.iter().map(|b| vec![0; b.instrs.len()]).collect();
    let mut starts = vec![0u32; nblocks + 1];
    for _round in 0..8 {
        let mut off = 0u32;
        for (bi, b) in blocks.iter().enumerate() {
            starts[bi] = off;
            for k in 0..b.instrs.len() {
                off += 1 + exts[bi][k];
            }
        }
        starts[nblocks] = off;
        let mut changed = false;
        for (bi, b) in blocks.iter().enumerate() {
            for (k, i) in b.instrs.iter().enumerate() {
                let arg = if i.target != NO_TARGET { starts[i.target.min(nblocks)] } else { i.arg };
                let e = ext_count(arg);
                if e != exts[bi][k] {
                    exts[bi][k] = e;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut code = Vec::new();
    let mut locations = Vec::new();
    let mut handlers: Vec<Option<(u32, u32, bool)>> = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        for (k, i) in b.instrs.iter().enumerate() {
            let here = code.len() as u32 + exts[bi][k];
            let (op, arg) = match i.op {
                Op::Real(o) => {
                    let arg = if i.target != NO_TARGET { starts[i.target.min(nblocks)] } else { i.arg };
                    (o, arg)
                }
                Op::Jump | Op::JumpNoInterrupt => {
                    let t = starts[i.target.min(nblocks)];
                    let op = if t > here {
                        Opcode::JumpForward
                    } else if i.op == Op::Jump {
                        Opcode::JumpBackward
                    } else {
                        Opcode::JumpBackwardNoInterrupt
                    };
                    (op, t)
                }
                _ => {
                    return Err(CompileError {
                        kind: ErrorKind::SyntaxError,
                        msg: "internal compiler error: pseudo-instruction left".into(),
                        lineno: 0,
                        offset: 0,
                        end_lineno: 0,
                        end_offset: 0,
                        text: None,
                    })
                }
            };
            let h = i.except.map(|h| (starts[h.block.min(nblocks)], h.depth, h.lasti));
            if arg > Instr::MAX_ARG {
                code.push(Instr::new(Opcode::ExtendedArg, arg >> 24));
                locations.push(i.loc);
                handlers.push(h);
            }
            code.push(Instr::new(op, arg & Instr::MAX_ARG));
            locations.push(i.loc);
            handlers.push(h);
        }
    }
    let mut table: Vec<ExceptionEntry> = Vec::new();
    let mut k = 0;
    while k < handlers.len() {
        if let Some((target, depth, lasti)) = handlers[k] {
            let start = k;
            while k < handlers.len() && handlers[k] == Some((target, depth, lasti)) {
                k += 1;
            }
            table.push(ExceptionEntry { start: start as u32, end: k as u32, target, depth, lasti });
        } else {
            k += 1;
        }
    }
    Ok(Assembled { code, locations, exception_table: table, stacksize: laid.maxdepth })
}
