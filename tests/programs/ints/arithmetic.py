# === addition, subtraction, multiplication ===
print(2 + 3, 2 - 3, -2 * 3, 7 * -7, 0 * -1)
print(1 + True, True + True, False - True)
# === floor division and modulo with signs ===
for a in (7, -7, 0, 13, -13):
    for b in (2, -2, 3, -5):
        print(a, b, a // b, a % b, divmod(a, b))
# === true division gives floats ===
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 10 / -4)
# === power ===
print(2 ** 10, 2 ** -1, (-2) ** 3, (-2) ** 2, 0 ** 0, 10 ** 0)
print(pow(2, 100), pow(3, -2), (-8) ** (1 / 3) if False else "skip")
# === unary operators ===
x = 5
print(-x, +x, ~x, -(-x), ~~x, ~0, ~-1)
# === comparisons and chains ===
print(1 < 2 < 3, 1 < 2 > 3, 3 >= 3 == 3, 1 != 1.0, 1 == 1.0, 2 < 3.5)
# === division by zero ===
for expr in ("1 // 0", "1 % 0", "1 / 0", "divmod(1, 0)", "0 ** -1"):
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, "->", type(e).__name__, e)
# === augmented assignment ===
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n //= 5; print(n)
n %= 7; print(n)
n **= 3; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
n |= 0x100; print(n)
n &= 0xFF0; print(n)
n ^= 0b1010; print(n)
# === int() constructor ===
print(int(), int(3.99), int(-3.99), int("42"), int("  -17  "), int("1_000_000"))
print(int("ff", 16), int("0xff", 16), int("0o17", 0), int("0b101", 0), int("z", 36), int("10", 2))
print(int(True), int("+5"), int("٣"))
for bad in ("", "1.5", "abc", "0x", "1__0", "_1"):
    try:
        int(bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    int("12", 1)
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
