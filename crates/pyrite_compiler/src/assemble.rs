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
    let total: usize = blocks.iter().map(|b| b.instrs.len()).sum();
    // EXTENDED_ARG prefixes per instruction, in layout order.
    let mut exts: Vec<u32> = vec![0; total];
    let mut starts = vec![0u32; nblocks + 1];
    let mut off = 0u32;
    for (bi, b) in blocks.iter().enumerate() {
        starts[bi] = off;
        off += b.instrs.len() as u32;
    }
    starts[nblocks] = off;
    // Jump arguments are offsets, at most the code length: when that and every
    // other argument fit, no prefix is needed and the offsets above are final.
    let needs_ext = total as u64 > Instr::MAX_ARG as u64
        || blocks.iter().any(|b| b.instrs.iter().any(|i| i.target == NO_TARGET && i.arg > Instr::MAX_ARG));
    if needs_ext {
        // Iterate until the EXTENDED_ARG counts (and so every offset) are stable.
        for round in 0..8 {
            if round > 0 {
                let mut off = 0u32;
                let mut x = 0;
                for (bi, b) in blocks.iter().enumerate() {
                    starts[bi] = off;
                    for _ in 0..b.instrs.len() {
                        off += 1 + exts[x];
                        x += 1;
                    }
                }
                starts[nblocks] = off;
            }
            let mut changed = false;
            let mut x = 0;
            for b in blocks.iter() {
                for i in b.instrs.iter() {
                    let arg = if i.target != NO_TARGET { starts[i.target.min(nblocks)] } else { i.arg };
                    let e = ext_count(arg);
                    if e != exts[x] {
                        exts[x] = e;
                        changed = true;
                    }
                    x += 1;
                }
            }
            if !changed {
                break;
            }
        }
    }
    let mut code = Vec::with_capacity(total);
    let mut locations = Vec::with_capacity(total);
    let mut handlers: Vec<Option<(u32, u32, bool)>> = Vec::with_capacity(total);
    let mut x = 0;
    for b in blocks.iter() {
        for i in b.instrs.iter() {
            let here = code.len() as u32 + exts[x];
            x += 1;
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
