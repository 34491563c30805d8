def producer():
    yield 1
    raise ValueError("producer failed")
def consumer():
    out = []
    try:
        for v in producer():
            out.append(v)
    except ValueError as e:
        out.append(str(e))
    return out
print(consumer())
def transformer(src):
    for v in src:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield "div0"
print(list(transformer([1, 0, 5])))
# === exception propagates through yield from ===
def inner():
    yield "i1"
    raise KeyError("inner key")
def outer():
    try:
        yield from inner()
    except KeyError as e:
        yield f"outer caught {e}"
print(list(outer()))
# === exception context inside generator is preserved ===
def ctx():
    try:
        raise TypeError("first")
    except TypeError:
        yield "in handler"
        raise ValueError("second")
g = ctx()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(repr(e), repr(e.__context__))
# === generator raising StopIteration explicitly inside try ===
def stops():
    try:
        yield 1
        return "stopped"
    finally:
        print("cleanup")
print(list(stops()))
