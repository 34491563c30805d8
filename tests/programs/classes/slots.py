class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, P.__slots__, hasattr(p, "__dict__"), type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print(e)
del p.x
try:
    p.x
except AttributeError as e:
    print(e)
p.x = 10
print(p.x)
# === subclass without __slots__ gets a __dict__ ===
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, q.__dict__)
# === subclass with its own slots ===
class R(P):
    __slots__ = ("z",)
r = R(1, 2)
r.z = 3
print(r.x, r.z, hasattr(r, "__dict__"))
# === slots with __dict__ and default conflicts ===
class S:
    __slots__ = ("a", "__dict__")
s = S()
s.a = 1
s.b = 2
print(s.a, s.b, s.__dict__)
try:
    class T:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(e)
class U:
    __slots__ = "single"
u = U()
u.single = "ok"
print(u.single, U.__slots__)
