# Iteration order of sets after removals and re-insertions, and of dict views.
s = set(range(30))
for i in range(0, 30, 4):
    s.remove(i)
s.update(range(100, 130, 3))
print(s)
print(sorted(s) == sorted(list(s)), len(s))
t = {1 << k for k in range(0, 70, 5)}
print(t)
u = {-k for k in range(20)}
print(u)
v = {k * 0.5 for k in range(12)}
print(v)
w = set()
for k in (8, 16, 24, 32, 40, 48, 56, 64):
    w.add(k)
    w.add(k + 1)
print(w)
w.difference_update(range(0, 70, 16))
print(w)
d = {k: k * k for k in (9, 3, 7, 1)}
print(d.keys() | {100}, d.keys() & {1, 3}, d.keys() - {9}, d.items() - {(3, 9)})
print({1, 2, 3} | {4}, {3, 2, 1} & {1, 2}, {5, 6} ^ {6, 7})
