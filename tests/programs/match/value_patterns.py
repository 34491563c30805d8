class Color:
    RED = "red"
    GREEN = "green"
    BLUE = "blue"
class Codes:
    OK = 200
    NOT_FOUND = 404
def name(c):
    match c:
        case Color.RED:
            return "it's red"
        case Color.GREEN | Color.BLUE:
            return "cool color"
        case Codes.OK:
            return "ok"
        case Codes.NOT_FOUND:
            return "not found"
        case _:
            return "unknown"
for c in ("red", "green", "blue", 200, 404, 500):
    print(c, name(c))
# === as patterns and nested captures ===
def info(v):
    match v:
        case [(int() as a), (str() as b)] as whole:
            return f"a={a} b={b} whole={whole}"
        case {"k": [1, (2 | 3) as second]} as m:
            return f"second={second} m={m}"
        case (1 | 2 | 3) as small:
            return f"small {small}"
    return "nope"
print(info([1, "x"]), info({"k": [1, 3]}), info(2), info(4))
# === match on computed subject, evaluated once ===
calls = 0
def subject():
    global calls
    calls += 1
    return [1, 2]
match subject():
    case [1]:
        pass
    case [1, 3]:
        pass
    case [1, x]:
        print("x =", x, "calls =", calls)
# === names of a failed case are not bound (CPython binds on success only) ===
match (1, 2):
    case (a, 3):
        pass
    case _:
        pass
try:
    print("a after failed case:", a)
except NameError as e:
    print("NameError:", e)
# === calculator with match ===
def evaluate(expr):
    match expr:
        case int() | float():
            return expr
        case ("+", l, r):
            return evaluate(l) + evaluate(r)
        case ("*", l, r):
            return evaluate(l) * evaluate(r)
        case ("-", x):
            return -evaluate(x)
        case _:
            raise ValueError(f"bad expr {expr!r}")
print(evaluate(("+", 1, ("*", 2, ("-", 3)))))
try:
    evaluate(("/", 1, 2))
except ValueError as e:
    print(e)
