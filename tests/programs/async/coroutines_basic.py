# Coroutines driven by hand with send(None): no asyncio.
async def add(a, b):
    return a + b
async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y
coro = compute()
print(type(coro).__name__, coro.__name__, coro.__qualname__)
try:
    coro.send(None)
except StopIteration as e:
    print("result", e.value)
# === awaitable objects with __await__ ===
class Suspend:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        got = yield self.label
        return f"{self.label} resumed with {got}"
async def worker():
    r1 = await Suspend("first")
    print(r1)
    r2 = await Suspend("second")
    print(r2)
    return "worker done"
w = worker()
print("yielded", w.send(None))
print("yielded", w.send("A"))
try:
    w.send("B")
except StopIteration as e:
    print(e.value)
# === run helper ===
def run(coro):
    value = None
    while True:
        try:
            request = coro.send(value)
            value = f"reply to {request}"
        except StopIteration as stop:
            return stop.value
async def chain(n):
    if n == 0:
        return await Suspend("bottom")
    return await chain(n - 1) + f" <{n}>"
print(run(chain(3)))
# === awaiting a non-awaitable ===
async def bad():
    await 5
try:
    run(bad())
except TypeError as e:
    print(e)
# === coroutine close and throw ===
async def guarded():
    try:
        await Suspend("waiting")
    except ValueError as e:
        return f"handled {e}"
g = guarded()
g.send(None)
try:
    g.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)
g2 = guarded()
g2.send(None)
g2.close()
print(g2.cr_frame)
# === reusing a finished coroutine ===
async def once():
    return 1
c = once()
run(c)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
