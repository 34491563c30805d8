def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"
print([classify(n) for n in (-3, 0, 4, 7)])
# === conditional expressions ===
for v in (0, 1, 2):
    print("none" if v == 0 else "one" if v == 1 else "many")
# === truthiness in conditions ===
for v in ([], [0], "", " ", 0.0, None, {}, {"": 0}):
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
# === short-circuit evaluation ===
def t(label, value):
    print("eval", label)
    return value
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 0) or t("b", "") or t("c", "last"))
print(not t("x", []))
# === chained comparisons ===
x = 5
print(1 < x < 10, 10 > x > 1, 1 < x > 3, x == 5 == 5.0, 1 < x < 3, 0 <= x <= 5 < 6)
print("a" < "b" < "c", [1] < [2] < [3], 1 is not None is not False)
# === identity and membership ===
a = [1, 2]
print(a is a, a is not [1, 2], 2 in a, 3 not in a, None is None, "x" in "xyz")
# === assert ===
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert []
except AssertionError as e:
    print("empty message:", repr(e), e.args)
