# yield from delegating to plain generators: values, returns, exceptions, frames.
import sys

def tb_names(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out

def sub(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("sub got", got)
    return "sub-done-%d" % n

def outer():
    r = yield from sub(3)
    print("outer got return", r)
    r2 = yield from sub(0)
    print("empty sub return", r2)
    return "outer-done"

print(list(outer()))
g = outer()
print(next(g), g.send("x"), g.send("y"))
try:
    g.send("z")
except StopIteration as e:
    print("StopIteration", e.value)

def just_started():
    yield from sub(2)
g = just_started()
print(next(g))
print(g.gi_yieldfrom is not None, g.gi_yieldfrom.gi_running, g.gi_yieldfrom.gi_suspended)
print(g.send("hello"))
try:
    g.send(1)
except StopIteration:
    print("stopped")
print(g.gi_yieldfrom)

# exception from the delegate, traceback through both frames
def failing():
    yield 1
    raise KeyError("deep")

def middle():
    try:
        yield from failing()
    except KeyError as e:
        print("middle caught", repr(e), [n for n, _ in tb_names(e.__traceback__)])
        yield "recovered"
    yield from failing()

try:
    for v in middle():
        print("v", v)
except KeyError as e:
    print("top caught", [n for n, _ in tb_names(e.__traceback__)])

# StopIteration raised inside the delegate
def stopper():
    yield 1
    raise StopIteration(5)

def wrap():
    try:
        yield from stopper()
    except RuntimeError as e:
        print("wrap", e, repr(e.__cause__))
        yield 2
print(list(wrap()))

# throw/close while delegating
def inner_fin():
    try:
        yield 1
        yield 2
    except ValueError:
        print("inner handles ValueError")
        yield "after-throw"
    finally:
        print("inner finally")

def deleg():
    yield from inner_fin()
    yield "deleg-end"

g = deleg()
print(next(g))
print(g.throw(ValueError))
print(next(g))
g = deleg()
print(next(g))
g.close()
print("closed", g.gi_frame, g.gi_yieldfrom)

# f_back chain while delegating
def where():
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    yield names[:4]

def level1():
    yield from where()

def level2():
    yield from level1()

for names in level2():
    print(names)
print(next(level2()))

# delegating to the running generator itself
def selfdeleg():
    yield 1
    yield from me
me = selfdeleg()
try:
    print(list(me))
except ValueError as e:
    print("ValueError", e)

# delegate finished already
def done():
    yield 1
d = done()
list(d)
def to_done():
    r = yield from d
    print("to_done", r)
    yield "x"
print(list(to_done()))

# recursion through yield from
def rec(n):
    if n:
        yield from rec(n - 1)
    yield n
print(sum(rec(100)))
def rec_inf(n):
    yield from rec_inf(n + 1)
    yield n
try:
    list(rec_inf(0))
except RecursionError as e:
    print("RecursionError", e)

# exc_info within delegates while handling
def exc_sub():
    try:
        raise OSError("sub")
    except OSError:
        yield sys.exc_info()[0].__name__

def exc_outer():
    try:
        raise LookupError("outer")
    except LookupError:
        yield from exc_sub()
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]
print(list(exc_outer()))
for v in exc_outer():
    print("exc", v, sys.exc_info()[0])

# sending non-None into a just-started delegate
def starter():
    yield from gen_ns
gen_ns = sub(2)
s = starter()
print(next(s))

# a generator expression as delegate, with an exception
def gx():
    yield from (10 // x for x in (2, 1, 0))
try:
    for v in gx():
        print("gx", v)
except ZeroDivisionError as e:
    print("gx zde", [n for n, _ in tb_names(e.__traceback__)])

# finalisation of a delegate's locals
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

def holder(n):
    d = D(n)
    yield n
    return d.n

def hold_outer():
    r = yield from holder(1)
    print("returned", r)
    yield from holder(2)
for v in hold_outer():
    print("hold", v)
print("end")
