class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)), [x * 2 for x in Countdown(3)])
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
# === iterable vs iterator ===
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print(list(r), list(r), [(a, b) for a in r for b in r][:4])
# === iter() errors ===
class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
try:
    next([1, 2])
except TypeError as e:
    print(e)
# === __iter__ = None disables iteration ===
class NoIter:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(NoIter())
except TypeError as e:
    print(e)
# === sentinel iter ===
data = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(data), 0)))
# === exceptions inside __next__ propagate ===
class Failing:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("broken iterator")
try:
    for x in Failing():
        pass
except ValueError as e:
    print(e)
# === for/else with iterator ===
for x in Countdown(3):
    if x == 10:
        break
else:
    print("no break")
# === unpacking from custom iterables ===
a, b, c = Countdown(3)
first, *rest = Range2(5)
print(a, b, c, first, rest, *Countdown(2), max(Countdown(4)), dict(zip(Range2(2), Countdown(2))))
