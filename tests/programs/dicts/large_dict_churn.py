# Many inserts and deletes: order and lookups must stay correct through resizes.
d = {}
for i in range(2000):
    d[f"k{i}"] = i
for i in range(0, 2000, 3):
    del d[f"k{i}"]
for i in range(0, 2000, 5):
    d[f"k{i}"] = -i
print(len(d), list(d)[:8], list(d)[-8:])
print(sum(d.values()), d.get("k3"), d.get("k5"), d.get("k6"), "k1999" in d)
ints = {}
for i in range(5000):
    ints[i * 7 % 5003] = i
for k in list(ints):
    if k % 2:
        del ints[k]
print(len(ints), list(ints)[:10], max(ints), min(ints))
ints.clear()
ints.update((i, i) for i in range(10))
print(ints)
s = set()
for i in range(3000):
    s.add(i * 31 % 3001)
for i in range(0, 3001, 2):
    s.discard(i)
print(len(s), sorted(s)[:10], list(s)[:10])
