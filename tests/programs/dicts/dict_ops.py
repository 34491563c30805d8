# === counting and grouping ===
text = "the cat and the hat and the bat"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
# === inversion and nesting ===
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
tree = {}
for path in ("a/b/c", "a/b/d", "a/e", "f"):
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
def depth(t):
    return 1 + max((depth(c) for c in t.values()), default=0)
print(depth(tree))
# === keys with custom hash/eq ===
class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return hash(self.name.lower())
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __repr__(self):
        return f"Key({self.name})"
kd = {Key("A"): 1}
kd[Key("a")] = 2
print(kd, Key("A") in kd, len(kd))
# === hash errors ===
class Unhashable:
    __hash__ = None
try:
    {Unhashable(): 1}
except TypeError as e:
    print(e)
class Raises:
    def __hash__(self):
        raise RuntimeError("no hash")
try:
    {}[Raises()] = 1
except RuntimeError as e:
    print(e)
# === big dict ===
big = {i: str(i) for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big), big.get(999), big.get(998))
# === dict comparisons ===
print({1: 2} == {1: 2.0}, {1: 2} != {1: 3}, dict() == {})
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print(e)
