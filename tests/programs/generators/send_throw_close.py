def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(acc.send(None))
print(acc.send(5), acc.send(10), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("finished with", e.value)
# === send to a just-started generator ===
g = accumulator()
try:
    g.send(1)
except TypeError as e:
    print(e)
# === throw ===
def guarded():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
g = guarded()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "exhausted"))
# === throw with a type ===
def t():
    try:
        yield 1
    except TypeError:
        yield "type error handled"
g = t()
next(g)
print(g.throw(TypeError))
# === close runs finally, GeneratorExit ===
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = closer()
print(next(g))
g.close()
g.close()
print(list(g))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
g = catches_exit()
next(g)
g.close()
# === generator running re-entrancy ===
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print(e)
