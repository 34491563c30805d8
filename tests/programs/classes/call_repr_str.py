class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return (x + self.n) * times
    def __repr__(self):
        return f"Adder({self.n!r})"
    def __str__(self):
        return f"+{self.n}"
a = Adder(3)
print(a(4), a(4, times=2), callable(a), callable(Adder), callable(3), repr(a), str(a), a, [a], (a,), {"k": a})
print(f"{a}", f"{a!r}", "%s %r" % (a, a), "{} {!r}".format(a, a), str([a]), format(a))
# === only __repr__ defined: str falls back ===
class R:
    def __repr__(self):
        return "R-repr"
print(str(R()), R(), [R()])
# === only __str__ defined: repr is default (address hidden) ===
class S:
    def __str__(self):
        return "S-str"
print(str(S()), repr(S()).startswith("<__main__.S object at 0x"))
# === __repr__ returning non-str ===
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(e)
# === recursive repr of containers ===
l = [1]
l.append(l)
d = {}
d["self"] = d
print(l, d)
# === __call__ on class vs instance ===
class Factory:
    def __call__(self):
        return "instance called"
print(Factory()(), type(Factory()).__name__)
try:
    Adder(1)("x")
except TypeError as e:
    print(e)
# === __bytes__, __format__, __int__, __float__, __index__, __complex__, __round__ ===
class Multi:
    def __bytes__(self):
        return b"multi"
    def __int__(self):
        return 7
    def __float__(self):
        return 7.5
    def __index__(self):
        return 3
    def __round__(self, n=None):
        return f"round({n})"
    def __trunc__(self):
        return 1
m = Multi()
print(bytes(m), int(m), float(m), hex(m), round(m), round(m, 2), [0, 1, 2, 3, 4][m], range(10)[m])
