# === len ===
print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"xy"), len(""), len(frozenset()))
# === abs ===
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-(2 ** 80)), abs(float("-inf")))
class A:
    def __abs__(self):
        return "custom abs"
print(abs(A()))
# === min / max ===
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a", "c"), max([1, 2], [1, 3]), max((1, "b"), (1, "a")))
print(min([], default="empty"), max((), default=None), min([5], default=0), max([3, -4, 2], key=abs), min(["bb", "a", "ccc"], key=len))
print(max([1, 5, 3], key=lambda x: -x), max(["a", "B", "c"], key=str.lower), min({"x": 3, "y": 1}, key={"x": 3, "y": 1}.get))
print(max(1, 1.0), max(1.0, 1), min(0, False), min(False, 0), max([2, 2.0, 2], key=lambda v: 0))
for bad in (lambda: min([]), lambda: max(), lambda: min(1), lambda: max(1, 2, default=0), lambda: min([1, "a"]), lambda: max([], key=len)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# === min/max over generators and dict ===
print(max(x * x % 17 for x in range(20)), min({3: "c", 1: "a"}), max({3: "c", 1: "a"}.values()))
