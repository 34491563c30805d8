class Thing:
    cls_attr = "class level"
    def __init__(self):
        self.inst = "instance level"
t = Thing()
print(getattr(t, "inst"), getattr(t, "cls_attr"), getattr(t, "none", "default"), getattr(Thing, "cls_attr"))
setattr(t, "new", 42)
setattr(Thing, "added", "on class")
print(t.new, t.added, hasattr(t, "new"), hasattr(t, "nope"), hasattr(Thing, "new"))
delattr(t, "new")
delattr(Thing, "added")
print(hasattr(t, "new"), hasattr(t, "added"))
for call in (lambda: getattr(t, "missing"), lambda: delattr(t, "missing"), lambda: setattr(1, "x", 1), lambda: getattr(t, 1), lambda: setattr(t, 2, 3), lambda: hasattr(t)):
    try:
        call()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
# === hasattr only swallows AttributeError ===
class Explodes:
    @property
    def boom(self):
        raise ValueError("property failed")
try:
    hasattr(Explodes(), "boom")
except ValueError as e:
    print("propagated", e)
# === attributes with unusual names ===
setattr(t, "with space", 1)
setattr(t, "123", 2)
print(getattr(t, "with space"), getattr(t, "123"), sorted(vars(t)))
# === getattr on modules and builtins ===
import math
print(getattr(math, "pi"), getattr(str, "upper")("x"), getattr([], "append").__name__, getattr(1, "real"))
