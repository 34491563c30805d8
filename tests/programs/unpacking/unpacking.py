# === basic and nested ===
a, b = 1, 2
a, b = b, a
(c, d), e = [3, 4], 5
[f, [g, h]] = (6, (7, 8))
print(a, b, c, d, e, f, g, h)
# === star targets ===
first, *middle, last = range(6)
*init, tail = "abc"
head, *rest = [1]
print(first, middle, last, init, tail, head, rest)
x, *y, z = 1, 2
print(x, y, z)
# === star in nested position ===
(p, *q), r = "xyz", 0
print(p, q, r)
# === errors ===
for src in ("a, b = 1, 2, 3", "a, b, c = 1, 2", "a, *b, c = [1]", "a, b = 5", "a, = []"):
    try:
        exec(src)
    except (ValueError, TypeError) as err:
        print(src, "->", type(err).__name__, err)
# === unpacking in for loops ===
pairs = [(1, "one"), (2, "two")]
for num, word in pairs:
    print(num, word)
for i, (num, word) in enumerate(pairs):
    print(i, num, word)
for k, *vs in [(1, 2, 3), (4,)]:
    print(k, vs)
# === star expressions in displays and calls ===
l1 = [1, 2]
t1 = (3, 4)
print([*l1, *t1, *"ab"], (*l1, 0), {*l1, *t1}, {**{"a": 1}, "b": 2, **{"a": 3}}, [*range(3)])
print(*l1, sep="-")
def f3(a, b, c, d):
    return a + b + c + d
print(f3(*l1, *t1), f3(1, *[2, 3], 4), f3(**{"a": 1, "b": 2}, c=3, d=4))
try:
    f3(**{"a": 1}, **{"a": 2})
except TypeError as err:
    print(err)
# === unpacking to attributes and subscripts ===
class O:
    pass
o = O()
lst = [0, 0, 0]
o.x, lst[1], *lst[2:] = "A", "B", "C", "D"
print(o.x, lst)
# === chained assignment with unpacking ===
m = n = (1, 2)
(s, t) = u = [5, 6]
print(m, n, s, t, u)
# === swap via unpacking with evaluation order ===
arr = [0, 1, 2]
i = 0
i, arr[i] = 2, 9
print(i, arr)
# === dict unpacking order and duplicate key errors ===
def kw(**k):
    return k
print(kw(**{"b": 1}, a=2), dict(**{"x": 1}), {**{}, **{}})
