async def f():
    return [await x for x in y]
def g():
    return [await x for x in y]
