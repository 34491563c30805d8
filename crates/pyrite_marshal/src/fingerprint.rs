//! A fingerprint of the opcode table, so that a change to it without a bump of
//! `MAGIC_VERSION` fails a test: FNV-1a (64-bit) over every opcode's number,
//! name, operand kind, control-flow flags and stack effects for small operands.

use pyrite_bytecode::opcode::{BinaryOp, CompareOp};
use pyrite_bytecode::Opcode;

/// The fingerprint recorded for the current `MAGIC_VERSION`. When the test
/// comparing it with `opcode_table_fingerprint()` fails, bump `MAGIC_VERSION`
/// (with a changelog line) and record the new value here.
pub const OPCODE_TABLE_FINGERPRINT: u64 = 0x62b4_dbcd_f4fe_fd93;

struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    fn int(&mut self, v: i64) {
        self.bytes(&v.to_le_bytes());
    }
}

/// Hashes what the file format and the verifier depend on in the opcode table.
pub fn opcode_table_fingerprint() -> u64 {
    let mut h = Fnv(0xCBF2_9CE4_8422_2325);
    for &op in Opcode::ALL {
        h.int(op as u8 as i64);
        h.bytes(op.name().as_bytes());
        h.bytes(format!("{:?}", op.arg_kind()).as_bytes());
        h.int(op.is_jump() as i64);
        h.int(op.is_unconditional_jump() as i64);
        h.int(op.is_terminator() as i64);
        for arg in 0..8u32 {
            for jump in [false, true] {
                h.int(op.stack_effect(arg, jump).map_or(i64::MIN, i64::from));
            }
        }
    }
    let nbin = (0..)
        .take_while(|&n| BinaryOp::from_u32(n).is_some())
        .count();
    let ncmp = (0..)
        .take_while(|&n| CompareOp::from_u32(n).is_some())
        .count();
    h.int(nbin as i64);
    h.int(ncmp as i64);
    h.0
}
