# === enumerate ===
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
e = enumerate(["x", "y"])
print(type(e).__name__, next(e), next(e), next(e, "end"))
for i, (a, b) in enumerate(zip("xy", "12")):
    print(i, a, b)
# === zip ===
print(list(zip()), list(zip("abc")), list(zip("abc", range(10))), list(zip([1, 2], "ab", (True, False))), dict(zip("ab", "cd")))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
print(list(zip("ab", "cd", strict=True)))
for args in (("abc", "de"), ("ab", "cde"), ("ab", "cd", "e")):
    try:
        list(zip(*args, strict=True))
    except ValueError as err:
        print(err)
# zip stops at the shortest without consuming an extra element from later iterables
it = iter(range(10))
print(list(zip("ab", it)), next(it))
try:
    zip(1, 2)
except TypeError as err:
    print(err)
