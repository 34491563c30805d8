# === sum ===
print(sum([1, 2, 3]), sum([], 10), sum((0.1,) * 10), sum([1, 2.5, True]), sum(range(101)), sum([[1], [2]], []), sum([(1,), (2,)], ()))
print(sum([1, 2], start=100), sum(x / 2 for x in range(5)), sum([10 ** 20, 1]), sum([0.5, 2 ** 60]))
for bad in (lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""), lambda: sum([1, "a"]), lambda: sum(5)):
    try:
        bad()
    except TypeError as e:
        print(e)
# === sorted ===
print(sorted([3, 1, 2]), sorted("cab"), sorted((2, 1)), sorted({3: 0, 1: 0}), sorted({5, 3, 9}), sorted([]), sorted(range(5), reverse=True))
print(sorted(["b", "A", "c"], key=str.lower), sorted([-3, 2, -1], key=abs, reverse=True), sorted([(1, "b"), (1, "a")], key=lambda t: t[0]))
words = "Sorting is stable so ties keep input order".split()
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(e)
print(sorted([0.5, 1, True, -2.5]), sorted([[3], [1, 2], []]), sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
