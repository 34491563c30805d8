# Comprehensions: list, dict, set and nested comprehensions with conditions.
check = 0
for rnd in range(2800):
    squares = [i * i for i in range(5000)]
    odd = [x for x in squares if x % 2]
    table = {i: str(i) for i in range(2000)}
    lens = {len(v) for v in table.values()}
    pairs = [(a, b) for a in range(60) for b in range(a) if (a + b) % 7 == 0]
    matrix = [[r * c for c in range(40)] for r in range(40)]
    flat = [v for row in matrix for v in row if v & 1]
    check += len(odd) + sum(lens) + len(pairs) + sum(flat) % 1000 + squares[-1] % 97
print("checksum", check)
