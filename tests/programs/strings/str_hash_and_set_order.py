# String hashes and set/dict order of string keys under PYTHONHASHSEED=0.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]
print(set(words))
print(frozenset(w.upper() for w in words))
print({w[:2] for w in words})
for s in ("", "a", "ab", "abc", "hello world", "ÿ", "é" * 3, "Ā", "中文字符", "😀", "a😀b", "x" * 40, "\x00", "\ud800"):
    print(repr(s), hash(s))
for b in (b"", b"a", b"abc", b"\xff" * 5, bytes(range(20))):
    print(b, hash(b))
print(hash(("a", 1)), hash(("a", ("b", 2.5))), hash(frozenset(["x", "y"])))
s = set()
for i in range(40):
    s.add(f"key{i}")
print(s)
s2 = {chr(c) for c in range(0x3b1, 0x3c9)}
print(s2)
print({"a", 1, 2.5, (1, "b")})  # no None: CPython 3.11 hashes None by its address
