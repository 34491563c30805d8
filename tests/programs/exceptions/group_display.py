# Exception groups: except*, split/subgroup, width and depth limits, notes and context in the box layout.
import sys
def show(e):
    sys.excepthook(type(e), e, e.__traceback__)
def f():
    raise ExceptionGroup("top", [ValueError("a"), TypeError("b")])
try:
    f()
except* ValueError as e:
    print("caught ValueError part")
    show(e)
except* TypeError as e:
    print("caught TypeError part")
    show(e)
eg = ExceptionGroup("msg", [ValueError("v1"), TypeError("t2"), ExceptionGroup("in", [ValueError("v3")])])
m, r = eg.split(ValueError)
show(m)
show(r)
show(eg.subgroup(lambda x: isinstance(x, TypeError)))
if eg.subgroup(Exception) is eg: print("yes")
if eg.subgroup(KeyError) is None: print("yes")
big = ExceptionGroup("big", [ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x"), ValueError("x")])
show(big)
def nest(n):
    if n == 0:
        return ValueError("leaf")
    return ExceptionGroup("lvl", [nest(n - 1)])
show(nest(12))
try:
    try:
        raise ValueError("ctx")
    except ValueError:
        raise ExceptionGroup("with ctx", [KeyError("k")])
except ExceptionGroup as e:
    show(e)
e = ExceptionGroup("notes", [ValueError("n")])
e.add_note("group note")
show(e)
try:
    raise ExceptionGroup("x", [ValueError(1)])
except* ValueError:
    raise TypeError("in handler")
