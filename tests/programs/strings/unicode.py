import sys
# === code points, len, ord/chr ===
for s in ("a", "é", "€", "𝄞", "🐍", "\u0000", "\uffff", "\U0010ffff"):
    print(repr(s), len(s), [hex(ord(c)) for c in s], s.isprintable())
print(chr(65), chr(0x1F40D), chr(0x10FFFF) == "\U0010ffff", ord("\n"))
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError as e:
        print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
# === combining characters and normalisation-free comparisons ===
e1 = "\u00e9"
e2 = "e\u0301"
print(e1 == e2, len(e1), len(e2), e2.upper(), [c for c in e2])
# === wide strings: indexing, reversing, find ===
s = "naïve café 日本語 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉"
print(len(s), s[11:14], s.find("日"), s.index("🎉"), s[::-1], s.upper(), s.split(" "))
print(s.encode("utf-8"), len(s.encode("utf-8")), len(s.encode("utf-16-le")), s.encode("utf-8").decode("utf-8") == s)
# === escapes in literals ===
print("tab\there", "nl\\n", "\x41\u0042\U00000043\N{GREEK SMALL LETTER ALPHA}", r"raw\n\t", "\101\7" == "A\a")
print(repr("\a\b\f\n\r\t\v\x00\x7f\x80\xa0\xad"), repr("'"), repr('"'), repr("'\""), repr("\\"))
# === ascii() and repr of non-ASCII ===
print(ascii("héllo 🐍"), repr("héllo 🐍"), ascii(["ü", 1]), repr("\u200b\u2028\ufeff"))
# === str of bytes-like decode errors ===
for data, enc in ((b"\xff", "utf-8"), (b"\xe9", "ascii"), (b"abc\x80", "utf-8")):
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(e)
print(b"\xff\xfe".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("latin-1"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
print("é€".encode("ascii", "replace"), "é€".encode("ascii", "ignore"), "é€".encode("ascii", "backslashreplace"), "é".encode("ascii", "xmlcharrefreplace"))
print(sys.maxunicode, "ß".upper(), "ﬃ".upper(), "İ".lower(), len("İ".lower()))
