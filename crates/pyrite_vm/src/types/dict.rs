//! The dict's hash table; CPython: Objects/dictobject.c.
//!
//! A compact, insertion-ordered table: `entries` in insertion order (deleted
//! entries become `None` until the next resize) and an open-addressing `indices`
//! table with CPython's perturbed probing. Keys may have Python `__eq__`, which
//! can run arbitrary code and even mutate the dict: lookups that need it go
//! through `Vm::dict_*`, which drop the borrow around the call and restart if the
//! table's `version` changed.

use crate::value::Value;

thread_local! {
    static DICT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A version tag never used before by any dict: a dict's `version` identifies
/// its exact contents, so caches keyed by it (LOAD_GLOBAL) are never fooled by
/// another dict that happens to reuse an address.
#[inline]
pub fn next_version() -> u64 {
    DICT_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

/// One key/value pair with the key's hash.
#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Moves `v` to `dst` without dropping what was there, reading `v` as its tag
/// word and its payload word separately. A value argument was usually just
/// written by the caller as two word stores; one 16-byte load of it (which
/// the compiler otherwise merges the two reads into) cannot be forwarded from
/// the store buffer and stalls.
///
/// # Safety
/// `dst` must be valid for writing a `Value`.
#[inline(always)]
unsafe fn move_words(dst: *mut Value, v: Value) {
    use std::mem::MaybeUninit;
    let v = std::mem::ManuallyDrop::new(v);
    let src = &*v as *const Value;
    // SAFETY: `Value` is `repr(C, u64)`: the tag word, then the payload word
    // (possibly uninitialised, hence `MaybeUninit`). Volatile reads keep the
    // two loads separate. Ownership moves to `*dst`.
    unsafe {
        let tag = std::ptr::read_volatile(src as *const u64);
        let data = std::ptr::read_volatile((src as *const MaybeUninit<u64>).add(1));
        std::ptr::write(dst as *mut u64, tag);
        std::ptr::write((dst as *mut MaybeUninit<u64>).add(1), data);
    }
}

/// The table of a dict.
pub struct DictData {
    indices: Vec<u32>,
    entries: Vec<Option<Entry>>,
    used: usize,
    /// Incremented on every change; guards lookups and iteration.
    pub version: u64,
    /// Changes only when the key layout changes (an entry added or removed,
    /// the table rebuilt or cleared), not when a value is replaced: an entry
    /// keeps its position while this stays the same (CPython's `dk_version`),
    /// which is all a cache of entry positions needs.
    pub keys_version: u64,
}

/// Where a probe for a key stands.
pub enum Probe {
    /// The key is at `entries[i]`.
    Found(usize),
    /// Not present.
    Missing,
    /// `entries[i]` has the same hash but a key that needs Python `__eq__`;
    /// resume probing at `slot_step` if it is not equal.
    NeedsEq { entry: usize, state: ProbeState },
}

/// Saved probe position, for resuming after a Python-level comparison.
#[derive(Copy, Clone)]
pub struct ProbeState {
    slot: usize,
    perturb: u64,
}

impl Clone for DictData {
    /// A copy with a fresh version tag.
    fn clone(&self) -> DictData {
        DictData {
            indices: self.indices.clone(),
            entries: self.entries.clone(),
            used: self.used,
            version: next_version(),
            keys_version: next_version(),
        }
    }
}

impl Default for DictData {
    fn default() -> DictData {
        DictData::new()
    }
}

impl DictData {
    /// An empty table.
    pub fn new() -> DictData {
        DictData { indices: Vec::new(), entries: Vec::new(), used: 0, version: next_version(), keys_version: next_version() }
    }

    /// Number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// True if empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Starts a probe for `hash`.
    #[inline]
    pub fn probe_start(&self, hash: i64) -> ProbeState {
        let mask = self.indices.len().wrapping_sub(1);
        ProbeState { slot: (hash as u64 as usize) & mask, perturb: hash as u64 }
    }

    /// Probes for a key. `quick_eq(stored_key)` returns Some(answer) when the
    /// comparison needs no Python code, None when it does.
    #[inline]
    pub fn probe(
        &self,
        hash: i64,
        mut st: ProbeState,
        mut quick_eq: impl FnMut(&Value) -> Option<bool>,
    ) -> Probe {
        if self.indices.is_empty() {
            return Probe::Missing;
        }
        let mask = self.indices.len() - 1;
        loop {
            let ix = self.indices[st.slot];
            let here = st.slot;
            st.perturb >>= 5;
            st.slot = (st.slot * 5 + 1 + st.perturb as usize) & mask;
            if ix == EMPTY {
                return Probe::Missing;
            }
            if ix == DUMMY {
                continue;
            }
            let _ = here;
            if let Some(e) = &self.entries[ix as usize] {
                if e.hash == hash {
                    match quick_eq(&e.key) {
                        Some(true) => return Probe::Found(ix as usize),
                        Some(false) => {}
                        None => return Probe::NeedsEq { entry: ix as usize, state: st },
                    }
                }
            }
        }
    }

    /// Index of the entry whose key is the str `key` (identity or equal text),
    /// without running Python code: the fast path for namespaces.
    #[inline]
    pub fn find_str(&self, key: &PyRef, ks: &crate::types::str::PyStr) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let hash = ks.hash();
        let mask = self.indices.len() - 1;
        let mut slot = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[slot];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                if let Some(e) = &self.entries[ix as usize] {
                    if e.hash == hash {
                        if let Value::Obj(o) = &e.key {
                            if std::rc::Rc::ptr_eq(o, key) || o.as_str().map(|s| s.as_wtf8() == ks.as_wtf8()).unwrap_or(false) {
                                return Some(ix as usize);
                            }
                        }
                    }
                }
            }
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
    }

    /// The entry at index `i` (from a probe).
    #[inline]
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }

    /// Mutable access to the value at entry `i`.
    #[inline]
    pub fn set_value_at(&mut self, i: usize, v: Value) -> Option<Value> {
        self.version = next_version();
        match self.entries.get_mut(i) {
            Some(Some(e)) => {
                let p: *mut Value = &mut e.value;
                // SAFETY: `p` points to the entry's initialised value, which is
                // moved out and replaced without being dropped. Word-sized moves
                // (`load_words`/`store_words`) let the caller's freshly written
                // value be forwarded from the store buffer.
                unsafe {
                    let old = crate::value::load_words(p);
                    move_words(p, v);
                    Some(old)
                }
            }
            _ => None,
        }
    }

    /// Inserts a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.resize((self.used + 1) * 3);
        }
        let mask = self.indices.len() - 1;
        let mut slot = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        while self.indices[slot] != EMPTY && self.indices[slot] != DUMMY {
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
        self.indices[slot] = self.entries.len() as u32;
        // The key and value move in as words (see `set_value_at`), over
        // placeholders that need no drop.
        self.entries.push(Some(Entry { hash, key: Value::None, value: Value::None }));
        if let Some(Some(e)) = self.entries.last_mut() {
            // SAFETY: both fields are initialised `Value::None`s, which need no drop.
            unsafe {
                move_words(&mut e.key, key);
                move_words(&mut e.value, value);
            }
        }
        self.used += 1;
        self.version = next_version();
        self.keys_version = self.version;
    }

    /// Removes entry `i`, returning it.
    pub fn remove_at(&mut self, i: usize) -> Option<Entry> {
        let e = self.entries.get_mut(i)?.take()?;
        // Find the index slot pointing at i and mark it DUMMY.
        let mask = self.indices.len() - 1;
        let mut slot = (e.hash as u64 as usize) & mask;
        let mut perturb = e.hash as u64;
        loop {
            if self.indices[slot] == i as u32 {
                self.indices[slot] = DUMMY;
                break;
            }
            if self.indices[slot] == EMPTY {
                break;
            }
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
        self.used -= 1;
        self.version = next_version();
        self.keys_version = self.version;
        Some(e)
    }

    fn resize(&mut self, min_size: usize) {
        self.keys_version = next_version();
        let mut size = 8;
        while size < min_size {
            size <<= 1;
        }
        let old: Vec<Entry> = std::mem::take(&mut self.entries).into_iter().flatten().collect();
        self.indices = vec![EMPTY; size];
        self.entries = Vec::with_capacity(size * 2 / 3);
        self.used = 0;
        let mask = size - 1;
        for e in old {
            let mut slot = (e.hash as u64 as usize) & mask;
            let mut perturb = e.hash as u64;
            while self.indices[slot] != EMPTY {
                perturb >>= 5;
                slot = (slot * 5 + 1 + perturb as usize) & mask;
            }
            self.indices[slot] = self.entries.len() as u32;
            self.entries.push(Some(e));
            self.used += 1;
        }
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.indices.clear();
        self.entries.clear();
        self.used = 0;
        self.version = next_version();
        self.keys_version = self.version;
    }

    /// Iterates over live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The live entry at or after position `pos` in insertion order, with the
    /// position after it (for iterators that survive borrow release).
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, &Entry)> {
        while pos < self.entries.len() {
            if let Some(e) = &self.entries[pos] {
                return Some((pos + 1, e));
            }
            pos += 1;
        }
        None
    }

    /// Number of entry slots (live and deleted) in insertion order.
    #[inline]
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// The live entry before position `pos` (walking backwards), with its
    /// position (the next call's `pos`).
    pub fn prev_entry(&self, mut pos: usize) -> Option<(usize, &Entry)> {
        pos = pos.min(self.entries.len());
        while pos > 0 {
            pos -= 1;
            if let Some(e) = &self.entries[pos] {
                return Some((pos, e));
            }
        }
        None
    }

    /// Removes and returns the last inserted entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let i = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(i)
    }

    /// Calls `f` on every key and value.
    pub fn trace(&self, f: &mut dyn FnMut(&Value)) {
        for e in self.iter() {
            f(&e.key);
            f(&e.value);
        }
    }
}

use crate::object::{Payload, PyRef};

/// `d[key] = v` for an exact-str key (no Python code can run: str hashing and
/// equality are builtin). Used for namespaces.
pub fn dict_set_str(d: &PyRef, key: &PyRef, v: Value) {
    let Payload::Dict(dd) = &d.payload else { return };
    let Some(ks) = key.as_str() else { return };
    let h = ks.hash();
    let mut dd = dd.borrow_mut();
    match dd.find_str(key, ks) {
        Some(i) => {
            let old = dd.set_value_at(i, v);
            drop(dd);
            drop(old);
        }
        None => dd.insert_new(h, Value::Obj(key.clone()), v),
    }
}

/// `d.get(key)` for a str key, when the dict's keys need no Python `__eq__`
/// for this lookup (true for namespaces); `None` if missing.
#[inline]
pub fn dict_get_str(d: &PyRef, key: &PyRef) -> Option<Value> {
    let Payload::Dict(dd) = &d.payload else { return None };
    let ks = key.as_str()?;
    let dd = dd.borrow();
    dd.find_str(key, ks).map(|i| dd.entries[i].as_ref().map(|e| e.value.clone()).unwrap_or(Value::Null))
}

/// `dict_get_str` trying entry `*hint` first (identity of the key object);
/// on a probe hit `hint` is updated. Attribute caches keep one hint per site:
/// instances of one class usually store their attributes in the same order.
#[inline]
pub fn dict_get_str_hint(d: &PyRef, key: &PyRef, hint: &std::cell::Cell<u32>) -> Option<Value> {
    let Payload::Dict(dd) = &d.payload else { return None };
    let dd = dd.borrow();
    if let Some(Some(e)) = dd.entries.get(hint.get() as usize) {
        if let Value::Obj(k) = &e.key {
            if std::rc::Rc::ptr_eq(k, key) {
                return Some(e.value.clone());
            }
        }
    }
    let ks = key.as_str()?;
    let i = dd.find_str(key, ks)?;
    hint.set(i as u32);
    dd.entries.get(i).and_then(|e| e.as_ref()).map(|e| e.value.clone())
}

/// `dict_set_str` trying entry `*hint` first; see `dict_get_str_hint`.
#[inline]
pub fn dict_set_str_hint(d: &PyRef, key: &PyRef, v: Value, hint: &std::cell::Cell<u32>) {
    let Payload::Dict(dd) = &d.payload else { return };
    let mut dd = dd.borrow_mut();
    let i = hint.get() as usize;
    let same = match dd.entries.get(i) {
        Some(Some(Entry { key: Value::Obj(k), .. })) => std::rc::Rc::ptr_eq(k, key),
        _ => false,
    };
    if same {
        let old = dd.set_value_at(i, v);
        drop(dd);
        drop(old);
        return;
    }
    let Some(ks) = key.as_str() else { return };
    match dd.find_str(key, ks) {
        Some(i) => {
            hint.set(i as u32);
            let old = dd.set_value_at(i, v);
            drop(dd);
            drop(old);
        }
        None => {
            let h = ks.hash();
            hint.set(dd.entries.len() as u32);
            dd.insert_new(h, Value::Obj(key.clone()), v);
        }
    }
}

/// The key-layout version of a dict object's table (0 for a non-dict): it
/// stays the same while no key is added or removed, so caches of entry
/// positions (LOAD_GLOBAL) survive stores of new values. Never reused.
#[inline]
pub fn dict_version(d: &PyRef) -> u64 {
    match &d.payload {
        Payload::Dict(dd) => dd.borrow().keys_version,
        _ => 0,
    }
}

/// Removes a str key; returns the old value.
pub fn dict_del_str(d: &PyRef, key: &PyRef) -> Option<Value> {
    let Payload::Dict(dd) = &d.payload else { return None };
    let ks = key.as_str()?;
    let h = ks.hash();
    let mut dd = dd.borrow_mut();
    let st = dd.probe_start(h);
    match dd.probe(h, st, |k: &Value| Some(str_key_eq(k, key))) {
        Probe::Found(i) => dd.remove_at(i).map(|e| e.value),
        _ => None,
    }
}

/// Equality of a stored key with a str key, for namespace lookups: identical
/// objects, or two strs with the same text.
#[inline]
pub fn str_key_eq(stored: &Value, key: &PyRef) -> bool {
    match stored {
        Value::Obj(o) => {
            std::rc::Rc::ptr_eq(o, key)
                || matches!((o.as_str(), key.as_str()), (Some(a), Some(b)) if a == b)
        }
        _ => false,
    }
}

/// Where str key `key` sits in the entries of dict `d`, for caches that are
/// keyed by `dict_version` (an entry does not move while it stays the same).
pub fn dict_index_str(d: &PyRef, key: &PyRef) -> Option<usize> {
    let Payload::Dict(dd) = &d.payload else { return None };
    let ks = key.as_str()?;
    dd.borrow().find_str(key, ks)
}

/// The value of entry `i` of dict `d` (see `dict_index_str`).
#[inline]
pub fn dict_value_at(d: &PyRef, i: usize) -> Option<Value> {
    let Payload::Dict(dd) = &d.payload else { return None };
    let dd = dd.borrow();
    match dd.entries.get(i) {
        Some(Some(e)) => Some(e.value.clone()),
        _ => None,
    }
}

/// The LOAD_GLOBAL cache's fast path: the value of entry `ix` of the globals
/// (or, with `in_builtins`, the builtins) dict when both dicts still have the
/// key-layout versions (`dict_version`) the entry was found under.
#[inline(always)]
pub fn global_cache_get(g: &PyRef, b: &PyRef, gv: u64, bv: u64, in_builtins: bool, ix: usize) -> Option<Value> {
    let (Payload::Dict(gd), Payload::Dict(bd)) = (&g.payload, &b.payload) else { return None };
    // SAFETY: the references are only read, and dropped before anything can
    // mutate either dict (cloning the value runs no code).
    let (gd, bd) = unsafe { (gd.try_borrow_unguarded().ok()?, bd.try_borrow_unguarded().ok()?) };
    if gd.keys_version != gv || bd.keys_version != bv {
        return None;
    }
    let d = if in_builtins { bd } else { gd };
    match d.entries.get(ix) {
        Some(Some(e)) => Some(e.value.clone()),
        _ => None,
    }
}

/// The cached path of a store to a namespace (STORE_NAME / STORE_GLOBAL with
/// the LOAD_GLOBAL cache of the same name): replaces the value of entry `ix`
/// of dict `g` when its key layout is still `gv` (`dict_version`), without
/// hashing or probing. Gives the value back when the cache does not apply.
#[inline(always)]
pub fn global_cache_set(g: &PyRef, gv: u64, ix: usize, v: Value) -> Result<(), Value> {
    let Payload::Dict(gd) = &g.payload else { return Err(v) };
    let Ok(mut d) = gd.try_borrow_mut() else { return Err(v) };
    if d.keys_version != gv || !matches!(d.entries.get(ix), Some(Some(_))) {
        return Err(v);
    }
    let old = d.set_value_at(ix, v);
    drop(d);
    drop(old);
    Ok(())
}

impl DictData {
    /// An empty table that holds `n` items before it first grows.
    pub fn with_capacity(n: usize) -> DictData {
        if n == 0 {
            return DictData::new();
        }
        let mut size = 8;
        while n * 3 >= size * 2 {
            size <<= 1;
        }
        DictData { indices: vec![EMPTY; size], entries: Vec::with_capacity(size * 2 / 3), used: 0, version: next_version(), keys_version: next_version() }
    }
}

/// The value of entry `hint` if that entry's key is the object `key` itself:
/// the inlined first step of the attribute caches' lookups.
#[inline(always)]
pub fn value_at_hint<'a>(dd: &'a DictData, key: &PyRef, hint: u32) -> Option<&'a Value> {
    match dd.entries.get(hint as usize) {
        Some(Some(Entry { key: Value::Obj(k), value, .. })) if std::rc::Rc::ptr_eq(k, key) => Some(value),
        _ => None,
    }
}

/// Replaces the value of entry `hint` if that entry's key is the object `key`
/// itself, returning the old value; gives `v` back otherwise.
#[inline(always)]
pub fn replace_at_hint(dd: &mut DictData, key: &PyRef, hint: u32, v: Value) -> Result<Value, Value> {
    match dd.entries.get_mut(hint as usize) {
        Some(Some(Entry { key: Value::Obj(k), value, .. })) if std::rc::Rc::ptr_eq(k, key) => {
            let old = std::mem::replace(value, v);
            dd.version = next_version();
            Ok(old)
        }
        _ => Err(v),
    }
}

impl DictData {
    /// Empties a small table for reuse, keeping its allocations, with a fresh
    /// version tag; false (table unchanged) when it is too large to keep.
    /// Values are dropped with the table borrowed: only for a dict nothing
    /// else references.
    pub fn reset_for_reuse(&mut self) -> bool {
        if self.indices.len() > 16 || self.entries.capacity() > 16 {
            return false;
        }
        self.entries.clear();
        self.indices.fill(EMPTY);
        self.used = 0;
        self.version = next_version();
        self.keys_version = self.version;
        true
    }
}

impl DictData {
    /// True if the str `key`, whose hash is `hash`, is a key (matched as in
    /// `find_str`); the common negative answer costs one index load.
    #[inline(always)]
    pub fn has_str_hashed(&self, key: &PyRef, ks: &crate::types::str::PyStr, hash: i64) -> bool {
        if self.used == 0 || self.indices.is_empty() {
            return false;
        }
        let mask = self.indices.len() - 1;
        if self.indices[(hash as u64 as usize) & mask] == EMPTY {
            return false;
        }
        self.has_str_probe(key, ks, hash)
    }

    /// `has_str_hashed` past the first slot.
    #[inline(never)]
    fn has_str_probe(&self, key: &PyRef, ks: &crate::types::str::PyStr, hash: i64) -> bool {
        let mask = self.indices.len() - 1;
        let mut slot = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[slot];
            if ix == EMPTY {
                return false;
            }
            if ix != DUMMY {
                if let Some(Some(e)) = self.entries.get(ix as usize) {
                    if e.hash == hash {
                        if let Value::Obj(o) = &e.key {
                            if std::rc::Rc::ptr_eq(o, key) || o.as_str().map(|s| s.as_wtf8() == ks.as_wtf8()).unwrap_or(false) {
                                return true;
                            }
                        }
                    }
                }
            }
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
    }

    /// `self[key] = v` for the str `key` (hash `hash`) with a single probe (stored keys
    /// match by identity or equal text, as in `find_str`). Returns the entry
    /// index and the replaced value, if any.
    pub fn set_str_one_probe(&mut self, key: &PyRef, ks: &crate::types::str::PyStr, hash: i64, v: Value) -> (usize, Option<Value>) {
        if self.indices.is_empty() || (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            if let Some(i) = self.find_str(key, ks) {
                return (i, self.set_value_at(i, v));
            }
            self.insert_new(hash, Value::Obj(key.clone()), v);
            return (self.entries.len() - 1, None);
        }
        let mask = self.indices.len() - 1;
        let mut slot = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut free: Option<usize> = None;
        loop {
            let ix = self.indices[slot];
            if ix == EMPTY {
                let at = free.unwrap_or(slot);
                let i = self.entries.len();
                self.indices[at] = i as u32;
                self.entries.push(Some(Entry { hash, key: Value::Obj(key.clone()), value: v }));
                self.used += 1;
                self.version = next_version();
                self.keys_version = self.version;
                return (i, None);
            }
            if ix == DUMMY {
                free.get_or_insert(slot);
            } else if let Some(Some(e)) = self.entries.get(ix as usize) {
                if e.hash == hash {
                    if let Value::Obj(o) = &e.key {
                        if std::rc::Rc::ptr_eq(o, key) || o.as_str().map(|s| s.as_wtf8() == ks.as_wtf8()).unwrap_or(false) {
                            let i = ix as usize;
                            return (i, self.set_value_at(i, v));
                        }
                    }
                }
            }
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
    }
}
