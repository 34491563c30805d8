# === encode / decode roundtrip ===
for enc in ("utf-8", "utf-16", "utf-32-le", "latin-1", "ascii", "cp1252"):
    t = "Hello"
    print(enc, t.encode(enc), t.encode(enc).decode(enc))
# === count, zfill, title details ===
print("they're bill's friends".title(), "hello_world-foo bar".title(), "ABC def".istitle(), "Abc Def".istitle())
print("ab\ncd".splitlines(keepends=True), "x".join(["1", "2", "3"]), "abc".isidentifier(), "1abc".isidentifier(), "clasS".isidentifier())
# === str methods with start/end ===
s = "abcabcabc"
print(s.count("a", 1), s.count("a", 1, 6), s.find("c", 3, 5), s.endswith("bc", 0, 5), s.startswith("ca", 2))
# === chained methods ===
print("  Hello World  ".strip().lower().replace("world", "there").center(20, "~"))
# === str.format with many types ===
print("{} {} {} {} {}".format(None, True, 1.0, [1], {"a": 1}), "{!r}".format("x\ty"))
# === str unbound methods ===
print(str.upper("abc"), str.join("-", "abc"), list(map(str.strip, [" a ", "b "])), str.__len__("four"))
# === string constants via dir() subset ===
print([m for m in dir(str) if not m.startswith("_")])
# === errors from str methods ===
for call in (lambda: "a".ljust("x"), lambda: "a".split(1), lambda: "a".join(5), lambda: "x".encode("no-such-codec"),
             lambda: "abc".index("d"), lambda: "a".zfill(), lambda: "a".center()):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
