# Comparisons across types and the truth value of containers and numbers.
values = [0, 0.0, 0j, -0.0, 1, -1, "", "0", " ", [], [[]], (), ((),), {}, {0: 0}, set(), frozenset(), None, range(0), b"", bytearray()]
print([bool(v) for v in values])
print(0 == 0.0 == 0j == -0.0 == False, 1 == 1.0 == True, "" == b"", [] == (), () == (), {} == set())
print(1 in [1.0], 1.0 in {1}, True in {1: "x"}, "a" in ("a",), None in [None], 0 in [False], float("nan") in [float("nan")])
print([1, 2] == [1, 2.0], (1, [2]) == (1, [2]), {1: [2]} == {1.0: [2.0]}, {1, 2} == frozenset({2.0, 1}))
print(sorted([3, 1.5, True, 0, -2.5, False]), max(1, True), max(True, 1), min(0.0, 0, False))
print(1 < 2.5 < 3 < 10 ** 20 < 1e21, -1e300 < -(10 ** 300), 10 ** 400 > float("inf"), -(10 ** 400) < float("-inf"))
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, float(2 ** 53 + 1) == 2 ** 53)
a = (1, 2)
b = (1, 2)
print(a == b, [a] == [b], {a: 1} == {b: 1}, a is a)
