# Deterministic pseudo-random big integer arithmetic, checked by identities and printed.
seed = 88172645463325252
def rnd(bits):
    global seed
    out = 0
    for _ in range((bits + 63) // 64):
        seed ^= (seed << 13) & 0xFFFFFFFFFFFFFFFF
        seed ^= seed >> 7
        seed ^= (seed << 17) & 0xFFFFFFFFFFFFFFFF
        out = (out << 64) | seed
    return out >> (-bits % 64)
failures = 0
lines = []
for i in range(60):
    a = rnd(64 + i * 37) - rnd(60 + i * 11)
    b = rnd(32 + i * 23) + 1
    if i % 3 == 0:
        b = -b
    q, r = divmod(a, b)
    if q * b + r != a or not (0 <= r < b if b > 0 else b < r <= 0):
        failures += 1
    p = a * b
    if p // b != a:
        failures += 1
    s = str(a)
    if int(s) != a or int(hex(a), 16) != a or int(bin(b), 2) != b:
        failures += 1
    lines.append(f"{i}: {a % 1000000007} {q % 999983} {r % 65537} {p % (2 ** 61 - 1)} {a.bit_length()} {len(s)} {(a ^ b) & 0xFFFF} {(a >> 70) % 4099} {(-a) % 97}")
print("\n".join(lines))
print("failures", failures)
m = 2 ** 127 - 1
x = rnd(500)
print(pow(x, m - 1, m), pow(3, 10 ** 6, m), pow(x, 65537, 2 ** 1024 + 643) % 10 ** 12)
big = rnd(4000)
print(str(big)[:40], str(big)[-40:], len(str(big)), hash(big), big % 10 ** 18)
f = 1
for k in range(1, 400):
    f *= k
print(str(f)[:30], len(str(f)), f % (10 ** 9 + 9), f // (10 ** 800) % 1000)
print(int(str(big)[::-1]) % 123456789, (big * big) % (10 ** 20), (big ** 3).bit_length(), isqrt_like := (big ** 2) == big * big)
