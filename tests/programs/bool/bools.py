# === truthiness of builtins ===
for v in (0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (None,), {}, {0: 0}, set(), None, 0j, range(0), range(3), b"", b"\0"):
    print(repr(v), bool(v), not v)
# === bool arithmetic and repr ===
print(True + True, True * 10, True / 2, -True, ~True, True // 1, True ** 2, str(True), repr(False))
print(True == 1, False == 0, True is True, isinstance(True, int), hash(True), hash(False), int(True))
print(True and "yes", False or "no", None or 0 or "" or "last", 1 and 2 and 3, 0 and 1 / 0)
print([] or {} or (), "x" and "", not None, not not [1])
# === bool type ===
print(bool(), bool.__name__, type(True), True.__class__.__mro__, bool(5) is True)
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)
# === __bool__ and __len__ ===
class T:
    def __bool__(self):
        print("bool called")
        return False
class L:
    def __len__(self):
        return 0
class Bad:
    def __bool__(self):
        return 1
print(bool(T()), bool(L()), not L())
try:
    bool(Bad())
except TypeError as e:
    print(e)
if T():
    print("true")
else:
    print("false")
# === comparisons produce bools ===
print(1 < 2, "a" > "b", [1] == [1], (1 < 2) + (2 < 3), sum(x > 2 for x in range(6)))
print(True & True, True | False, True ^ True, False ^ True, ~False, True << 3)
