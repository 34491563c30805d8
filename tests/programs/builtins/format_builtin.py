# === format() with various types ===
print(format(3.14159, ".2f"), format(42, "05d"), format("text", ">8"), format(0.5, "%"), format(1234567, ",d"), format(255, "#X"))
print(format(True), format(None), format([1, 2]), format((1,)), format(1 + 2j, ".1f"), format(b"x" if False else "x", "^3"))
try:
    format([1], "d")
except TypeError as e:
    print(e)
try:
    format(1, "z")
except ValueError as e:
    print(e)
try:
    format("s", "d")
except ValueError as e:
    print(e)
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
# === object.__format__ with empty spec uses str() ===
class C:
    def __str__(self):
        return "C-str"
print(format(C()), f"{C()}", "{}".format(C()))
try:
    format(C(), "10")
except TypeError as e:
    print(e)
# === format with bool and int specs ===
print(format(True, "d"), format(False, ">5"), format(True, "5"), f"{True:x}", f"{10:c}", f"{65:c}")
# === alignment with fill and sign options matrix ===
for spec in ("<6", ">6", "^6", "=+6", "0=6", "x^7", "+", "-", " "):
    print(repr(spec), repr(format(-42, spec)) if spec not in ("x^7",) else repr(format(42, spec)), repr(format(7, spec)))
