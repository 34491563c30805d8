# === map ===
print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(int, "123")), list(map(len, ["a", "bb"])))
m = map(abs, [-1, -2])
print(type(m).__name__, next(m), list(m), list(m))
try:
    list(map(int, ["1", "x"]))
except ValueError as e:
    print(e)
# === filter ===
print(list(filter(None, [0, 1, "", "a", [], [0], None, False, True])), list(filter(str.isdigit, "a1b2c3")), list(filter(lambda x: x > 2, range(5))))
print(type(filter(None, [])).__name__)
# === reversed ===
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r))
for bad in (5, {1, 2}, (x for x in [])):
    try:
        reversed(bad)
    except TypeError as e:
        print(e)
# === any / all ===
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any(x > 3 for x in range(5)), all(c.isalpha() for c in "abc"))
def noisy(v):
    print("checking", v)
    return v
print(any(noisy(v) for v in (0, 1, 2)), all(noisy(v) for v in (1, 0, 2)))
