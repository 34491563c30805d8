def r(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
s = "a\x85b\u2028c\u2029d\x1de\x0cf\r\ng\rh\n"
print(r(lambda: s.splitlines()), r(lambda: s.splitlines(keepends=True)), r(lambda: "a\tb\r\tc\n\td".expandtabs()), r(lambda: "\t".expandtabs(0)), r(lambda: "x\ty".expandtabs(-1)))
print(r(lambda: "abc".translate({97: 120, 98: "yy", 99: None})), r(lambda: "abc".translate({97: 0x110000})), r(lambda: "abc".translate({97: 1.5})), r(lambda: "abc".translate([None, "x"] * 60)), r(lambda: "abc".translate("xyz" * 40)))
print(r(lambda: str.maketrans({"a": "b", 99: None})), r(lambda: str.maketrans({"ab": 1})), r(lambda: str.maketrans({1.5: 1})), r(lambda: str.maketrans("a", "b", 5)), r(lambda: str.maketrans()), r(lambda: str.maketrans(1, 2)), r(lambda: str.maketrans("a", 2)))
print(r(lambda: "ΣΑΣ ΑΣ. Σ ΌΣΟΣ's xΣ".lower()), r(lambda: "ᾈ ǲ ß ŉ".title()), r(lambda: "ᾈ ǲ ß ŉ".capitalize()), r(lambda: "ᾈ ǲ ß ŉ".swapcase()), r(lambda: "they're bill's friends".title()), r(lambda: "ǅ".istitle()), r(lambda: "ABC ǅ".istitle()))
print(r(lambda: "abc".center(10**12)), r(lambda: "a".ljust(-5)), r(lambda: "a" * 2**62), r(lambda: "a" * 2**64), r(lambda: "ab".zfill(2**63)), r(lambda: "%*s" % (2**40, "x")))
print(r(lambda: "x".join([])), r(lambda: "x".join(["a"])), r(lambda: "x".join(("a", "b"))), r(lambda: "x".join({"k": 1})), r(lambda: ", ".join(map(str, range(3)))), r(lambda: "x".join(None)))
print(r(lambda: "abc".index("c", -1)), r(lambda: "abc".find("", 10)), r(lambda: "abc".count("", 10)), r(lambda: "abc".count("", -10, 2)), r(lambda: "abc".rfind("", 1, 2)), r(lambda: "aaa".count("aa")), r(lambda: "abc".find("b", None, None)), r(lambda: "abc".find("b", 1.0)))
print(r(lambda: "a b".split(" ", -5)), r(lambda: "a b".split(None, 0)), r(lambda: " a b ".split(None, 0)), r(lambda: " a b ".rsplit(None, 0)), r(lambda: "a  b".split(" ")), r(lambda: "abc".split("abc")), r(lambda: "".split()), r(lambda: "".split("x")), r(lambda: "x".split(sep="x", maxsplit=1)))
print(r(lambda: "abc"[::0]), r(lambda: "abc"[10:-10:-1]), r(lambda: "abc"[-10:10]), r(lambda: "abc"[None:None:-2]), r(lambda: "héllo"[4:1:-1]), r(lambda: "héllo"[2**70:]), r(lambda: "abc"[True]), r(lambda: "abc"["a":]))
print(r(lambda: "a" < "aa"), r(lambda: "é" < "ü"), r(lambda: "\uffff" < "\U00010000"), r(lambda: "\ud800" < "\uffff"), r(lambda: max("héllo")), r(lambda: sorted("bca")), r(lambda: "a".__lt__(1)), r(lambda: "a" <= None))
print(r(lambda: "%.3f %.0e %g %g %g" % (2.0005, 15.5, 1e-4, 1e-5, 123456.7)), r(lambda: "%.15g %.17g %.1g" % (0.1, 0.1, 0.05)), r(lambda: "%f" % 1e300), r(lambda: "%.2f" % 2.675), r(lambda: "%e" % 0.0), r(lambda: "%g" % -0.0), r(lambda: "%+.1e" % -1e-300))
