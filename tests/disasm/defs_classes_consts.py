import os, sys as s
from a.b import (c as d, e)
from .. import f
@dec
@dec2(1)
def deco(x: int, *a: str, y=2, **k) -> None:
    pass
class K:
    """Doc."""
    __slots__ = ()
    y = [i for i in range(3)]
    def __init__(self, v):
        self.__v = v
        __x = 1
    @property
    def v(self): return self.__v
    def s(self):
        return __class__
def outer():
    a = 1
    b = 2
    def inner(c=a):
        return a + b + c
    class Inner:
        z = a
        def m(self): return b
    return inner, lambda: a
async def coro():
    r = [x async for x in y]
    s = [await z for z in w]
    return {k: v for k, v in q if k}
def gen():
    x = yield
    y = yield x
    return y
def calls():
    f(1, 2, *a)
    f(a=1, **b)
    f(*a, *b, c=1, **d, e=2)
    o.m(*a)
    o.m(a=1)
    return f'{a}{b!s}{c:{d}.{e}}'
def slices(x):
    return x[1:], x[:2], x[::3], x[a:b:c], x[1, 2], x[...]
def consts():
    return 1 + 2, 2 ** 100, 2 ** -1, 'a' * 3, -5, ~1, not 1, (1, 2) + (3,), 1 / 0, 'abc'[1], 10 // 3, -7 % 3, 1.5 * 2
x: int
y: list[int] = []
z.a: int = 1
global_var = 1
def uses_global():
    global global_var
    global_var += 1
    return global_var
