def f():
    try:
        a()
    except E as e:
        b()
    except:
        c()
    else:
        d()
    finally:
        e()
def g():
    yield 1
    yield from h()
async def h():
    async with a as b:
        await c
    async for x in y:
        pass
def k():
    x = 1
    def g():
        nonlocal x
        x = 2
    return [x for x in y if x], {x: y for x, y in z}, (x for x in y)
