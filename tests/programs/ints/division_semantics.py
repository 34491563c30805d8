# Floor division, modulo and true division across signs, sizes and types.
nums = [0, 1, -1, 7, -7, 2 ** 64 + 3, -(2 ** 64 + 3), 10 ** 30, -(10 ** 30)]
dens = [1, -1, 3, -3, 2 ** 33, -(2 ** 33), 10 ** 20 + 7]
rows = []
for a in nums:
    for b in dens:
        q, r = a // b, a % b
        assert q * b + r == a
        rows.append(f"{a} {b} {q} {r} {a / b!r}")
print("\n".join(rows))
for a, b in ((7, 2.0), (-7, 2.0), (7.5, -2), (1e300, 3), (-1e-300, 7), (2 ** 70, 0.5), (5, float("inf")), (-5, float("inf"))):
    print(a, b, a // b, a % b, divmod(a, b))
print(10 ** 30 / 3, (10 ** 30 + 1) / 10 ** 30, 2 ** 1023 / 2 ** 1022, (2 ** 1024 - 1) // 2 ** 1000, 1 / 2 ** 1074)
try:
    2 ** 1024 / 1
except OverflowError as e:
    print(e)
try:
    1 / 2 ** 2000 + 1
    print((1 / 2 ** 2000))
except OverflowError as e:
    print(e)
print((2 ** 2000) / (2 ** 1999), (10 ** 500 + 1) / 10 ** 499, 7 / -(10 ** 400))
