s = "abcdefghij"
# === indexing ===
print(s[0], s[-1], s[5], s[-10])
try:
    s[10]
except IndexError as e:
    print(e)
# === slices ===
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], s[::-3], s[2:8:0] if False else "")
try:
    s[::0]
except ValueError as e:
    print(e)
print(s[slice(1, 4)], s[slice(None, None, -1)], s[slice(2, None)])
# === unicode slicing ===
u = "héllo wörld ✓ 🐍!"
print(u[1], u[-2], u[7:12], u[::-1], len(u), u[-3:])
# === strings are immutable ===
try:
    s[0] = "z"
except TypeError as e:
    print(e)
try:
    del s[0]
except TypeError as e:
    print(e)
# === multiplication and concatenation ===
print("ab" * 3, 3 * "-", "x" * 0, "x" * -2, "a" + "b" + "c")
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    "a" * 2.0
except TypeError as e:
    print(e)
# === comparison ===
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", sorted(["b", "A", "a", "B", "é", "1"]), "a" == "a", "a" != "A")
print(min("hello"), max("hello"), ord(max("hello")), sorted("banana"))
