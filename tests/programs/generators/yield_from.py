def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner result"
def outer():
    result = yield from inner()
    print("outer got result", result)
    yield 3
g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(next(g, "end"))
# === yield from iterables ===
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(2), (x for x in "cd"), {"k": 1})))
# === throw and close are forwarded ===
def sub():
    try:
        yield "sub1"
        yield "sub2"
    except ValueError:
        yield "sub handled"
    finally:
        print("sub finally")
def delegator():
    try:
        yield from sub()
    finally:
        print("delegator finally")
d = delegator()
print(next(d))
print(d.throw(ValueError))
d.close()
# === return value via StopIteration and nested delegation ===
def level(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from level(n - 1)
    yield f"level {n}"
    return r + n
def run():
    total = yield from level(3)
    yield f"total {total}"
print(list(run()))
# === yield as expression values ===
def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    yield received
e = echo()
print(next(e), e.send("x"), e.send("y"), e.send("z"))
