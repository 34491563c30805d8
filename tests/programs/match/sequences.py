def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [0, *rest]:
            return f"starts with zero, rest={rest}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: {first}..{last} ({len(middle)} in middle)"
        case [_, _, *_]:
            return "three or four"
for s in ([], [1], (1, 2), [0, 9, 9], [1, 2, 3, 4, 5, 6], [1, 2, 3], range(3), "ab", b"xy"):
    print(repr(s), "->", shape(s))
# === nested sequences ===
def parse(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"moving {direction}"
        case ["go", *_]:
            return "go where?"
        case ["pick", "up", item] | ["take", item]:
            return f"taking {item}"
        case ["drop", *items] if items:
            return f"dropping {', '.join(items)}"
        case [("quit" | "exit")]:
            return "bye"
        case _:
            return f"unknown {cmd!r}"
for c in ("go north", "go", "go a b", "pick up lamp", "take key", "drop a b c", "drop", "quit", "exit", "dance"):
    print(parse(c))
# === tuples of tuples ===
points = [(0, 0), (1, 0), (0, 5), (3, 3), (2, 7), ((1, 2), 3)]
for p in points:
    match p:
        case (0, 0):
            print("origin")
        case (x, 0):
            print("on x axis", x)
        case (0, y):
            print("on y axis", y)
        case (x, y) if x == y:
            print("diagonal", x)
        case ((a, b), c):
            print("nested", a, b, c)
        case (x, y):
            print("point", x, y)
# === strings and iterators do not match sequence patterns ===
def seqcheck(v):
    match v:
        case [*items]:
            return f"sequence of {len(items)}"
        case _:
            return "not a sequence"
print(seqcheck("abc"), seqcheck(iter([1])), seqcheck({1: 2}), seqcheck(bytearray(b"ab")), seqcheck([]), seqcheck((1,)))
