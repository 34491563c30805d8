//! The verifier accepts what a CPython-3.11-style compiler produces and
//! rejects each kind of damage.

mod common;

use common::code;
use pyrite_bytecode::{CodeFlags, CodeObject, Constant, ExceptionEntry, Instr, Opcode, Opcode::*};
use pyrite_marshal::{verify, MarshalError, MAX_STACKSIZE};
use std::rc::Rc;

fn simple(instrs: &[(Opcode, u32)], stacksize: u32) -> CodeObject {
    code(
        "t",
        instrs,
        vec![Constant::None, Constant::Int(1)],
        &["n"],
        &["v"],
        stacksize,
    )
}

/// Asserts `co` is rejected with a message containing `needle`.
#[track_caller]
fn rejects(co: &CodeObject, needle: &str) {
    match verify(co) {
        Ok(()) => panic!("accepted, expected an error containing {needle:?}"),
        Err(e @ MarshalError::Invalid { .. }) => {
            let msg = e.to_string();
            assert!(
                msg.contains(needle),
                "error {msg:?} does not contain {needle:?}"
            );
        }
        Err(e) => panic!("unexpected error kind {e:?}"),
    }
}

fn entry(start: u32, end: u32, target: u32, depth: u32, lasti: bool) -> ExceptionEntry {
    ExceptionEntry {
        start,
        end,
        target,
        depth,
        lasti,
    }
}

#[test]
fn accepts_compiler_shaped_code() {
    verify(&common::function_f()).unwrap();
    verify(&common::function_outer()).unwrap();
    verify(&common::module()).unwrap();
}

#[test]
fn accepts_yield_from_loop() {
    // def g(): yield from x   (CPython 3.11 shape)
    let mut g = code(
        "g",
        &[
            (LoadGlobal, 0),
            (GetYieldFromIter, 0),
            (LoadConst, 0),
            (Send, 6),
            (YieldValue, 0),
            (JumpBackwardNoInterrupt, 3),
            (PopTop, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
        ],
        vec![Constant::None],
        &["x"],
        &[],
        2,
    );
    g.flags = CodeFlags(CodeFlags::GENERATOR | CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS);
    verify(&g).unwrap();
}

#[test]
fn accepts_unreachable_code_and_extended_arg_prefix() {
    verify(&simple(
        &[(LoadConst, 0), (ReturnValue, 0), (PopTop, 0), (BinaryOp, 0)],
        1,
    ))
    .unwrap();
    // A redundant EXTENDED_ARG 0 before a jump; the jump targets the prefix.
    let co = simple(
        &[
            (ExtendedArg, 0),
            (JumpForward, 2),
            (LoadConst, 0),
            (ReturnValue, 0),
        ],
        1,
    );
    verify(&co).unwrap();
}

#[test]
fn rejects_bad_opcode() {
    let mut co = simple(&[(LoadConst, 0), (ReturnValue, 0)], 1);
    co.code[0] = Instr(200);
    rejects(&co, "invalid opcode 200");
}

#[test]
fn rejects_out_of_range_operands() {
    rejects(&simple(&[(LoadConst, 2), (ReturnValue, 0)], 1), "co_consts");
    rejects(&simple(&[(LoadName, 1), (ReturnValue, 0)], 1), "co_names");
    rejects(&simple(&[(LoadAttr, 1), (ReturnValue, 0)], 1), "co_names");
    rejects(
        &simple(&[(LoadGlobal, 2), (ReturnValue, 0)], 1),
        "LOAD_GLOBAL",
    );
    rejects(
        &simple(&[(LoadFast, 1), (ReturnValue, 0)], 1),
        "co_varnames",
    );
    rejects(&simple(&[(LoadDeref, 0), (ReturnValue, 0)], 1), "cells");
    rejects(
        &simple(&[(JumpForward, 3), (LoadConst, 0), (ReturnValue, 0)], 1),
        "the code",
    );
    rejects(
        &simple(
            &[
                (LoadConst, 0),
                (LoadConst, 0),
                (BinaryOp, 26),
                (ReturnValue, 0),
            ],
            2,
        ),
        "BINARY_OP",
    );
    rejects(
        &simple(
            &[
                (LoadConst, 0),
                (LoadConst, 0),
                (CompareOp, 6),
                (ReturnValue, 0),
            ],
            2,
        ),
        "COMPARE_OP",
    );
    rejects(
        &simple(&[(LoadConst, 0), (Copy, 0), (ReturnValue, 0)], 2),
        "COPY",
    );
    rejects(
        &simple(
            &[(LoadConst, 0), (LoadConst, 0), (Swap, 1), (ReturnValue, 0)],
            2,
        ),
        "SWAP",
    );
    rejects(
        &simple(
            &[
                (LoadConst, 0),
                (LoadConst, 0),
                (BuildSlice, 4),
                (ReturnValue, 0),
            ],
            2,
        ),
        "BUILD_SLICE",
    );
    rejects(
        &simple(&[(LoadConst, 0), (MakeFunction, 16), (ReturnValue, 0)], 2),
        "MAKE_FUNCTION",
    );
    rejects(
        &simple(&[(LoadConst, 0), (RaiseVarargs, 3)], 2),
        "RAISE_VARARGS",
    );
}

#[test]
fn rejects_bad_extended_arg() {
    // EXTENDED_ARG 1 + LOAD_CONST 0 is index 1 << 24.
    rejects(
        &simple(&[(ExtendedArg, 1), (LoadConst, 0), (ReturnValue, 0)], 1),
        "operand 16777216",
    );
    rejects(
        &simple(&[(ExtendedArg, 256), (LoadConst, 0), (ReturnValue, 0)], 1),
        "EXTENDED_ARG operand too large",
    );
    // Two prefixes whose combination exceeds 0xFF.
    rejects(
        &simple(
            &[
                (ExtendedArg, 1),
                (ExtendedArg, 0),
                (LoadConst, 0),
                (ReturnValue, 0),
            ],
            1,
        ),
        "EXTENDED_ARG operand too large",
    );
    // Counts never need EXTENDED_ARG.
    rejects(
        &simple(&[(ExtendedArg, 1), (BuildTuple, 0), (ReturnValue, 0)], 1),
        "BUILD_TUPLE",
    );
    rejects(
        &simple(
            &[
                (ExtendedArg, 0),
                (JumpForward, 1),
                (LoadConst, 0),
                (ReturnValue, 0),
            ],
            1,
        ),
        "middle of an EXTENDED_ARG",
    );
    rejects(
        &simple(&[(LoadConst, 0), (PopTop, 0), (ExtendedArg, 0)], 1),
        "off the end",
    );
}

#[test]
fn rejects_stack_underflow_and_overflow() {
    rejects(
        &simple(&[(PopTop, 0), (LoadConst, 0), (ReturnValue, 0)], 1),
        "stack underflow",
    );
    // The net effect of BINARY_OP at depth 1 is 0, but it reads two items.
    rejects(
        &simple(
            &[
                (LoadConst, 0),
                (LoadConst, 0),
                (BinaryOp, 0),
                (BinaryOp, 0),
                (ReturnValue, 0),
            ],
            2,
        ),
        "stack underflow",
    );
    rejects(
        &simple(&[(LoadConst, 0), (Copy, 2), (ReturnValue, 0)], 2),
        "stack underflow",
    );
    rejects(
        &simple(&[(LoadConst, 0), (LoadConst, 0), (ReturnValue, 0)], 1),
        "out of range 0..=1",
    );
    rejects(&simple(&[(ReturnValue, 0)], 1), "stack underflow");
    rejects(
        &simple(&[(LoadConst, 0), (ListAppend, 1), (ReturnValue, 0)], 3),
        "stack underflow",
    );
    let mut co = simple(&[(LoadConst, 0), (ReturnValue, 0)], 1);
    co.stacksize = MAX_STACKSIZE + 1;
    rejects(&co, "stacksize");
}

#[test]
fn rejects_inconsistent_depth_at_merge() {
    // if v: push one item, else push two; both reach the same RETURN_VALUE.
    let co = simple(
        &[
            (LoadFast, 0),
            (PopJumpIfFalse, 4),
            (LoadConst, 0),
            (JumpForward, 6),
            (LoadConst, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
        ],
        3,
    );
    rejects(&co, "inconsistent stack depth");
}

#[test]
fn rejects_falling_off_the_end() {
    rejects(&simple(&[(LoadConst, 0), (PopTop, 0)], 1), "off the end");
    rejects(
        &simple(&[(LoadFast, 0), (PopJumpIfFalse, 0)], 1),
        "off the end",
    );
    rejects(&simple(&[], 1), "empty code");
}

#[test]
fn rejects_bad_shape() {
    let mut co = simple(&[(LoadConst, 0), (ReturnValue, 0)], 1);
    co.locations.pop();
    rejects(&co, "1 locations for 2 instructions");

    let mut co = simple(&[(LoadConst, 0), (ReturnValue, 0)], 1);
    co.argcount = 2;
    rejects(&co, "2 arguments but 1 local names");
    co.argcount = 1;
    co.flags = CodeFlags(CodeFlags::VARARGS);
    rejects(&co, "2 arguments");
    co.flags = CodeFlags(0);
    co.posonlyargcount = 2;
    rejects(&co, "posonlyargcount");

    let mut co = common::function_outer();
    co.cell2arg = vec![(1, 0)];
    rejects(&co, "cell2arg");
    co.cell2arg = vec![(0, 1)];
    rejects(&co, "cell2arg");
    co.cellvars.push("b".into());
    co.varnames.push("b".into());
    co.argcount = 2;
    co.cell2arg = vec![(0, 0), (0, 1)];
    rejects(&co, "appears twice");
}

#[test]
fn rejects_bad_exception_tables() {
    let body = [
        (LoadConst, 0),
        (LoadConst, 0),
        (ReturnValue, 0),
        (PopTop, 0),
        (LoadConst, 0),
        (ReturnValue, 0),
    ];
    let with = |table: Vec<ExceptionEntry>| {
        let mut co = simple(&body, 2);
        co.exception_table = table;
        co
    };
    verify(&with(vec![entry(0, 3, 3, 0, false)])).unwrap();
    rejects(
        &with(vec![entry(1, 3, 3, 0, false), entry(0, 1, 3, 0, false)]),
        "unsorted or overlapping",
    );
    rejects(
        &with(vec![entry(0, 2, 3, 0, false), entry(1, 3, 3, 0, false)]),
        "unsorted or overlapping",
    );
    rejects(&with(vec![entry(2, 2, 3, 0, false)]), "out of range");
    rejects(&with(vec![entry(0, 7, 3, 0, false)]), "out of range");
    rejects(&with(vec![entry(0, 3, 6, 0, false)]), "out of range");
    rejects(&with(vec![entry(0, 3, 3, 2, false)]), "exceeds stacksize");
    // Entered at depth 3 (depth 1, lasti, exc): more than stacksize.
    rejects(&with(vec![entry(0, 3, 3, 1, true)]), "exceeds stacksize");
    // One handler entered at two different depths.
    rejects(
        &with(vec![entry(0, 1, 3, 0, false), entry(1, 3, 3, 1, false)]),
        "inconsistent stack depth",
    );
    // Covered code below the handler's depth: the entry at depth 1 covers the
    // first LOAD_CONST, which runs at depth 0.
    let mut co = simple(
        &[
            (LoadConst, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
            (PopTop, 0),
            (PopTop, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
        ],
        3,
    );
    co.exception_table = vec![entry(0, 3, 3, 1, false)];
    rejects(&co, "below its handler's depth");
    // A raising instruction that consumes items under the handler's level:
    // BINARY_OP at depth 2 pops both, below the entry depth of 1.
    let mut co = simple(
        &[
            (LoadConst, 0),
            (LoadConst, 0),
            (BinaryOp, 0),
            (ReturnValue, 0),
            (PopTop, 0),
            (PopTop, 0),
            (LoadConst, 0),
            (ReturnValue, 0),
        ],
        3,
    );
    co.exception_table = vec![entry(2, 3, 4, 1, false)];
    rejects(&co, "below its handler's depth");
    // A handler target inside an EXTENDED_ARG sequence.
    let mut co = simple(
        &[
            (LoadConst, 0),
            (ReturnValue, 0),
            (ExtendedArg, 0),
            (ReturnValue, 0),
        ],
        1,
    );
    co.exception_table = vec![entry(0, 1, 3, 0, false)];
    rejects(&co, "EXTENDED_ARG");
}

#[test]
fn rejects_bad_kw_names() {
    let call = |kw: u32, argc: u32, consts: Vec<Constant>| {
        code(
            "t",
            &[
                (PushNull, 0),
                (LoadName, 0),
                (LoadConst, 0),
                (KwNames, kw),
                (Call, argc),
                (ReturnValue, 0),
            ],
            consts,
            &["f"],
            &[],
            3,
        )
    };
    let names = Constant::Tuple(vec![Constant::str("sep")]);
    verify(&call(1, 1, vec![Constant::None, names.clone()])).unwrap();
    rejects(
        &call(0, 1, vec![Constant::None, names.clone()]),
        "tuple of str",
    );
    rejects(
        &call(
            1,
            1,
            vec![Constant::None, Constant::Tuple(vec![Constant::Int(1)])],
        ),
        "tuple of str",
    );
    rejects(
        &call(
            1,
            0,
            vec![
                Constant::None,
                Constant::Tuple(vec![Constant::str("a"), Constant::str("b")]),
            ],
        ),
        "enough arguments",
    );
    let mut co = call(1, 1, vec![Constant::None, names]);
    co.code[4] = Instr::new(CallFunctionEx, 0);
    rejects(&co, "KW_NAMES not followed by a CALL");
}

#[test]
fn checks_nested_code_objects() {
    let bad = simple(&[(PopTop, 0), (ReturnValue, 0)], 1);
    let mut outer = simple(&[(LoadConst, 0), (ReturnValue, 0)], 1);
    outer.consts = vec![Constant::Code(Rc::new(bad.clone()))];
    rejects(&outer, "stack underflow");
    // Hidden inside a tuple constant.
    outer.consts = vec![Constant::Tuple(vec![
        Constant::Int(1),
        Constant::FrozenSet(vec![Constant::Code(Rc::new(bad))]),
    ])];
    rejects(&outer, "stack underflow");
}

#[test]
fn deeply_nested_code_objects_do_not_overflow() {
    let mut co = simple(&[(LoadConst, 0), (ReturnValue, 0)], 1);
    for _ in 0..100_000 {
        let mut outer = simple(&[(LoadConst, 0), (ReturnValue, 0)], 1);
        outer.consts = vec![Constant::Code(Rc::new(co))];
        co = outer;
    }
    verify(&co).unwrap();
    // Dropping 100 000 nested Rc<CodeObject>s recursively would overflow the
    // test thread's stack; unwind them one level at a time.
    let mut cur = Some(co);
    while let Some(mut c) = cur.take() {
        if let Some(Constant::Code(inner)) = c.consts.pop() {
            cur = Rc::try_unwrap(inner).ok();
        }
    }
}

#[test]
fn stack_inputs_agree_with_stack_effects() {
    for &op in Opcode::ALL {
        for arg in 0..12u32 {
            let (needed, popped) = pyrite_marshal::stack_inputs(op, arg);
            assert!(needed >= popped && popped >= 0, "{op:?} {arg}");
            for jump in [false, true] {
                if let Some(effect) = op.stack_effect(arg, jump) {
                    // No edge removes more items than the instruction reads.
                    assert!(needed >= -(effect as i64), "{op:?} {arg} jump={jump}");
                }
            }
        }
    }
}

/// For every opcode whose `Stack:` line in the opcode table has a fixed shape
/// (no optional or repeated items), the verifier's idea of what it reads is
/// the documented input count, and one of its stack effects is outputs - inputs.
#[test]
fn stack_inputs_match_the_documented_stack_lines() {
    let mut checked = 0;
    for &op in Opcode::ALL {
        let doc = op.doc();
        let Some(start) = doc.find("Stack: (") else {
            continue;
        };
        let rest = &doc[start + 8..];
        let sig = &rest[..rest.find(')').unwrap()];
        if sig.contains('[') || sig.contains("..") {
            continue;
        }
        let (ins, outs) = sig.split_once("--").unwrap();
        let count = |s: &str| s.split(',').filter(|t| !t.trim().is_empty()).count() as i64;
        let (ins, outs) = (count(ins), count(outs));
        let (needed, popped) = pyrite_marshal::stack_inputs(op, 0);
        assert_eq!(needed, ins, "{op:?} reads");
        assert!(popped <= ins, "{op:?} pops");
        let effects = [op.stack_effect(0, false), op.stack_effect(0, true)];
        assert!(
            effects.contains(&Some((outs - ins) as i32)),
            "{op:?}: {sig} vs {effects:?}"
        );
        checked += 1;
    }
    assert!(checked > 60, "{checked}");
}
