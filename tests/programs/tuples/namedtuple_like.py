# A tuple subclass with named fields, written by hand (no collections import).
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"
    def __add__(self, other):
        return Point(self.x + other[0], self.y + other[1])
p = Point(1, 2)
q = p + Point(10, 20)
print(p, q, p.x, q.y, p == (1, 2), len(q), isinstance(p, tuple), hash(p) == hash((1, 2)), sorted([q, p]))
try:
    p.z = 3
except AttributeError as e:
    print(e)
x, y = q
print(x, y, tuple(q), list(p), p[::-1], type(p[::-1]).__name__)
# === tuple() on a tuple returns same object, subclass copies ===
t = (1, 2)
print(tuple(t) is t, type(tuple(p)).__name__)
