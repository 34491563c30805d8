# === construction ===
print(b"abc", bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(5)), bytes(b"x"), bytes())
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2))
for bad in (lambda: bytes([256]), lambda: bytes("x"), lambda: bytes(-1), lambda: bytes.fromhex("zz"), lambda: bytes([1.5])):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# === repr ===
print(repr(b"\x00\x7f\x80\xff'\"\\\n\t"), repr(b"'"), repr(b"\"'"), bytes(range(30, 40)))
# === indexing, slicing, iteration ===
b = b"hello world"
print(b[0], b[-1], b[1:4], b[::-1], b[::2], list(b[:3]), b"l" in b, 108 in b, b"lo w" in b)
try:
    b[0] = 1
except TypeError as e:
    print(e)
# === operators ===
print(b + b"!", b * 2, 2 * b"ab", b == b"hello world", b < b"help", b"a" != "a", len(b))
try:
    b + "x"
except TypeError as e:
    print(e)
# === methods ===
print(b.upper(), b.title(), b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"o"), b.rfind(b"o"), b.count(b"l"))
print(b.startswith(b"he"), b.endswith((b"x", b"ld")), b.strip(b"hd"), b"  x ".strip(), b.partition(b" "), b.center(15, b"*"))
print(b"-".join([b"a", b"b"]), b.decode(), b.isalpha(), b"123".isdigit(), b"AbC".swapcase(), b.index(b"w"), b.zfill(13))
print(b"a,b".split(b","), b"x\ny\r\nz".splitlines(), b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"%d" % 5)
# === hash and dict keys ===
print(hash(b"abc") == hash(b"abc"), hash(b"abc"), {b"k": 1}[b"k"], bytes(memoryview(b"mv")))
