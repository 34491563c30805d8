class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        print("getitem", key)
        if isinstance(key, tuple):
            x, y = key
            if not (0 <= x < self.w and 0 <= y < self.h):
                raise IndexError(f"{key} out of range")
            return self.cells.get(key, ".")
        if isinstance(key, slice):
            return [key.start, key.stop, key.step]
        raise TypeError(f"bad key {key!r}")
    def __setitem__(self, key, value):
        print("setitem", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("delitem", key)
        del self.cells[key]
g = Grid(3, 3)
g[1, 2] = "#"
print(g[1, 2], g[0, 0], g[1:5], g[::2], g[-1:2])
del g[1, 2]
for bad in ((5, 5), "str"):
    try:
        g[bad]
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
# === old-style sequence iteration through __getitem__ ===
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Squares()), 9 in Squares(), [x for x in Squares() if x % 2])
# === __index__ used for slicing ===
class Two:
    def __index__(self):
        return 2
print("abcdef"[Two():], [1, 2, 3, 4][:Two()], (1, 2, 3)[Two()])
# === subscript errors on builtins ===
for expr in ("5[0]", "None[0]", "[1][0:1:0]", "{}[[]]", "(1, 2)['x']", "'abc'[1.5]"):
    try:
        eval(expr)
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
# === __missing__ only for dict subclasses ===
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
c["a"] += 1
c["a"] += 1
print(c, c["zz"])
# === __setitem__ with slices on a list subclass ===
class Track(list):
    def __setitem__(self, k, v):
        print("track", k, v)
        super().__setitem__(k, v)
t = Track([1, 2, 3])
t[0:2] = [9]
t[-1] = 0
print(t)
