# === lone surrogates exist in str ===
s = "\ud800"
print(repr(s), len(s), hex(ord(s)), ascii(s), s.isprintable())
t = "a\udc80b\udfff"
print(repr(t), len(t), [hex(ord(c)) for c in t])
pair = "\ud83d\ude00"
print(repr(pair), len(pair), pair == "\U0001f600", repr("\U0001f600"))
print(repr(chr(0xDC00)), repr(chr(0xD7FF)), repr(chr(0xE000)))
# === encoding lone surrogates ===
try:
    s.encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.reason, e.start, e.end)
print(s.encode("utf-8", "surrogatepass"), "\udc80".encode("utf-8", "surrogateescape") if False else "")
print(b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == s)
print(repr(b"abc\xff".decode("utf-8", "surrogateescape")), "abc\udcff".encode("utf-8", "surrogateescape"))
try:
    print(s)
except UnicodeEncodeError as e:
    print("print failed:", e.reason)
# === operations keep surrogates ===
u = s + "x" + "\udfff"
print(repr(u), repr(u[::-1]), repr(u.upper()), u.count("\ud800"), u.find("\udfff"), repr(u * 2))
print(sorted(["\ud800", "\uffff", "\U00010000", "a"]) == ["a", "\ud800", "\uffff", "\U00010000"])
print(repr("%s|" % s), repr(f"{s}!"), repr("{}".format(s)), repr(str([s])))
