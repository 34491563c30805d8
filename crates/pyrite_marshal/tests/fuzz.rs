//! Mutation fuzzing with a fixed-seed PRNG: damaged `.pyc`s and code objects
//! never make the decoder or verifier panic; whatever decodes also verifies.

mod common;

use pyrite_bytecode::{Instr, Opcode};
use pyrite_marshal::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// SplitMix64: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn reseal(bytes: &mut [u8]) {
    if bytes.len() < HEADER_LEN {
        return;
    }
    let mut covered = bytes[4..16].to_vec();
    covered.extend_from_slice(&bytes[20..]);
    let c = crc32(&covered);
    bytes[16..20].copy_from_slice(&c.to_le_bytes());
}

/// Applies 1-4 random mutations to `b` (keeping the header mostly intact).
fn mutate(rng: &mut Rng, b: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let len = b.len();
        let pos = if len > HEADER_LEN && rng.below(8) != 0 {
            HEADER_LEN + rng.below(len - HEADER_LEN)
        } else {
            rng.below(len.max(1))
        };
        match rng.below(6) {
            0 | 1 => {
                if pos < len {
                    b[pos] ^= 1 << rng.below(8);
                }
            }
            2 => {
                if pos < len {
                    b[pos] = rng.next() as u8;
                }
            }
            3 => b.truncate(pos),
            4 => {
                let n = 1 + rng.below(4);
                for _ in 0..n {
                    let at = pos.min(b.len());
                    b.insert(
                        at,
                        [0u8, 0x7F, 0x80, 0xFF, b'c', b'r', b')', rng.next() as u8][rng.below(8)],
                    );
                }
            }
            _ => {
                if pos < len {
                    let n = (1 + rng.below(4)).min(len - pos);
                    b.drain(pos..pos + n);
                }
            }
        }
    }
}

#[test]
fn damaged_pycs_never_panic() {
    let good = encode_pyc(
        &common::module(),
        &[StoredWarning {
            category: "SyntaxWarning".into(),
            msg: "m".into(),
            lineno: 2,
        }],
        SourceStamp { mtime: 7, size: 9 },
    );
    let mut rng = Rng(0x5EED_0001);
    let (mut decoded, mut rejected) = (0, 0);
    for i in 0..30_000 {
        let mut b = good.clone();
        mutate(&mut rng, &mut b);
        // Mostly re-seal the checksum so the payload decoder is what gets tested.
        if rng.below(10) != 0 {
            reseal(&mut b);
        }
        let result = catch_unwind(AssertUnwindSafe(|| decode_pyc(&b, None)));
        match result {
            Err(_) => panic!("decode_pyc panicked on mutation {i}: {b:?}"),
            Ok(Ok((code, _))) => {
                decoded += 1;
                verify(&code).expect("decoded code verifies");
                // What decodes re-encodes to a file that decodes to the same
                // object (compared by its encoding: NaN constants are not == ).
                let again = encode_pyc(&code, &[], SourceStamp::default());
                let back = decode_pyc(&again, None).expect("re-encoded file decodes").0;
                assert_eq!(encode_pyc(&back, &[], SourceStamp::default()), again);
            }
            Ok(Err(_)) => rejected += 1,
        }
    }
    eprintln!("{rejected} rejected, {decoded} decoded");
    assert!(
        rejected > 20_000 && decoded > 100,
        "{rejected} rejected, {decoded} decoded"
    );
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let n = rng.below(64);
        let b: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        assert!(
            catch_unwind(|| load_constant(&b)).is_ok(),
            "load_constant panicked on {b:?}"
        );
        let mut pyc = MAGIC_NUMBER.to_vec();
        pyc.extend_from_slice(&[0; 16]);
        pyc.extend_from_slice(&b);
        reseal(&mut pyc);
        assert!(
            catch_unwind(|| decode_pyc(&pyc, None)).is_ok(),
            "decode_pyc panicked on {pyc:?}"
        );
    }
}

#[test]
fn damaged_instructions_never_panic_the_verifier() {
    let mut bases = vec![common::function_f(), common::module()];
    bases.extend(
        common::cpython_code_objects()
            .into_iter()
            .filter(|c| !c.exception_table.is_empty())
            .take(200),
    );
    let mut rng = Rng(7);
    let ops: Vec<u8> = (0..=255).collect();
    let mut accepted = 0;
    for i in 0..40_000 {
        let mut co = bases[rng.below(bases.len())].clone();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(co.code.len());
            let old = co.code[at];
            co.code[at] = match rng.below(4) {
                0 => Instr(old.0 & !0xFF | ops[rng.below(256)] as u32),
                1 => Instr(old.0 & 0xFF | ((rng.below(12) as u32) << 8)),
                2 => Instr(old.0 & 0xFF | ((rng.next() as u32 & Instr::MAX_ARG) << 8)),
                _ => Instr::new(
                    Opcode::ALL[rng.below(Opcode::ALL.len())],
                    rng.below(8) as u32,
                ),
            };
        }
        if rng.below(4) == 0 && !co.exception_table.is_empty() {
            let e = rng.below(co.exception_table.len());
            let v = rng.below(co.code.len() + 5) as u32;
            match rng.below(4) {
                0 => co.exception_table[e].start = v,
                1 => co.exception_table[e].end = v,
                2 => co.exception_table[e].target = v,
                _ => co.exception_table[e].depth = v,
            }
        }
        if rng.below(4) == 0 {
            co.stacksize = rng.below(10) as u32;
        }
        let r = catch_unwind(AssertUnwindSafe(|| verify(&co)));
        match r {
            Err(_) => panic!("verify panicked on mutation {i}: {:?}", co.code),
            Ok(Ok(())) => accepted += 1,
            Ok(Err(_)) => {}
        }
    }
    // Some mutations are harmless (a different local, a compatible opcode).
    assert!(accepted > 100 && accepted < 20_000, "{accepted} accepted");
}
