# Generators left suspended are closed when their last reference disappears.
def worker(name):
    print(name, "started")
    try:
        while True:
            x = yield
            print(name, "got", x)
    except GeneratorExit:
        print(name, "GeneratorExit")
    finally:
        print(name, "finally")
g = worker("w1")
next(g)
g.send(1)
del g
print("after del w1")
def run():
    g = worker("w2")
    next(g)
    g.send(2)
    return "run returns"
print(run())
print("after run")
gens = [worker(f"list{i}") for i in range(2)]
for gen in gens:
    next(gen)
gens.clear()
print("after clear")
never_started = worker("unstarted")
del never_started
print("unstarted generator: no output expected")
def yields_in_finally():
    try:
        yield 1
    finally:
        print("finally without yield")
g = yields_in_finally()
next(g)
g = None
print("end")
