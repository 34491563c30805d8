class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Resource("a") as r:
    print("inside", r)
with Resource("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Resource("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
# === multiple managers and ordering ===
with Resource("x") as x, Resource("y") as y:
    print("both", x, y)
with (Resource("p") as p,
      Resource("q") as q):
    print("parenthesised", p, q)
# === exit runs on return and break ===
def func():
    with Resource("ret"):
        return "returned"
print(func())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            break
# === __enter__ raising skips __exit__ ===
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with BadEnter():
        pass
except RuntimeError as e:
    print(e)
# === missing protocol methods ===
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
# === exception in __exit__ replaces original ===
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError("from exit")
try:
    with ExitRaises():
        raise KeyError("original")
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))
# === generator-based manager by hand ===
class Timer:
    depth = 0
    def __enter__(self):
        Timer.depth += 1
        print("  " * Timer.depth + "start")
        return self
    def __exit__(self, t, v, tb):
        print("  " * Timer.depth + "stop")
        Timer.depth -= 1
        return False
with Timer():
    with Timer():
        with Timer():
            pass
