import math
print(math.floor(1e300) == 10 ** 300 or math.floor(1e300) > 0, type(math.floor(2.5)).__name__, type(math.ceil(2.5)).__name__)
print(math.sqrt(1e-320), math.log(1e-320), math.exp(-1000), math.exp(709), math.pow(0, 0), math.pow(-8, 1 / 3) if False else "")
print(math.copysign(0.0, -1), math.copysign(math.inf, -1), math.atan2(0.0, -0.0), math.atan2(-0.0, -0.0))
print(math.fmod(-1, 3), -1 % 3, math.fmod(1, -3), math.remainder(5, 2), math.remainder(7, 2))
print(math.trunc(1e20), math.floor(-0.5), math.ceil(-0.5), math.log(2 ** 1000), math.log10(10 ** 500), math.log2(2 ** 2000))
print(math.hypot(), math.hypot(-5), math.dist([1, 1, 1], [2, 2, 2]), math.prod(range(1, 11)), math.prod([0.5, 4]))
try:
    math.floor(math.inf)
except OverflowError as e:
    print(e)
try:
    math.ceil(math.nan)
except ValueError as e:
    print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)
print(math.isinf(math.pow(10, 400)) if False else "", math.isclose(math.exp(math.log(5)), 5))
