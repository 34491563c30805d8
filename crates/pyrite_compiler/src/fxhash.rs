//! A fast, deterministic, non-cryptographic hasher for the compiler's maps
//! (names, node addresses, constants). The keys are small and the maps live only
//! while one source is compiled, so SipHash's flooding resistance buys nothing
//! here and its cost shows in profiles.
//!
//! Each word is mixed in with a rotate, xor and multiply by an odd constant;
//! `finish` rotates so that the high bits of the product (the best mixed) also
//! reach the low bits that pick a bucket.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hasher state.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

/// Builds `FxHasher`s.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with `FxHasher`.
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with `FxHasher`.
pub type FxHashSet<K> = HashSet<K, FxBuild>;

/// Name -> position in a vector of names kept elsewhere, without owning the
/// names. Small lists are searched linearly by hash; past `LINEAR` entries a
/// map from hash to the latest entry with it, chained to earlier ones, is kept.
#[derive(Debug, Default)]
pub struct NameIndex {
    hashes: Vec<u64>,
    heads: FxHashMap<u64, u32>,
    chain: Vec<u32>,
}

const LINEAR: usize = 16;

fn name_hash(name: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(name.as_bytes());
    h.finish()
}

impl NameIndex {
    /// The position of `name`; `is_name(i)` tells whether entry `i` is it.
    pub fn find(&self, name: &str, is_name: impl Fn(usize) -> bool) -> Option<usize> {
        let h = name_hash(name);
        if self.hashes.len() <= LINEAR {
            return (0..self.hashes.len()).find(|&i| self.hashes[i] == h && is_name(i));
        }
        let mut i = *self.heads.get(&h)?;
        while i != u32::MAX {
            if is_name(i as usize) {
                return Some(i as usize);
            }
            i = self.chain[i as usize];
        }
        None
    }

    /// How many entries are indexed.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Records that `name` (not present yet) is entry `at`, the next one.
    pub fn push(&mut self, name: &str, at: usize) {
        debug_assert_eq!(at, self.hashes.len());
        self.hashes.push(name_hash(name));
        let n = self.hashes.len();
        if n == LINEAR + 1 {
            for (i, &h) in self.hashes.iter().enumerate() {
                let prev = self.heads.insert(h, i as u32).unwrap_or(u32::MAX);
                self.chain.push(prev);
            }
        } else if n > LINEAR + 1 {
            let prev = self.heads.insert(self.hashes[n - 1], (n - 1) as u32).unwrap_or(u32::MAX);
            self.chain.push(prev);
        }
    }
}
