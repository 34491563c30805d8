# Calling a class whose __init__ is a Python function: results, binding
# errors, non-None returns, exceptions and tracebacks, frames.
import sys

class P:
    def __init__(self, x, y=2, *rest, z=3, **kw):
        self.v = (x, y, rest, z, sorted(kw.items()))

print(P(1).v)
print(P(1, 5, 6, 7, z=9, w=0).v)
print(P(x=4).v)
for bad in [lambda: P(), lambda: P(1, x=2), lambda: P(1, q=1, **{"q": 2})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

class R:
    def __init__(self, r):
        return r

print(type(R(None)).__name__)
for r in [0, "s", [], R]:
    try:
        R(r)
    except TypeError as e:
        print("TypeError:", e)

class Chain:
    def __init__(self, n):
        self.child = Chain(n - 1) if n else None
        self.depth = n

c = Chain(50)
d = 0
while c.child:
    c = c.child
    d += 1
print("depth", d)

class Where:
    def __init__(self):
        f = sys._getframe()
        self.here = f.f_code.co_name
        self.caller = f.f_back.f_code.co_name

def make():
    return Where()

w = make()
print(w.here, w.caller)

class Boom:
    def __init__(self, k):
        if k > 2:
            raise ValueError("k too big: %d" % k)
        self.k = k

made = []
for k in range(5):
    try:
        made.append(Boom(k).k)
    except ValueError as e:
        print("ValueError:", e)
print(made)

class G:
    def __init__(self):
        yield 1

try:
    G()
except TypeError as e:
    print("TypeError:", e)

class Sub(P):
    pass

print(Sub(8).v)

class Counted:
    n = 0
    def __init__(self):
        Counted.n += 1

objs = [Counted() for _ in range(1000)]
print(Counted.n, len(objs))

def deep(n):
    return Chain(n)

sys.setrecursionlimit(200)
try:
    deep(500)
except RecursionError as e:
    print("RecursionError:", e)

class Last:
    def __init__(self, a):
        self.a = 1 / a

Last(0)
