class A:
    xs = [1, 2]
    ys = [x * 2 for x in xs]
    def f(self, a):
        def g():
            return a
        return g
def loops():
    while x:
        if y:
            continue
        try:
            z()
        except E:
            continue
        finally:
            w()
    else:
        q()
    for i in r:
        with m() as n:
            if i: break
    return i
def fin():
    try:
        return 1
    finally:
        return 2
def star():
    a = b = c
    *d, = e
    (f, g), h = i
    x = y = z = 0
    nonlocal_ = 1
    def inner():
        nonlocal nonlocal_
        nonlocal_ += 1
        del nonlocal_
    return inner
def tstar():
    try:
        a()
    except* (E, F) as eg:
        b(eg)
    except* G:
        pass
    else:
        c()
def strings():
    return "a" "b", b"x" b"y", 12345678901234567890123, 0x_ff, 1_000, 1e10, 3j, 1+2j, "\N{BULLET}", '\t'
def gexp():
    return sum(x for x in y), any(x for x in y if x)
def ifs(a):
    if a:
        return 1
    elif a > 2:
        return 2
    else:
        return 3
def dbg():
    if __debug__:
        return 1
    return 0
def unpack(d):
    return {**d, 'a': 1}, [*d, 1], (*d,), {*d}
