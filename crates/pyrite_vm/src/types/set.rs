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
        SetData { table: vec![None; MINSIZE], used: 0, fill: 0, frozen, hash: None, version: 0 }
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
    fn insert_clean(table: &mut [Option<SetEntry>], hash: i64, key: Value) {
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
                            if freeslot.is_none() {
                                freeslot = Some(j);
                            }
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
    match probe(vm, s, &key, hash)? {
        SetProbe::Found(_) => Ok(()),
        SetProbe::Missing(slot, fresh) => {
            let mut d = s.borrow_mut();
            d.table[slot] = Some(SetEntry { hash, key });
            d.used += 1;
            d.version += 1;
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
