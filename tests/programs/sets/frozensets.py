f = frozenset([3, 1, 2])
print(f, frozenset(), frozenset("aab") == frozenset("ab"), hash(f) == hash(frozenset([1, 2, 3])))
print(f | {4}, f & {1, 9}, type(f | {4}).__name__, type({4} | f).__name__, f.union([5]), f - {1})
try:
    f.add(4)
except AttributeError as e:
    print(e)
d = {f: "frozen", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()])
nested = {frozenset({1}), frozenset({1, 2}), frozenset({1})}
print(len(nested), frozenset({1}) in nested)
s = {1, 2}
try:
    {s}
except TypeError as e:
    print(e)
print(frozenset({1, 2}) == {1, 2}, {1, 2} == frozenset({1, 2}), f.issubset({1, 2, 3, 4}), f.copy() is f)
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({"a"})) == hash(frozenset({"a"})))
# === set of sets via frozenset: powerset ===
def powerset(items):
    result = {frozenset()}
    for x in items:
        result |= {sub | {x} for sub in result}
    return result
ps = powerset([1, 2, 3])
print(len(ps), sorted(sorted(p) for p in ps))
