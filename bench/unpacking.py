# Unpacking: tuple swaps, star targets, nested targets and multiple return values.
def divmod_pair(a, b):
    return a // b, a % b

check = 0
for rnd in range(380):
    a, b = 1, 2
    for i in range(10000):
        a, b = b, a + i
        q, r = divmod_pair(i + 7, 5)
        check += q - r
    data = [(i, (i * 2, i * 3)) for i in range(3000)]
    for x, (y, z) in data:
        check += x + y - z
    for i in range(3000):
        first, *middle, last = (i, i + 1, i + 2, i + 3)
        check += first + last + len(middle)
    head, *tail = range(100)
    check += head + len(tail) + (a & 0xFF)
print("checksum", check)
