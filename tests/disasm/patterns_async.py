def m(p):
    match p:
        case {"x": x, "y": y} if x > y:
            return x
        case Point(x=0, y=0) | Point(x=1):
            return 0
        case [x, y, *_]:
            return y
        case [_, *_, last]:
            return last
        case str() as s:
            return s
        case None | True:
            return 1
        case -1 | 1.5 | 2j | "s" | b"b":
            return 2
        case Color.RED:
            return 3
        case {**rest}:
            return rest
        case (a, b) if a:
            return a
        case x:
            return x
async def ag():
    yield 1
    async with a, b as c:
        pass
    await x
    return
async def ac():
    return [i async for i in a if await i], (i async for i in a)
