it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(iter(range(1))).__name__, type(iter(b"")).__name__)
d = {"a": 1}
print(type(iter(d.values())).__name__, type(iter(d.items())).__name__)
# === iter with sentinel ===
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
try:
    iter(5, 5)
except TypeError as e:
    print(e)
# === iterators are exhausted once ===
sq = iter([x * x for x in range(4)])
print(list(sq), list(sq), sum(iter(range(4))))
# === iter() returns self for iterators ===
g = (x for x in "ab")
print(iter(g) is g, next(g), list(g))
# === length_hint and list conversion ===
r = iter(range(10))
next(r)
print(r.__length_hint__(), list(r)[-1])
# === next on non-iterator ===
try:
    next("abc")
except TypeError as e:
    print(e)
