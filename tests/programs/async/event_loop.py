# A tiny round-robin scheduler with sleep() and task results.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield ("sleep", self.ticks)
class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.sleeping = []
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort(key=lambda item: (item[0], item[1]))
                wake, name, coro = self.sleeping.pop(0)
                self.now = wake
                self.ready.append((name, coro))
            name, coro = self.ready.pop(0)
            try:
                op, arg = coro.send(None)
            except StopIteration as stop:
                self.results[name] = stop.value
                print(f"t={self.now} {name} finished -> {stop.value!r}")
                continue
            if op == "sleep":
                self.sleeping.append((self.now + arg, name, coro))
loop = Loop()
async def ticker(name, period, count):
    total = 0
    for i in range(count):
        print(f"t={loop.now} {name} tick {i}")
        total += i
        await Sleep(period)
    return total
async def sleeper():
    await Sleep(5)
    return "woke"
loop.spawn("fast", ticker("fast", 1, 4))
loop.spawn("slow", ticker("slow", 3, 2))
loop.spawn("sleeper", sleeper())
loop.run()
print(sorted(loop.results.items()))
