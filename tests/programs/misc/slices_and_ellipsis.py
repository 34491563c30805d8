s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None), slice(1, None, -1))
print(s.indices(6), slice(-3, None).indices(10), slice(None, None, -2).indices(5), slice(100, 200).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3))
try:
    hash(slice(1, 2))
    print("slices are hashable")
except TypeError as e:
    print(e)
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(e)
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1], r[1:2], r[1:2:3], r[:], r[::], r[1, 2], r[1:2, ::3], r[...], r[..., 1], r[:, None], r["k"], r[()])
data = list(range(10))
print(data[slice(2, 8, 3)], "abcdef"[slice(None, None, -1)], (1, 2, 3)[slice(1, None)])
