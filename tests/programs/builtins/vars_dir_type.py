class Simple:
    kind = "simple"
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        return self.a
s = Simple()
print(vars(s), sorted(vars(Simple).keys() - {"__dict__", "__weakref__", "__module__", "__doc__", "__init__"}))
print([n for n in dir(s) if not n.startswith("__")])
print([n for n in dir(Simple) if not n.startswith("__")])
print("__init__" in dir(s), "__class__" in dir(s), "a" in dir(Simple))
class Child(Simple):
    extra = 1
print([n for n in dir(Child()) if not n.startswith("_")])
try:
    vars(5)
except TypeError as e:
    print(e)
# === type() one-argument ===
for v in (1, 1.0, "s", [], (), {}, set(), None, True, b"", range(1), len, Simple, s, type, object(), 1j, ..., NotImplemented):
    print(type(v).__name__, end=" ")
print()
print(type(s), type(Simple), type(len), type(s.method), type(Simple.method), type(lambda: 0), type(x for x in []))
# === type() three-argument ===
T = type("T", (Simple,), {"z": 9, "method": lambda self: "overridden"})
t = T()
print(T.__name__, T.__bases__, t.z, t.method(), t.a, T.__module__)
try:
    type("Bad", (1,), {})
except TypeError as e:
    print(e)
try:
    type("x", 1)
except TypeError as e:
    print(e)
# === dir() of module-like namespace ===
def func():
    local_one = 1
    local_two = 2
    return dir()
print(func(), sorted(n for n in dir() if not n.startswith("_"))[:6])
