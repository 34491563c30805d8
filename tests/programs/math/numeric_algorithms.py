import math
# === Newton's method square root vs math.sqrt ===
def newton_sqrt(x):
    guess = x / 2 or 1.0
    for _ in range(50):
        guess = (guess + x / guess) / 2
    return guess
for v in (2, 10, 12345.678, 1e-6):
    print(v, newton_sqrt(v), math.sqrt(v), math.isclose(newton_sqrt(v), math.sqrt(v)))
# === integer square root of huge numbers ===
n = 10 ** 100 + 12345
r = math.isqrt(n)
print(r, r * r <= n < (r + 1) ** 2)
# === pi by Leibniz series and Machin's formula with ints ===
s = 0.0
for k in range(10000):
    s += (-1) ** k / (2 * k + 1)
print(4 * s)
def arctan_inv(x, digits):
    scale = 10 ** (digits + 10)
    total = term = scale // x
    n = 1
    sign = -1
    x2 = x * x
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total
digits = 60
pi_scaled = 4 * (4 * arctan_inv(5, digits) - arctan_inv(239, digits))
print(str(pi_scaled)[:digits])
# === binomial coefficients and Pascal's triangle ===
for row in range(8):
    print(" ".join(str(math.comb(row, k)) for k in range(row + 1)).center(40))
# === prime factorisation ===
def factor(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
print([factor(n) for n in (1, 2, 60, 97, 360, 2 ** 31 - 1, 600851475143)])
# === floating point summation error ===
vals = [1e16, 1.0, -1e16]
print(sum(vals), math.fsum(vals))
