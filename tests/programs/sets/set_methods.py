# === construction and printed order of ints ===
s = {5, 3, 1, 4, 2}
print(s, set(), set("hello") == {"h", "e", "l", "o"}, set(range(10, 0, -1)), {100, 10, 1000, 1, 0, -1})
print({32, 16, 8, 4, 2, 1, 64, 128}, {7, 15, 23, 31}, set([9, 17, 25, 33, 1]), {-5, -3, 0, 3, 5})
print(set(range(0, 100, 7)), {2 ** 31, 2 ** 32, 2 ** 40}, {1.5, 2.5, 0.5})
# === add, remove, discard, pop ===
t = {1, 2, 3}
t.add(4)
t.add(2)
t.discard(10)
t.remove(1)
print(t, t.pop(), t)
try:
    t.remove(99)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print(e)
# === algebra ===
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b, a.union([7], (8,)), a.intersection(b, {4}), a.difference([1]), a.symmetric_difference(range(3)))
print(a <= b, {1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {1}
c ^= {2, 20}
print(c)
c.update([30, 31], {32})
c.intersection_update(range(31, 40))
print(c)
c.difference_update({31})
c.symmetric_difference_update({1})
print(c, c.copy(), len(c))
c.clear()
print(c)
try:
    a | [1]
except TypeError as e:
    print(e)
# === sets of strings under the fixed hash seed ===
print({"apple", "banana", "cherry"}, sorted({"b", "a", "c"}))
print({"x", "y", "z", "w"} | {"a"})
