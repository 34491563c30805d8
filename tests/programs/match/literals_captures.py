def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case True:
            return "true"
        case None:
            return "none"
        case 2j:
            return "complex"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case other:
            return f"something else: {other!r}"
for v in (0, 2, -1, 1.5, "hello", b"raw", True, False, None, 2j, "lengthy", 1.0, 3.0, [1]):
    print(repr(v), "->", describe(v))
# === True matches by identity, 1 matches True by equality ===
match True:
    case 1:
        print("1 matched True")
match 1:
    case True:
        print("True matched 1")
    case _:
        print("True did not match 1")
# === wildcard and no match ===
match 42:
    case 1:
        print("one")
print("no case matched, falls through")
# === guard with side effects ===
def check(n):
    print("guard evaluated for", n)
    return n > 2
for n in (1, 5):
    match n:
        case x if check(x):
            print("big", x)
        case x:
            print("small", x)
