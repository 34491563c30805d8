# === string literal forms ===
print('single', "double", '''triple single''', """triple double""", 'con' 'cat' "enation")
print(r"\d+\s*", R"\n", rb"\x00" if False else "", b"bytes", Rb"\x", br"\t")
print("""line one
line two""", "back\
slash continuation")
# === implicit concatenation with f-strings ===
x = 5
print("a" f"{x}" "b", f"{x}" "{x}", "%d" "%d" % (1, 2))
# === repr choices of quotes ===
for s in ("it's", 'say "hi"', "both ' and \"", "back\\slash", "\n", "\x1b[0m", "\u00ff\u0100"):
    print(repr(s))
# === string methods on literals ===
print("abc".upper(), "a b".split(), "{}".format("f"), ",".join("abc"), "x".__len__(), "ab".__add__("cd"))
# === str() constructor ===
print(str(), str(5), str(2.5), str([1, "a"]), str(b"bytes"), str(b"caf\xc3\xa9", "utf-8"), str(None), str(str))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(e)
print(str(b"\xff", "utf-8", "replace"), str(bytearray(b"xy"), "ascii"))
# === chars by loop ===
print([c for c in "héllo"], list(map(ord, "abc")), "".join(chr(ord(c) + 1) for c in "HAL"))
print(str.maketrans("abc", "xyz"), "aabbcc".translate(str.maketrans("abc", "xyz")), "hello".translate({ord("l"): None, ord("h"): "J"}))
print("abc".translate(str.maketrans({"a": "1", "b": None})), str.maketrans("ab", "cd", "e"))
