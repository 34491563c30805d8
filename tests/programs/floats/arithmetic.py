import math
# === basic ops ===
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25, 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2), 2.0 ** 0.5, 2 ** -0.5, (-8.0) ** 2)
print(0.1 * 3, 0.1 + 0.7, 1 - 0.9, 1e308 * 10, -1e308 * 10, 1e-320 / 10)
# === mixed int/float ===
print(1 + 1.0, 3 * 0.5, 10 / 4, 10 // 4.0, 2 ** 0.5, 10 % 3.5, True + 0.5)
# === zero division ===
for expr in ("1.0 / 0", "1.0 // 0.0", "1.0 % 0", "divmod(1.0, 0)", "0.0 ** -1"):
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, "->", e)
# === overflow ===
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
print((-8.0) ** (1 / 3))
# === comparisons with ints ===
print(1.0 == 1, 0.1 + 0.2 == 0.3, 2 ** 53 + 1 == float(2 ** 53 + 1), 1e300 < 10 ** 301, -0.0 == 0.0)
print(math.isclose(0.1 + 0.2, 0.3), float("nan") in [float("nan")] if False else "skip")
# === rounding ===
for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 123.456, -123.456):
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(round(1e300, -299), round(float("inf")) if False else "skip", type(round(2.5)).__name__)
try:
    round(float("inf"))
except OverflowError as e:
    print(e)
try:
    round(float("nan"))
except ValueError as e:
    print(e)
# === int/float conversions and hashing ===
print(int(2.9), int(-2.9), float(7), hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(float("inf")))
# === accumulation ===
s = 0.0
for i in range(1, 1001):
    s += 1.0 / i
print(s, sum([0.1] * 10), math.fsum([0.1] * 10))
