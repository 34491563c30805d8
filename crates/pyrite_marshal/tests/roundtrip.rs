//! Encoding then decoding gives back the same code objects, warnings and
//! constants; encoding is deterministic; the header is checked.

mod common;

use pyrite_bytecode::{CodeObject, Constant};
use pyrite_marshal::*;
use std::rc::Rc;

fn warnings() -> Vec<StoredWarning> {
    vec![
        StoredWarning {
            category: "SyntaxWarning".into(),
            msg: "\"is\" with a literal. Did you mean \"==\"?".into(),
            lineno: 3,
        },
        StoredWarning {
            category: "DeprecationWarning".into(),
            msg: "invalid escape sequence '\\d'".into(),
            lineno: 70000,
        },
    ]
}

const STAMP: SourceStamp = SourceStamp {
    mtime: 1_700_000_000,
    size: 1234,
};

/// Bit-exact equality (PartialEq on floats would say -0.0 == 0.0 and NaN != NaN).
fn same_const(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) => x.to_bits() == y.to_bits(),
        (Constant::Complex { re: a, im: b }, Constant::Complex { re: c, im: d }) => {
            a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
        }
        (Constant::Tuple(x), Constant::Tuple(y))
        | (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_const(a, b))
        }
        (Constant::Code(x), Constant::Code(y)) => same_code(x, y),
        _ => std::mem::discriminant(a) == std::mem::discriminant(b) && a == b,
    }
}

fn same_code(a: &CodeObject, b: &CodeObject) -> bool {
    let strip = |c: &CodeObject| CodeObject {
        consts: vec![],
        ..c.clone()
    };
    strip(a) == strip(b)
        && a.consts.len() == b.consts.len()
        && a.consts
            .iter()
            .zip(&b.consts)
            .all(|(x, y)| same_const(x, y))
}

#[test]
fn module_round_trips() {
    let m = common::module();
    verify(&m).expect("hand-built module verifies");
    let bytes = encode_pyc(&m, &warnings(), STAMP);
    let (back, w) = decode_pyc(&bytes, Some(STAMP)).expect("decodes");
    assert!(same_code(&m, &back));
    assert_eq!(w, warnings());
    // Re-encoding the decoded object gives the same bytes.
    assert_eq!(encode_pyc(&back, &w, STAMP), bytes);
}

#[test]
fn every_constant_round_trips_alone() {
    for c in common::every_constant() {
        let bytes = dump_constant(&c);
        let back = load_constant(&bytes).unwrap_or_else(|e| panic!("{c:?}: {e}"));
        assert!(same_const(&c, &back), "{c:?} came back as {back:?}");
    }
    let code = Constant::Code(Rc::new(common::function_f()));
    assert!(same_const(
        &code,
        &load_constant(&dump_constant(&code)).unwrap()
    ));
}

#[test]
fn float_bits_survive() {
    for bits in [
        0x8000_0000_0000_0000u64,
        0x7FF8_0000_0000_0001,
        0xFFF0_0000_0000_0001,
        1,
    ] {
        let back = load_constant(&dump_constant(&Constant::Float(f64::from_bits(bits)))).unwrap();
        let Constant::Float(f) = back else {
            panic!("not a float")
        };
        assert_eq!(f.to_bits(), bits);
    }
}

#[test]
fn encoding_is_deterministic() {
    let a = encode_pyc(&common::module(), &warnings(), STAMP);
    for _ in 0..5 {
        assert_eq!(encode_pyc(&common::module(), &warnings(), STAMP), a);
    }
    // A fresh thread (other hash-map seeds) gives the same bytes too.
    let b = std::thread::spawn(|| encode_pyc(&common::module(), &warnings(), STAMP))
        .join()
        .unwrap();
    assert_eq!(a, b);
}

#[test]
fn repeated_strings_are_written_once() {
    let m = common::module();
    let bytes = encode_pyc(&m, &[], STAMP);
    let count = bytes.windows(5).filter(|w| w == b"m1.py").count();
    assert_eq!(count, 1, "the file name is shared by all code objects");
}

#[test]
fn header_layout() {
    let bytes = encode_pyc(&common::module(), &[], STAMP);
    assert_eq!(&bytes[..4], &MAGIC_NUMBER);
    assert_eq!(&bytes[..4], b"py\r\n");
    assert_eq!(&bytes[4..8], &[0, 0, 0, 0]);
    assert_eq!(&bytes[8..12], &STAMP.mtime.to_le_bytes());
    assert_eq!(&bytes[12..16], &STAMP.size.to_le_bytes());
    let mut covered = bytes[4..16].to_vec();
    covered.extend_from_slice(&bytes[20..]);
    assert_eq!(&bytes[16..20], &crc32(&covered).to_le_bytes());
    assert_eq!(
        read_header(&bytes).unwrap().validation,
        Validation::Timestamp(STAMP)
    );
}

#[test]
fn crc32_matches_zlib() {
    // Values from CPython: zlib.crc32(b"") and zlib.crc32(b"123456789").
    assert_eq!(crc32(b""), 0);
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

#[test]
fn stale_and_unchecked() {
    let bytes = encode_pyc(&common::module(), &[], STAMP);
    assert_eq!(
        decode_pyc(
            &bytes,
            Some(SourceStamp {
                mtime: STAMP.mtime + 1,
                size: STAMP.size
            })
        )
        .unwrap_err(),
        MarshalError::Stale
    );
    assert_eq!(
        decode_pyc(
            &bytes,
            Some(SourceStamp {
                mtime: STAMP.mtime,
                size: 1
            })
        )
        .unwrap_err(),
        MarshalError::Stale
    );
    assert!(decode_pyc(&bytes, None).is_ok());
}

#[test]
fn hash_based_pycs() {
    let src = b"x = 1\n";
    let h = source_hash(src);
    assert_eq!(h, source_hash(src));
    assert_ne!(h, source_hash(b"x = 2\n"));
    let m = common::module();
    for check_source in [false, true] {
        let v = Validation::Hash {
            source_hash: h,
            check_source,
        };
        let bytes = encode_pyc_with(&m, &[], v);
        assert_eq!(
            u32::from_le_bytes(bytes[4..8].try_into().unwrap()),
            1 | (check_source as u32) << 1
        );
        assert_eq!(&bytes[8..16], &h);
        assert_eq!(read_header(&bytes).unwrap().validation, v);
        assert!(decode_pyc(&bytes, None).is_ok());
        let with_stamp = decode_pyc(&bytes, Some(STAMP));
        if check_source {
            assert_eq!(with_stamp.unwrap_err(), MarshalError::Stale);
        } else {
            assert!(with_stamp.is_ok());
        }
    }
}

#[test]
fn header_errors() {
    let good = encode_pyc(&common::module(), &[], STAMP);
    assert_eq!(decode_pyc(&[], None).unwrap_err(), MarshalError::BadMagic);
    assert_eq!(
        decode_pyc(b"py\r", None).unwrap_err(),
        MarshalError::BadMagic
    );
    assert_eq!(
        decode_pyc(&good[..19], None).unwrap_err(),
        MarshalError::Truncated
    );
    let mut cpython = good.clone();
    cpython[..4].copy_from_slice(&[0xA7, 0x0D, b'\r', b'\n']); // CPython 3.11's magic (3495)
    assert_eq!(
        decode_pyc(&cpython, None).unwrap_err(),
        MarshalError::BadMagic
    );
    for flags in [2u32, 4, 0x100] {
        let mut b = good.clone();
        b[4..8].copy_from_slice(&flags.to_le_bytes());
        assert_eq!(
            decode_pyc(&b, None).unwrap_err(),
            MarshalError::BadFlags(flags)
        );
    }
    let mut b = good.clone();
    let last = b.len() - 1;
    b[last] ^= 1;
    assert_eq!(decode_pyc(&b, None).unwrap_err(), MarshalError::BadChecksum);
    let mut b = good.clone();
    b[16] ^= 0x80;
    assert_eq!(decode_pyc(&b, None).unwrap_err(), MarshalError::BadChecksum);
}

/// Re-seals a damaged file so the checksum passes and the decoder itself is tested.
pub fn reseal(bytes: &mut [u8]) {
    let mut covered = bytes[4..16].to_vec();
    covered.extend_from_slice(&bytes[20..]);
    let c = crc32(&covered);
    bytes[16..20].copy_from_slice(&c.to_le_bytes());
}

#[test]
fn trailing_garbage_is_rejected() {
    let mut b = encode_pyc(&common::module(), &[], STAMP);
    b.push(b'N');
    reseal(&mut b);
    assert!(matches!(
        decode_pyc(&b, None).unwrap_err(),
        MarshalError::Corrupt(_)
    ));
    assert!(load_constant(b"NN").is_err());
    assert!(load_constant(b"").is_err());
}

#[test]
fn non_canonical_or_malformed_values_are_rejected() {
    for bad in [
        &b"l\x00\x01\x00"[..],                        // long with a leading zero byte
        b"l\x01\x00",                                 // negative zero
        b"l\x02\x01\x01",                             // bad sign byte
        b"i\x80\x00",                                 // overlong varint
        b"i\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", // varint over 64 bits
        b"u\x02\xc3\x28",                             // invalid UTF-8
        b"u\x02\xc0\x80",                             // overlong UTF-8
        b"u\x04\xf4\x90\x80\x80",                     // above U+10FFFF
        b"z\x01\xe9",                                 // non-ASCII in an ASCII string
        b"r\x00",                                     // reference to nothing
        b"\xce",                                      // N with FLAG_REF
        b"Q",                                         // unknown type code
        b"g\x00\x00",                                 // truncated float
        b"s\x05ab",                                   // truncated bytes
        b"(\xff\xff\xff\xff\x0f",                     // huge tuple count
        b")\x02N",                                    // short tuple
    ] {
        assert!(load_constant(bad).is_err(), "{bad:?} accepted");
    }
    // Lone surrogates are fine in str constants (generalised UTF-8).
    assert!(load_constant(b"u\x03\xed\xa0\x80").is_ok());
}

#[test]
fn surrogates_are_rejected_in_names() {
    let mut m = common::code(
        "m",
        &[
            (pyrite_bytecode::Opcode::LoadConst, 0),
            (pyrite_bytecode::Opcode::ReturnValue, 0),
        ],
        vec![Constant::None],
        &["abc"],
        &[],
        1,
    );
    m.names = vec!["\u{FFFF}".into()];
    let mut b = encode_pyc(&m, &[], STAMP);
    // U+FFFF is EF BF BF; turn it into the lone surrogate U+DFFF (ED BF BF).
    let at = b.windows(3).position(|w| w == [0xEF, 0xBF, 0xBF]).unwrap();
    b[at] = 0xED;
    reseal(&mut b);
    assert!(matches!(
        decode_pyc(&b, None).unwrap_err(),
        MarshalError::Corrupt(_)
    ));
}

#[test]
fn deep_nesting_errors_cleanly() {
    // 100 000 nested one-item tuples: far beyond MAX_DEPTH.
    let mut bytes = Vec::new();
    for _ in 0..100_000 {
        bytes.extend_from_slice(b")\x01");
    }
    bytes.push(b'N');
    assert_eq!(load_constant(&bytes).unwrap_err(), MarshalError::TooDeep);

    // The same inside a .pyc: a module whose only constant is deeply nested.
    let m = common::code(
        "m",
        &[
            (pyrite_bytecode::Opcode::LoadConst, 0),
            (pyrite_bytecode::Opcode::ReturnValue, 0),
        ],
        vec![Constant::None],
        &[],
        &[],
        1,
    );
    let good = encode_pyc(&m, &[], STAMP);
    let at = good.windows(3).position(|w| w == [1, b'N', 0]).unwrap(); // consts: count 1, None, names: 0
    let mut b = good[..at + 1].to_vec();
    b.extend_from_slice(&bytes);
    b.extend_from_slice(&good[at + 2..]);
    reseal(&mut b);
    assert_eq!(decode_pyc(&b, None).unwrap_err(), MarshalError::TooDeep);

    // Nesting just within the limit decodes.
    let mut c = Constant::None;
    for _ in 0..MAX_DEPTH {
        c = Constant::Tuple(vec![c]);
    }
    assert!(load_constant(&dump_constant(&c)).is_ok());
    let c = Constant::Tuple(vec![c]);
    assert_eq!(
        load_constant(&dump_constant(&c)).unwrap_err(),
        MarshalError::TooDeep
    );
}

#[test]
fn reference_bombs_are_bounded() {
    // One 64 KiB string referenced a million times would materialise 64 GiB.
    let mut b = vec![b')'];
    b.push(0);
    b.push(b'a' | 0x80);
    b.extend_from_slice(&[0x80, 0x80, 0x04]); // varint 65536
    b.extend(std::iter::repeat_n(b'x', 65536));
    for _ in 0..30 {
        b.extend_from_slice(b"r\x00");
    }
    b[1] = 31;
    // 30 references * 64 KiB = 1.9 MiB: within the budget (1 MiB + 32 x file size).
    assert!(load_constant(&b).is_ok());
    let mut big = vec![b'('];
    big.extend_from_slice(&[0x81, 0x80, 0x40]); // 1 048 577 items
    big.push(b'a' | 0x80);
    big.extend_from_slice(&[0x80, 0x80, 0x04]);
    big.extend(std::iter::repeat_n(b'x', 65536));
    for _ in 0..1_048_576 {
        big.extend_from_slice(b"r\x00");
    }
    assert!(matches!(
        load_constant(&big).unwrap_err(),
        MarshalError::Corrupt(_)
    ));
}

#[test]
fn fix_co_filename_updates_nested_code() {
    let bytes = encode_pyc(&common::module(), &[], STAMP);
    let (mut code, _) = decode_pyc(&bytes, None).unwrap();
    let mut other = common::function_outer();
    other.filename = "elsewhere.py".into();
    code.consts.push(Constant::Code(Rc::new(other)));
    fix_co_filename(&mut code, "/new/place/m1.py");
    let mut seen = Vec::new();
    code.walk(&mut |c| seen.push(c.filename.clone()));
    // Code objects that carried the old name follow; the foreign one (and its
    // nested code) keep theirs.
    assert_eq!(
        seen.iter().filter(|f| *f == "/new/place/m1.py").count(),
        4,
        "{seen:?}"
    );
    assert_eq!(
        seen.iter().filter(|f| *f == "elsewhere.py").count(),
        1,
        "{seen:?}"
    );
}
