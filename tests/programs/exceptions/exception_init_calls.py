# Exception classes with a Python __init__: args come from BaseException.__new__,
# keyword arguments reach __init__, and the usual checks apply.
class E1(Exception):
    def __init__(self, a, b=2):
        self.total = a + b

e = E1(1, 5)
print(e.args, e.total, str(e), repr(e))
e = E1(1, b=7)
print(e.args, e.total, str(e))

class E2(ValueError):
    def __init__(self, msg, *, code=0):
        super().__init__(msg)
        self.code = code

try:
    raise E2("bad", code=3)
except ValueError as ex:
    print(type(ex).__name__, ex.args, ex.code, ex)

class E3(Exception):
    def __init__(self):
        return 1

try:
    E3()
except TypeError as ex:
    print("TypeError:", ex)

try:
    E1()
except TypeError as ex:
    print("TypeError:", ex)

class E4(KeyError):
    __slots__ = ("extra",)
    def __init__(self, k):
        super().__init__(k)
        self.extra = k * 2

x = E4("k")
print(x.args, x.extra, str(x))

class Meta(type):
    pass

class E5(Exception, metaclass=Meta):
    def __init__(self, v):
        self.v = v

print(E5(9).args, E5(9).v)
errs = [E1(i) for i in range(3)]
print([er.total for er in errs], [er.args for er in errs])
raise E2("final", code=1)
