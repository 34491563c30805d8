def outer(v):
    class C(*bases, **kw):
        a = v
        b = [a for _ in range(3)]
        def m(self):
            def inner():
                return super().m(), __class__
            return inner
    return C
def walrus(xs):
    ys = [y := x * 2 for x in xs if (z := x)]
    return y, z, ys
def walrus_gen(xs):
    total = 0
    g = (total := total + x for x in xs)
    return g
async def agen():
    try:
        yield 1
    finally:
        await cleanup()
async def aw():
    async with a as b:
        return b
    async for x in y:
        if x:
            break
        continue
def lam(a=1, *, b=2):
    return lambda x=a, *, y=b: (x, y)
def delexc():
    try:
        pass
    except E as e:
        del e
def nested_comp():
    return [[i * j for j in range(i) if j] for i in range(5)]
def dictwal():
    return {k: (v := k) for k in range(3)}
def gstar(*a, **k):
    return f(*a, 1, *k, x=1, **k)
