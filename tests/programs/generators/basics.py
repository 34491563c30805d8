def count(n):
    print("start")
    for i in range(n):
        print("yield", i)
        yield i
    print("end")
g = count(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(g), next(g, "default"))
# === generator with return value ===
def ret():
    yield 1
    return "done"
it = ret()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value:", e.value, e.args)
# === infinite generators with islice-like take ===
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(take(5, naturals()), take(3, (x * x for x in naturals())))
# === fibonacci generator and pipeline ===
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
def evens(it):
    return (x for x in it if x % 2 == 0)
print(take(8, evens(fib())))
# === generator state introspection ===
def simple():
    yield 1
s = simple()
print(s.gi_running, s.gi_frame is not None, s.gi_code.co_name)
list(s)
print(s.gi_frame)
# === generators are iterators ===
s = simple()
print(iter(s) is s, hasattr(s, "__next__"), [x for x in s])
# === StopIteration inside a generator becomes RuntimeError ===
def bad():
    yield 1
    raise StopIteration("oops")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
