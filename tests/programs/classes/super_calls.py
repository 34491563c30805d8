class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return f"A.c({cls.__name__})"
    @staticmethod
    def s():
        return "A.s"
class B(A):
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def c(cls):
        return "B.c>" + super().c()
    @staticmethod
    def s():
        return "B.s>" + super(B, B).s()
class C(B):
    def f(self):
        return "C.f>" + super(B, self).f()
print(B().f(), B.c(), B.s(), C().f(), C.c())
# === super() objects ===
sp = super(B, B())
print(type(sp).__name__, sp.f(), super(C, C()).f())
# === zero-arg super in nested functions needs __class__ ===
class D(A):
    def f(self):
        def inner():
            return "inner"
        return inner() + ">" + super().f()
    def g(self):
        return __class__.__name__
print(D().f(), D().g())
# === super() outside class ===
def free():
    super()
try:
    free()
except RuntimeError as e:
    print("RuntimeError:", e)
# === super with __init__ and properties ===
class Base:
    def __init__(self):
        self.log = ["Base"]
    @property
    def name(self):
        return "base"
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived")
    @property
    def name(self):
        return "derived/" + super().name
d = Derived()
print(d.log, d.name)
# === super().__getattribute__ and missing attributes ===
class E(A):
    def missing(self):
        return super().nope
try:
    E().missing()
except AttributeError as e:
    print(e)
# === super in __new__ ===
class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single(), type(Single()).__name__)
