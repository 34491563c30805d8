# === chained and augmented assignments ===
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = 5
x += 1; x *= 2; x -= 3; x //= 2; x **= 2; x %= 7
print(x)
# === annotated assignments ===
count: int = 0
name: str
print(count, __annotations__)
try:
    name
except NameError as e:
    print(e)
class C:
    attr: int = 3
    other: str
print(C.attr, C.__annotations__, hasattr(C, "other"))
# === del statement forms ===
l = [1, 2, 3, 4]
d = {"a": 1, "b": 2}
v1 = v2 = 0
del l[0], d["a"], v1
print(l, d, "v1" in dir())
try:
    del v1
except NameError as e:
    print(e)
class Obj:
    pass
o = Obj()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
# === assignment evaluation order ===
order = []
def val(tag, v):
    order.append(tag)
    return v
dd = {}
dd[val("key", "k")] = val("value", 1)
print(order)
# === multiple targets with subscripts ===
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = grid[1][1] = grid[2][2] = 1
print(grid)
# === tuple and list targets ===
[p, q] = (1, 2)
(r,) = [3]
[s] = "s"
print(p, q, r, s)
