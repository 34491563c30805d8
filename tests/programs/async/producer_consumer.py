# Producer/consumer coroutines communicating through a queue, scheduled by hand.
class Queue:
    def __init__(self):
        self.items = []
    def put(self, item):
        self.items.append(item)
    def get(self):
        return QueueGet(self)
class QueueGet:
    def __init__(self, q):
        self.q = q
    def __await__(self):
        while not self.q.items:
            yield "blocked"
        return self.q.items.pop(0)
class Pause:
    def __await__(self):
        yield "pause"
async def producer(q, name, n):
    for i in range(n):
        item = f"{name}-{i}"
        print("produce", item)
        q.put(item)
        await Pause()
    q.put(None)
async def consumer(q, expect_stops):
    seen = []
    stops = 0
    while stops < expect_stops:
        item = await q.get()
        if item is None:
            stops += 1
            continue
        print("consume", item)
        seen.append(item)
    return seen
def run_all(coros):
    tasks = list(coros)
    results = [None] * len(tasks)
    alive = list(range(len(tasks)))
    steps = 0
    while alive:
        for idx in list(alive):
            try:
                tasks[idx].send(None)
            except StopIteration as stop:
                results[idx] = stop.value
                alive.remove(idx)
        steps += 1
    return results, steps
q = Queue()
results, steps = run_all([consumer(q, 2), producer(q, "a", 3), producer(q, "b", 2)])
print(results[0], steps)
# === exception propagating out of a task ===
async def failing():
    await Pause()
    raise ValueError("task failed")
try:
    run_all([failing()])
except ValueError as e:
    print("caught", e)
