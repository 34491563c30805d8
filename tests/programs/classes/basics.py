class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.moved(1, 1).x, Point.dims, p.dims, Point.__doc__, Point.__name__)
# === instance vs class attributes ===
q = Point(0, 0)
q.dims = 3
print(p.dims, q.dims, Point.dims, sorted(vars(q)), "dims" in vars(Point))
Point.dims = 5
print(p.dims, q.dims)
del q.dims
print(q.dims)
# === bound and unbound methods ===
m = p.norm2
print(m(), Point.norm2(p), m.__self__ is p, m.__func__ is Point.norm2, type(m).__name__)
# === attribute errors ===
try:
    p.z
except AttributeError as e:
    print(e)
try:
    Point.nothing
except AttributeError as e:
    print(e)
try:
    del p.zz
except AttributeError as e:
    print(e)
# === dynamic attributes ===
setattr(p, "label", "P")
print(getattr(p, "label"), hasattr(p, "label"), getattr(p, "missing", None))
delattr(p, "label")
print(hasattr(p, "label"), p.__dict__)
# === type and isinstance ===
print(type(p) is Point, isinstance(p, Point), isinstance(p, object), type(Point), Point.__bases__, Point.__mro__)
# === methods added after class creation ===
def describe(self):
    return f"Point({self.x}, {self.y})"
Point.describe = describe
print(p.describe())
# === class with no __init__ args ===
class Empty:
    pass
e = Empty()
try:
    Empty(1)
except TypeError as err:
    print(err)
print(type(e).__name__, e.__class__.__name__, Empty.__module__, Empty.__qualname__)
