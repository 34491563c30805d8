# === lazy evaluation order ===
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i
g = (x * 10 for x in noisy(3))
print("created")
for v in g:
    print("consume", v)
# === generator expressions are single-use ===
g = (c for c in "ab")
print(list(g), list(g))
# === zip/map/filter consume generators lazily ===
def gen():
    yield from range(5)
print(list(zip(gen(), "xyz")), list(map(str, gen())), list(filter(lambda x: x & 1, gen())))
# === iterator protocol helpers ===
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
it = iter(lambda: next(counter), 3)
counter = iter(range(10))
print(list(it))
# === enumerate over a generator and unpacking it ===
a, b, c = (x * 2 for x in range(3))
print(a, b, c, *(x for x in "hi"))
first, *rest = (i for i in range(5))
print(first, rest)
# === generators in sum/min/max/sorted ===
print(sum(i * i for i in range(10)), min(abs(x - 5) for x in range(10)), sorted((x % 4 for x in range(10)), reverse=True))
# === generator closing when garbage collected (deterministic with refcounting) ===
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
g = with_finally()
next(g)
del g
print("after del")
for x in with_finally():
    break
print("after break")
