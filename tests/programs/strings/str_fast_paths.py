# Formatting, joining and str() of builtin values: results, lengths,
# identity and errors must match the general paths.
class S:
    def __str__(self): return "S!"
    def __repr__(self): return "R!"
print("<%d>" % 5, "%s-%s" % ("é", 3), "%5d|%-5d|%3s|%-3s|" % (42, -7, "ab", "é"), "%%d %d %%" % 9)
print("%s" % (1,2) if False else "%s" % ((1, 2),), "%r %s" % (S(), S()), "%d" % True, "%s" % True, "%s" % 2.5, "%s" % None)
print("%s" % {"a": 1}, "%s %s" % [1, 2] if False else "", "%i" % -0, "%s" % "", "" % ())
for bad in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%d", 2.7), ("%y", 1), ("%", 1), ("abc", 5)]:
    try:
        print(repr(bad[0] % bad[1]))
    except Exception as e:
        print(type(e).__name__, e)
print("%10000s" % "x" == " " * 9999 + "x", len("%-12s|" % "\U0001f600"), "\ud800%s" % "\udc00" == "\ud800\udc00", len("\ud800%s" % "\udc00"))
print(str(5) is str(5), str(-12345678901234), str(2**63 - 1), str(-2**63), str(0), str(1.5), str(-0.0), str(1e300), str(float("inf")))
print("-".join(["a", "é", "\U0001f600"]), len("-".join(["a", "é", "\U0001f600"])), "".join([]), "x".join(["only"]), ",".join(("a", "b")))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
class MyS(str): pass
print(",".join([MyS("q"), "r"]), type("".join([MyS("q")])).__name__)
print("a b  c".split(" "), "a-b".split("-", 1), "x".replace("x", "yy", 1), " s ".strip(), "abc".find("c", 1, 3))
# === str subclasses and int subclasses in % and str() ===
class MyInt(int):
    def __str__(self):
        return "myint"
    def __repr__(self):
        return "MyInt!"
print("%s %r %d" % (MyInt(3), MyInt(4), MyInt(5)), str(MyInt(6)), str(True), "%s" % MyS("sub"))
class Up(str):
    def __str__(self):
        return "UP"
print("%s|%5s" % (Up("a"), Up("b")), str(Up("c")))
print("%d%%" % 50, "%s%s%s" % ("a", "b", "c"), "%3d%-3d|" % (1, 2), "%s" % -5, "%-2s|" % "long")
def gen():
    yield "x"
    yield "y"
print("+".join(gen()), "".join("abc"), "é".join("xyz"), len("é".join("xyz")))
print(hash("ab" + "c") == hash("abc"), hash("-".join(["a", "b"])) == hash("a-b"), hash("%s!" % "a") == hash("a!"))
print({"%d" % i: i for i in range(3)}, ("%s" % "k") in {"k": 1})
print(int("123"), int("-45"), int("+7"), int("007"), int("000000000000000001"), int("999999999999999999"), int("9999999999999999999"))
print(int(3.9), int(-3.9), int(-0.0), int(True), int(2**62), int(1e18), int(1e19), float(3), float(-2**63), float(2**53 + 1), float(True), float(2.5))
print(str(12), str(-3), str(2.0), str(None), str([1, "a"]), str(), int(), float(), str(b"x"), str("s"))
for bad in ["", " 1", "1_0", "12a", "-", "+", "١٢"]:
    try:
        print(repr(bad), int(bad))
    except ValueError as e:
        print("ValueError:", e)
for bad in [float("nan"), float("inf")]:
    try:
        int(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class I(int): pass
class F(float): pass
class S(str): pass
print(type(I(5)).__name__, type(F(5)).__name__, type(S(5)).__name__, int(I(5)), float(F(2)), str(S("q")))
print(type(int("5")).__name__, type(str(5)).__name__, type(float(5)).__name__, int(x=3) if False else "")
try:
    str(1, 2)
except TypeError as e:
    print(e)
try:
    int("5", base=10), print(int("ff", 16))
except TypeError as e:
    print(e)
# === str.format on UTF-8 text ===
print("é{}ü{}".format("à", 1), "{0}{1}{0}".format("ab", "ç"), "{:>6}|{:^7}|{:<4}|".format("é", "xü", 3))
print("{!r} {!s} {!a} {x}".format("é", "q", "ü", x="kw"), "{{é}} {}".format("}"), "{:{w}}|".format("s", w=5))
print("{0[1]} {0[key]} {1.real}".format({1: "one", "key": "k"}, 5), "{:}".format(12), "{:5}".format(2.5), "{}".format(-0.0))
for bad in ["{!é}", "{", "}", "{0!}", "{:{:{}}}", "{0}{}", "{é}"]:
    try:
        print(bad.format(1, 2))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
class Fmt:
    def __format__(self, spec):
        return "F<" + spec + ">"
print("{:xyz}|{}|{:é}".format(Fmt(), Fmt(), Fmt()), format("abc", ""), format("abc", ">5"), format(7, ""), format(1.5, ""))
class MyStr(str):
    def __format__(self, spec):
        return "mine"
print("{}".format(MyStr("x")), format(MyStr("y")))
# === case mapping and subscripts ===
for t in ["hello world", "hELLO wORLD", "a1b2 c3", "x's", "", "ŉ stuff", "ǆemal", "abc-déf"]:
    print(t.title(), t.capitalize(), t.swapcase(), t.upper(), t.lower(), t.casefold())
s = "abcdéfgh"
print(s[2], s[-1], s[1:4], s[::-1], s[::2], s[5:], "ascii"[1:3], "ascii"[::-2], "ascii"[:], "ascii"[10:])
try:
    s[100]
except IndexError as e:
    print(e)
try:
    s["x"]
except TypeError as e:
    print(e)
class MyS2(str): pass
s = "abcdef"
print(format(s, "<2") is s, format(s, ".10") is s, format(s, ">6") is s, type(format(MyS2("abc"), "<2")).__name__)
print(format("é" * 3, "ü^9"), format("abcdef", ".2"), format("abcdéf", "*>8.5"), format("x", "\U0001f600<3"), len(format("x", "\U0001f600<3")))
print(format("abc", "=5") if False else "", format("abc", "^4"), format("", "5") + "|")
# === str % and * with other operand types ===
class R(str):
    def __rmod__(self, other):
        return "R.__rmod__"
    def __rmul__(self, other):
        return "R.__rmul__"
class M:
    def __rmod__(self, other):
        return "M.__rmod__"
    def __rmul__(self, other):
        return "M.__rmul__"
class I(int):
    def __rmul__(self, other):
        return "I.__rmul__"
print("a%s" % R("x"), "a%s" % M() == "M.__rmod__", "%s" % [M()] if False else "", "ab" * 3, 3 * "ab", "ab" * 0, -2 * "ab", "ab" * 1, "" * 5)
print("%s%%" % 5, "é" * 3, len("é" * 3), "%s" % R("y") if False else "")
try:
    "ab" * 2**62
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
try:
    "ab" * 2.0
except TypeError as e:
    print(e)
try:
    "%d" % "x"
except TypeError as e:
    print(e)
s = "%s"
s %= (1,)
print(s, "a" * True, True * "b")
x = "ab"
print((x * 1) is x, (1 * x) is x)
# === split (identity of unsplit strs, whitespace rules) and del on dicts ===
for t in ["  a b  c  ", "abc", "", "   ", "a\tb\nc\x1cd\x85e", "x  y", " lead", "trail ", "é ü  ö"]:
    print([t.split(), t.split(None, 0), t.split(None, 1), t.split(None, 2), t.split(" "), t.split(" ", 1), t.split("b")])
s = "nosep"
print(s.split()[0] is s, s.split(",")[0] is s, s.split(None, 0)[0] is s, (" " + s).split()[0] is s)
class Sub(str): pass
print(type(Sub("ab").split()[0]).__name__, type(Sub("ab").split(",")[0]).__name__)
d = {"k": 1}
del d["k"]
try:
    del d["k"]
except KeyError as e:
    print("KeyError", e)
try:
    del d[[]]
except TypeError as e:
    print(e)
print("a,b,,c".split(","), "a,b,,c".split(",", 2), ",".split(","), "a  b".split(" "))
# === 'in' on strs, list method argument errors ===
class S3(str): pass
print("a" in "abc", "" in "", "é" in "café", S3("b") in "abc", "bc" in S3("abc"), "z" in "abc")
for bad in [1, None, b"a"]:
    try:
        bad in "abc"
    except TypeError as e:
        print(e)
l = []
try:
    l.append()
except TypeError as e:
    print(e)
try:
    l.append(1, 2)
except TypeError as e:
    print(e)
try:
    l.append(x=1)
except TypeError as e:
    print(e)
try:
    l.insert(1)
except TypeError as e:
    print(e)
try:
    l.pop(1, 2)
except TypeError as e:
    print(e)
l.append(3); l.insert(0, 1); print(l, l.pop(), l.index(1), l.count(1))
# === str subscripts and reversed slices ===
s = "abcdefghij"
for sl in [slice(None, None, -1), slice(5, None, -1), slice(None, 3, -1), slice(8, 2, -1), slice(-1, -4, -1), slice(100, None, -1), slice(0, None, -1), slice(None, None, -2), slice(2, 8, 3), slice(None, None, -1000)]:
    print(repr(s[sl]), repr("é" + s[sl]), repr(s[sl.start:sl.stop]))
print(repr(""[::-1]), repr("a"[::-1]), s[3], s[-1], s[-10])
for bad in [10, -11]:
    try:
        s[bad]
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 2
print(s[Idx()], s[True], s[Idx():])
# === big and int-subclass indices ===
s = "abc"
for k in [2**70, -2**70, 2**63, -2**63 - 1]:
    try:
        s[k]
    except IndexError as e:
        print("IndexError:", e)
class BigI(int): pass
try:
    s[BigI(2**70)]
except IndexError as e:
    print("IndexError:", e)
print(s[BigI(1)], s[-2**63 + 5:], s[:2**70])
print(b"abc"[BigI(1)], bytearray(b"xyz")[BigI(-1)], "ab" * BigI(2), BigI(3) * "c", memoryview(b"qrs")[BigI(2)])
try:
    "ab" * 2**70
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
# === str * int subclasses ===
class RI(int):
    def __rmul__(self, other):
        return "I.__rmul__(%r)" % (other,)
class JI(int):
    def __rmul__(self, other):
        return NotImplemented
class KI(int):
    pass
class LI(int):
    def __mul__(self, other):
        return "L.__mul__"
print("x" * RI(2), RI(2) * "x", "x" * JI(2), JI(2) * "x", "x" * KI(3), KI(3) * "x", "x" * LI(2), LI(2) * "x")
print([1] * KI(2), (1,) * KI(2))
