# === case conversion ===
for s in ("hello World", "ÉCOLE", "straße", "ǅungla", "İstanbul", "ﬁne", "ΣΑΣ", "123abc", ""):
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
# === predicates ===
for s in ("abc", "ABC", "Abc Def", "123", "12.3", "½", "²", "٣", " \t\n", "", "a1", "_x", "x y", "Ⅻ"):
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
# === padding and alignment ===
s = "pyrite"
print(s.center(12, "*"), s.ljust(10, "-"), s.rjust(10), s.zfill(9), "-42".zfill(6), "+7".zfill(4))
print(s.center(3), s.center(7), s.center(8, "."), "ab".center(5, "x"))
print("a\tb\tc".expandtabs(), "a\tb\tc".expandtabs(4), "12345\t1\n\tx".expandtabs(3))
try:
    s.center(10, "ab")
except TypeError as e:
    print(e)
