# Closures: counters, adders, composed functions and nonlocal updates.
def make_counter(step):
    count = 0
    def inc():
        nonlocal count
        count += step
        return count
    return inc

def make_adder(n):
    return lambda x: x + n

def compose(f, g):
    def h(x):
        return f(g(x))
    return h

def make_accumulators(k):
    return [make_adder(i) for i in range(k)]

check = 0
for rnd in range(800):
    c = make_counter(3)
    for _ in range(10000):
        c()
    check += c()
    adders = make_accumulators(50)
    f = compose(adders[7], compose(adders[3], adders[11]))
    for i in range(5000):
        check += f(i) & 7
    total = 0
    for add in adders:
        total = add(total)
    check += total
print("checksum", check)
