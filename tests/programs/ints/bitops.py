# === and, or, xor, shifts on small ints ===
for a, b in ((12, 10), (-12, 10), (12, -10), (-12, -10), (0, 7)):
    print(a, b, a & b, a | b, a ^ b)
for a in (1, 5, -5, 255, -256):
    print(a, a << 3, a >> 1, a >> 10, a << 0)
try:
    1 << -1
except ValueError as e:
    print(e)
try:
    1 >> -1
except ValueError as e:
    print(e)
# === bit_length and bit_count ===
for v in (0, 1, 2, 7, 8, 255, 256, -1, -128, 2 ** 40):
    print(v, v.bit_length(), v.bit_count())
# === to_bytes / from_bytes ===
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xfe", "big", signed=True))
print((255).to_bytes(), int.from_bytes(b"\xff"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(e)
# === large shifts ===
print(1 << 100, (1 << 100) >> 99, -1 >> 100, (1 << 64) - 1)
# === as_integer_ratio, conjugate, real/imag ===
print((42).as_integer_ratio(), (7).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
