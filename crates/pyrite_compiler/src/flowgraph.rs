//! The control-flow graph: basic blocks, stack depth, exception handler
//! labelling and the peephole optimizer. CPython: the CFG half of
//! `Python/compile.c` in 3.11 (`stackdepth`, `label_exception_targets`,
//! `optimize_cfg`, `propagate_line_numbers`, `duplicate_exits_without_lineno`).
//! Constant expressions are folded earlier, on the AST (`codegen::consts`).

use crate::{CompileError, ErrorKind};
use pyrite_bytecode::{Constant, Location, Opcode};

pub type BlockId = usize;
pub const NO_TARGET: BlockId = usize::MAX;

/// A real opcode or one of the compiler's pseudo-instructions.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Real(Opcode),
    /// Pushes an exception handler (the target) for the following code.
    SetupFinally,
    /// As SetupFinally, but the handler also receives lasti.
    SetupCleanup,
    /// As SetupCleanup, for `with`: the handler's depth excludes `__enter__`'s result.
    SetupWith,
    /// Pops the innermost handler.
    PopBlock,
    /// Unconditional jump, forward or backward as laid out.
    Jump,
    /// Unconditional jump that does not check for interrupts.
    JumpNoInterrupt,
}

impl Op {
    pub fn is_jump(self) -> bool {
        match self {
            Op::Real(o) => o.is_jump(),
            Op::Jump | Op::JumpNoInterrupt => true,
            Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => true,
            Op::PopBlock => false,
        }
    }

    pub fn is_setup(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// A jump that transfers control (not a handler push).
    pub fn is_control_jump(self) -> bool {
        self.is_jump() && !self.is_setup()
    }

    pub fn is_unconditional(self) -> bool {
        match self {
            Op::Real(o) => o.is_unconditional_jump(),
            Op::Jump | Op::JumpNoInterrupt => true,
            _ => false,
        }
    }

    pub fn is_exit(self) -> bool {
        matches!(self, Op::Real(Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise))
    }

    /// No fall-through after this instruction.
    pub fn no_fallthrough(self) -> bool {
        self.is_unconditional() || self.is_exit()
    }

    fn stack_effect(self, arg: u32, jump: bool) -> Option<i32> {
        match self {
            Op::Real(o) => o.stack_effect(arg, jump),
            Op::SetupFinally | Op::SetupWith => Some(if jump { 1 } else { 0 }),
            Op::SetupCleanup => Some(if jump { 2 } else { 0 }),
            Op::PopBlock | Op::Jump | Op::JumpNoInterrupt => Some(0),
        }
    }
}

#[derive(Copy, Clone, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: BlockId,
    pub loc: Location,
    /// The handler covering this instruction (after labelling): its block,
    /// the stack depth to unwind to, and whether lasti is pushed.
    pub except: Option<Handler>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Handler {
    pub block: BlockId,
    pub depth: u32,
    pub lasti: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub startdepth: Option<i32>,
    pub preserve_lasti: bool,
    /// The target of a SETUP_*: kept even if no instruction can raise into it,
    /// as CPython keeps it.
    pub is_handler: bool,
}

impl Block {
    fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    fn falls_through(&self) -> bool {
        self.last().is_none_or(|i| !i.op.no_fallthrough())
    }

    fn is_exit(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_exit())
    }
}

/// The laid-out result: blocks in final order with targets as positions in it.
pub struct Laid {
    pub blocks: Vec<Block>,
    pub maxdepth: u32,
}

fn internal(msg: &str) -> CompileError {
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg: format!("internal compiler error: {msg}"),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// Runs the CFG passes and lays the blocks out.
pub fn finish(
    mut blocks: Vec<Block>,
    order: Vec<BlockId>,
    consts: &mut Vec<Constant>,
    firstlineno: u32,
) -> Result<Laid, CompileError> {
    // Lay out: blocks in use order, then any referenced but never placed.
    let mut placed = vec![false; blocks.len()];
    let mut layout: Vec<BlockId> = Vec::new();
    for b in order {
        if !placed[b] {
            placed[b] = true;
            layout.push(b);
        }
    }
    for b in 0..blocks.len() {
        if !placed[b] {
            placed[b] = true;
            layout.push(b);
        }
    }
    // Renumber blocks to layout positions so `b + 1` is the fall-through block.
    let mut pos = vec![0usize; blocks.len()];
    for (i, &b) in layout.iter().enumerate() {
        pos[b] = i;
    }
    let mut nb: Vec<Block> = layout.iter().map(|&b| std::mem::take(&mut blocks[b])).collect();
    for b in nb.iter_mut() {
        for i in b.instrs.iter_mut() {
            if i.target != NO_TARGET {
                i.target = pos[i.target];
            }
        }
        // Nothing may follow a jump or exit inside a block.
        if let Some(k) = b.instrs.iter().position(|i| i.op.is_control_jump() || i.op.no_fallthrough()) {
            b.instrs.truncate(k + 1);
        }
    }
    // The last block must not fall off the end of the code.
    if nb.last().is_none_or(|b| b.falls_through()) {
        nb.push(Block {
            instrs: vec![
                Instr { op: Op::Real(Opcode::LoadConst), arg: none_const(consts), target: NO_TARGET, loc: Location::NONE, except: None },
                Instr { op: Op::Real(Opcode::ReturnValue), arg: 0, target: NO_TARGET, loc: Location::NONE, except: None },
            ],
            ..Default::default()
        });
    }
    let maxdepth = stackdepth(&mut nb)?;
    label_exception_targets(&mut nb);
    for b in nb.iter_mut() {
        for i in b.instrs.iter_mut() {
            if i.op.is_setup() || i.op == Op::PopBlock {
                i.op = Op::Real(Opcode::Nop);
                i.target = NO_TARGET;
            }
        }
    }
    optimize_cfg(&mut nb, consts);
    let mut nb = compact_blocks(nb);
    duplicate_exits_without_lineno(&mut nb);
    // CPython's RESUME (which pyrite does not have) carries the first line, and
    // artificial instructions at the start of the code inherit it.
    if let Some(b0) = nb.first_mut() {
        let start = Location { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 };
        for i in b0.instrs.iter_mut() {
            if i.loc.line != 0 {
                break;
            }
            i.loc = start;
        }
    }
    propagate_line_numbers(&mut nb);
    guarantee_lineno_for_exits(&mut nb, firstlineno);
    Ok(Laid { blocks: nb, maxdepth: maxdepth as u32 })
}

fn none_const(consts: &mut Vec<Constant>) -> u32 {
    match consts.iter().position(|c| matches!(c, Constant::None)) {
        Some(i) => i as u32,
        None => {
            consts.push(Constant::None);
            (consts.len() - 1) as u32
        }
    }
}

/// CPython's `stackdepth`: the maximum depth over all paths; records each
/// block's entry depth (used for handler depths).
fn stackdepth(blocks: &mut [Block]) -> Result<i32, CompileError> {
    if blocks.is_empty() {
        return Ok(0);
    }
    let mut stack: Vec<BlockId> = Vec::new();
    let mut maxdepth = 0;
    let push = |blocks: &mut [Block], stack: &mut Vec<BlockId>, b: BlockId, depth: i32| -> Result<(), CompileError> {
        if b >= blocks.len() {
            return Err(internal("jump target out of range"));
        }
        match blocks[b].startdepth {
            None => {
                blocks[b].startdepth = Some(depth);
                stack.push(b);
            }
            Some(d) if d != depth => return Err(internal("inconsistent stack depth")),
            _ => {}
        }
        Ok(())
    };
    push(blocks, &mut stack, 0, 0)?;
    while let Some(b) = stack.pop() {
        let mut depth = blocks[b].startdepth.unwrap_or(0);
        let mut falls = true;
        let n = blocks[b].instrs.len();
        for k in 0..n {
            let (op, arg, target) = {
                let i = &blocks[b].instrs[k];
                (i.op, i.arg, i.target)
            };
            let eff = op.stack_effect(arg, false).ok_or_else(|| internal("bad operand"))?;
            let new_depth = depth + eff;
            if new_depth < 0 {
                return Err(internal("negative stack depth"));
            }
            maxdepth = maxdepth.max(new_depth);
            if op.is_jump() && target != NO_TARGET {
                let te = op.stack_effect(arg, true).ok_or_else(|| internal("bad operand"))?;
                let td = depth + te;
                if td < 0 {
                    return Err(internal("negative stack depth"));
                }
                maxdepth = maxdepth.max(td);
                push(blocks, &mut stack, target, td)?;
            }
            depth = new_depth;
            if op.no_fallthrough() {
                falls = false;
                break;
            }
        }
        if falls && b + 1 < blocks.len() {
            push(blocks, &mut stack, b + 1, depth)?;
        }
    }
    Ok(maxdepth)
}

/// CPython's `label_exception_targets`: gives every instruction the handler
/// that covers it, following SETUP_* / POP_BLOCK along every path.
fn label_exception_targets(blocks: &mut [Block]) {
    let n = blocks.len();
    let mut visited = vec![false; n];
    let mut stacks: Vec<Option<Vec<BlockId>>> = vec![None; n];
    let mut todo = vec![0usize];
    visited[0] = true;
    stacks[0] = Some(Vec::new());
    while let Some(b) = todo.pop() {
        let mut es = stacks[b].take().unwrap_or_default();
        for k in 0..blocks[b].instrs.len() {
            let (op, target) = (blocks[b].instrs[k].op, blocks[b].instrs[k].target);
            if op.is_setup() {
                if target < n && !visited[target] {
                    visited[target] = true;
                    stacks[target] = Some(es.clone());
                    todo.push(target);
                }
                if matches!(op, Op::SetupWith | Op::SetupCleanup) && target < n {
                    blocks[target].preserve_lasti = true;
                }
                if target < n {
                    blocks[target].is_handler = true;
                }
                es.push(target);
                blocks[b].instrs[k].except = None;
            } else if op == Op::PopBlock {
                es.pop();
                blocks[b].instrs[k].except = None;
            } else {
                blocks[b].instrs[k].except = es.last().map(|&h| {
                    let lasti = blocks[h].preserve_lasti;
                    let sd = blocks[h].startdepth.unwrap_or(1).max(1) as u32;
                    Handler { block: h, depth: sd.saturating_sub(1 + lasti as u32), lasti }
                });
                if op.is_jump() && target < n && !visited[target] {
                    visited[target] = true;
                    stacks[target] = Some(es.clone());
                    todo.push(target);
                }
            }
        }
        if blocks[b].falls_through() && b + 1 < n && !visited[b + 1] {
            visited[b + 1] = true;
            stacks[b + 1] = Some(es);
            todo.push(b + 1);
        }
    }
}

fn const_truth(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Ellipsis => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(i) => i.sign() != num_bigint::Sign::NoSign,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.as_bytes().is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => true,
    })
}

fn nop(i: &mut Instr) {
    i.op = Op::Real(Opcode::Nop);
    i.arg = 0;
    i.target = NO_TARGET;
}

fn first_real(blocks: &[Block], mut b: BlockId) -> BlockId {
    // The first non-empty block reached from `b` by fall-through.
    while b < blocks.len() && blocks[b].instrs.is_empty() {
        b += 1;
    }
    b
}

/// One block's peephole rules. CPython: `optimize_basic_block`.
fn optimize_basic_block(blocks: &mut [Block], b: BlockId, consts: &mut Vec<Constant>) {
    let mut i = 0;
    let mut guard = 0;
    while i < blocks[b].instrs.len() {
        guard += 1;
        if guard > 10_000 {
            break;
        }
        let inst = blocks[b].instrs[i];
        let next = blocks[b].instrs.get(i + 1).copied();
        let nextop = next.as_ref().map(|n| n.op);
        match inst.op {
            Op::Real(Opcode::LoadConst) => {
                let c = consts.get(inst.arg as usize).cloned();
                let c = c.as_ref();
                match nextop {
                    Some(Op::Real(op @ (Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue))) => {
                        if let Some(t) = c.and_then(const_truth) {
                            nop(&mut blocks[b].instrs[i]);
                            let jump_if_true = op == Opcode::PopJumpIfTrue;
                            if t == jump_if_true {
                                blocks[b].instrs[i + 1].op = Op::Jump;
                            } else {
                                nop(&mut blocks[b].instrs[i + 1]);
                            }
                        }
                    }
                    Some(Op::Real(op @ (Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop))) => {
                        if let Some(t) = c.and_then(const_truth) {
                            let jump_if_true = op == Opcode::JumpIfTrueOrPop;
                            if t == jump_if_true {
                                blocks[b].instrs[i + 1].op = Op::Jump;
                            } else {
                                nop(&mut blocks[b].instrs[i]);
                                nop(&mut blocks[b].instrs[i + 1]);
                            }
                        }
                    }
                    Some(Op::Real(Opcode::IsOp)) => {
                        let jump_op = blocks[b].instrs.get(i + 2).map(|x| x.op);
                        if matches!(c, Some(Constant::None))
                            && matches!(jump_op, Some(Op::Real(Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue)))
                        {
                            let nextarg = blocks[b].instrs[i + 1].arg;
                            let is_false = jump_op == Some(Op::Real(Opcode::PopJumpIfFalse));
                            nop(&mut blocks[b].instrs[i]);
                            nop(&mut blocks[b].instrs[i + 1]);
                            blocks[b].instrs[i + 2].op = Op::Real(if (nextarg != 0) ^ is_false {
                                Opcode::PopJumpIfNotNone
                            } else {
                                Opcode::PopJumpIfNone
                            });
                        }
                    }
                    _ => {}
                }
            }
            Op::Real(Opcode::BuildTuple) => {
                let n = inst.arg as usize;
                // fold_tuple_on_constants: n LOAD_CONSTs then BUILD_TUPLE n.
                if i >= n && blocks[b].instrs[i - n..i].iter().all(|x| x.op == Op::Real(Opcode::LoadConst)) {
                    let items: Vec<Constant> = blocks[b].instrs[i - n..i]
                        .iter()
                        .map(|x| consts.get(x.arg as usize).cloned().unwrap_or(Constant::None))
                        .collect();
                    let t = Constant::Tuple(items);
                    let idx = match consts.iter().position(|c| crate::codegen::const_identical(c, &t)) {
                        Some(k) => k,
                        None => {
                            consts.push(t);
                            consts.len() - 1
                        }
                    };
                    for x in blocks[b].instrs[i - n..i].iter_mut() {
                        nop(x);
                    }
                    blocks[b].instrs[i].op = Op::Real(Opcode::LoadConst);
                    blocks[b].instrs[i].arg = idx as u32;
                    i += 1;
                    continue;
                }
                if let Some(Op::Real(Opcode::UnpackSequence)) = nextop {
                    if next.as_ref().map(|n| n.arg) == Some(inst.arg) {
                        match inst.arg {
                            1 => {
                                nop(&mut blocks[b].instrs[i]);
                                nop(&mut blocks[b].instrs[i + 1]);
                            }
                            2 | 3 => {
                                nop(&mut blocks[b].instrs[i]);
                                blocks[b].instrs[i + 1].op = Op::Real(Opcode::Swap);
                            }
                            _ => {}
                        }
                    }
                }
            }
            Op::Real(Opcode::PushNull) => {
                if let Some(nx) = &next {
                    if nx.op == Op::Real(Opcode::LoadGlobal) && nx.arg & 1 == 0 {
                        nop(&mut blocks[b].instrs[i]);
                        blocks[b].instrs[i + 1].arg |= 1;
                    }
                }
            }
            Op::Real(Opcode::Swap) => {
                if inst.arg == 1 {
                    nop(&mut blocks[b].instrs[i]);
                } else {
                    i = swaptimize(&mut blocks[b].instrs, i);
                    apply_static_swaps(&mut blocks[b].instrs, i);
                }
            }
            op if op.is_control_jump() && inst.target != NO_TARGET => {
                let tb = inst.target;
                let t0 = blocks.get(tb).and_then(|x| x.instrs.first()).cloned();
                let Some(t0) = t0 else {
                    i += 1;
                    continue;
                };
                let same_line = inst.loc.line == t0.loc.line;
                let thread = |blocks: &mut [Block], newop: Op| -> bool {
                    if same_line && inst.target != t0.target && t0.target != NO_TARGET {
                        blocks[b].instrs[i].target = t0.target;
                        blocks[b].instrs[i].op = newop;
                        true
                    } else {
                        false
                    }
                };
                let redo = match (op, t0.op) {
                    (Op::Real(Opcode::JumpIfFalseOrPop), Op::Real(Opcode::PopJumpIfFalse)) => {
                        thread(blocks, Op::Real(Opcode::PopJumpIfFalse))
                    }
                    (Op::Real(Opcode::JumpIfFalseOrPop), Op::Jump | Op::Real(Opcode::JumpIfFalseOrPop)) => {
                        thread(blocks, Op::Real(Opcode::JumpIfFalseOrPop))
                    }
                    (Op::Real(Opcode::JumpIfTrueOrPop), Op::Real(Opcode::PopJumpIfTrue)) => {
                        thread(blocks, Op::Real(Opcode::PopJumpIfTrue))
                    }
                    (Op::Real(Opcode::JumpIfTrueOrPop), Op::Jump | Op::Real(Opcode::JumpIfTrueOrPop)) => {
                        thread(blocks, Op::Real(Opcode::JumpIfTrueOrPop))
                    }
                    (
                        Op::Real(Opcode::JumpIfFalseOrPop),
                        Op::Real(Opcode::JumpIfTrueOrPop | Opcode::PopJumpIfTrue),
                    ) => {
                        if inst.loc.line == t0.loc.line && tb + 1 < blocks.len() {
                            blocks[b].instrs[i].op = Op::Real(Opcode::PopJumpIfFalse);
                            blocks[b].instrs[i].target = tb + 1;
                            true
                        } else {
                            false
                        }
                    }
                    (
                        Op::Real(Opcode::JumpIfTrueOrPop),
                        Op::Real(Opcode::JumpIfFalseOrPop | Opcode::PopJumpIfFalse),
                    ) => {
                        if inst.loc.line == t0.loc.line && tb + 1 < blocks.len() {
                            blocks[b].instrs[i].op = Op::Real(Opcode::PopJumpIfTrue);
                            blocks[b].instrs[i].target = tb + 1;
                            true
                        } else {
                            false
                        }
                    }
                    (
                        Op::Real(
                            Opcode::PopJumpIfFalse
                            | Opcode::PopJumpIfTrue
                            | Opcode::PopJumpIfNone
                            | Opcode::PopJumpIfNotNone,
                        ),
                        Op::Jump,
                    ) => thread(blocks, op),
                    (Op::Jump, Op::Jump) => thread(blocks, Op::Jump),
                    _ => false,
                };
                if redo {
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// CPython's `swaptimize`: replaces a run of SWAPs (and NOPs) starting at
/// `ix` with the fewest SWAPs that permute the stack the same way. Returns the
/// index of the run's last instruction.
fn swaptimize(instrs: &mut [Instr], ix: usize) -> usize {
    let mut depth = instrs[ix].arg as usize;
    let mut len = 1;
    let mut more = false;
    while ix + len < instrs.len() {
        match instrs[ix + len].op {
            Op::Real(Opcode::Swap) => {
                depth = depth.max(instrs[ix + len].arg as usize);
                more = true;
            }
            Op::Real(Opcode::Nop) => {}
            _ => break,
        }
        len += 1;
    }
    if !more || depth == 0 {
        return ix;
    }
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for k in 0..len {
        if instrs[ix + k].op == Op::Real(Opcode::Swap) {
            let a = instrs[ix + k].arg as usize;
            if a >= 1 && a <= depth {
                stack.swap(0, a - 1);
            }
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 && current >= 0 {
                let ins = &mut instrs[ix + current as usize];
                ins.op = Op::Real(Opcode::Swap);
                ins.arg = (j + 1) as u32;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        nop(&mut instrs[ix + current as usize]);
        current -= 1;
    }
    ix + len - 1
}

fn swappable(op: Op) -> bool {
    matches!(op, Op::Real(Opcode::StoreFast | Opcode::PopTop))
}

fn next_swappable(instrs: &[Instr], mut i: usize, lineno: Option<u32>) -> Option<usize> {
    loop {
        i += 1;
        let ins = instrs.get(i)?;
        if let Some(l) = lineno {
            if ins.loc.line != l {
                return None;
            }
        }
        if ins.op == Op::Real(Opcode::Nop) {
            continue;
        }
        return if swappable(ins.op) { Some(i) } else { None };
    }
}

/// CPython's `apply_static_swaps`: SWAPs followed by stores are done by
/// reordering the stores instead.
fn apply_static_swaps(instrs: &mut [Instr], mut i: usize) {
    loop {
        let op = instrs[i].op;
        if op != Op::Real(Opcode::Swap) {
            if op == Op::Real(Opcode::Nop) || swappable(op) {
                if i == 0 {
                    return;
                }
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, i, None) else { return };
        let lineno = instrs[j].loc.line;
        let mut k = j;
        let mut count = instrs[i].arg as i64 - 1;
        while count > 0 {
            match next_swappable(instrs, k, Some(lineno)) {
                Some(x) => k = x,
                None => return,
            }
            count -= 1;
        }
        // Not safe if the two stores (or any store between them) target the
        // same local: `a, a = 1, 2` must leave 2 in `a`.
        let stores_to = |x: &Instr| if x.op == Op::Real(Opcode::StoreFast) { Some(x.arg) } else { None };
        let (sj, sk) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if sj.is_some() || sk.is_some() {
            if sj == sk {
                return;
            }
            for x in &instrs[j + 1..k] {
                if let Some(s) = stores_to(x) {
                    if Some(s) == sj || Some(s) == sk {
                        return;
                    }
                }
            }
        }
        nop(&mut instrs[i]);
        instrs.swap(j, k);
        if i == 0 {
            return;
        }
        i -= 1;
    }
}

/// CPython's `clean_basic_block`: removes NOPs that carry no needed line number.
/// Compacts the block in place (kept instructions move down, never up).
fn clean_basic_block(blocks: &mut [Block], b: BlockId, mut prev_lineno: i64) {
    let next_first_line: Option<i64> = {
        let nb = first_real(blocks, b + 1);
        blocks.get(nb).and_then(|x| x.instrs.first()).map(line_of)
    };
    let instrs = &mut blocks[b].instrs;
    let n = instrs.len();
    let mut dst = 0;
    for src in 0..n {
        let lineno = line_of(&instrs[src]);
        if instrs[src].op == Op::Real(Opcode::Nop) {
            if lineno < 0 {
                continue;
            }
            if prev_lineno == lineno {
                continue;
            }
            if src < n - 1 {
                let next_lineno = line_of(&instrs[src + 1]);
                if next_lineno < 0 || next_lineno == lineno {
                    if next_lineno < 0 {
                        instrs[src + 1].loc = instrs[src].loc;
                    }
                    continue;
                }
            } else if next_first_line == Some(lineno) {
                continue;
            }
        }
        prev_lineno = lineno;
        instrs[dst] = instrs[src];
        dst += 1;
    }
    instrs.truncate(dst);
}

fn line_of(i: &Instr) -> i64 {
    if i.loc.line == 0 {
        -1
    } else {
        i.loc.line as i64
    }
}

/// Retargets jumps (and handlers) aimed at empty blocks to the next non-empty one.
fn eliminate_empty_blocks(blocks: &mut [Block]) {
    let n = blocks.len();
    let mut fwd = vec![0usize; n + 1];
    fwd[n] = n;
    for b in (0..n).rev() {
        fwd[b] = if blocks[b].instrs.is_empty() { fwd[b + 1] } else { b };
    }
    for b in blocks.iter_mut() {
        for i in b.instrs.iter_mut() {
            if i.target != NO_TARGET && i.target < n {
                i.target = fwd[i.target];
            }
            if let Some(h) = &mut i.except {
                if h.block < n {
                    h.block = fwd[h.block];
                }
            }
        }
    }
}

/// How many edges reach each block from the entry and the handlers (a
/// reachable block counts at least 1).
fn predecessors_count(blocks: &[Block]) -> Vec<u32> {
    let n = blocks.len();
    let mut preds = vec![0u32; n];
    if n == 0 {
        return preds;
    }
    let mut seen = vec![false; n];
    let mut stack = vec![0usize];
    seen[0] = true;
    preds[0] = 1;
    for (b, blk) in blocks.iter().enumerate() {
        if blk.is_handler && !seen[b] {
            seen[b] = true;
            preds[b] = 1;
            stack.push(b);
        }
    }
    while let Some(b) = stack.pop() {
        let mut visit = |s: BlockId| {
            if s < n {
                preds[s] += 1;
                if !seen[s] {
                    seen[s] = true;
                    stack.push(s);
                }
            }
        };
        for i in &blocks[b].instrs {
            if i.target != NO_TARGET {
                visit(i.target);
            }
            if let Some(h) = i.except {
                visit(h.block);
            }
        }
        if blocks[b].falls_through() && b + 1 < n {
            visit(b + 1);
        }
    }
    preds
}

/// CPython's `optimize_cfg`.
fn optimize_cfg(blocks: &mut [Block], consts: &mut Vec<Constant>) {
    eliminate_empty_blocks(blocks);
    for b in 0..blocks.len() {
        optimize_basic_block(blocks, b, consts);
        clean_basic_block(blocks, b, -1);
    }
    // extend_block: copy small exit blocks into blocks that jump to them.
    // CPython visits the most recently created blocks first; reverse layout
    // order approximates that closely enough (creation order itself differs
    // from CPython's because pyrite starts a block after every jump).
    for b in (0..blocks.len()).rev() {
        let Some(last) = blocks[b].instrs.last().cloned() else { continue };
        if !matches!(last.op, Op::Jump | Op::JumpNoInterrupt) || last.target >= blocks.len() {
            continue;
        }
        let t = last.target;
        // Only blocks without line numbers (like implicit `return None`) are copied.
        if t != b && blocks[t].is_exit() && blocks[t].instrs.len() <= 4 && blocks[t].instrs.iter().all(|i| i.loc.line == 0) {
            let copy = blocks[t].instrs.clone();
            let k = blocks[b].instrs.len() - 1;
            nop(&mut blocks[b].instrs[k]);
            blocks[b].instrs.extend(copy);
        }
    }
    let preds = predecessors_count(blocks);
    for b in 0..blocks.len() {
        if preds[b] == 0 {
            blocks[b].instrs.clear();
        }
    }
    for b in 0..blocks.len() {
        clean_basic_block(blocks, b, -1);
    }
    eliminate_empty_blocks(blocks);
    // Remove jumps to the next non-empty block.
    let mut changed = false;
    for b in 0..blocks.len() {
        let Some(last) = blocks[b].instrs.last() else { continue };
        if matches!(last.op, Op::Jump | Op::JumpNoInterrupt) && last.target == first_real(blocks, b + 1) {
            let k = blocks[b].instrs.len() - 1;
            nop(&mut blocks[b].instrs[k]);
            changed = true;
        }
    }
    if changed {
        for b in 0..blocks.len() {
            clean_basic_block(blocks, b, -1);
        }
        eliminate_empty_blocks(blocks);
    }
}

/// Removes empty blocks, renumbering jump targets and handlers.
fn compact_blocks(blocks: Vec<Block>) -> Vec<Block> {
    let n = blocks.len();
    let mut newpos = vec![0usize; n + 1];
    let mut k = 0;
    for (i, b) in blocks.iter().enumerate() {
        newpos[i] = k;
        if !b.instrs.is_empty() {
            k += 1;
        }
    }
    newpos[n] = k;
    let mut out: Vec<Block> = blocks.into_iter().filter(|b| !b.instrs.is_empty()).collect();
    for b in out.iter_mut() {
        for i in b.instrs.iter_mut() {
            if i.target != NO_TARGET {
                i.target = newpos[i.target.min(n)];
            }
            if let Some(h) = &mut i.except {
                h.block = newpos[h.block.min(n)];
            }
        }
    }
    out
}

fn is_exit_without_lineno(b: &Block) -> bool {
    b.is_exit() && b.instrs.iter().all(|i| i.loc.line == 0)
}

/// CPython's `duplicate_exits_without_lineno`: an artificial exit block
/// reached by several jumps is copied so each copy gets its jump's line.
fn duplicate_exits_without_lineno(blocks: &mut Vec<Block>) {
    let preds = predecessors_count(blocks);
    let mut preds = preds;
    let mut b = 0;
    while b < blocks.len() {
        if let Some(last) = blocks[b].instrs.last().cloned() {
            if last.op.is_control_jump() && last.target < blocks.len() {
                let t = last.target;
                if is_exit_without_lineno(&blocks[t]) && preds[t] > 1 {
                    let mut nb = blocks[t].clone();
                    nb.instrs[0].loc = last.loc;
                    // Insert right after the original, shifting later targets.
                    let at = t + 1;
                    blocks.insert(at, nb);
                    preds.insert(at, 1);
                    preds[t] -= 1;
                    for bl in blocks.iter_mut() {
                        for i in bl.instrs.iter_mut() {
                            if i.target != NO_TARGET && i.target >= at {
                                i.target += 1;
                            }
                            if let Some(h) = &mut i.except {
                                if h.block >= at {
                                    h.block += 1;
                                }
                            }
                        }
                    }
                    let bb = if b >= at { b + 1 } else { b };
                    let k = blocks[bb].instrs.len() - 1;
                    blocks[bb].instrs[k].target = at;
                    // A block that fell through into `t` still does.
                    if b >= at {
                        b += 1;
                    }
                }
            }
        }
        b += 1;
    }
    // Exit blocks reached only by fall-through take the previous line.
    for b in 0..blocks.len().saturating_sub(1) {
        if blocks[b].falls_through() && !blocks[b].instrs.is_empty() && is_exit_without_lineno(&blocks[b + 1]) {
            let l = blocks[b].instrs.last().map(|i| i.loc).unwrap_or(Location::NONE);
            blocks[b + 1].instrs[0].loc = l;
        }
    }
}

/// CPython's `propagate_line_numbers`.
fn propagate_line_numbers(blocks: &mut [Block]) {
    let preds = predecessors_count(blocks);
    for b in 0..blocks.len() {
        if blocks[b].instrs.is_empty() {
            continue;
        }
        let mut prev = Location::NONE;
        for i in blocks[b].instrs.iter_mut() {
            if i.loc.line == 0 {
                i.loc = prev;
            } else {
                prev = i.loc;
            }
        }
        if blocks[b].falls_through() && b + 1 < blocks.len() && preds[b + 1] == 1 {
            if let Some(f) = blocks[b + 1].instrs.first_mut() {
                if f.loc.line == 0 {
                    f.loc = prev;
                }
            }
        }
        let last = blocks[b].instrs.last().cloned();
        if let Some(last) = last {
            if last.op.is_control_jump() && last.target < blocks.len() && preds[last.target] == 1 {
                if let Some(f) = blocks[last.target].instrs.first_mut() {
                    if f.loc.line == 0 {
                        f.loc = prev;
                    }
                }
            }
        }
    }
}

/// CPython's `guarantee_lineno_for_exits`: artificial returns get the line
/// of the code before them.
fn guarantee_lineno_for_exits(blocks: &mut [Block], firstlineno: u32) {
    let mut lineno = firstlineno;
    for b in blocks.iter_mut() {
        let Some(last) = b.instrs.last() else { continue };
        if last.loc.line == 0 {
            if last.op == Op::Real(Opcode::ReturnValue) && lineno != 0 {
                for i in b.instrs.iter_mut() {
                    if i.loc.line == 0 {
                        i.loc = Location { line: lineno, end_line: lineno, col: 0, end_col: 0 };
                    }
                }
            }
        } else {
            lineno = last.loc.line;
        }
    }
}
