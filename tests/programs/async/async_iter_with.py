# async for, async with, async generators and async comprehensions.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value
class Yield:
    def __await__(self):
        yield
class ACounter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Yield()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class AResource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        await Yield()
        return self
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError
async def agen(n):
    for i in range(n):
        await Yield()
        yield i * 10
async def main():
    out = []
    async for v in ACounter(3):
        out.append(v)
    print("async for", out)
    async with AResource("r1") as r:
        print("using", r.name)
    async with AResource("r2"):
        raise KeyError("suppressed")
    print([x async for x in agen(4)], {x: x async for x in agen(2)}, [x async for x in agen(5) if x > 20])
    async for v in agen(2):
        print("agen", v)
    else:
        print("async for else")
    g = agen(3)
    print(await g.__anext__(), await g.asend(None), type(g).__name__)
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed async generator is exhausted")
    return "main done"
print(run(main()))
# === errors ===
async def bad_for():
    async for x in [1, 2]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print(e)
async def bad_with():
    async with AResource:
        pass
try:
    run(bad_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
