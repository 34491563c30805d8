# Error messages of invalid format specifications.
cases = [
    ("abc", "+"), ("abc", "#"), ("abc", ","), ("abc", "d"), ("abc", "=10"), ("abc", "010"), ("abc", ".2f"),
    (5, "s"), (5, ".2d"), (5, "z"), (5, ",c"), (5, "#c"), (5, "+c"), (5, "_,"), (5, ",_"), (5, "xx"), (5, "1.2.3"),
    (5.5, "d"), (5.5, "x"), (5.5, "c"), (5.5, "#x"), (5.5, "=s"), (1j, "="), (1j, "010"), (1j, "d"),
    (None, "d"), ([], ">5"), (True, "s"), (5, "<" * 3), (5, "99999999999999999999"), (5.0, ".99999999999999999999f"),
]
for value, spec in cases:
    try:
        print(repr(value), repr(spec), "->", repr(format(value, spec)))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(value), repr(spec), "->", type(e).__name__ + ":", e)
for template in ("{:d}", "{:,d}", "{0:{1}}", "{!x}", "{0!}", "{:{}}}", "{0.}", "{0[}", "{a.b[c]d}"):
    try:
        print(repr(template), "->", repr(template.format(1.5, ">4", a=1)))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as e:
        print(repr(template), "->", type(e).__name__ + ":", e)
