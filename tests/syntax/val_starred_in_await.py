async def f():
    await *a
