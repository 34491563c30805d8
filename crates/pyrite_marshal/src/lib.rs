//! marshal and `.pyc` files: the serialised form of `CodeObject`s (`marshal`),
//! the PEP 552 `.pyc` header with pyrite's magic number and a CRC-32 (`pyc`),
//! the loader's verifier that makes a decoded code object safe to run
//! (`verify`), and `__pycache__` paths and atomic writes (`cache`).
//! The format is specified with a worked example in `docs/internals/pyc.md`.

mod cache;
mod crc32;
mod error;
mod fingerprint;
pub mod marshal;
mod pyc;
mod verify;

pub use cache::{cache_path, cache_path_with_prefix, write_atomic};
pub use crc32::crc32;
pub use error::MarshalError;
pub use fingerprint::{opcode_table_fingerprint, OPCODE_TABLE_FINGERPRINT};
pub use marshal::{dump_constant, load_constant, MAX_DEPTH};
pub use pyc::{
    decode_pyc, encode_pyc, encode_pyc_with, fix_co_filename, load_cached, read_header,
    source_hash, store_cached, PycHeader, SourceStamp, StoredWarning, Validation,
    FLAG_CHECK_SOURCE, FLAG_HASH_BASED, HEADER_LEN,
};
pub use verify::{stack_inputs, verify, MAX_STACKSIZE};

/// pyrite's `.pyc` format version. Bump it on any change to opcode numbers,
/// operand encoding, stack effects, the marshal format or the header, and add
/// a line to the changelog below. The first value spells `b"py"` when written
/// little-endian, and lies far above CPython's magic numbers (3.11 is 3495),
/// so no CPython `.pyc` is ever mistaken for one of ours.
///
/// Changelog (one line per bump):
/// - 31088 (0x7970, `b"py\r\n"`): first format; 100 opcodes, opcode table
///   fingerprint 0x62b4_dbcd_f4fe_fd93.
pub const MAGIC_VERSION: u16 = 0x7970;

/// The 4 bytes every pyrite `.pyc` starts with: `MAGIC_VERSION` little-endian,
/// then `b"\r\n"` (as CPython's, so a text-mode transfer damages it visibly).
pub const MAGIC_NUMBER: [u8; 4] = [
    MAGIC_VERSION as u8,
    (MAGIC_VERSION >> 8) as u8,
    b'\r',
    b'\n',
];

/// `sys.implementation.cache_tag`: the middle part of `NAME.pyrite-311.pyc`.
pub const CACHE_TAG: &str = "pyrite-311";

// The opcode table and this format change together: adding or removing an
// opcode fails to compile here until MAGIC_VERSION is bumped and this count
// updated. Changes that keep the count are caught by the fingerprint test
// (tests/magic.rs), which compares `opcode_table_fingerprint()` with
// `OPCODE_TABLE_FINGERPRINT`.
const _: () = assert!(pyrite_bytecode::Opcode::ALL.len() == 100 && MAGIC_VERSION == 0x7970);
