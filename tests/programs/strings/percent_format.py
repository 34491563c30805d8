# === basic conversions ===
print("%s %r %a" % ("x", "x", "é"))
print("%d %i %u %o %x %X %e %f %g %c %%" % (42, -7, 3, 8, 255, 255, 1.5, 1.5, 1.5, "Z"))
print("%c%c" % (65, 0x263A), "%5s|%-5s|" % ("ab", "cd"), "%.2s" % "abcdef", "%*d|%-*d|" % (5, 1, 4, 2))
print("%#o %#x %#X %+d % d %05d %-5d| %.3d" % (8, 255, 255, 5, 5, 42, 42, 7))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%(x)r" % {"x": [1]})
print("%s" % (1,), "%s" % [1, 2], "%s %s" % ("a", (1, 2)) if False else "", "%s" % ((1, 2),))
print("%.1f%%" % 12.345, "%10.4f|" % 3.14159, "%-10.2e|" % 12345.678, "%G" % 1e-20)
print("%d" % 3.99, "%x" % -255, "%o" % -8, "%s" % None, "%r" % None, "%d" % True)
# === errors ===
for fmt, args in (("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(a)s", 1), ("%c", 1.5), ("%c", "ab"), ("%d", None)):
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
# === bytes % ===
print(b"%s-%d-%x" % (b"ab", 12, 255), b"%c" % 65, b"%r" % "q" if False else b"%a" % "q")
