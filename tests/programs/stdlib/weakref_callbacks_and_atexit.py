# Weak-reference callbacks, WeakValueDictionary, WeakSet and weakref.finalize.
import weakref

class T:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "T(%d)" % self.n

def cb(r):
    print("callback", type(r).__name__, r() is None)

a = T(1)
r = weakref.ref(a, cb)
print(r() is a, r.__callback__ is cb)
del a
print("after del", r(), r.__callback__)

b = T(2)
r1 = weakref.ref(b, lambda r: print("first"))
r2 = weakref.ref(b, lambda r: print("second"))
b = None
print("after rebinding")

d = weakref.WeakValueDictionary()
keep = [T(i) for i in range(5)]
for t in keep:
    d[t.n] = t
print(sorted(d.keys()))
del keep[1:3]
print(sorted(d.keys()), len(d))

s = weakref.WeakSet()
objs = [T(10), T(11)]
for o in objs:
    s.add(o)
print(len(s))
objs.pop()
print(len(s))

c = T(3)
f = weakref.finalize(c, print, "finalized", 3)
print(f.alive)
del c
print(f.alive)

class D:
    def __del__(self):
        print("D.__del__")
x = D()
rx = weakref.ref(x, lambda r: print("D callback"))
del x
print("end of D")

class Bad:
    def __call__(self, r):
        raise ValueError("in callback")
    def __repr__(self):
        return "Bad()"
y = T(4)
ry = weakref.ref(y, Bad())
del y
print("after bad")

p = T(5)
pr = weakref.proxy(p, lambda r: print("proxy callback"))
print(pr.n)
del p
print("done")

import atexit
def bye(who, punct="!"):
    print("bye", who + punct)
atexit.register(bye, "world")
atexit.register(bye, "again", punct="?")
def never():
    print("never")
atexit.register(never)
atexit.unregister(never)
class BadExit:
    def __call__(self):
        raise RuntimeError("exit boom")
    def __repr__(self):
        return "BadExit()"
atexit.register(BadExit())
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError:", e)

import gc
print(gc.isenabled(), gc.collect() >= 0, gc.get_threshold()[0] > 0)
gc.disable()
print(gc.isenabled())
gc.enable()
