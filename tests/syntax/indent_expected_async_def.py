async def f():
return
