# === split ===
print("a,b,,c".split(","), "a b  c\n d".split(), "  lead trail  ".split(), "a,b,c".split(",", 1))
print("a,b,c".rsplit(",", 1), "".split(), "".split(","), "x".split("x"), "a b c".split(None, 1))
print("one\ntwo\r\nthree\rfour\x0bfive\x1cs".splitlines(), "a\nb\n".splitlines(True), "".splitlines())
print("1  2   3".split(" "), "a--b--c".split("--"), "aXbXc".rsplit("X"), "  a  b  ".rsplit(None, 1))
try:
    "abc".split("")
except ValueError as e:
    print(e)
# === join ===
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join(str(i) for i in range(5)), "|".join([]))
try:
    ", ".join([1, 2])
except TypeError as e:
    print(e)
print(" ".join(map(str.upper, ["x", "y"])), "\n".join(["line1", "line2"]))
# === partition ===
print("key=value=x".partition("="), "key=value=x".rpartition("="), "novalue".partition("="), "novalue".rpartition("="))
try:
    "a".partition("")
except ValueError as e:
    print(e)
# === strip ===
print(repr("  x  ".strip()), repr("xxhixx".strip("x")), repr("  x  ".lstrip()), repr("  x  ".rstrip()), repr("abcba".strip("ab")))
print(repr("\t\n x \r\x0c".strip()), repr("www.example.com".strip("cmowz.")))
