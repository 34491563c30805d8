# === append, extend, insert ===
a = [3, 1, 2]
a.append(4)
a.extend([5, 6])
a.extend(range(7, 9))
a.extend("ab")
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
print(a)
# === pop, remove, index, count ===
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("a")
print(a, a.index(4), a.index(5, 3), a.count(1), [1, 1, 2].count(1))
for call in (lambda: a.remove("zzz"), lambda: a.index("zzz"), lambda: [].pop(), lambda: [1].pop(5), lambda: a.index(3, 1, 2)):
    try:
        call()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
# === reverse, sort, copy, clear ===
b = [5, 2, 8, 1, 9]
b.reverse()
print(b)
b.sort()
print(b)
b.sort(reverse=True)
print(b)
c = b.copy()
c.append(0)
b.clear()
print(b, c)
# === equality, comparisons, containment ===
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [1, [2]] == [1, [2]], 2 in [1, 2], [2] in [[2]])
try:
    [1] < ["a"]
except TypeError as e:
    print(e)
# === list() constructor and repr ===
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"x": 1}), list(x * x for x in range(4)))
r = [1, 2]
r.append(r)
print(r, [[]] * 3, [None, True, 1.5, "s", b"b"])
