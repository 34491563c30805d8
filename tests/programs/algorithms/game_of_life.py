# Conway's Game of Life on a small torus, printed generation by generation.
W, H = 12, 8
def parse(rows):
    return {(x, y) for y, row in enumerate(rows) for x, ch in enumerate(row) if ch == "#"}
def step(cells):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % W, (y + dy) % H)
                    counts[key] = counts.get(key, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in cells)}
def show(cells):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(W)) for y in range(H))
cells = parse([
    ".#..........",
    "..#.........",
    "###.........",
    "............",
    "........###.",
    "............",
    "............",
    "............",
])
for gen in range(4):
    print(f"generation {gen} ({len(cells)} alive)")
    print(show(cells))
    cells = step(cells)
for _ in range(40):
    cells = step(cells)
print("after 44 generations:", len(cells), sorted(cells)[:5])
