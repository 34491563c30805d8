# Intentionally invalid: nonlocal binding with no enclosing function (symbol table error).
def f():
    nonlocal missing
    missing = 1
f()
