def f1():
    a, a = 1, 2
    b, c, b = x, y, z
    return a, b
def f2():
    if not a in b:
        x()
    if not a is None:
        y()
    return not a in b
def f3():
    if x:
        with a as b:
            c()
    else:
        d()
