match p:
    case [1, *rest]: pass
    case {'a': 1, **kw}: pass
    case C(a, b=c): pass
    case 1 | 2 | 3: pass
    case (x, y) | [y, x]: pass
    case _: pass
import a.b.c as d
from . import x
from m import *
f(*a, **k)
f(a, b=c)
o.m(1, 2)
a, *b, c = x
x[1:2] = y
del x[0], y.z
lambda x, *y: x
f'{x!r:>{w}} {y=}'
for x in y:
    try:
        break
    finally:
        z()
def f():
    with a:
        return 1
assert x, 'm'
a if b else c
a and b or c
a < b < c
if a < b < c: pass
if not a and b: pass
x = {1: 2, **y}
x = [1, 2, 3]
x = {1, 2, 3}
x.y += 1
x[1] += 2
