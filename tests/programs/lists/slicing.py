a = list(range(10))
# === read slices ===
print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:-1], a[8:2:-2], a[100:], a[-100:2])
# === slice assignment ===
b = a.copy()
b[2:5] = ["x", "y"]
print(b)
b[1:1] = [100, 200, 300]
print(b)
b[:] = b[::-1]
print(b)
b[::2] = [0] * len(b[::2])
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(e)
try:
    b[::-1] = 5
except TypeError as e:
    print(e)
c = list(range(6))
c[1:4] = "ab"
print(c)
c[len(c):] = [9]
print(c)
# === slice deletion ===
d = list(range(12))
del d[::3]
print(d)
del d[2:4]
print(d)
del d[-2:]
print(d)
del d[:]
print(d)
# === index assignment and errors ===
e = [1, 2, 3]
e[-1] = 30
print(e)
for i in (3, -4):
    try:
        e[i]
    except IndexError as err:
        print(err)
try:
    e[5] = 1
except IndexError as err:
    print(err)
try:
    e["1"]
except TypeError as err:
    print(err)
try:
    del e[7]
except IndexError as err:
    print(err)
# === slice objects ===
s = slice(1, 8, 2)
print(a[s], s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4), repr(s))
