# A chained exception with a note inside an exception group.
def f():
    raise ValueError("bad")
def g():
    try:
        f()
    except ValueError as e:
        e.add_note("note one")
        raise ExceptionGroup("outer", [e, TypeError("t"), ExceptionGroup("inner", [KeyError("k"), OSError(2, "x")])])
g()
