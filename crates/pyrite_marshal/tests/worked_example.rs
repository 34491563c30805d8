//! The worked example of docs/internals/pyc.md: the `.pyc` of `x = 1`
//! (`x.py`, 6 bytes, mtime 1700000000), byte for byte. If this test fails
//! the format changed: update the document (and bump `MAGIC_VERSION`).

use pyrite_bytecode::{CodeFlags, CodeObject, Constant, Instr, Location, Opcode};
use pyrite_marshal::*;

/// `compile("x = 1\n", "x.py", "exec")`, positions from CPython 3.11's
/// `co_positions()` (without its RESUME).
fn x_equals_1() -> CodeObject {
    let loc = |col, end_col| Location {
        line: 1,
        end_line: 1,
        col,
        end_col,
    };
    CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 1,
        flags: CodeFlags(0),
        code: vec![
            Instr::new(Opcode::LoadConst, 0),
            Instr::new(Opcode::StoreName, 0),
            Instr::new(Opcode::LoadConst, 1),
            Instr::new(Opcode::ReturnValue, 0),
        ],
        consts: vec![Constant::Int(1), Constant::None],
        names: vec!["x".into()],
        varnames: vec![],
        cellvars: vec![],
        freevars: vec![],
        cell2arg: vec![],
        filename: "x.py".into(),
        name: "<module>".into(),
        qualname: "<module>".into(),
        firstlineno: 1,
        locations: vec![loc(4, 5), loc(0, 1), loc(0, 1), loc(0, 1)],
        exception_table: vec![],
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The bytes shown in docs/internals/pyc.md, one line per field group.
/// (The CRC-32 agrees with CPython's `zlib.crc32` over bytes 4..16 and 20..)
const EXPECTED: &str = "
    70 79 0d 0a
    00 00 00 00
    00 f1 53 65
    06 00 00 00
    d4 8c bf 90
    00
    63
    00 00 00 01 00 01
    04 28 00 2a 00 28 01 14 00
    02 69 02 4e
    01 fa 01 78
    00
    00
    00
    00
    fa 04 78 2e 70 79
    fa 08 3c 6d 6f 64 75 6c 65 3e
    72 02
    04 03 00 04 02 01 00 00 02 00 00
    00
";

#[test]
fn worked_example_bytes() {
    let bytes = encode_pyc(
        &x_equals_1(),
        &[],
        SourceStamp {
            mtime: 1_700_000_000,
            size: 6,
        },
    );
    assert_eq!(
        hex(&bytes),
        EXPECTED.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let (code, warnings) = decode_pyc(
        &bytes,
        Some(SourceStamp {
            mtime: 1_700_000_000,
            size: 6,
        }),
    )
    .unwrap();
    assert_eq!(code, x_equals_1());
    assert!(warnings.is_empty());
}
