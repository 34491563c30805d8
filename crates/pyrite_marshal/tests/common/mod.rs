//! Hand-built code objects shared by the tests (the compiler is not used here).
#![allow(dead_code)]

use num_bigint::BigInt;
use pyrite_bytecode::{
    CodeFlags, CodeObject, Constant, ExceptionEntry, Instr, Location, Opcode, Wtf8Buf,
};
use std::rc::Rc;

/// A code object with `instrs`, one location per instruction on `line` 1+i/4.
pub fn code(
    name: &str,
    instrs: &[(Opcode, u32)],
    consts: Vec<Constant>,
    names: &[&str],
    varnames: &[&str],
    stacksize: u32,
) -> CodeObject {
    CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize,
        flags: CodeFlags(0),
        code: instrs.iter().map(|&(op, a)| Instr::new(op, a)).collect(),
        consts,
        names: names.iter().map(|s| s.to_string()).collect(),
        varnames: varnames.iter().map(|s| s.to_string()).collect(),
        cellvars: vec![],
        freevars: vec![],
        cell2arg: vec![],
        filename: "m1.py".into(),
        name: name.into(),
        qualname: name.into(),
        firstlineno: 1,
        locations: (0..instrs.len() as u32)
            .map(|i| Location {
                line: 1 + i / 4,
                end_line: 1 + i / 4,
                col: i % 7,
                end_col: i % 7 + 3,
            })
            .collect(),
        exception_table: vec![],
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

/// CPython 3.11's code for this function, in pyrite's instruction set
/// (absolute jump targets; no RESUME, PRECALL or caches):
/// ```python
/// def f(a, b=1):
///     try:
///         for x in a:
///             b += x
///     except ValueError as e:
///         return None
///     with open(a) as fh:
///         g(*a, key=b)
///     return b
/// ```
pub fn function_f() -> CodeObject {
    use Opcode::*;
    let instrs = [
        (Nop, 0),
        (LoadFast, 0),
        (GetIter, 0),
        (ForIter, 10),
        (StoreFast, 2),
        (LoadFast, 1),
        (LoadFast, 2),
        (BinaryOp, 13),
        (StoreFast, 1),
        (JumpBackward, 3),
        (JumpForward, 30), // 10
        (PushExcInfo, 0),
        (LoadGlobal, 0),
        (CheckExcMatch, 0),
        (PopJumpIfFalse, 26),
        (StoreFast, 3),
        (PopExcept, 0),
        (LoadConst, 0),
        (StoreFast, 3),
        (DeleteFast, 3),
        (LoadConst, 0), // 20
        (ReturnValue, 0),
        (LoadConst, 0),
        (StoreFast, 3),
        (DeleteFast, 3),
        (Reraise, 1),
        (Reraise, 0),
        (Copy, 3),
        (PopExcept, 0),
        (Reraise, 1),
        (LoadGlobal, (1 << 1) | 1), // 30
        (LoadFast, 0),
        (Call, 1),
        (BeforeWith, 0),
        (StoreFast, 4),
        (LoadGlobal, (2 << 1) | 1),
        (LoadFast, 0),
        (LoadConst, 1),
        (LoadFast, 1),
        (BuildMap, 1),
        (CallFunctionEx, 1), // 40
        (PopTop, 0),
        (LoadConst, 0),
        (LoadConst, 0),
        (LoadConst, 0),
        (Call, 2),
        (PopTop, 0),
        (JumpForward, 59),
        (PushExcInfo, 0),
        (WithExceptStart, 0),
        (PopJumpIfTrue, 55), // 50
        (Reraise, 2),
        (Copy, 3),
        (PopExcept, 0),
        (Reraise, 1),
        (PopTop, 0),
        (PopExcept, 0),
        (PopTop, 0),
        (PopTop, 0),
        (LoadFast, 1),
        (ReturnValue, 0), // 60
    ];
    let mut co = code(
        "f",
        &instrs,
        vec![Constant::None, Constant::str("key")],
        &["ValueError", "open", "g"],
        &["a", "b", "x", "e", "fh"],
        6,
    );
    co.argcount = 2;
    co.flags = CodeFlags(CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS | CodeFlags::NOFREE);
    co.exception_table = vec![
        entry(1, 10, 11, 0, false),
        entry(11, 16, 27, 1, true),
        entry(22, 27, 27, 1, true),
        entry(34, 42, 48, 1, true),
        entry(48, 52, 52, 3, true),
        entry(55, 56, 52, 3, true),
    ];
    co
}

/// A closure over `a`, to exercise cells: `def outer(a): return lambda: a`.
pub fn function_outer() -> CodeObject {
    use Opcode::*;
    let mut inner = code(
        "<lambda>",
        &[(LoadDeref, 0), (ReturnValue, 0)],
        vec![],
        &[],
        &[],
        1,
    );
    inner.freevars = vec!["a".into()];
    inner.qualname = "outer.<locals>.<lambda>".into();
    inner.flags = CodeFlags(CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS | CodeFlags::NESTED);
    let mut outer = code(
        "outer",
        &[
            (LoadClosure, 0),
            (BuildTuple, 1),
            (LoadConst, 0),
            (MakeFunction, 8),
            (ReturnValue, 0),
        ],
        vec![Constant::Code(Rc::new(inner))],
        &[],
        &["a"],
        2,
    );
    outer.argcount = 1;
    outer.cellvars = vec!["a".into()];
    outer.cell2arg = vec![(0, 0)];
    outer.flags = CodeFlags(CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS);
    outer
}

/// One constant of every kind, with awkward values (-0.0, NaN payloads,
/// lone surrogates, huge ints, nesting).
pub fn every_constant() -> Vec<Constant> {
    let mut surrogate = Wtf8Buf::from("a");
    surrogate.push(0xD800);
    surrogate.push(0x1F600);
    let big: BigInt = BigInt::from(1u8) << 200usize;
    vec![
        Constant::None,
        Constant::Ellipsis,
        Constant::Bool(true),
        Constant::Bool(false),
        Constant::Int(0),
        Constant::Int(-1),
        Constant::Int(i64::MIN),
        Constant::Int(i64::MAX),
        Constant::BigInt(big.clone()),
        Constant::BigInt(-big),
        Constant::BigInt(BigInt::from(0)),
        Constant::BigInt(BigInt::from(-5)),
        Constant::Float(-0.0),
        Constant::Float(f64::from_bits(0x7FF8_0000_0000_1234)),
        Constant::Float(f64::INFINITY),
        Constant::Float(1.5e300),
        Constant::Complex {
            re: -0.0,
            im: f64::NEG_INFINITY,
        },
        Constant::str(""),
        Constant::str("hello"),
        Constant::str(&"long ascii ".repeat(40)),
        Constant::str("héllo wörld ✓"),
        Constant::Str(surrogate),
        Constant::Bytes(vec![]),
        Constant::Bytes((0..=255).collect()),
        Constant::Tuple(vec![]),
        Constant::Tuple(vec![
            Constant::Int(1),
            Constant::str("hello"),
            Constant::Tuple(vec![Constant::None]),
        ]),
        Constant::Tuple((0..300).map(Constant::Int).collect()),
        Constant::FrozenSet(vec![Constant::Int(3), Constant::Int(1), Constant::str("x")]),
        Constant::FrozenSet(vec![]),
    ]
}

/// A module: defines `f` and `outer`, calls `print(..., sep=...)` with keyword
/// names, and loads (then pops) every constant of `every_constant()`.
pub fn module() -> CodeObject {
    use Opcode::*;
    let mut consts = vec![
        Constant::Tuple(vec![Constant::Int(1)]),
        Constant::Code(Rc::new(function_f())),
        Constant::Code(Rc::new(function_outer())),
        Constant::None,
        Constant::Tuple(vec![Constant::str("sep")]),
    ];
    let first_extra = consts.len() as u32;
    consts.extend(every_constant());
    let mut instrs = vec![
        (LoadConst, 0),
        (LoadConst, 1),
        (MakeFunction, 1),
        (StoreName, 0),
        (LoadConst, 2),
        (MakeFunction, 0),
        (StoreName, 1),
        (PushNull, 0),
        (LoadName, 2),
        (LoadConst, first_extra + 18),
        (LoadConst, first_extra + 17),
        (KwNames, 4),
        (Call, 2),
        (PopTop, 0),
    ];
    for i in first_extra..consts.len() as u32 {
        instrs.push((LoadConst, i));
        instrs.push((PopTop, 0));
    }
    instrs.push((LoadConst, 3));
    instrs.push((ReturnValue, 0));
    code(
        "<module>",
        &instrs,
        consts,
        &["f", "outer", "print"],
        &[],
        4,
    )
}

// CPython 3.11's compiled code translated to pyrite's instruction set
// (fixtures/cpython311_code.py explains the format).

pub const CPYTHON_FIXTURE: &str = include_str!("../fixtures/cpython311_code.txt");

fn nums(line: &str) -> Vec<u32> {
    line.split_whitespace()
        .skip(1)
        .map(|t| t.parse().expect("number"))
        .collect()
}

fn names(n: u32, prefix: &str) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}")).collect()
}

/// Parses one block of the fixture into a code object.
pub fn parse_cpython_block(block: &[&str]) -> CodeObject {
    let c: Vec<&str> = block[0].split_whitespace().collect();
    let f = |i: usize| c[i].parse::<u32>().expect("header number");
    let v = nums(block[1]);
    let cell2arg = nums(block[2]).chunks(2).map(|p| (p[0], p[1])).collect();
    let consts = block[3]
        .split_whitespace()
        .skip(1)
        .map(|k| match k.strip_prefix('s') {
            Some(n) => Constant::Tuple(
                (0..n.parse().unwrap())
                    .map(|i| Constant::Str(Wtf8Buf::from(format!("k{i}"))))
                    .collect(),
            ),
            None => Constant::None,
        })
        .collect();
    let code: Vec<Instr> = nums(block[4])
        .chunks(2)
        .map(|p| Instr(p[0] | p[1] << 8))
        .collect();
    let exception_table = nums(block[5])
        .chunks(5)
        .map(|e| ExceptionEntry {
            start: e[0],
            end: e[1],
            target: e[2],
            depth: e[3],
            lasti: e[4] != 0,
        })
        .collect();
    CodeObject {
        argcount: f(2),
        posonlyargcount: f(3),
        kwonlyargcount: f(4),
        stacksize: f(6),
        // Drop CPython-only flag bits we do not model; keep the standard ones.
        flags: CodeFlags(f(5)),
        locations: vec![
            Location {
                line: 1,
                end_line: 1,
                col: 0,
                end_col: 1
            };
            code.len()
        ],
        code,
        consts,
        names: names(v[3], "n"),
        varnames: names(v[0], "v"),
        cellvars: names(v[1], "c"),
        freevars: names(v[2], "f"),
        cell2arg,
        filename: "lib.py".into(),
        name: c[1].into(),
        qualname: c[1].into(),
        firstlineno: 1,
        exception_table,
    }
}

/// Every code object of the fixture.
pub fn cpython_code_objects() -> Vec<CodeObject> {
    let lines: Vec<&str> = CPYTHON_FIXTURE.lines().collect();
    lines.chunks(6).map(parse_cpython_block).collect()
}
