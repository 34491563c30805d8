# Big integers: digits of pi by the unbounded spigot algorithm (Gibbons), plus factorials.
def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            q, r, t, k, n, l = 10 * q, 10 * (r - n * t), t, k, (10 * (3 * q + r)) // t - 10 * n, l
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return out

digits = pi_digits(5500)
print("".join(map(str, digits[:50])))
print("digit sum", sum(digits))
f = 1
for i in range(1, 1500):
    f *= i
print("factorial bits", f.bit_length(), f % 1000000007)
