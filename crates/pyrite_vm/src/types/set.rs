//! The set and frozenset hash table; CPython: Objects/setobject.c.

use crate::value::Value;

/// One slot of the table.
#[derive(Clone)]
pub struct SetEntry {
    pub hash: i64,
    pub key: Value,
}

/// A set's table. Iteration order is CPython's for the same hashes.
#[derive(Clone, Default)]
pub struct SetData {
    pub table: Vec<Option<SetEntry>>,
    pub used: usize,
    pub fill: usize,
    pub frozen: bool,
    /// Cached hash of a frozenset.
    pub hash: Option<i64>,
    pub version: u64,
    /// Where `pop` resumes its scan (CPython's `finger`).
    pub finger: usize,
}

use crate::error::PyResult;
use crate::object::{Payload, PyObject};
use crate::vm::Vm;
use std::cell::RefCell;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// A slot marker for deleted entries (CPython's `dummy`, hash -1).
fn is_dummy(e: &Option<SetEntry>) -> bool {
    matches!(e, Some(SetEntry { key: Value::Null, .. }))
}

impl SetData {
    /// An empty table.
    pub fn new(frozen: bool) -> SetData {
        SetData { table: vec![None; MINSIZE], used: 0, fill: 0, frozen, hash: None, version: 0, finger: 0 }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.used
    }

    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Live keys in table order (CPython's iteration order).
    pub fn keys(&self) -> Vec<Value> {
        self.table.iter().flatten().filter(|e| !e.key.is_null()).map(|e| e.key.clone()).collect()
    }

    /// Live entries in table order.
    pub fn entries(&self) -> impl Iterator<Item = &SetEntry> {
        self.table.iter().flatten().filter(|e| !e.key.is_null())
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Inserts into a table known to have no dummies and not to contain `key`
    /// (CPython's `set_insert_clean`).
    pub(crate) fn insert_clean(table: &mut [Option<SetEntry>], hash: i64, key: Value) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].is_none() {
                table[i] = Some(SetEntry { hash, key });
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].is_none() {
                        table[i + j] = Some(SetEntry { hash, key });
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb as usize) & mask;
        }
    }

    /// Resizes to hold `minused` entries (CPython's `set_table_resize`).
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![None; newsize]);
        self.fill = self.used;
        for e in old.into_iter().flatten() {
            if !e.key.is_null() {
                Self::insert_clean(&mut self.table, e.hash, e.key);
            }
        }
        self.version += 1;
    }
}

/// Where a probe for a set key ended.
pub enum SetProbe {
    Found(usize),
    /// Not present: the slot to insert into, and whether it is a fresh (never
    /// used) slot rather than a dummy.
    Missing(usize, bool),
}

/// Probes `s` for `key` with `hash`, calling Python `__eq__` when needed.
/// CPython: `set_add_entry` / `set_lookkey`.
pub fn probe(vm: &mut Vm, s: &RefCell<SetData>, key: &Value, hash: i64) -> PyResult<SetProbe> {
    'restart: loop {
        let (mask, version) = {
            let d = s.borrow();
            (d.mask(), d.version)
        };
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut j = i;
            for _ in 0..=probes {
                let (is_empty, same_hash, stored) = {
                    let d = s.borrow();
                    match &d.table[j] {
                        None => (true, false, Value::Null),
                        e if is_dummy(e) => {
                            // CPython keeps the last dummy seen on the probe path.
                            freeslot = Some(j);
                            (false, false, Value::Null)
                        }
                        Some(e) => (false, e.hash == hash, e.key.clone()),
                    }
                };
                if is_empty {
                    return Ok(match freeslot {
                        Some(f) => SetProbe::Missing(f, false),
                        None => SetProbe::Missing(j, true),
                    });
                }
                if same_hash {
                    let eq = match vm.quick_eq(&stored, key) {
                        Some(b) => b,
                        None => {
                            let r = vm.eq(&stored, key)?;
                            if s.borrow().version != version {
                                continue 'restart;
                            }
                            r
                        }
                    };
                    if eq {
                        return Ok(SetProbe::Found(j));
                    }
                }
                j += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb as usize) & mask;
        }
    }
}

/// Adds `key` to set data `s`.
pub fn add_key(vm: &mut Vm, s: &RefCell<SetData>, key: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    add_entry(vm, s, key, hash)
}

/// Adds `key` with a known hash (CPython's `set_add_entry`).
pub fn add_entry(vm: &mut Vm, s: &RefCell<SetData>, key: Value, hash: i64) -> PyResult<()> {
    match probe(vm, s, &key, hash)? {
        SetProbe::Found(_) => Ok(()),
        SetProbe::Missing(slot, fresh) => {
            let mut d = s.borrow_mut();
            d.table[slot] = Some(SetEntry { hash, key });
            d.used += 1;
            d.version += 1;
            d.hash = None;
            if fresh {
                d.fill += 1;
                let mask = d.mask();
                if d.fill * 5 >= mask * 3 {
                    let n = if d.used > 50000 { d.used * 2 } else { d.used * 4 };
                    d.resize(n);
                }
            }
            Ok(())
        }
    }
}

/// Removes `key` with a known hash; returns whether it was present.
pub fn discard_entry(vm: &mut Vm, s: &RefCell<SetData>, key: &Value, hash: i64) -> PyResult<bool> {
    match probe(vm, s, key, hash)? {
        SetProbe::Found(slot) => {
            let mut d = s.borrow_mut();
            let old = std::mem::replace(&mut d.table[slot], Some(SetEntry { hash: -1, key: Value::Null }));
            d.used -= 1;
            d.version += 1;
            drop(d);
            drop(old);
            Ok(true)
        }
        SetProbe::Missing(..) => Ok(false),
    }
}

/// True if `key` (with a known hash) is in the set.
pub fn contains_entry(vm: &mut Vm, s: &RefCell<SetData>, key: &Value, hash: i64) -> PyResult<bool> {
    Ok(matches!(probe(vm, s, key, hash)?, SetProbe::Found(_)))
}

impl SetData {
    /// Live (hash, key) pairs in table order.
    pub fn hashed_entries(&self) -> Vec<(i64, Value)> {
        self.entries().map(|e| (e.hash, e.key.clone())).collect()
    }

    /// Number of table slots minus one.
    pub fn table_mask(&self) -> usize {
        self.mask()
    }
}

/// Removes `key`; returns whether it was present.
pub fn discard_key(vm: &mut Vm, s: &RefCell<SetData>, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    match probe(vm, s, key, hash)? {
        SetProbe::Found(slot) => {
            let mut d = s.borrow_mut();
            d.table[slot] = Some(SetEntry { hash: -1, key: Value::Null });
            d.used -= 1;
            d.version += 1;
            Ok(true)
        }
        SetProbe::Missing(..) => Ok(false),
    }
}

/// True if `key` is in the set.
pub fn contains_key(vm: &mut Vm, s: &RefCell<SetData>, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    Ok(matches!(probe(vm, s, key, hash)?, SetProbe::Found(_)))
}

/// A new set (or frozenset) of `items`, added in order.
pub fn new_set(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let data = RefCell::new(SetData::new(frozen));
    for it in items {
        add_key(vm, &data, it)?;
    }
    let cls = if frozen { vm.types.frozenset.clone() } else { vm.types.set.clone() };
    Ok(Value::Obj(PyObject::new(cls, Payload::Set(data))))
}

/// `s.add(v)` for a set value (used by SET_ADD).
pub fn set_add(vm: &mut Vm, s: &Value, v: Value) -> PyResult<()> {
    match s.as_obj().map(|o| &o.payload) {
        Some(Payload::Set(d)) => add_key(vm, d, v),
        _ => Err(vm.system_error("SET_ADD on a non-set")),
    }
}

/// The table of a set or frozenset object (or subclass instance).
#[inline]
pub fn set_cell(v: &Value) -> Option<&RefCell<SetData>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Set(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Adds every item of set `other` to `so` (CPython's `set_merge`, including
/// its table-copy shortcuts, so the resulting order is CPython's).
pub fn merge(vm: &mut Vm, so: &RefCell<SetData>, other: &RefCell<SetData>) -> PyResult<()> {
    if std::ptr::eq(so, other) {
        return Ok(());
    }
    let (ou, omask, ofill, otable) = {
        let o = other.borrow();
        (o.used, o.mask(), o.fill, o.table.clone())
    };
    if ou == 0 {
        return Ok(());
    }
    let mut d = so.borrow_mut();
    if (d.fill + ou) * 5 >= d.mask() * 3 {
        let n = (d.used + ou) * 2;
        d.resize(n);
    }
    d.hash = None;
    d.version += 1;
    if d.fill == 0 && d.mask() == omask && ofill == ou {
        d.table = otable;
        d.fill = ofill;
        d.used = ou;
        return Ok(());
    }
    if d.fill == 0 {
        d.fill = ou;
        d.used = ou;
        for e in otable.into_iter().flatten() {
            if !e.key.is_null() {
                SetData::insert_clean(&mut d.table, e.hash, e.key);
            }
        }
        return Ok(());
    }
    drop(d);
    for e in otable.into_iter().flatten() {
        if !e.key.is_null() {
            add_entry(vm, so, e.key, e.hash)?;
        }
    }
    Ok(())
}

/// Adds every item of `other` (a set, a dict or any iterable) to `so`
/// (CPython's `set_update_internal`).
pub fn update_internal(vm: &mut Vm, so: &RefCell<SetData>, other: &Value) -> PyResult<()> {
    if let Some(o) = set_cell(other) {
        return merge(vm, so, o);
    }
    if let Value::Obj(o) = other {
        if let Payload::Dict(dd) = &o.payload {
            if std::rc::Rc::ptr_eq(o.class(), &vm.types.dict) {
                let entries: Vec<(i64, Value)> = dd.borrow().iter().map(|e| (e.hash, e.key.clone())).collect();
                {
                    let mut d = so.borrow_mut();
                    let n = entries.len();
                    if (d.fill + n) * 5 >= d.mask() * 3 {
                        let m = (d.used + n) * 2;
                        d.resize(m);
                    }
                }
                for (h, k) in entries {
                    add_entry(vm, so, k, h)?;
                }
                return Ok(());
            }
        }
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        add_key(vm, so, k)?;
    }
    Ok(())
}

/// Removes and returns an arbitrary item (CPython's `set_pop`, using the finger).
pub fn pop_entry(s: &RefCell<SetData>) -> Option<Value> {
    let mut d = s.borrow_mut();
    if d.used == 0 {
        return None;
    }
    let n = d.table.len();
    let mut i = d.finger & (n - 1);
    loop {
        match &d.table[i] {
            Some(e) if !e.key.is_null() => break,
            _ => {
                i += 1;
                if i >= n {
                    i = 0;
                }
            }
        }
    }
    let old = std::mem::replace(&mut d.table[i], Some(SetEntry { hash: -1, key: Value::Null }));
    d.used -= 1;
    d.version += 1;
    d.hash = None;
    d.finger = i + 1;
    old.map(|e| e.key)
}

/// Empties the table (CPython's `set_clear_internal`).
pub fn clear(s: &RefCell<SetData>) {
    let mut d = s.borrow_mut();
    let frozen = d.frozen;
    let version = d.version + 1;
    let old = std::mem::replace(&mut *d, SetData::new(frozen));
    d.version = version;
    drop(d);
    drop(old);
}

/// CPython 3.11's frozenset hash.
pub fn frozenset_hash(d: &SetData) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for e in d.entries() {
        hash ^= shuffle(e.hash as u64);
    }
    hash ^= (d.used as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

/// A frozenset constant of a code object. CPython's compiler builds it from
/// the items, then rebuilds it from its own iteration order when merging
/// constants (`merge_consts_recursive`); doing the same gives CPython's table
/// layout and hence its printed order.
pub fn new_const_frozenset(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let data = RefCell::new(SetData::new(true));
    for it in items {
        add_key(vm, &data, it)?;
    }
    let keys = data.borrow().keys();
    new_set(vm, keys, true)
}
