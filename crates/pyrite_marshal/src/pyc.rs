//! The `.pyc` file: PEP 552 header with pyrite's magic and a CRC-32, then the
//! marshalled compile-time warnings and code object.
//! CPython: `Lib/importlib/_bootstrap_external.py` (`_classify_pyc`,
//! `_validate_timestamp_pyc`, `_code_to_timestamp_pyc`).

use crate::crc32::{crc32, crc32_update};
use crate::error::MarshalError;
use crate::marshal::{Reader, Writer};
use crate::verify::verify;
use crate::MAGIC_NUMBER;
use pyrite_bytecode::CodeObject;

/// Flags bit 0: the stamp is a source hash, not mtime and size.
pub const FLAG_HASH_BASED: u32 = 0b01;
/// Flags bit 1 (with bit 0): the loader should compare the hash with the source.
pub const FLAG_CHECK_SOURCE: u32 = 0b10;
/// Bytes before the payload: magic, flags, stamp, checksum.
pub const HEADER_LEN: usize = 20;

/// The source's modification time (whole seconds) and size, each truncated to
/// 32 bits as CPython does (`int(st_mtime) & 0xFFFFFFFF`, `st_size & 0xFFFFFFFF`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct SourceStamp {
    pub mtime: u32,
    pub size: u32,
}

impl SourceStamp {
    /// The stamp of a source file from its metadata.
    pub fn from_metadata(meta: &std::fs::Metadata) -> SourceStamp {
        let size = meta.len() as u32;
        #[cfg(unix)]
        let secs = {
            use std::os::unix::fs::MetadataExt;
            // Python's int(st_mtime) truncates toward zero; st_mtime is floored.
            let (s, ns) = (meta.mtime(), meta.mtime_nsec());
            if s < 0 && ns > 0 {
                s + 1
            } else {
                s
            }
        };
        #[cfg(not(unix))]
        let secs = match meta
            .modified()
            .map(|t| t.duration_since(std::time::UNIX_EPOCH))
        {
            Ok(Ok(d)) => d.as_secs() as i64,
            Ok(Err(e)) => -(e.duration().as_secs() as i64),
            Err(_) => 0,
        };
        SourceStamp {
            mtime: secs as u32,
            size,
        }
    }
}

/// How a `.pyc` says which source it was compiled from (PEP 552).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Validation {
    /// Flags 0: the source's mtime and size.
    Timestamp(SourceStamp),
    /// Flags `FLAG_HASH_BASED` (| `FLAG_CHECK_SOURCE` if `check_source`): a
    /// hash of the source bytes (`source_hash`).
    Hash {
        source_hash: [u8; 8],
        check_source: bool,
    },
}

/// The decoded fixed part of a `.pyc`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PycHeader {
    pub validation: Validation,
    /// The CRC-32 recorded in the file (not yet checked by `read_header`).
    pub checksum: u32,
}

/// A compile-time warning stored with the code, re-emitted when it is loaded.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StoredWarning {
    /// The warning class name, e.g. `SyntaxWarning`, `DeprecationWarning`.
    pub category: String,
    pub msg: String,
    pub lineno: u32,
}

/// Key of the source hash: fixed, so hashes are the same in every process.
const SOURCE_HASH_KEY: (u64, u64) = (0x7079_7269_7465_2d33, 0x3131_2d73_6f75_7263);

/// The 8-byte source hash of hash-based `.pyc`s: SipHash-1-3 of the source
/// bytes with a fixed key, little-endian. (CPython keys its SipHash-1-3 with
/// its magic number, so the values differ; only pyrite reads these.)
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    let h = siphasher::sip::SipHasher13::new_with_keys(SOURCE_HASH_KEY.0, SOURCE_HASH_KEY.1);
    h.hash(source).to_le_bytes()
}

/// A timestamp-based `.pyc` for `code`; same input, same bytes.
pub fn encode_pyc(code: &CodeObject, warnings: &[StoredWarning], stamp: SourceStamp) -> Vec<u8> {
    encode_pyc_with(code, warnings, Validation::Timestamp(stamp))
}

/// A `.pyc` for `code` with either kind of validation.
pub fn encode_pyc_with(
    code: &CodeObject,
    warnings: &[StoredWarning],
    validation: Validation,
) -> Vec<u8> {
    let mut w = Writer::new();
    w.out.extend_from_slice(&MAGIC_NUMBER);
    let (flags, stamp) = match validation {
        Validation::Timestamp(s) => {
            let mut b = [0u8; 8];
            b[..4].copy_from_slice(&s.mtime.to_le_bytes());
            b[4..].copy_from_slice(&s.size.to_le_bytes());
            (0, b)
        }
        Validation::Hash {
            source_hash,
            check_source,
        } => (
            FLAG_HASH_BASED | if check_source { FLAG_CHECK_SOURCE } else { 0 },
            source_hash,
        ),
    };
    w.out.extend_from_slice(&flags.to_le_bytes());
    w.out.extend_from_slice(&stamp);
    w.out.extend_from_slice(&[0; 4]);
    crate::marshal::put_varint(&mut w.out, warnings.len() as u64);
    for wn in warnings {
        w.write_str(wn.category.as_bytes());
        w.write_str(wn.msg.as_bytes());
        crate::marshal::put_varint(&mut w.out, wn.lineno as u64);
    }
    w.write_code(code);
    let mut out = w.out;
    let crc = checksum(&out);
    out[16..20].copy_from_slice(&crc.to_le_bytes());
    out
}

/// CRC-32 of everything after the magic except the checksum field itself.
fn checksum(file: &[u8]) -> u32 {
    crc32_update(crc32(&file[4..16]), &file[20..])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(b)
}

/// Checks the magic and flags and returns the header (the checksum is not yet
/// verified). Callers supporting checked hash-based `.pyc`s compare
/// `source_hash(source)` with the header's before calling `decode_pyc(bytes, None)`.
pub fn read_header(bytes: &[u8]) -> Result<PycHeader, MarshalError> {
    if bytes.len() < 4 || bytes[..4] != MAGIC_NUMBER {
        return Err(MarshalError::BadMagic);
    }
    if bytes.len() < HEADER_LEN {
        return Err(MarshalError::Truncated);
    }
    let flags = u32_at(bytes, 4);
    let validation = match flags {
        0 => Validation::Timestamp(SourceStamp {
            mtime: u32_at(bytes, 8),
            size: u32_at(bytes, 12),
        }),
        1 | 3 => {
            let mut h = [0u8; 8];
            h.copy_from_slice(&bytes[8..16]);
            Validation::Hash {
                source_hash: h,
                check_source: flags & FLAG_CHECK_SOURCE != 0,
            }
        }
        _ => return Err(MarshalError::BadFlags(flags)),
    };
    Ok(PycHeader {
        validation,
        checksum: u32_at(bytes, 16),
    })
}

/// Decodes and verifies a `.pyc`. With `expected`, a timestamp-based file must
/// carry exactly that stamp and a hash-based file must not ask for a source
/// check (it is reported `Stale`: see `read_header`); without it, freshness is
/// not checked. Then the checksum is checked, the payload decoded (it must end
/// exactly at the end of `bytes`) and every code object verified. Never panics.
pub fn decode_pyc(
    bytes: &[u8],
    expected: Option<SourceStamp>,
) -> Result<(CodeObject, Vec<crate::StoredWarning>), MarshalError> {
    let header = read_header(bytes)?;
    if let Some(expected) = expected {
        match header.validation {
            Validation::Timestamp(stamp) if stamp != expected => return Err(MarshalError::Stale),
            Validation::Hash {
                check_source: true, ..
            } => return Err(MarshalError::Stale),
            _ => {}
        }
    }
    if checksum(bytes) != header.checksum {
        return Err(MarshalError::BadChecksum);
    }
    let mut r = Reader::new(&bytes[HEADER_LEN..]);
    let n = r.varint()?;
    if n > (bytes.len() / 5) as u64 {
        return Err(MarshalError::Truncated);
    }
    let mut warnings = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let category = r.read_string()?;
        let msg = r.read_string()?;
        let lineno = r.varint_u32()?;
        warnings.push(StoredWarning {
            category,
            msg,
            lineno,
        });
    }
    let code = r.read_code()?;
    r.finish()?;
    verify(&code)?;
    Ok((code, warnings))
}

/// Points `code` and the code objects among its constants at `new_name` when
/// they still carry `code.filename` (the source moved since the `.pyc` was
/// written). CPython: `_imp._fix_co_filename` (`update_compiled_module`).
/// Recurses once per nesting level, which `decode_pyc` bounds by `MAX_DEPTH`.
pub fn fix_co_filename(code: &mut CodeObject, new_name: &str) {
    if code.filename == new_name {
        return;
    }
    let old = std::mem::replace(&mut code.filename, new_name.to_string());
    fix_nested(code, &old, new_name);
}

fn fix_nested(code: &mut CodeObject, old: &str, new_name: &str) {
    for c in &mut code.consts {
        if let pyrite_bytecode::Constant::Code(inner) = c {
            if inner.filename == old {
                let inner = std::rc::Rc::make_mut(inner);
                inner.filename = new_name.to_string();
                fix_nested(inner, old, new_name);
            }
        }
    }
}

/// The cached code of `source`, read from `pyc` (usually `cache_path(source,
/// optimize)`), if it is fresh and valid: a timestamp-based file must match
/// the source's current mtime and size, a checked hash-based one its current
/// hash (an unchecked one is trusted, as in CPython). The code objects that
/// carried the compile-time file name get `filename` (CPython's
/// `_fix_co_filename`). Any error means: compile `source` instead.
pub fn load_cached(
    source: &std::path::Path,
    pyc: &std::path::Path,
    filename: &str,
) -> Result<(CodeObject, Vec<StoredWarning>), MarshalError> {
    let stamp = SourceStamp::from_metadata(&std::fs::metadata(source)?);
    let bytes = std::fs::read(pyc)?;
    let (mut code, warnings) = match read_header(&bytes)?.validation {
        Validation::Timestamp(_) => decode_pyc(&bytes, Some(stamp))?,
        Validation::Hash {
            source_hash: h,
            check_source,
        } => {
            if check_source && source_hash(&std::fs::read(source)?) != h {
                return Err(MarshalError::Stale);
            }
            decode_pyc(&bytes, None)?
        }
    };
    fix_co_filename(&mut code, filename);
    Ok((code, warnings))
}

/// Writes the `.pyc` of `code` compiled from `source` to `pyc` atomically
/// (creating `__pycache__`), stamped with the source's metadata read *before*
/// compiling (`stamp`), so a source edited meanwhile is seen as stale. Errors
/// are returned for logging; callers go on without a cache file.
pub fn store_cached(
    pyc: &std::path::Path,
    code: &CodeObject,
    warnings: &[StoredWarning],
    stamp: SourceStamp,
) -> std::io::Result<()> {
    crate::cache::write_atomic(pyc, &encode_pyc(code, warnings, stamp))
}
