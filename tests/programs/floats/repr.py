# === shortest repr ===
for v in (0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00001234,
          1.5e300, 2.5e-300, 5e-324, 1.7976931348623157e308, 3.141592653589793, 2 / 3, 100.0, 1e22, 1e23):
    print(repr(v), str(v))
# === special values ===
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(-nan), float("-inf"), float("Infinity"), float("  nan "), float("-NaN"))
print(inf + 1, inf - inf, inf * 0, -inf * -1, nan == nan, nan != nan, inf == inf, inf > 1e308)
# === float() parsing ===
for s in ("1.5", " -2.25e3 ", "1_000.5", ".5", "5.", "1e5", "+1E-2", "0x1p3" if False else "3"):
    print(repr(s), float(s))
for bad in ("", "1.2.3", "abc", "1e", "_1.0", "inf1"):
    try:
        float(bad)
    except ValueError as e:
        print(e)
# === hex and fromhex ===
print((1.0).hex(), (0.1).hex(), (-2.5).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))
# === integer-valued floats ===
print(1e15, 1e16, 12345678901234567.0, 2.0 ** 53, 2.0 ** 53 + 1, float(2 ** 60))
print((3.0).is_integer(), (3.5).is_integer(), (2.5).as_integer_ratio(), (0.1).as_integer_ratio())
# === repr of floats in containers ===
print([0.1, 1.0, -0.0], (1e100,), {1.5: 2.5})
