# === construction and repr ===
print((), (1,), (1, 2), tuple("ab"), tuple([1, [2]]), tuple(range(3)), 1, 2 if False else (1, 2, 3))
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[0], t[-1], t[1:], t[::-1], t * 2, t + (4,), 2 in t)
# === immutability ===
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t.append(4)
except AttributeError as e:
    print(e)
inner = ([1], 2)
inner[0].append(3)
print(inner)
try:
    inner[0] += [4]
except TypeError as e:
    print(e, inner)
# === methods ===
t2 = (1, 2, 1, 3, 1)
print(t2.count(1), t2.index(3), t2.index(1, 1))
try:
    t2.index(9)
except ValueError as e:
    print(e)
# === comparison and hashing ===
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "a") == (1, "a"), hash((1, 2)) == hash((1, 2)))
print(hash((1, 2, 3)), hash(()), hash((1, (2, 3))), hash(("a", 1)) == hash(("a", 1)))
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
# === tuples as dict keys and in sorting ===
d = {(0, 0): "origin", (1, 2): "p"}
print(d[(1, 2)], d[0, 0], sorted([(2, "b"), (1, "z"), (2, "a")]))
# === unpacking ===
a, b, c = t
(x, y), z = (1, 2), 3
print(a, b, c, x, y, z)
try:
    a, b = t
except ValueError as e:
    print(e)
try:
    a, b, c, d2 = t
except ValueError as e:
    print(e)
