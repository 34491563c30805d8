# Shortest round-tripping repr of many deterministic pseudo-random floats.
seed = 2463534242
def rnd():
    global seed
    seed ^= (seed << 13) & 0xFFFFFFFFFFFFFFFF
    seed ^= seed >> 7
    seed ^= (seed << 17) & 0xFFFFFFFFFFFFFFFF
    return seed
out = []
for i in range(400):
    mant = rnd() & ((1 << 52) - 1)
    exp = (rnd() % 2046) - 1022
    v = float.fromhex(f"0x1.{mant:013x}p{exp}")
    if rnd() & 1:
        v = -v
    out.append(repr(v))
    if float(out[-1]) != v:
        print("round trip failed for", out[-1])
for i in range(0, len(out), 4):
    print(" ".join(out[i:i + 4]))
# === decimal-looking values ===
vals = []
for i in range(300):
    n = rnd() % 10 ** (1 + i % 17)
    d = 10 ** (rnd() % 25)
    vals.append(n / d)
print(" ".join(repr(v) for v in vals[:150]))
print(" ".join(str(v) for v in vals[150:]))
# === subnormals and near powers of two ===
print([repr(5e-324 * k) for k in (1, 2, 3, 1000, 2 ** 40)])
print([repr(2.0 ** e) for e in (-1074, -1022, -100, 52, 53, 63, 64, 100, 1023)])
print([repr(2.0 ** 53 + k) for k in (-2, -1, 0, 1, 2, 3)])
print([repr(v) for v in (1e15 + 0.3, 1e16 + 2, 9007199254740993.0, 0.1 ** 10, 1 / 7, 22 / 7, 1e-7, 1.5e-7)])
print(["%.17g" % v for v in (0.1, 1 / 3, 2 / 3)], [format(v, ".20e") for v in (0.1, 5e-324)])
