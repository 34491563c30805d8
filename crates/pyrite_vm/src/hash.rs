//! CPython 3.11's hashes: SipHash-1-3 over str/bytes keyed by the hash secret
//! (`PYTHONHASHSEED`, as `Python/bootstrap_hash.c` derives it), and the numeric
//! hash modulo 2**61 - 1 (`Python/pyhash.c`), so `hash(1) == hash(1.0)` and a fixed
//! seed gives CPython's set and dict-display order.

use siphasher::sip::SipHasher13;
use std::cell::Cell;
use std::hash::Hasher;

/// `sys.hash_info.modulus`: 2**61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`.
pub const HASH_INF: i64 = 314_159;

thread_local! {
    static SECRET: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// Sets the SipHash key from `PYTHONHASHSEED`: `Some(0)` disables randomisation
/// (zero key), `Some(n)` derives the key with CPython's LCG, `None` is random.
pub fn init_secret(seed: Option<u32>) {
    let mut buf = [0u8; 24];
    match seed {
        Some(0) => {}
        Some(n) => {
            // CPython: lcg_urandom() in Python/bootstrap_hash.c.
            let mut x: u32 = n;
            for b in buf.iter_mut() {
                x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
                *b = ((x >> 16) & 0xff) as u8;
            }
        }
        None => {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher_u64();
            for chunk in buf.chunks_mut(8) {
                h = h.rotate_left(13) ^ 0x9E37_79B9_7F4A_7C15;
                let mut s = std::collections::hash_map::DefaultHasher::new();
                s.write_u64(h ^ std::process::id() as u64);
                let v = s.finish();
                chunk.copy_from_slice(&v.to_le_bytes()[..chunk.len()]);
            }
        }
    }
    let k0 = u64::from_le_bytes(buf[0..8].try_into().unwrap_or([0; 8]));
    let k1 = u64::from_le_bytes(buf[8..16].try_into().unwrap_or([0; 8]));
    SECRET.with(|s| s.set((k0, k1)));
}

trait BuildU64 {
    fn build_hasher_u64(&self) -> u64;
}
impl BuildU64 for std::collections::hash_map::RandomState {
    fn build_hasher_u64(&self) -> u64 {
        use std::hash::BuildHasher;
        let mut h = self.build_hasher();
        h.write_u8(0);
        h.finish()
    }
}

/// SipHash-1-3 of raw bytes, as CPython's `_Py_HashBytes` (0 for empty input,
/// -1 mapped to -2).
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let (k0, k1) = SECRET.with(|s| s.get());
    let mut h = SipHasher13::new_with_keys(k0, k1);
    h.write(data);
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

/// Hash of a str given its code points, hashing the PEP 393 buffer CPython would
/// hold (1, 2 or 4 bytes per code point, native little-endian order).
pub fn hash_code_points(cps: impl Iterator<Item = u32> + Clone, max: u32, len: usize) -> i64 {
    let mut buf: Vec<u8> = Vec::with_capacity(len * 4);
    if max < 0x100 {
        buf.extend(cps.map(|c| c as u8));
    } else if max < 0x10000 {
        for c in cps {
            buf.extend_from_slice(&(c as u16).to_le_bytes());
        }
    } else {
        for c in cps {
            buf.extend_from_slice(&c.to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

/// `hash(i)` for an int that fits in i64.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    // Most ints are below the modulus in magnitude and hash to themselves.
    if (-(MODULUS as i64 - 1)..MODULUS as i64).contains(&i) {
        return if i == -1 { -2 } else { i };
    }
    let m = MODULUS as i64;
    let mut r = (i.unsigned_abs() % MODULUS) as i64;
    if i < 0 {
        r = -r;
    }
    let _ = m;
    if r == -1 {
        -2
    } else {
        r
    }
}

/// `hash(n)` for a big int.
pub fn hash_bigint(n: &num_bigint::BigInt) -> i64 {
    use num_bigint::Sign;
    let (sign, digits) = n.to_u64_digits();
    // Horner's rule modulo 2**61 - 1 over 64-bit digits, most significant first.
    let mut acc: u128 = 0;
    for d in digits.iter().rev() {
        acc = ((acc << 64) | *d as u128) % MODULUS as u128;
    }
    let mut r = acc as i64;
    if sign == Sign::Minus {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r
    }
}

/// `hash(x)` for a float, as CPython's `_Py_HashDouble`. NaN hashes by identity
/// in CPython 3.10+; the caller passes `identity` for that case.
pub fn hash_f64(v: f64, identity: i64) -> i64 {
    if v.is_nan() {
        return identity;
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let r = (x as i64) * sign;
    if r == -1 {
        -2
    } else {
        r
    }
}

/// C's `frexp`: v = m * 2**e with 0.5 <= |m| < 1.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}
