# Generators driven by for loops: exceptions, exc_info, frames, recursion.
import sys

def tb_names(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out

def g1():
    yield 1
    yield 2
    return 99

print([x for x in g1()])
for x in g1():
    print("got", x)
else:
    print("else ran")

# StopIteration escaping (PEP 479)
def bad():
    yield 1
    raise StopIteration("boom")

try:
    for x in bad():
        print("bad", x)
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__), repr(e.__context__))

def bad2():
    yield 1
    next(iter([]))

try:
    for x in bad2():
        pass
except RuntimeError as e:
    print("bad2", e, type(e.__cause__).__name__)

# exception escaping, traceback through the generator
def raiser(n):
    for i in range(n):
        yield i
    raise ValueError("end %d" % n)

def outer():
    for x in raiser(2):
        print("o", x)

try:
    outer()
except ValueError as e:
    print(tb_names(e.__traceback__))

# exc_info inside and outside
def excgen():
    try:
        raise KeyError("k")
    except KeyError:
        print("in gen handler", sys.exc_info()[0])
        yield 1
        print("in gen handler resumed", sys.exc_info()[0])
        yield 2
    yield 3

try:
    raise IndexError("i")
except IndexError:
    for v in excgen():
        print("caller", v, sys.exc_info()[0])
    print("caller after", sys.exc_info()[0])
for v in excgen():
    print("caller2", v, sys.exc_info()[0])

# gi_running, gi_frame, gi_suspended, f_back
def introspect():
    g = yield
    print("running", g.gi_running, g.gi_suspended)
    f = sys._getframe()
    print("f_back", f.f_back.f_code.co_name, f.f_code.co_name)
    yield 1
    print("f_back2", sys._getframe().f_back.f_code.co_name)
    yield 2

def driver():
    g = introspect()
    next(g)
    print(g.send(g))
    print("suspended", g.gi_running, g.gi_suspended, g.gi_frame.f_lineno)
    for v in g:
        print("drv", v, g.gi_running, g.gi_suspended)
    print("done", g.gi_frame, g.gi_running, g.gi_suspended)
driver()

# re-entrancy
def selfref():
    yield 1
    for x in me:
        yield x
me = selfref()
try:
    for x in me:
        print("me", x)
except ValueError as e:
    print("ValueError", e)

# break then close with finally
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

for x in fin():
    print("fin", x)
    break
print("after break")
g = fin()
for x in g:
    break
print("closing")
g.close()
print(g.gi_frame)

# mixing for-loop with send/throw/next
def mixed():
    r = yield 1
    print("received", r)
    try:
        yield 2
    except ZeroDivisionError:
        print("caught thrown")
        yield 3
    yield 4

g = mixed()
for x in g:
    print("mixed", x)
    if x == 1:
        print("send ->", g.send("hi"))
    if x == 3:
        print("next ->", next(g))
g = mixed()
for x in g:
    print("mixed2", x)
    if x == 2:
        print("throw ->", g.throw(ZeroDivisionError))

# yield from inside a for-driven generator
def inner():
    yield "a"
    r = yield "b"
    return "ret"

def deleg():
    r = yield from inner()
    yield r
    yield from (c for c in "xy")

print(list(deleg()))
for v in deleg():
    print("d", v)

# recursion through generators
def tree(n):
    if n == 0:
        yield 0
        return
    for x in tree(n - 1):
        yield x + 1

print(sum(tree(50)))
def deep(n):
    for x in deep(n + 1):
        yield x
    yield n
try:
    for x in deep(0):
        pass
except RecursionError as e:
    print("RecursionError", e)

# exception handled in caller, loop continues with a new generator
def maybe(n):
    yield n
    if n % 2:
        raise ValueError(n)
    yield -n

for i in range(4):
    try:
        for v in maybe(i):
            print("maybe", v)
    except ValueError as e:
        print("caught", e, sys.exc_info()[0].__name__)
    print("exc now", sys.exc_info()[0])

# generator that calls a function that raises, caught inside the generator
def catching():
    for i in range(3):
        try:
            yield 1 // (i - 1)
        except ZeroDivisionError as e:
            yield "zde"

print(list(catching()))

# generator finalised on last reference inside a for loop body
class D:
    def __del__(self):
        print("D deleted")

def holder():
    d = D()
    yield 1
    yield 2

for x in holder():
    print("holder", x)
print("after holder")

def gen_exc_in_genexp():
    yield from (1 / x for x in (1, 0))
try:
    for v in gen_exc_in_genexp():
        print(v)
except ZeroDivisionError as e:
    print(tb_names(e.__traceback__))

# generator subclasses are not possible; iterator class with generator __iter__
class It:
    def __iter__(self):
        yield from range(3)
print(list(It()), [x for x in It()])

# KeyboardInterrupt-free: StopIteration as value in a generator loop
def yields_stop():
    yield StopIteration
    yield StopIteration()
print([type(x).__name__ for x in yields_stop()])

# close/throw of a generator from inside its own running frame
def selfclose():
    try:
        me2.close()
    except ValueError as e:
        print("close:", e)
    try:
        me2.throw(KeyError)
    except ValueError as e:
        print("throw:", e)
    print(me2.gi_running)
    yield 1
me2 = selfclose()
for x in me2:
    print(x, me2.gi_running)

# gi_frame of a running generator is its executing frame

def introspect():
    g = yield
    fr = g.gi_frame
    print("running", g.gi_running, fr is not None, fr is sys._getframe(), fr.f_code.co_name, fr.f_lineno)
    yield 1
def driver():
    g = introspect()
    next(g)
    print(g.send(g))
    for v in g:
        pass
    print(g.gi_frame)
driver()
def nested():
    def inner():
        yield sys._getframe() is outer_gen.gi_frame.f_back if False else outer_gen.gi_frame.f_code.co_name
    yield from inner()
outer_gen = nested()
print(list(outer_gen))
