# Hand-written versions of common iterator tools.
def count(start=0, step=1):
    while True:
        yield start
        start += step
def islice(it, n):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return
def cycle(seq):
    saved = list(seq)
    while saved:
        yield from saved
def chain(*its):
    for it in its:
        yield from it
def accumulate(it, func=lambda a, b: a + b):
    it = iter(it)
    try:
        total = next(it)
    except StopIteration:
        return
    yield total
    for x in it:
        total = func(total, x)
        yield total
def groupby(it, key=lambda x: x):
    it = iter(it)
    sentinel = object()
    current = sentinel
    group = []
    for x in it:
        k = key(x)
        if current is not sentinel and k != current:
            yield current, group
            group = []
        current = k
        group.append(x)
    if group:
        yield current, group
def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x
def product(*seqs):
    if not seqs:
        yield ()
        return
    for x in seqs[0]:
        for rest in product(*seqs[1:]):
            yield (x,) + rest
def permutations(seq, r=None):
    seq = list(seq)
    r = len(seq) if r is None else r
    if r == 0:
        yield ()
        return
    for i, x in enumerate(seq):
        for rest in permutations(seq[:i] + seq[i + 1:], r - 1):
            yield (x,) + rest
def combinations(seq, r):
    seq = list(seq)
    if r == 0:
        yield ()
        return
    for i in range(len(seq)):
        for rest in combinations(seq[i + 1:], r - 1):
            yield (seq[i],) + rest
print(list(islice(count(10, 5), 4)), list(islice(cycle("ab"), 5)), list(chain("xy", [1], ())))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([])))
print(list(groupby("aaabccdd")), [(k, len(g)) for k, g in groupby(range(10), key=lambda v: v // 3)])
print(list(pairwise("abcd")), list(pairwise("")), list(product("ab", [0, 1])), len(list(product(range(3), repeat := range(3)))))
print(list(permutations("abc", 2)), len(list(permutations(range(5)))), list(combinations("abcd", 2)), list(combinations([], 0)))
