# === positional and keyword fields ===
print("{} {} {}".format(1, 2, 3), "{2} {1} {0}".format("a", "b", "c"), "{x}-{y}".format(x=1, y=2))
print("{0}{1}{0}".format("ab", "-"), "{{literal}} {}".format(5), "{:}".format(7))
# === attribute and index access ===
class P:
    x = 3
    y = [10, 20]
print("{0.x} {0.y[1]} {1[k]} {2[0]}".format(P(), {"k": "v"}, "str"))
# === conversions ===
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>10}|".format("x"))
# === format specs ===
print("{:>10}|{:<10}|{:^10}|{:*^10}|".format("r", "l", "c", "s"))
print("{:+d} {:08.3f} {:,} {:x} {:#b} {:.3} {:10.4}|".format(5, 3.14159, 10 ** 7, 255, 5, "abcdef", "abcdefgh"))
print("{:{}{}}|".format("nest", ">", 8), "{:{w}.{p}f}".format(2.71828, w=10, p=2))
print("{0:=+10d}|{0:=10d}|".format(-42), "{:e}".format(0.000123), "{:%}".format(0.5))
# === format_map and __format__ ===
print("{a}/{b}".format_map({"a": 1, "b": 2}))
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return f"${self.v:{spec or '.2f'}}"
print("{}".format(Money(3)), "{:.0f}".format(Money(2.5)), f"{Money(1):>8.1f}")
# === errors ===
for fmt, args, kwargs in (("{", (), {}), ("}", (), {}), ("{0} {}", (1, 2), {}), ("{x}", (), {}), ("{1}", (1,), {}),
                          ("{:d}", ("s",), {}), ("{:s}", (1,), {}), ("{!z}", (1,), {}), ("{0[0]}", ([],), {}), ("{:,s}", ("a",), {})):
    try:
        print(fmt.format(*args, **kwargs))
    except (ValueError, KeyError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
# === format() builtin ===
print(format("x", "^5"), format(3, ""), format([1, 2]), format(None), format(True, "d"), format(True))
try:
    format(object(), "x")
except TypeError as e:
    print(e)
