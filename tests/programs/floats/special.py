import math
inf = math.inf
nan = math.nan
# === comparisons with nan ===
print(nan < 1, nan > 1, nan == nan, nan is nan, [nan] == [nan], nan in [nan], (nan,) == (nan,))
print(max(1, nan), max(nan, 1), min([3.0, nan, 1.0]), sorted([3.0, 1.0, 2.0]))
# === inf arithmetic ===
print(inf + inf, inf - 1e308, inf / inf, 1 / inf, -1 / inf, inf * -1, inf % 3 if False else "")
print(math.isinf(1e308 * 2), math.isnan(inf - inf), int(1e308) > 0, 1e308 + 1e308)
try:
    print(inf % 3)
except Exception as e:
    print(type(e).__name__)
print(3 % inf, -3 % inf, 3 // inf, -3 // inf, divmod(5, inf))
# === signed zeros ===
z = -0.0
print(z, abs(z), -z, z + 0.0, z * 5, 0.0 * -5, math.copysign(1, z), str(z), repr(0.0 - 0.0))
print(1 / inf, -1 / inf, round(-0.4), round(-0.4, 1), format(-0.0, ".1f"))
# === subnormals and limits ===
import sys
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(5e-324 / 2, 5e-324 * 0.5, 2.2250738585072014e-308 / 2, 1.7976931348623157e308 * 1.0000001)
print(1.0 + sys.float_info.epsilon > 1.0, 1.0 + sys.float_info.epsilon / 2 > 1.0)
# === hashes of special floats ===
print(hash(inf), hash(-inf), hash(0.0), hash(1.5), hash(-1.5), hash(1e100))
