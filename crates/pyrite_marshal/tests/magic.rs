//! The magic number's shape, and its tie to the opcode table.

use pyrite_marshal::*;

#[test]
fn magic_number_shape() {
    assert_eq!(MAGIC_NUMBER, [0x70, 0x79, b'\r', b'\n']);
    assert_eq!(
        u16::from_le_bytes([MAGIC_NUMBER[0], MAGIC_NUMBER[1]]),
        MAGIC_VERSION
    );
    // Far from CPython's magic numbers (3.11.7 is 3495), never confused with them.
    const { assert!(MAGIC_VERSION > 10_000) };
}

/// Fails when the opcode table changes. Then: bump `MAGIC_VERSION` in
/// src/lib.rs (with a changelog line) and record the printed fingerprint in
/// `OPCODE_TABLE_FINGERPRINT` (src/fingerprint.rs).
#[test]
fn opcode_table_unchanged_since_last_magic_bump() {
    let now = opcode_table_fingerprint();
    assert_eq!(
        now, OPCODE_TABLE_FINGERPRINT,
        "the opcode table changed (fingerprint {now:#018x}): bump MAGIC_VERSION and record the new fingerprint"
    );
}
