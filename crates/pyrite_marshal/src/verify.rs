//! The loader's verifier: proves a decoded code object (and every code object
//! nested in its constants) safe to run, so the VM may index `co_consts`,
//! `co_names`, locals and cells by operand without bounds checks and trust the
//! value-stack depth. CPython has no counterpart (it trusts its `.pyc`s); the
//! stack simulation mirrors `stackdepth()` in `Python/compile.c`.
//!
//! What is proven, per code object:
//! - `code` is non-empty, `locations` has one entry per instruction, the
//!   argument counts fit in `varnames`, `cell2arg` is in range and maps each
//!   cell once, `stacksize <= MAX_STACKSIZE`;
//! - every opcode byte names an opcode; every operand is in range for its
//!   `ArgKind` (see `check_operand`), with `EXTENDED_ARG` prefixes combined
//!   (an `EXTENDED_ARG` operand, combined, is at most 0xFF so the result fits
//!   in 32 bits); no jump or handler lands between an `EXTENDED_ARG` and its
//!   instruction; `KW_NAMES` names a tuple of str and is followed by a `CALL`
//!   with at least that many arguments;
//! - the exception table is sorted, entries do not overlap, and each has
//!   `start < end <= len`, `target < len`;
//! - a stack-depth simulation over the reachable control-flow graph (worklist
//!   over instruction indices; fall-through and jump edges use
//!   `Opcode::stack_effect`, a handler is entered at `depth + lasti + 1`)
//!   shows the depth is the same on every path into an instruction, never
//!   below what the instruction reads, never above `stacksize`, that every
//!   instruction covered by a handler runs at a depth of at least the
//!   handler's, and one that may raise pops nothing below it; and control
//!   never runs off the end of the code.
//!
//! Not proven: the *types* of stack values (`MAKE_FUNCTION`'s code object,
//! `BUILD_CONST_KEY_MAP`'s keys tuple ...), which the VM checks as it runs.

use crate::error::MarshalError;
use pyrite_bytecode::opcode::{ArgKind, BinaryOp, CompareOp};
use pyrite_bytecode::{CodeFlags, CodeObject, Constant, Instr, Opcode};

/// Largest `stacksize` accepted: a bound on what a frame may allocate.
pub const MAX_STACKSIZE: u32 = 1 << 20;

/// Verifies `code` and every code object reachable through its constants
/// (including those inside tuples and frozensets).
pub fn verify(code: &CodeObject) -> Result<(), MarshalError> {
    // An explicit worklist: a hand-built object may nest arbitrarily deep.
    let mut codes: Vec<&CodeObject> = vec![code];
    let mut consts: Vec<&Constant> = Vec::new();
    while let Some(co) = codes.pop() {
        verify_one(co)?;
        consts.extend(co.consts.iter());
        while let Some(c) = consts.pop() {
            match c {
                Constant::Code(inner) => codes.push(inner),
                Constant::Tuple(items) | Constant::FrozenSet(items) => consts.extend(items.iter()),
                _ => {}
            }
        }
    }
    Ok(())
}

/// An error for code object `co`, at instruction `index` if given.
fn invalid(co: &CodeObject, index: Option<usize>, msg: impl Into<String>) -> MarshalError {
    MarshalError::Invalid {
        code: co.qualname.clone(),
        index: index.map(|i| i as u32),
        msg: msg.into(),
    }
}

/// (items the instruction reads, items it removes) before it pushes results;
/// the first is the depth it needs, the second tells how far it may lower the
/// stack before raising. Derived from the `Stack:` lines of the opcode table
/// and CPython 3.11's `ceval.c` (e.g. `RERAISE n` reads `PEEK(n + 1)`,
/// `DICT_MERGE i` reads the callable at `PEEK(i + 2)` after its pop).
pub fn stack_inputs(op: Opcode, arg: u32) -> (i64, i64) {
    use Opcode::*;
    let a = arg as i64;
    let same = |n: i64| (n, n);
    match op {
        Nop
        | ExtendedArg
        | PushNull
        | LoadAssertionError
        | LoadBuildClass
        | LoadConst
        | LoadName
        | DeleteName
        | LoadGlobal
        | DeleteGlobal
        | LoadFast
        | DeleteFast
        | LoadDeref
        | DeleteDeref
        | LoadClassderef
        | LoadClosure
        | KwNames
        | SetupAnnotations
        | JumpForward
        | JumpBackward
        | JumpBackwardNoInterrupt => same(0),
        Copy => (a, 0),
        Swap => (a, 0),
        PopTop | UnaryPositive | UnaryNegative | UnaryNot | UnaryInvert | GetIter
        | GetYieldFromIter | ReturnValue | YieldValue | AsyncGenWrap | GetAwaitable | GetAiter
        | PushExcInfo | PopExcept | StoreName | StoreGlobal | StoreFast | StoreDeref | LoadAttr
        | DeleteAttr | LoadMethod | ListToTuple | UnpackSequence | UnpackEx | ImportStar
        | PrintExpr | PopJumpIfFalse | PopJumpIfTrue | PopJumpIfNone | PopJumpIfNotNone
        | JumpIfFalseOrPop | JumpIfTrueOrPop | BeforeAsyncWith | BeforeWith => same(1),
        ForIter | GetAnext | ImportFrom | MatchMapping | MatchSequence | GetLen => (1, 0),
        BinaryOp | CompareOp | IsOp | ContainsOp | BinarySubscr | DeleteSubscr | Send
        | EndAsyncFor | CheckExcMatch | CheckEgMatch | PrepReraiseStar | StoreAttr | ImportName => {
            same(2)
        }
        MatchKeys => (2, 0),
        StoreSubscr | MatchClass => same(3),
        WithExceptStart => (4, 0),
        BuildSlice => same(if a == 3 { 3 } else { 2 }),
        Reraise => (a + 1, 1),
        RaiseVarargs => same(a),
        Call => same(a + 2),
        CallFunctionEx => same(3 + (a & 1)),
        MakeFunction => same(1 + (arg & 0xF).count_ones() as i64),
        BuildTuple | BuildList | BuildSet | BuildString => same(a),
        BuildMap => same(2 * a),
        BuildConstKeyMap => same(a + 1),
        ListAppend | SetAdd | ListExtend | SetUpdate | DictUpdate => (a + 1, 1),
        MapAdd => (a + 2, 2),
        DictMerge => (a + 3, 1),
        FormatValue => same(1 + ((a >> 2) & 1)),
    }
}

/// False for instructions that cannot raise (so may pop below a handler's
/// depth, as `PUSH_EXC_INFO` does at the start of every handler).
fn may_raise(op: Opcode) -> bool {
    use Opcode::*;
    !matches!(
        op,
        Nop | ExtendedArg
            | PopTop
            | PushNull
            | Copy
            | Swap
            | LoadConst
            | StoreFast
            | LoadClosure
            | PushExcInfo
            | PopExcept
            | KwNames
            | JumpForward
            | JumpBackwardNoInterrupt
            | PopJumpIfNone
            | PopJumpIfNotNone
            | LoadAssertionError
            | ReturnValue
    )
}

/// Checks one operand (already combined with its `EXTENDED_ARG`s) against its kind.
fn check_operand(co: &CodeObject, op: Opcode, arg: u32) -> Result<(), String> {
    let in_range = |n: usize, what: &str| {
        if (arg as usize) < n {
            Ok(())
        } else {
            Err(format!(
                "{} operand {arg} out of range for {what} (len {n})",
                op.name()
            ))
        }
    };
    match op.arg_kind() {
        // The operand of an argument-less instruction is ignored by the VM.
        ArgKind::None => Ok(()),
        ArgKind::Const => {
            in_range(co.consts.len(), "co_consts")?;
            if op == Opcode::KwNames {
                match &co.consts[arg as usize] {
                    Constant::Tuple(items)
                        if items.iter().all(|c| matches!(c, Constant::Str(_))) => {}
                    _ => return Err("KW_NAMES constant is not a tuple of str".into()),
                }
            }
            Ok(())
        }
        ArgKind::Name => in_range(co.names.len(), "co_names"),
        ArgKind::GlobalName => {
            if ((arg >> 1) as usize) < co.names.len() {
                Ok(())
            } else {
                Err(format!(
                    "LOAD_GLOBAL operand {arg} out of range for co_names (len {})",
                    co.names.len()
                ))
            }
        }
        ArgKind::Local => in_range(co.varnames.len(), "co_varnames"),
        ArgKind::Cell => in_range(co.ncells(), "cells"),
        ArgKind::Jump => in_range(co.code.len(), "the code"),
        ArgKind::BinOp => BinaryOp::from_u32(arg)
            .map(|_| ())
            .ok_or_else(|| format!("bad BINARY_OP operand {arg}")),
        ArgKind::CmpOp => CompareOp::from_u32(arg)
            .map(|_| ())
            .ok_or_else(|| format!("bad COMPARE_OP operand {arg}")),
        ArgKind::Num => {
            use Opcode::*;
            // Counts never need EXTENDED_ARG; bounding them keeps every stack
            // effect far from i32 overflow.
            let ok = arg <= Instr::MAX_ARG
                && match op {
                    Copy => arg >= 1,
                    Swap => arg >= 2,
                    BuildSlice => arg == 2 || arg == 3,
                    IsOp | ContainsOp | CallFunctionEx => arg <= 1,
                    GetAwaitable | RaiseVarargs | Reraise => arg <= 2,
                    MakeFunction => arg <= 0xF,
                    FormatValue => arg <= 7,
                    ListAppend | SetAdd | MapAdd | ListExtend | SetUpdate | DictUpdate
                    | DictMerge => arg >= 1,
                    _ => true,
                };
            if ok {
                Ok(())
            } else {
                Err(format!("bad {} operand {arg}", op.name()))
            }
        }
    }
}

/// Static checks of the code object's shape (no instructions involved).
fn check_shape(co: &CodeObject) -> Result<(), String> {
    if co.code.is_empty() {
        return Err("empty code".into());
    }
    if co.code.len() > u32::MAX as usize / 2 {
        return Err("code too long".into());
    }
    if co.locations.len() != co.code.len() {
        return Err(format!(
            "{} locations for {} instructions",
            co.locations.len(),
            co.code.len()
        ));
    }
    if co.stacksize > MAX_STACKSIZE {
        return Err(format!(
            "stacksize {} exceeds {MAX_STACKSIZE}",
            co.stacksize
        ));
    }
    if co.posonlyargcount > co.argcount {
        return Err("posonlyargcount exceeds argcount".into());
    }
    let nargs = co.argcount as u64
        + co.kwonlyargcount as u64
        + co.flags.has(CodeFlags::VARARGS) as u64
        + co.flags.has(CodeFlags::VARKEYWORDS) as u64;
    if nargs > co.varnames.len() as u64 {
        return Err(format!(
            "{nargs} arguments but {} local names",
            co.varnames.len()
        ));
    }
    let mut seen = vec![false; co.cellvars.len()];
    for &(cell, arg) in &co.cell2arg {
        if cell as usize >= co.cellvars.len() || arg as u64 >= nargs {
            return Err(format!("cell2arg entry ({cell}, {arg}) out of range"));
        }
        if std::mem::replace(&mut seen[cell as usize], true) {
            return Err(format!("cell {cell} appears twice in cell2arg"));
        }
    }
    let n = co.code.len() as u64;
    let mut prev_end = 0u64;
    for e in &co.exception_table {
        if (e.start as u64) < prev_end {
            return Err("exception table entries unsorted or overlapping".into());
        }
        if e.start >= e.end || e.end as u64 > n || e.target as u64 >= n {
            return Err(format!(
                "exception table entry {}..{} -> {} out of range",
                e.start, e.end, e.target
            ));
        }
        if e.depth as u64 + e.lasti as u64 + 1 > co.stacksize as u64 {
            return Err(format!(
                "exception handler depth {} exceeds stacksize",
                e.depth
            ));
        }
        prev_end = e.end as u64;
    }
    Ok(())
}

fn verify_one(co: &CodeObject) -> Result<(), MarshalError> {
    check_shape(co).map_err(|m| invalid(co, None, m))?;
    let n = co.code.len();

    // Decode opcodes and combined operands; mark instructions that follow an
    // EXTENDED_ARG (no control transfer may land there).
    let mut ops = Vec::with_capacity(n);
    let mut args = Vec::with_capacity(n);
    let mut after_ext = vec![false; n];
    let mut ext: u32 = 0;
    for (i, instr) in co.code.iter().enumerate() {
        let op = instr
            .opcode()
            .ok_or_else(|| invalid(co, Some(i), format!("invalid opcode {}", instr.op_byte())))?;
        // `ext` is at most 0xFF (checked below), so this cannot overflow.
        let arg = (ext << 24) | instr.arg();
        if op == Opcode::ExtendedArg {
            if arg > 0xFF {
                return Err(invalid(co, Some(i), "EXTENDED_ARG operand too large"));
            }
            ext = arg;
            if i + 1 < n {
                after_ext[i + 1] = true;
            }
        } else {
            ext = 0;
            check_operand(co, op, arg).map_err(|m| invalid(co, Some(i), m))?;
        }
        ops.push(op);
        args.push(arg);
    }
    for (i, &op) in ops.iter().enumerate() {
        if op.is_jump() && after_ext[args[i] as usize] {
            return Err(invalid(
                co,
                Some(i),
                "jump into the middle of an EXTENDED_ARG sequence",
            ));
        }
        if op == Opcode::KwNames {
            let Constant::Tuple(names) = &co.consts[args[i] as usize] else {
                return Err(invalid(co, Some(i), "KW_NAMES constant is not a tuple"));
            };
            let call = (i + 1..n).find(|&j| ops[j] != Opcode::ExtendedArg);
            match call {
                Some(j) if ops[j] == Opcode::Call && args[j] as usize >= names.len() => {}
                _ => {
                    return Err(invalid(
                        co,
                        Some(i),
                        "KW_NAMES not followed by a CALL with enough arguments",
                    ))
                }
            }
        }
    }
    for e in &co.exception_table {
        if after_ext[e.target as usize] {
            return Err(invalid(
                co,
                None,
                "exception handler inside an EXTENDED_ARG sequence",
            ));
        }
    }
    simulate_stack(co, &ops, &args)
}

/// The stack-depth simulation (see the module comment).
fn simulate_stack(co: &CodeObject, ops: &[Opcode], args: &[u32]) -> Result<(), MarshalError> {
    let n = ops.len();
    let max = co.stacksize as i64;
    let mut depth_at: Vec<i64> = vec![-1; n];
    let mut work: Vec<usize> = Vec::new();
    let reach =
        |target: usize, d: i64, from: usize, depth_at: &mut Vec<i64>, work: &mut Vec<usize>| {
            if d < 0 || d > max {
                return Err(invalid(
                    co,
                    Some(from),
                    format!("stack depth {d} out of range 0..={max}"),
                ));
            }
            match depth_at[target] {
                -1 => {
                    depth_at[target] = d;
                    work.push(target);
                    Ok(())
                }
                old if old == d => Ok(()),
                old => Err(invalid(
                    co,
                    Some(target),
                    format!("inconsistent stack depth ({old} and {d}, reached from {from})"),
                )),
            }
        };
    reach(0, 0, 0, &mut depth_at, &mut work)?;
    while let Some(i) = work.pop() {
        let d = depth_at[i];
        let (op, arg) = (ops[i], args[i]);
        let (needed, popped) = stack_inputs(op, arg);
        if d < needed {
            return Err(invalid(
                co,
                Some(i),
                format!("stack underflow ({} needs {needed}, depth {d})", op.name()),
            ));
        }
        if let Some(e) = co.find_handler(i as u32) {
            let level = e.depth as i64;
            if d < level || (may_raise(op) && d - popped < level) {
                return Err(invalid(
                    co,
                    Some(i),
                    format!("stack depth {d} below its handler's depth {level}"),
                ));
            }
            reach(
                e.target as usize,
                level + e.lasti as i64 + 1,
                i,
                &mut depth_at,
                &mut work,
            )?;
        }
        let effect = |jump: bool| {
            op.stack_effect(arg, jump).map(i64::from).ok_or_else(|| {
                invalid(
                    co,
                    Some(i),
                    format!("no stack effect for {} {arg}", op.name()),
                )
            })
        };
        if op.is_jump() {
            let jd = d + effect(true)?;
            reach(arg as usize, jd, i, &mut depth_at, &mut work)?;
        }
        if !op.is_terminator() {
            if i + 1 >= n {
                return Err(invalid(co, Some(i), "control runs off the end of the code"));
            }
            let nd = d + effect(false)?;
            reach(i + 1, nd, i, &mut depth_at, &mut work)?;
        }
    }
    Ok(())
}
