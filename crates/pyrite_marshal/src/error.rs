//! `MarshalError`: why a `.pyc` (or a marshalled value) was not accepted.
//! The VM treats every kind alike ("recompile from source"); the kinds exist
//! for diagnostics and tests.

use std::fmt;

/// Why decoding or verification failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarshalError {
    /// The file does not start with `MAGIC_NUMBER` (another pyrite version,
    /// a CPython `.pyc`, or not a `.pyc` at all).
    BadMagic,
    /// The PEP 552 flags word has bits this version does not know.
    BadFlags(u32),
    /// The header's source stamp does not match the source (it changed).
    Stale,
    /// The file is shorter than its header, or the payload ends early.
    Truncated,
    /// The CRC-32 over flags, stamp and payload does not match: the file was damaged.
    BadChecksum,
    /// The payload is malformed (unknown type code, bad length, bad string ...).
    Corrupt(String),
    /// Constants or code objects nest deeper than `MAX_DEPTH`.
    TooDeep,
    /// The source or the `.pyc` could not be read (`load_cached`).
    Io(std::io::ErrorKind),
    /// The loader's verifier rejected a code object: `code` is its qualified
    /// name, `index` the instruction (if any), `msg` what is wrong.
    Invalid {
        code: String,
        index: Option<u32>,
        msg: String,
    },
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarshalError::BadMagic => write!(f, "bad magic number"),
            MarshalError::Io(kind) => write!(f, "cannot read: {kind}"),
            MarshalError::BadFlags(flags) => write!(f, "invalid flags {flags:#x}"),
            MarshalError::Stale => write!(f, "bytecode is stale"),
            MarshalError::Truncated => write!(f, "bad marshal data (truncated)"),
            MarshalError::BadChecksum => write!(f, "bad checksum"),
            MarshalError::Corrupt(msg) => write!(f, "bad marshal data ({msg})"),
            MarshalError::TooDeep => write!(f, "bad marshal data (nesting too deep)"),
            MarshalError::Invalid {
                code,
                index: Some(i),
                msg,
            } => {
                write!(f, "invalid bytecode in {code} at instruction {i}: {msg}")
            }
            MarshalError::Invalid {
                code,
                index: None,
                msg,
            } => {
                write!(f, "invalid code object {code}: {msg}")
            }
        }
    }
}

impl std::error::Error for MarshalError {}

impl From<std::io::Error> for MarshalError {
    fn from(e: std::io::Error) -> MarshalError {
        MarshalError::Io(e.kind())
    }
}
