# === sort stability ===
records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(records, key=lambda r: r[1]), sorted(records), sorted(records, key=lambda r: r[0], reverse=True))
# === keys ===
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True), max(words, key=len), min(words, key=str.lower))
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums, key=abs), sorted(nums, key=lambda x: -x), sorted(nums, reverse=True))
# === sort in place returns None ===
x = [3, 1, 2]
print(x.sort(), x)
# === mixed types raise ===
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    [3, None].sort()
except TypeError as e:
    print(e)
# === objects with __lt__ ===
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"V({self.v})"
print(sorted([V(3), V(1), V(2)]), max([V(3), V(9), V(2)]) if False else "", min([V(3), V(1)]) if False else "")
# === key function exceptions propagate ===
def bad_key(x):
    if x == 2:
        raise ValueError("bad key 2")
    return x
try:
    sorted([1, 2, 3], key=bad_key)
except ValueError as e:
    print(e)
# === modifying during sort ===
lst = [3, 2, 1]
def meddle(v):
    lst.append(v)
    return v
try:
    lst.sort(key=meddle)
except ValueError as e:
    print(e)
# === larger sort with many duplicates ===
data = [(i * 7919) % 101 for i in range(300)]
s = sorted(data)
print(s[:10], s[-10:], s == sorted(data, reverse=True)[::-1], len(set(data)))
print(sorted("The quick brown fox".split(), key=str.casefold), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([[2, 1], [1, 2], [1], []]), sorted({3: "a", 1: "b"}), sorted({"b": 1, "a": 2}.items()))
