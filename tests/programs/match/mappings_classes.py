def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extra={rest}"
        case {"type": "scroll", "delta": int() | float() as d}:
            return f"scroll {d}"
        case {"type": t}:
            return f"unhandled {t}"
        case {}:
            return "empty mapping"
        case _:
            return "not a mapping"
for e in ({"type": "click", "pos": (1, 2)}, {"type": "key", "key": "a", "mod": "ctrl"}, {"type": "scroll", "delta": 2.5},
          {"type": "resize"}, {}, {"pos": 1}, [1]):
    print(handle(e))
# === class patterns ===
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius
def where(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x > 10:
            return f"far point {x},{y}"
        case Circle(Point(x, y), r) if r > 5:
            return f"big circle at {x},{y}"
        case Circle(radius=r):
            return f"circle r={r}"
        case Point():
            return "some point"
        case int(n) | float(n):
            return f"number {n}"
        case str() | bytes():
            return "text"
        case list((1, *_)):
            return "list starting with 1"
        case dict(d) if d:
            return f"dict with {len(d)} keys"
        case _:
            return "unknown"
for o in (Point(0, 0), Point(0, 4), Point(11, 1), Point(1, 1), Circle(Point(1, 2), 6), Circle(Point(0, 0), 1),
          7, 2.5, "s", b"b", [1, 2], {"a": 1}, {}, None):
    print(where(o))
# === errors in class patterns ===
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(e)
try:
    match 5:
        case len():
            pass
except TypeError as e:
    print(e)
