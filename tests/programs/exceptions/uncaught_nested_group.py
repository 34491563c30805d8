# Nested exception groups and notes in the uncaught report.
def inner():
    e = TypeError("inner type error")
    e.add_note("note on the inner error")
    raise ExceptionGroup("inner group", [e, KeyError("k")])

def outer():
    try:
        inner()
    except ExceptionGroup as g:
        raise ExceptionGroup("outer group", [g, ValueError("sibling")])

outer()
