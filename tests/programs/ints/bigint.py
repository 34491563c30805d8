# === big multiplication and powers ===
a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a * b)
print(a - b, b - a)
print(a // b, a % b, b // 12345678901234567890, b % 12345678901234567890)
print(-a // 7, -a % 7, a // -7, a % -7)
# === factorial and digit sums ===
f = 1
for i in range(1, 101):
    f *= i
print(f)
print(sum(int(d) for d in str(f)), len(str(f)))
# === promotion around the 64-bit boundary ===
m = 2 ** 63 - 1
print(m, m + 1, -m - 1, -m - 2, m * m, (m + 1) // 2)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(0xFFFFFFFFFFFFFFFF * 0xFFFFFFFFFFFFFFFF)
print(abs(-(2 ** 100)), -(2 ** 64) // 3)
# === comparisons ===
print(2 ** 100 > 2 ** 99, 2 ** 100 == 2 ** 100, 2 ** 64 == 2.0 ** 64, 2 ** 64 < 2.0 ** 65)
print(10 ** 30 < 1e30 + 1, 10 ** 400 > 1e308)
# === true division of big ints ===
print(10 ** 30 / 10 ** 10, 2 ** 100 / 3, (10 ** 50 + 1) / 10 ** 50)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
# === pow with modulus ===
print(pow(3, 10 ** 20, 10 ** 9 + 7), pow(2, 12345, 99991), pow(5, -1, 7), pow(-3, 3, 7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
# === bit operations on big values ===
x = (1 << 130) | 0xABCDEF
print(x, x >> 100, x & ((1 << 64) - 1), x ^ (1 << 129), x.bit_length(), (-x).bit_length())
print(-x >> 3, ~x, -x & 0xFFFF, (-x) | 5)
print(bin(2 ** 70), hex(-(2 ** 70)), oct(3 ** 40))
# === hashing of big ints ===
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 30), hash(-1), hash(-2))
