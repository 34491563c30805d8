# === hex, oct, bin ===
for v in (0, 1, -1, 255, -255, 4096, 2 ** 40 + 3):
    print(v, hex(v), oct(v), bin(v))
# === format specs for ints ===
n = 1234567
print(format(n, ","), format(n, "_"), format(n, "x"), format(n, "X"), format(n, "o"), format(n, "b"))
print(format(n, "#x"), format(n, "#o"), format(n, "#b"), format(n, "_x"), format(n, "_b"))
print(format(n, "e"), format(n, "%"), format(n, ".2f"), format(n, "g"), format(n, "n"))
print(format(42, "08d"), format(-42, "08d"), format(42, "+d"), format(42, " d"), format(-42, "=+8d"))
print(format(42, "<8") + "|", format(42, ">8") + "|", format(42, "^8") + "|", format(42, "*^9") + "|")
print(format(65, "c"), format(0x1F600, "c"))
print(f"{n:,}", f"{-n:015,}", f"{n:>+12,}", f"{255:#06x}", f"{5:03b}")
# === int <-> str roundtrip, bases ===
for base in (2, 3, 8, 10, 16, 36):
    print(base, int("101", base), int("zz", 36) if base == 36 else "")
print(str(-0), str(+7), repr(10 ** 20), ascii(5))
# === int from float edge cases ===
print(int(1e20), int(-1e20), int(2.5), int(-2.5), int(1e300) % 1000)
for bad in (float("inf"), float("nan")):
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
# === __index__ users ===
class Idx:
    def __index__(self):
        return 3
print(hex(Idx()), bin(Idx()), [10, 20, 30, 40][Idx()], "abcdef"[Idx():], range(Idx()))
# === round on ints ===
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 1), round(15, -1), round(25, -1))
print(type(round(7)).__name__, type(round(7.5)).__name__)
