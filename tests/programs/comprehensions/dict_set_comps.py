names = ["ann", "bob", "cy", "dee"]
print({n: len(n) for n in names}, {len(n): n for n in names}, {n[0] for n in names} == set("abcd"))
print({k: v for k, v in zip("abc", range(3)) if v}, {(a, b): a * b for a in range(3) for b in range(2)})
print({i % 4 for i in range(20)}, {v: k for k, v in {"x": 1, "y": 2}.items()})
# === keys evaluated before values? order of evaluation ===
log = []
def k(x):
    log.append(f"k{x}")
    return x
def v(x):
    log.append(f"v{x}")
    return x
{k(i): v(i) for i in range(2)}
print(log)
log.clear()
{k(1): v(1), k(2): v(2)}
print(log)
# === duplicates keep last value, first key position ===
print({x % 3: x for x in range(10)})
# === generator expressions ===
g = (x * 2 for x in range(4))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(10)), max((len(n), n) for n in names), any(n.startswith("b") for n in names))
print(tuple(c for c in "xyz"), dict((i, str(i)) for i in range(3)), sorted(x % 5 for x in range(12)))
# the first iterable is evaluated immediately
try:
    gen = (x for x in 5)
except TypeError as e:
    print(e)
