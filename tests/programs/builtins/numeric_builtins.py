# === divmod ===
for a, b in ((7, 2), (-7, 2), (7, -2), (7.5, 2), (-7.5, 2), (2 ** 70, 3), (0, 5)):
    print(a, b, divmod(a, b))
# === pow ===
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-2, 3), pow(2, 10, 1000), pow(3, 200, 13), pow(7, -1, 40), pow(-1, 0.5))
for args in ((2, 3, 0), (2.0, 3, 5), (2, -1, 6), (0, -1)):
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(pow(base=2, exp=5), pow(2, 5, mod=7))
# === round ===
for v in (2.5, 3.5, -2.5, 0.125, 0.375, 1.23456, 12345.6789, 10 ** 20 + 0.5):
    print(v, round(v), round(v, 2), round(v, -2))
print(round(17, -1), round(15, -1), round(25, -1), round(-15, -1), round(123, 5), round(2 ** 70 + 5, -1))
class R:
    def __round__(self, ndigits=None):
        return ("rounded", ndigits)
print(round(R()), round(R(), 3))
# === abs, int, float, complex conversions ===
print(int("0b1010", 0), int("  0x1F ", 16), float("-1e-3"), complex(1, -1), int(-0.9), int("١٢٣"))
# === bin/oct/hex on negatives and bools ===
print(bin(-5), oct(-8), hex(-255), bin(True), hex(False))
