def g():
    f(yield from x, 1)
