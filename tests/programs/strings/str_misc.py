# === str is a sequence ===
s = "mississippi"
print(len(s), s.count("ss"), sorted(set(s)), list(reversed(s))[:3], s.index("p"), "ss" in s)
print(dict((c, s.count(c)) for c in sorted(set(s))), max(s, key=s.count), enumerate(s).__next__())
# === iteration patterns ===
words = "the rain in spain stays mainly in the plain".split()
print(sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)), [w[::-1] for w in words])
print({w: len(w) for w in words}, " ".join(w.capitalize() for w in words))
# === palindromes and anagrams ===
def is_pal(t):
    t = "".join(c.lower() for c in t if c.isalnum())
    return t == t[::-1]
print(is_pal("A man, a plan, a canal: Panama"), is_pal("hello"), sorted("listen") == sorted("silent"))
# === caesar cipher ===
def caesar(t, k):
    out = []
    for c in t:
        if c.isalpha():
            base = ord("A") if c.isupper() else ord("a")
            out.append(chr((ord(c) - base + k) % 26 + base))
        else:
            out.append(c)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
# === run-length encoding ===
def rle(t):
    out = []
    i = 0
    while i < len(t):
        j = i
        while j < len(t) and t[j] == t[i]:
            j += 1
        out.append(f"{j - i}{t[i]}")
        i = j
    return "".join(out)
print(rle("aaabccddddde"), rle(""), rle("x"))
# === str hash is deterministic under PYTHONHASHSEED=0 ===
print(hash("abc"), hash(""), hash("é"), hash("\U0001f40d"), hash("a" * 100))
# === interning-independent equality ===
a = "hello world"
b = "hello " + "world"
print(a == b, a.__eq__(b), a.__ne__(b), "a".__lt__("b"), "a".__eq__(1))
