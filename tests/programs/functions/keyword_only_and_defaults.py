# Defaults bound at definition time, keyword-only markers and late-binding surprises.
x = 10
def f(a=x, *, b=x * 2):
    return a, b
x = 99
print(f(), f(1), f(b=3), f.__defaults__, f.__kwdefaults__)
def g(*, required, optional="opt"):
    return required, optional
print(g(required=1), g(optional=2, required=3))
for call in (lambda: g(1), lambda: g(), lambda: g(required=1, extra=2)):
    try:
        call()
    except TypeError as e:
        print(e)
def h(a, b, /, c, *, d):
    return a + b + c + d
print(h(1, 2, 3, d=4), h(1, 2, c=3, d=4))
def k(a, /, **kwargs):
    return a, kwargs
print(k(1, a=2), k(1, **{"a": 3, "b": 4}))
def many(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(many(1, d=4), many(1, 2, 3, 4, 5, d=6, f=7), many(*range(6), d=0, **{"e": 1, "z": 2}))
def default_none(data=None):
    if data is None:
        data = {}
    data[len(data)] = True
    return data
print(default_none(), default_none(), default_none({9: 0}))
