# Sorting corner cases: key-call order, homogeneous key fast paths versus
# objects with their own comparisons, errors and mutation during a sort.

# === key calls: once per item, in the original order, even for one item ===
[5].sort(key=lambda x: print("key of", x))
sorted([7], key=lambda x: print("key of", x))
l = [3, 1, 2]
l.sort(key=lambda x: print("key", x) or x, reverse=True)
print(l)
l = [3, 1, 2]
try:
    l.sort(key=lambda x: 1 / (x - 2), reverse=True)
except ZeroDivisionError as e:
    print("error:", e, l)
print(sorted([], key=lambda x: print("never")))

# === homogeneous keys: ints, floats, strs, tuples ===
import_free_seed = 12345
def rnd():
    global import_free_seed
    import_free_seed = (import_free_seed * 1103515245 + 12345) % 2147483648
    return import_free_seed
ints = [rnd() % 1000 - 500 for _ in range(500)]
print(sorted(ints)[:8], sorted(ints, reverse=True)[:8])
big = [10**20, -10**20, 5, 2**63, -2**63, 2**63 - 1, 0]
print(sorted(big), sorted(big, reverse=True))
floats = [(rnd() % 1000) / 7.0 - 50 for _ in range(300)] + [0.0, -0.0, float("inf"), -float("inf")]
sf = sorted(floats)
print(sf[:5], sf[-3:], [str(x) for x in sf if x == 0])
print(sorted([0.0, -0.0, 0.0, -0.0]), sorted([-0.0, 0.0], reverse=True))
mixed = [3, 2.5, True, 1, 0.5, False, 2]
print(sorted(mixed), sorted(mixed, reverse=True))
strs = ["b", "a", "é", "\U0001f600", "\ud800", "\uffff", "A", "", "ab", "aa", "\x00"]
print([ascii(s) for s in sorted(strs)])
print([ascii(s) for s in sorted(strs * 20, reverse=True)][:12])
recs = [(rnd() % 5, "n%d" % (rnd() % 7), i) for i in range(200)]
r1 = sorted(recs, key=lambda r: (r[0], r[1]))
print(r1[:6], r1[-3:])
r2 = sorted(recs, key=lambda r: (r[1], -r[0]), reverse=True)
print(r2[:6])
print(sorted([(1, 2), (1,), (), (1, 2, 3), (0, 9)]), sorted([(2.5, "x"), (2.5, "a"), (-1.0, "z")]))
print(sorted([(1, "a"), (1.0, "b"), (True, "c")]))

# === NaN keys in short lists ===
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]), sorted([nan, 2.0, 1.0]), sorted([2.0, 1.0, nan, 0.5], reverse=True))
print(sorted([(nan, 1), (1.0, 2), (0.5, 3)]))

# === subclasses with their own comparisons are honoured ===
class RevStr(str):
    def __lt__(self, other):
        return str.__gt__(self, other)
print(sorted([RevStr("a"), RevStr("c"), RevStr("b")]))
print(sorted(["a", RevStr("c"), "b"]))
class RevInt(int):
    def __lt__(self, other):
        return int(self) > int(other)
print(sorted([RevInt(1), RevInt(3), RevInt(2)]))
class RevTuple(tuple):
    def __lt__(self, other):
        return tuple.__gt__(self, other)
print(sorted([RevTuple((1, 2)), RevTuple((3,)), RevTuple((2, 0))]))
class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v
    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v
    def __repr__(self):
        return "Loud(%r)" % self.v
print(sorted([(1, Loud(2)), (1, Loud(1)), (0, Loud(5))]))
print(sorted([Loud(3), Loud(1), Loud(2)]))

# === errors from comparisons ===
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "a"] * 40)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3.0, "x"])
except TypeError as e:
    print("TypeError:", e)
class Boom:
    n = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Boom.n += 1
        if Boom.n == 5:
            raise RuntimeError("boom at comparison 5")
        return self.v < other.v
    def __repr__(self):
        return "B%d" % self.v
bl = [Boom(v) for v in [5, 3, 8, 1, 9, 2]]
try:
    bl.sort()
except RuntimeError as e:
    print(e, sorted(b.v for b in bl), len(bl))
class BadLt:
    def __lt__(self, other):
        return NotImplemented
try:
    sorted([BadLt(), BadLt()])
except TypeError as e:
    print("TypeError:", e)

# === mutation during a sort ===
victim = [4, 3, 2, 1]
class Meddler:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        victim.append(0)
        return self.v < other.v
victim[:] = [Meddler(v) for v in (4, 3, 2, 1)]
try:
    victim.sort()
except ValueError as e:
    print(e, len(victim))
watch = [2, 1]
def peek(x):
    print("during key:", watch)
    return x
watch.sort(key=peek)
print(watch)
class Peek:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("list while sorting:", watch2)
        return self.v < other.v
watch2 = [Peek(2), Peek(1)]
watch2.sort()
print([p.v for p in watch2])

# === stability with equal keys ===
pairs = [(k % 3, i) for i, k in enumerate([rnd() for _ in range(100)])]
st = sorted(pairs, key=lambda p: p[0])
print(all(st[i][1] < st[i + 1][1] for i in range(len(st) - 1) if st[i][0] == st[i + 1][0]))
st = sorted(pairs, key=lambda p: p[0], reverse=True)
print(all(st[i][1] < st[i + 1][1] for i in range(len(st) - 1) if st[i][0] == st[i + 1][0]))
print(sorted(["b", "A", "a", "B"], key=str.lower), sorted(["b", "A", "a", "B"], key=str.lower, reverse=True))
# === keys of mixed or changing types ===
for L in [[0, "foo"], [0.0, "foo"], [("foo",), "foo"]]:
    for variant in (L, [(x,) for x in L], [((x,),) for x in L]):
        try:
            variant.sort()
            print("sorted?", variant)
        except TypeError as e:
            print("TypeError:", e)
for L in [[1, 1.1], [1 << 70, 1.1], [1.1, 1], [1.1, 1 << 70], [2**63, 2**63 - 1, 1e19, -2**63, -1e19]]:
    print(sorted(L), sorted([(x,) for x in L]), sorted(L, reverse=True))
class Wacky(int):
    def __lt__(self, other):
        target.__class__ = Raising
        return int.__lt__(self, other)
class Plain(list):
    pass
class Raising(list):
    def __lt__(self, other):
        raise ValueError("class changed mid-sort")
L = [Plain([Wacky(i), i]) for i in range(10)]
target = L[-1]
try:
    L.sort()
except ValueError as e:
    print("ValueError:", e)
L = [Plain([Wacky(i), i]) for i in range(10)]
target = L[-1]
try:
    [(x,) for x in L].sort()
except ValueError as e:
    print("ValueError:", e)
class Pointless:
    def __lt__(self, other):
        return NotImplemented
for L in ([Pointless(), Pointless()], [(Pointless(),), (Pointless(),)]):
    try:
        L.sort()
    except TypeError as e:
        print("TypeError:", e)
nan = float("nan")
same = [(nan,)] * 100
print(sorted(same) == same, sorted([nan] * 5), sorted([(nan, 2), (nan, 1)]))
print(sorted([(None, 2), (None, 1)]))
for L in ([(1.0, 1.0), (False, "A"), 6], [("a", 1), (1, "a")], [(1, "a"), ("a", 1)]):
    try:
        L.sort()
        print("sorted?", L)
    except TypeError as e:
        print("TypeError:", e)
print(sorted([str(x) for x in range(100)] + ["\uffff", "\U00010000", "\ud800"])[-5:])
print(sorted([bytes([x % 7, x]) for x in range(20)])[:4], sorted(list(range(100)) + [1 << 70])[-2:])
