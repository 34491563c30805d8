# Generators: pipelines of generator functions, generator expressions and yield from.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

def squared(src):
    for x in src:
        yield x * x

def chained(n):
    yield from count_up(n)
    yield from (x * 3 for x in range(n))

def running_sum(src):
    total = 0
    for x in src:
        total += x
        yield total

check = 0
for rnd in range(88):
    check += sum(squared(evens(count_up(100000))))
    last = 0
    for last in running_sum(chained(30000)):
        pass
    check += last
    check += max(x % 1000 for x in count_up(50000))
print("checksum", check)
