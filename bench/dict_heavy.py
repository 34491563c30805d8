# Dict-heavy: word counting, inversion, merging and lookups with int and str keys.
def words(n):
    out = []
    seed = 7
    syll = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "zu"]
    for _ in range(n):
        seed = (seed * 69069 + 1) % 4294967296
        k = seed >> 16
        out.append(syll[k % 10] + syll[(k // 10) % 10] + syll[(k // 100) % 10])
    return out

ws = words(60000)
total = 0
for rnd in range(195):
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    by_count = {}
    for w, c in counts.items():
        by_count.setdefault(c, []).append(w)
    squares = {i: i * i for i in range(20000)}
    hits = 0
    for i in range(0, 40000, 3):
        if i in squares:
            hits += squares[i] % 7
    merged = dict(counts)
    merged.update({w: -1 for w in ws[:500]})
    for k in list(merged):
        if merged[k] < 0:
            del merged[k]
    total += len(counts) + len(by_count) + hits + len(merged) + max(by_count)
print("checksum", total)
