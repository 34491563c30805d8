# Timsort fidelity: the exact sequence of comparisons and the list's state
# after a comparison fails, for lists long enough to merge runs.
log = []
class K:
    __slots__ = ("v", "i")
    def __init__(self, v, i):
        self.v = v
        self.i = i
    def __lt__(self, other):
        log.append((self.i, other.i))
        return self.v < other.v
    def __repr__(self):
        return "%d:%d" % (self.v, self.i)

seed = 2024
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

def checksum(pairs):
    h = 0
    for a, b in pairs:
        h = (h * 1000003 + a * 7919 + b) % (2 ** 61 - 1)
    return h

def patterns(n):
    yield "random", [rnd(1000) for _ in range(n)]
    yield "few", [rnd(4) for _ in range(n)]
    yield "asc", list(range(n))
    yield "desc", list(range(n, 0, -1))
    yield "saw", [i % 37 for i in range(n)]
    yield "runs", sum(([j + rnd(5) for j in range(rnd(60) + 1)] for _ in range(n // 20 + 1)), [])[:n]
    yield "plateaus", [i // 50 for i in range(n)][::-1]

for n in [64, 65, 100, 255, 600, 1500]:
    for name, vals in patterns(n):
        items = [K(v, i) for i, v in enumerate(vals)]
        log.clear()
        out = sorted(items)
        ok = all(not (out[j + 1].v < out[j].v) for j in range(len(out) - 1))
        stable = all(out[j].i < out[j + 1].i for j in range(len(out) - 1) if out[j].v == out[j + 1].v)
        print(n, name, len(log), checksum(log), ok, stable)
        log.clear()
        out = sorted(items, reverse=True)
        print("  reverse", len(log), checksum(log), [k.i for k in out[:5]])

# === a comparison that fails part-way leaves CPython's permutation ===
class Boom(Exception):
    pass
class F:
    limit = 0
    count = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        F.count += 1
        if F.count == F.limit:
            raise Boom()
        return self.v < other.v
base = [rnd(100) for _ in range(300)]
for limit in [1, 50, 200, 400, 700, 1000, 1500, 2000, 2500]:
    F.count = 0
    F.limit = limit
    lst = [F(v) for v in base]
    try:
        lst.sort()
        print(limit, "no error")
    except Boom:
        vs = [f.v for f in lst]
        print(limit, "state", checksum(enumerate(vs)), sorted(vs) == sorted(base))
# === key function results compared, list mutated during the sort ===
victim = list(range(200))
class Meddle:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if len(log) == 150:
            victim.append(-1)
        log.append(0)
        return self.v < other.v
log.clear()
victim[:] = [Meddle(rnd(50)) for _ in range(200)]
try:
    victim.sort()
except ValueError as e:
    print(e, len(victim))
