# Dict lookups with keys whose hashing or equality is not the builtin one,
# identity of float keys, and mutation during iteration and lookup.

# === hash is called once per operation ===
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        print("hash", self.v)
        return hash(self.v)
    def __eq__(self, other):
        print("eq", self.v, getattr(other, "v", other))
        return isinstance(other, H) and self.v == other.v
    def __repr__(self):
        return "H(%r)" % self.v
d = {}
print(d.setdefault(H(1), "a"))
print(d.setdefault(H(1), "b"))
d[H(2)] = "c"
print(d.get(H(2)), H(2) in d, d.pop(H(1)), d)
print(dict.fromkeys([H(3), H(3)]))

# === NaN and float keys ===
nan = float("nan")
d = {nan: 1, 0.0: "zero"}
print(d.get(nan), nan in d, d[0], d[-0.0], 0 in d, False in d, True in d)
d[1] = "one"
d[1.0] = "float one"
d[True] = "true"
print(d, len(d))
s = {nan}
print(nan in s, 0.0 in {False}, False in {0.0}, 1.0 in {True})

# === str and int subclasses with their own hash/eq ===
class CaseStr(str):
    def __hash__(self):
        return hash(self.lower())
    def __eq__(self, other):
        return isinstance(other, str) and self.lower() == other.lower()
d = {CaseStr("Key"): 1}
print(d.get("key"), d.get("KEY"), d.get(CaseStr("kEy")), "Key" in d)
d = {"key": 2}
print(d.get(CaseStr("KEY")), CaseStr("KeY") in d)
class NeverEq(str):
    def __eq__(self, other):
        return False
    __hash__ = str.__hash__
k = NeverEq("x")
d = {k: 1, "y": 2}
print(d.get("x"), d.get(k), k in d, d.get(NeverEq("x")))
class ModInt(int):
    def __eq__(self, other):
        return int(self) % 10 == int(other) % 10
    def __hash__(self):
        return int(self) % 10
d = {ModInt(3): "three"}
print(d.get(13), d.get(3), d.get(ModInt(23)))
d = {3: "plain"}
print(d.get(ModInt(13)), d.get(ModInt(3)))
class BadHash:
    def __hash__(self):
        raise ValueError("no hash for you")
try:
    {}[BadHash()] = 1
except ValueError as e:
    print("ValueError:", e)
try:
    {1: 2}.get(BadHash())
except ValueError as e:
    print("ValueError:", e)
try:
    {}.setdefault([], 1)
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2**100
    def __eq__(self, o):
        return self is o
b = BigHash()
print({b: 1}[b], hash(b) == hash(2**100))
print(hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61 - 2)), hash(-(2**61 - 1)), hash(2**63 - 1), hash(-2**63))

# === __eq__ that mutates the dict during a lookup ===
class Mutator:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 7
    def __eq__(self, other):
        self.d.clear()
        return False
d = {}
d[Mutator(d)] = 1
print(d.get(Mutator(d)), len(d))
class Same7:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return NotImplemented
a, b = Same7(), Same7()
d = {a: "a", b: "b"}
print(d[a], d[b], len(d))

# === mutation during iteration ===
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
d = {i: i for i in range(5)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
d = {i: i for i in range(5)}
try:
    for k, v in d.items():
        d.pop(k)
        d[k + 10] = v
except RuntimeError as e:
    print("RuntimeError:", e)
d = {i: i for i in range(5)}
for k in d:
    d[k] = k * 2
print(d)
d = {"a": 1, "b": 2}
it = iter(d)
next(it)
d["c"] = 3
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)

# === order after deletes and reinsertion ===
d = {}
for i in range(50):
    d["k%d" % i] = i
for i in range(0, 50, 3):
    del d["k%d" % i]
d["k0"] = "again"
print(list(d)[:5], list(d)[-3:], len(d))
counts = {}
for w in "the cat and the dog and the bird".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
by = {}
for w, c in counts.items():
    by.setdefault(c, []).append(w)
print(by)
# === tuple keys: hash, equality, nesting ===
def nest(n):
    a = ()
    for i in range(n):
        a = (a, i)
    return a
x, y = nest(500), nest(500)
print(x == y, hash(x) == hash(y), {x: 1}[y])
x, y = nest(5000), nest(5000)
print(hash(x) == hash(y))
try:
    print(x == y)
except RecursionError as e:
    print("RecursionError", e)
class E:
    def __eq__(self, o):
        print("E.eq")
        return True
    def __hash__(self):
        return 1
print((1, E()) == (1, E()), (E(), 2) == (E(), 3), (1, 2) == (1, 2.0), (1, 2) == (1, 2, 3), ((1, "a"), 2) == ((1, "a"), 2))
d = {(1, "a"): "t", (2, (3, 4)): "n"}
print(d[(1, "a")], d[(2, (3, 4))], (1.0, "a") in d, (1, "b") in d)
try:
    hash((1, []))
except TypeError as e:
    print(e)
class T(tuple):
    def __eq__(self, o):
        return "T.eq"
    __hash__ = tuple.__hash__
print(T((1,)) == (1,), (1,) == T((1,)), {T((1,)): 5}.get((1,)), {(1,): 5}.get(T((1,))))
nan = float("nan")
t = (nan,)
print(t == t, (nan,) == (nan,), [t] == [t], t in {t})
