words = ["alpha", "beta", "gamma", "delta", "epsilon", "beta", "alpha"]
lengths = {len(w) for w in words}
print(lengths, sorted({w[0] for w in words}), {w for w in words if "l" in w} == {"alpha", "delta", "epsilon"})
print({x % 7 for x in range(50)}, {(x, y) for x in range(2) for y in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
# === dedupe keeping order ===
seen = set()
out = []
for w in words:
    if w not in seen:
        seen.add(w)
        out.append(w)
print(out, len(seen))
# === membership speed idiom and elements with custom hash ===
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, P) and o.x == self.x
    def __hash__(self):
        return self.x % 3
    def __repr__(self):
        return f"P{self.x}"
ps = {P(1), P(4), P(1), P(7), P(2)}
print(len(ps), sorted(ps, key=lambda p: p.x), P(4) in ps, P(5) in ps)
# === set methods accept any iterables ===
print(set("abc").union("cd", ["e"]) == set("abcde"), {1, 2}.issubset([1, 2, 3]), set().union())
