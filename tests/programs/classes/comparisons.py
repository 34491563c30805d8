class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "Version(" + ".".join(map(str, self.parts)) + ")"
    def __eq__(self, o):
        return isinstance(o, Version) and self.parts == o.parts
    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts < o.parts
    def __le__(self, o):
        return self == o or self < o
    def __hash__(self):
        return hash(self.parts)
vs = [Version(s) for s in ("1.10", "1.2", "1.2.1", "0.9")]
print(sorted(vs), max(vs), min(vs), Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"))
print(Version("2.0") > Version("1.0"), Version("1.0") >= Version("1.0"), Version("1") == "1")
try:
    Version("1") < 1
except TypeError as e:
    print(e)
# === reflection of comparisons ===
class Spy:
    def __init__(self, name):
        self.name = name
    def __eq__(self, o):
        print(f"{self.name}.__eq__")
        return NotImplemented
    def __lt__(self, o):
        print(f"{self.name}.__lt__")
        return NotImplemented
    def __gt__(self, o):
        print(f"{self.name}.__gt__")
        return NotImplemented
a, b = Spy("a"), Spy("b")
print(a == b)
print(a != b)
try:
    a < b
except TypeError as e:
    print(e)
# === __eq__ default identity and __ne__ derived ===
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), p != Plain())
class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq() != 5, OnlyEq() == 5)
# === chained comparisons call each once ===
def val(x):
    print("eval", x)
    return x
print(val(1) < val(2) < val(3), val(3) < val(2) < val(1))
# === comparisons returning non-bools ===
class Arr:
    def __eq__(self, o):
        return "elementwise"
    def __lt__(self, o):
        return [1, 0]
print(Arr() == 1, Arr() < 2)
print([Arr()] == [Arr()])
