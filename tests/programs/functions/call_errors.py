def f(a, b, /, c, d=4, *, e, f=6):
    pass
def g(x, y=2):
    pass
def h(*, k):
    pass
def p(a, /):
    pass
def noargs():
    pass
class K:
    def m(self, x):
        pass
cases = [
    lambda: g(),
    lambda: g(1, 2, 3),
    lambda: g(1, z=3),
    lambda: g(1, x=3),
    lambda: g(y=1),
    lambda: h(1),
    lambda: h(),
    lambda: p(a=1),
    lambda: noargs(1),
    lambda: noargs(x=1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, e=1),
    lambda: f(1, b=2, c=3, e=4),
    lambda: f(1, 2, 3, 4, 5, e=1),
    lambda: f(),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(1),
    lambda: g(*5),
    lambda: g(**[1]),
    lambda: g(**{1: 2}),
    lambda: g(1, **{"x": 2}),
    lambda: (lambda a, b: 0)(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len([], x=1),
    lambda: int(x=1),
    lambda: sorted([], 1),
    lambda: "abc".split(1, 2, 3),
    lambda: dict(1, 2),
    lambda: (1)(),
    lambda: None(),
    lambda: "str"(),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except TypeError as e:
        print(i, e)
