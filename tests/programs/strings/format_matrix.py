def r(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
class P:
    x = 5
    y = [1, 2]
    def __format__(self, spec):
        return "P(" + spec + ")"
    def __repr__(self):
        return "<P>"
    def __str__(self):
        return "strP"
fmts = ["{}", "{0}", "{0!r}", "{0!s}", "{0!a}", "{0:>10}", "{0:*^11}", "{0:.2}", "{0:<}", "{0:x<3}", "{0:{1}}", "{0:{1}{2}}", "{{{0}}}", "{0.x}", "{0[0]}", "{0.y[1]}", "{x}", "{x.x}", "{:}", "{0:}", "{!r:}", "{0!r:^9}", "{0:%}", "{0:,}", "{0:_}", "{0:=5}", "{0:+}", "{0: }", "{0:#}", "{0:05}", "{0:s}", "{0:10s}", "{0:é^6}", "{0:}}", "{0:{{}}", "{", "}", "{0", "{0!}", "{0!rr}", "{0:{1:{2}}}", "{[}", "{0[]}", "{0.}", "{0..x}", "{0[0]x}", "a{0}b{1}c", "{1}{0}", "{}{}", "{0}{}", "{}{0}", "{-1}", "{00}", "{0[-1]}", "{ 0}", "{0 }", "{x }", "{é}"]
vals = ["hello", "é", "", 42, 3.5, P(), [1, 2], {"a": 1}]
for f in fmts:
    for v in vals:
        print(repr(f), repr(v) if not isinstance(v, P) else "P", r(lambda: f.format(v, 8, "s", x=P(), é=1)))
print(r(lambda: "{a}{b}".format_map({"a": 1, "b": 2})), r(lambda: "{0}".format_map({})), r(lambda: "{a}".format_map({})))
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print(r(lambda: "{a}-{b}".format_map(D(a=1))))
specs = ["", "s", "10", "<10", ">10", "^10", "*^10", ".1", ".0", "10.3", "x", "d", "=10", "+", "-", " ", "#", "0", "010", ",", "_", ",s", "5,", "z", "..", ".", ".x", "1.2.3", "99999999999999999999", "é<5", "<<5", "\x00<3"]
for sp in specs:
    print(repr(sp), r(lambda: format("abc", sp)), r(lambda: format("", sp)))
pct = ["%s", "%5s", "%-5s|", "%.1s", "%r", "%a", "%c", "%d", "%i", "%u", "%x", "%X", "%o", "%e", "%f", "%g", "%%", "%", "%5", "%(a)s", "%*s", "%.*s", "%-*d|", "%#5x", "%+05d", "% 5d", "%05s", "%-05d|", "%ld", "%hd", "%5.3d", "%s %s", "%.3e", "%10.2%", "%c%c", "%F", "%#o", "%#X", "%b", "%y"]
for p in pct:
    for a in ["x", 5, -5, 3.25, (1, 2), ("ab",), (5, "xyz"), {"a": "A"}, [1], 2**70, True, None]:
        print(repr(p), repr(a), r(lambda: p % a))
