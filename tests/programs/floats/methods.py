import math
# === float methods ===
for v in (0.0, 1.0, -3.75, 0.1, 1e300, 5e-324):
    print(v, v.hex(), v.as_integer_ratio(), v.is_integer(), v.real, v.imag, v.conjugate())
print(float.fromhex("0x1.fffffffffffffp+1023"), float.fromhex("0x0.0000000000001p-1022"))
print((2.5).__trunc__(), (2.5).__floor__(), (2.5).__ceil__(), (-2.5).__round__(), (2.567).__round__(2))
# === math module helpers on floats ===
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.0), math.ceil(1e-9))
print(math.sqrt(2), math.sqrt(0.0), math.copysign(3, -0.0), math.fabs(-2), math.fmod(-7, 3), -7 % 3)
print(math.modf(3.75), math.modf(-3.75), math.frexp(8.0), math.ldexp(0.75, 4))
print(math.isnan(float("nan")), math.isinf(-math.inf), math.isfinite(1e308), math.inf, -math.inf, math.nan)
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)
# === float subclass ===
class Meters(float):
    def __repr__(self):
        return f"Meters({float(self)!r})"
    def __add__(self, other):
        return Meters(float(self) + float(other))
m = Meters(2.5)
print(m, repr(m), m + 1, m * 2, type(m * 2).__name__, isinstance(m, float), str(m))
# === float() of objects ===
class F:
    def __float__(self):
        return 4.25
class I:
    def __index__(self):
        return 9
print(float(F()), float(I()), float(True), float(" 12 "), float(b"3.5") if False else "")
try:
    float([1])
except TypeError as e:
    print(e)
