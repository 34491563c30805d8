# The with statement with file-free managers, nested managers and exception flows.
log = []
class M:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        log.append(f"enter {self.name}")
        return self
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else '-'}")
        return self.swallow
with M("a") as a, M("b") as b:
    log.append(f"body {a.name}{b.name}")
print(log)
log.clear()
with M("outer", swallow=True):
    with M("inner"):
        raise ValueError
    log.append("unreachable")
print(log)
log.clear()
def gen():
    with M("in-generator"):
        yield 1
        yield 2
g = gen()
next(g)
g.close()
print(log)
log.clear()
for i in range(2):
    with M(f"loop{i}"):
        continue
print(log)
# === the target can be any assignment target ===
holder = {}
class Obj:
    pass
o = Obj()
with M("x") as holder["k"], M("y") as o.attr:
    pass
print(holder["k"].name, o.attr.name)
with M("tuple") as (first):
    print(first.name)
