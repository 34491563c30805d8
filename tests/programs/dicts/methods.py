d = {"a": 1, "b": 2}
# === get, setdefault, pop, popitem ===
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
d["x"] = 9
print(d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(e)
# === update forms ===
d.update({"p": 1}, q=2)
d.update([("r", 3)])
d.update(s=4)
print(d)
d |= {"t": 5}
print(d, d | {"a": 0}, {"a": 0} | d)
# === fromkeys, copy, clear ===
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
e = d.copy()
e["new"] = 1
d.clear()
print(d, len(e))
# === constructor forms ===
print(dict(a=1), dict([(1, 2), (3, 4)]), dict({"k": "v"}, k2="v2"), dict(zip("ab", range(2))))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
try:
    dict([1])
except TypeError as e:
    print(e)
# === missing keys ===
try:
    {}["missing"]
except KeyError as e:
    print(repr(e), e.args)
try:
    {}[("t", 1)]
except KeyError as e:
    print(e)
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
dd = Default(a=1)
print(dd["a"], dd["b"], "b" in dd, dd.get("b"))
# === deletion ===
f = {1: "a", 2: "b"}
del f[1]
print(f)
try:
    del f[1]
except KeyError as e:
    print("KeyError", e)
