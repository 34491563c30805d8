# Sorting with key= functions, reverse, stability and tuple keys.
def records(n):
    out = []
    seed = 42
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(("name%05d" % (seed % 99991), seed % 1000, (seed >> 8) % 97 / 7.0, i))
    return out

data = records(30000)
check = 0
for rnd in range(30):
    a = sorted(data, key=lambda r: r[1])
    b = sorted(data, key=lambda r: (r[2], r[0]), reverse=True)
    c = sorted(data, key=lambda r: r[0].lower())
    d = sorted([r[1] for r in data])
    e = list(data)
    e.sort(key=lambda r: -r[3])
    check += a[0][3] + b[0][3] + c[-1][3] + d[len(d) // 2] + e[0][3]
    check += sum(r[3] for r in a[:100]) % 1000
print("checksum", check)
