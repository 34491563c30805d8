d = {"one": 1, "two": 2, "three": 3}
# === views ===
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "one" in k, 2 in v, ("two", 2) in it)
d["four"] = 4
print(list(k), list(v), list(it))
print(k & {"one", "five"}, k | {"x"}, k - {"one"}, k ^ {"one", "z"}, it & {("one", 1)})
print(sorted(k), list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(d.keys() == {"one", "two", "three", "four"}, d.values() == d.values(), k.isdisjoint({"q"}))
print(k.mapping if hasattr(k, "mapping") else "no mapping")
# === insertion order is preserved, re-insert keeps position ===
o = {}
for key in ("z", "a", "m"):
    o[key] = len(o)
o["a"] = 100
print(o)
del o["z"]
o["z"] = -1
print(o, list(o), next(iter(o)))
# === equality ignores order ===
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
# === mutation during iteration ===
m = {1: 1, 2: 2}
try:
    for key in m:
        m[key + 10] = 0
except RuntimeError as e:
    print(e)
m = {1: 1, 2: 2, 3: 3}
try:
    for key in m:
        del m[key]
except RuntimeError as e:
    print(e)
m = {1: 1}
for key in m:
    m[key] = 5  # changing values is allowed
print(m)
# === int and mixed keys ===
n = {1: "int", 1.0: "float", True: "bool"}
print(n, {0: "a", False: "b"}, {(1, 2): 3, "s": 4, None: 5, 2.5: 6})
print({i: i * i for i in range(10) if i % 3})
