data = b"The Quick Brown Fox"
# === case and predicates ===
print(data.lower(), data.upper(), data.swapcase(), data.capitalize(), data.istitle(), b"abc".islower(), b" \t".isspace())
print(b"abc123".isalnum(), b"".isalpha(), b"ABC".isupper(), b"\x80".isascii(), b"abc".isascii())
# === split/join variants ===
print(data.split(b" ", 1), data.rsplit(b" ", 1), data.rpartition(b" "), b"a  b".split(None), b"".split(b"x"))
print(b"  pad  ".lstrip(), b"  pad  ".rstrip(), b"xxpadxx".strip(b"x"), data.ljust(22, b"."), data.rjust(22))
print(data.removeprefix(b"The "), data.removesuffix(b"Fox"), data.expandtabs(), b"a\tb".expandtabs(4))
# === searching ===
print(data.find(b"Q"), data.find(81), data.rindex(b"o"), data.count(b"o"), data.startswith(b"Qu", 4))
try:
    data.index(b"zzz")
except ValueError as e:
    print(e)
# === decode with errors ===
raw = b"caf\xc3\xa9 \xff"
print(raw.decode("utf-8", "replace"), raw.decode("latin-1"), raw.decode("utf-8", "backslashreplace"), raw.decode("ascii", "ignore"))
# === iteration and conversion ===
print(list(b"AZ"), [chr(c) for c in b"hi"], sum(b"\x01\x02\x03"), max(b"az"), sorted(b"dcba"), bytes(sorted(b"dcba")))
print(int.from_bytes(b"\x00\x10", "big"), b"abc"[1], type(b"abc"[1:2]).__name__)
