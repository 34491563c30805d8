# Global and builtin name lookups must see every store, deletion and
# shadowing, from module code, functions and exec'd code.
import builtins

counter = 0
for i in range(5):
    counter = counter + i
print(counter)

def read_g():
    return g

g = 1
print(read_g())
g = 2
print(read_g())
del g
try:
    read_g()
except NameError as e:
    print("NameError:", e)
g = 3
print(read_g())
globals()["g"] = 4
print(read_g(), g)
globals().update({"g": 5, "h": 6})
print(read_g(), h)

def use_len(x):
    return len(x)
print(use_len("abc"))
len = lambda x: "shadowed"
print(use_len("abc"))
del len
print(use_len("abc"))
saved = builtins.len
builtins.len = lambda x: "patched builtin"
print(use_len("abc"))
builtins.len = saved
print(use_len("abc"))
del builtins.len
try:
    use_len("abc")
except NameError as e:
    print("NameError:", e)
builtins.len = saved
print(use_len([1, 2]))

# === many globals: the table grows while functions keep reading ===
def read_z():
    return z
z = "z0"
for k in range(200):
    globals()["v%d" % k] = k
    if k % 50 == 0:
        z = "z%d" % k
        print(read_z(), v0, globals()["v%d" % k])
for k in range(0, 200, 2):
    del globals()["v%d" % k]
print(read_z(), "v0" in globals(), v1, v199)

# === exec with its own namespace ===
ns = {"a": 1}
code = compile("r = a + 1", "<ns>", "exec")
exec(code, ns)
print(ns["r"])
ns["a"] = 10
exec(code, ns)
print(ns["r"])
del ns["a"]
try:
    exec(code, ns)
except NameError as e:
    print("NameError:", e)
ns2 = dict(ns)
ns2["a"] = 100
exec(code, ns2)
print(ns2["r"], ns.get("a"))
ns.clear()
ns["a"] = -1
exec(code, ns)
print(ns["r"])

# === class bodies and comprehensions at module level ===
q = 1
class C:
    q = 2
    w = q + 1
print(C.w, q, [q for _ in range(2)], {k: q for k in "ab"})
