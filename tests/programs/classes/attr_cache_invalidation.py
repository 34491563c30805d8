# Attribute and constructor caches must follow every change that affects
# attribute lookup or instance creation. Each check runs the same code site
# repeatedly before and after the change.

# === instance attributes and class attribute changes ===
class A:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
    def m(self):
        return "A.m"

def read_x(o):
    return o.x

def call_m(o):
    return o.m()

a = A(1)
print([read_x(a) for _ in range(3)], [call_m(a) for _ in range(3)])
A.m = lambda self: "patched"
print([call_m(a) for _ in range(3)])
del A.m
try:
    call_m(a)
except AttributeError as e:
    print("AttributeError:", e)
A.m = lambda self: "again"
print(call_m(a))

# a method shadowed by the instance dict, then unshadowed
a.m = lambda: "instance"
print([call_m(a) for _ in range(2)])
del a.m
print([call_m(a) for _ in range(2)])
a.__dict__["m"] = lambda: "via __dict__"
print(call_m(a))
a.__dict__.clear()
print(call_m(a))
try:
    read_x(a)
except AttributeError as e:
    print("AttributeError:", e)

# different attribute orders in instances of one class (the entry hint)
class P:
    pass

def mk(order):
    p = P()
    for k in order:
        setattr(p, k, k.upper())
    return p

def read_ab(p):
    return p.a + p.b

ps = [mk("ab"), mk("ba"), mk("cab"), mk("bca")]
print([read_ab(p) for p in ps * 2])
q = mk("ab")
del q.a
q.a = "Z"
print(read_ab(q), list(q.__dict__))

# === data descriptors on the class shadow the instance dict ===
class D:
    def __init__(self):
        self.v = 1

def read_v(o):
    return o.v

def write_v(o, val):
    o.v = val

d = D()
print([read_v(d) for _ in range(3)])
D.v = property(lambda self: "prop", lambda self, val: print("setter", val))
print(read_v(d), d.__dict__)
write_v(d, 5)
print(d.__dict__)
del D.v
print(read_v(d))
write_v(d, 7)
print(read_v(d))

class DataDesc:
    def __get__(self, obj, tp=None):
        return "DataDesc.get"
    def __set__(self, obj, val):
        print("DataDesc.set", val)

class NonDataDesc:
    def __get__(self, obj, tp=None):
        return "NonDataDesc.get"

d2 = D()
D.v = NonDataDesc()
print(read_v(d2))
del d2.v
print(read_v(d2))
D.v = DataDesc()
d2.__dict__["v"] = "shadowed?"
print(read_v(d2))
write_v(d2, 9)
# the descriptor's class gains __set__ after the fact
class Late:
    def __get__(self, obj, tp=None):
        return "Late.get"
D.v = Late()
d3 = D()
print(read_v(d3))
Late.__set__ = lambda self, obj, val: print("Late.set", val)
print(read_v(d3))
write_v(d3, 3)
print(d3.__dict__)
del D.v

# === __class__ assignment ===
class B1:
    def __init__(self):
        self.x = "b1"
    def m(self):
        return "B1.m"

class B2:
    def m(self):
        return "B2.m"
    @property
    def x(self):
        return "B2.x property"

b = B1()
print(call_m(b), read_x(b), call_m(b), read_x(b))
b.__class__ = B2
print(call_m(b), read_x(b), call_m(b), read_x(b))
b.__class__ = B1
print(call_m(b), read_x(b))

# === __dict__ replacement ===
c = A(10)
print(read_x(c), read_x(c))
c.__dict__ = {"x": 20}
print(read_x(c), read_x(c))
c.__dict__ = {"y": 1, "x": 30}
print(read_x(c), c.get())
c.__dict__ = {}
try:
    read_x(c)
except AttributeError as e:
    print("AttributeError:", e)

# === __getattribute__ / __getattr__ added later ===
class G:
    def __init__(self):
        self.x = "real"
    def m(self):
        return "G.m"

g = G()
print(read_x(g), call_m(g), read_x(g))
G.__getattribute__ = lambda self, name: "ga:" + name
print(read_x(g), call_m(g) if False else g.m)
del G.__getattribute__
print(read_x(g), call_m(g))
G.__getattr__ = lambda self, name: "fallback:" + name
def read_missing(o):
    return o.missing
print(read_missing(g), read_missing(g))
del G.__getattr__
try:
    read_missing(g)
except AttributeError as e:
    print("AttributeError:", e)

# __setattr__ added later
def write_x(o, v):
    o.x = v
for i in range(3):
    write_x(g, i)
print(g.x)
G.__setattr__ = lambda self, k, v: print("setattr", k, v)
write_x(g, 100)
print(g.x)
del G.__setattr__
write_x(g, 101)
print(g.x)

# === base class changes propagate to subclasses ===
class Base:
    def m(self):
        return "Base.m"
class Mid(Base):
    pass
class Leaf(Mid):
    def __init__(self):
        self.x = 1

leaf = Leaf()
print([call_m(leaf) for _ in range(3)])
Mid.m = lambda self: "Mid.m"
print(call_m(leaf))
Base.m = lambda self: "Base.m2"
print(call_m(leaf))
del Mid.m
print(call_m(leaf))
Base.x = property(lambda self: "Base.x property")
print(read_x(leaf))
del Base.x
print(read_x(leaf))

# === __slots__ ===
class S:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
    def m(self):
        return "S.m"

s = S(5)
print([read_x(s) for _ in range(3)], call_m(s))
del s.x
try:
    read_x(s)
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError:", e)

class SD(S):
    pass
sd = SD(6)
sd.z = 7
print(read_x(sd), sd.z, sd.__dict__)

# === metaclasses and class-level access through the same sites ===
class Meta(type):
    x = "Meta.x"
    def m(cls):
        return "Meta.m"

class WithMeta(metaclass=Meta):
    pass

print(read_x(WithMeta), call_m(WithMeta))
WithMeta.x = "own x"
print(read_x(WithMeta), read_x(A(3)), read_x(WithMeta))

# === constructor caches ===
class C:
    def __init__(self, a, b=2):
        self.a = a
        self.b = b

def make(cls, *args, **kw):
    return cls(*args, **kw)

print([vars(make(C, i)) for i in range(3)])
print(vars(make(C, 1, b=5)))
try:
    make(C)
except TypeError as e:
    print("TypeError:", e)
C.__init__ = lambda self, *a: setattr(self, "args", a)
print(vars(make(C, 1, 2, 3)))
del C.__init__
try:
    make(C, 1)
except TypeError as e:
    print("TypeError:", e)
print(type(make(C)).__name__)

def new(cls, *args):
    o = object.__new__(cls)
    o.made_by_new = args
    return o
C.__new__ = new
print(vars(make(C, 1)))
C.__init__ = lambda self, *a: setattr(self, "init", a)
print(sorted(vars(make(C, 1, 2)).items()))

class Returns:
    def __init__(self):
        return 5
for _ in range(2):
    try:
        Returns()
    except TypeError as e:
        print("TypeError:", e)

class GenInit:
    def __init__(self):
        yield 1
try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)

# __init__ inherited, then overridden in a base after instances were made
class I0:
    def __init__(self):
        self.tag = "I0"
class I1(I0):
    pass
print([make(I1).tag for _ in range(3)])
I0.__init__ = lambda self: setattr(self, "tag", "I0 patched")
print(make(I1).tag)
I1.__init__ = lambda self: setattr(self, "tag", "I1 own")
print(make(I1).tag)

# a metaclass __call__ added later takes over
class M2(type):
    pass
class K(metaclass=M2):
    def __init__(self, v):
        self.v = v
print([make(K, i).v for i in range(3)])
M2.__call__ = lambda cls, *a: ("M2.__call__", a)
print(make(K, 9))
del M2.__call__
print(make(K, 10).v)

# abstract classes
import abc
class Abstract(abc.ABC):
    def __init__(self, v):
        self.v = v
    @abc.abstractmethod
    def f(self):
        pass
class Concrete(Abstract):
    def f(self):
        return self.v
print([make(Concrete, i).f() for i in range(3)])
for _ in range(2):
    try:
        make(Abstract, 1)
    except TypeError as e:
        print("TypeError:", e)

# object() and classes without __init__ refuse arguments
class Empty:
    pass
print(type(make(Empty)).__name__, type(make(Empty)).__name__)
for args in [(1,), ()]:
    try:
        make(Empty, *args)
        print("ok", args)
    except TypeError as e:
        print("TypeError:", e)
try:
    make(Empty, x=1)
except TypeError as e:
    print("TypeError:", e)

# builtin bases keep their own constructors
class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = True
print([make(MyList, [1, 2]) for _ in range(2)], make(MyList, "ab").extra)
class MyExc(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.msg2 = msg
e = make(MyExc, "boom")
print(repr(e), e.msg2)

# many attributes: the pre-sized instance dict grows as needed
class Many:
    def __init__(self):
        for i in range(40):
            setattr(self, "a%d" % i, i)
        self.last = "last"
m1 = Many()
m2 = Many()
print(len(vars(m2)), m2.last, m2.a39)

# === __slots__ members through the caches ===
class SL:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a = a
        self.b = b

def read_a(o):
    return o.a

def write_a(o, v):
    o.a = v

sl = SL(1, 2)
print([read_a(sl) for _ in range(3)])
for i in range(3):
    write_a(sl, i * 10)
print(read_a(sl), sl.b)
del sl.a
for _ in range(2):
    try:
        read_a(sl)
    except AttributeError as e:
        print("AttributeError:", e)
write_a(sl, "back")
print(read_a(sl))

class SL2(SL):
    __slots__ = ("c",)
    def __init__(self):
        super().__init__("A2", "B2")
        self.c = "C2"
s2 = SL2()
print(read_a(s2), read_a(sl), s2.c)

class SLOther:
    __slots__ = ("b", "a")
o1 = SLOther()
for _ in range(2):
    try:
        read_a(o1)
    except AttributeError as e:
        print("AttributeError:", e)
write_a(o1, "other")
print(read_a(o1), read_a(sl))

# a property in a subclass replaces the slot
class SLProp(SL):
    @property
    def a(self):
        return "prop a"
    @a.setter
    def a(self, v):
        print("prop set", v)
sp = SLProp(5, 6)
print(read_a(sp))
write_a(sp, 7)
print(read_a(sl))

# the slot descriptor replaced on the class
saved = SL.a
SL.a = "class value"
print(read_a(sl))
try:
    write_a(sl, 1)
except AttributeError as e:
    print("AttributeError:", e)
SL.a = saved
print(read_a(sl))
write_a(sl, "again")
print(read_a(sl))

# __setattr__ in a subclass
class SLSet(SL):
    __slots__ = ()
    def __setattr__(self, k, v):
        print("SLSet.__setattr__", k, v)
        object.__setattr__(self, k, v)
ss = SLSet(1, 2)
write_a(ss, 3)
print(read_a(ss))

# === super() ===
class Root:
    def who(self):
        return "Root"
    @classmethod
    def cm(cls):
        return "Root.cm " + cls.__name__
    value = "Root.value"
class Kid(Root):
    def who(self):
        return "Kid>" + super().who()
    @classmethod
    def cm(cls):
        return "Kid>" + super().cm()
    def value_of(self):
        return super().value
print([Kid().who() for _ in range(2)], Kid.cm(), Kid().cm(), Kid().value_of())
Root.who = lambda self: "Root patched"
print(Kid().who())
print(super(Kid, Kid()).__class__, super(Kid, Kid).who(Kid()))
try:
    super(Kid, Kid()).missing
except AttributeError as e:
    print("AttributeError:", e)
print(repr(super(Kid, Kid()))[:26])
class SubSuper(super):
    pass
print(SubSuper(Kid, Kid()).who())

# === plain class values read through instances ===
class CV:
    K = 3
    T = (1, 2)
    N = None
    def __init__(self):
        self.v = 1

def read_k(o):
    return o.K

cv = CV()
print([read_k(cv) for _ in range(3)], cv.T, cv.N)
cv.K = "instance K"
print(read_k(cv), read_k(CV()))
del cv.K
print(read_k(cv))
CV.K = 4
print(read_k(cv))
class GetOnly:
    def __get__(self, obj, tp=None):
        return "computed"
CV.K = GetOnly()
print(read_k(cv))
CV.K = len
print(read_k(cv))
CV.K = staticmethod(lambda: "static")
print(read_k(cv)())
CV.K = classmethod(lambda cls: cls.__name__)
print(read_k(cv)())
CV.K = float
print(read_k(cv))
class IntSub(int):
    pass
CV.K = IntSub(7)
print(read_k(cv), type(read_k(cv)).__name__)
del CV.K
try:
    read_k(cv)
except AttributeError as e:
    print("AttributeError:", e)

# === constructors with their own __new__ ===
class NewSetsInit:
    def __new__(cls, *a):
        if a and a[0] == "patch":
            cls.__init__ = lambda self, *a: setattr(self, "how", "patched init")
        return super().__new__(cls)
    def __init__(self, *a):
        self.how = "original init"
print([make(NewSetsInit).how for _ in range(2)], make(NewSetsInit, "patch").how, make(NewSetsInit).how)

class Parent:
    def __new__(cls, sub=False):
        return super().__new__(Child if sub else cls)
    def __init__(self, sub=False):
        self.who = "Parent.__init__"
class Child(Parent):
    def __init__(self, sub=False):
        self.who = "Child.__init__"
print([make(Parent).who for _ in range(2)], make(Parent, True).who, type(make(Parent, True)).__name__)

class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print([make(NotMine) for _ in range(2)])

from collections import namedtuple
Pt = namedtuple("Pt", "x y")
print([make(Pt, i, i + 1) for i in range(3)], make(Pt, x=1, y=2))
class Pt3(Pt):
    def __init__(self, *a, **k):
        self.extra = "extra"
print(make(Pt3, 1, 2), make(Pt3, 3, 4).extra)

class MyInt(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print([make(MyInt, i) for i in range(3)])
MyInt.__new__ = lambda cls, v: int.__new__(cls, v * 3)
print(make(MyInt, 2))

class Err(Exception):
    def __init__(self, a, b):
        super().__init__(a + b)
print([repr(make(Err, 1, 2)) for _ in range(2)])
Err.__init__ = lambda self, a, b: Exception.__init__(self, a * b)
print(repr(make(Err, 3, 4)))

# === caches do not keep class attributes alive ===
class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("__del__", self.tag)
class Holder:
    pass
Holder.x = Noisy("x")
h = Holder()
print(h.x.tag, hasattr(h, "x"), getattr(Holder, "x").tag)
del Holder.x
print("after del Holder.x")
Holder.y = Noisy("y")
print(hasattr(Holder(), "y"), hasattr(Holder(), "__len__"))
Holder.y = None
print("after rebinding Holder.y")

class Holder2:
    items = [Noisy("in list")]
    def m(self, d=Noisy("default")):
        return 1
h2 = Holder2()
for _ in range(3):
    h2.items
    h2.m()
del Holder2.items
print("after del Holder2.items")
del Holder2.m
print("after del Holder2.m")

# === __getattr__ with cached lookups ===
class GA:
    __slots__ = ("s", "__dict__")
    def __init__(self):
        self.v = "v"
    def m(self):
        return "GA.m"
    @property
    def p(self):
        raise AttributeError("p failed")
    K = "class K"
    def __getattr__(self, name):
        return "__getattr__(" + name + ")"

def read_v(o):
    return o.v
def read_s(o):
    return o.s
def read_p(o):
    return o.p
def read_k(o):
    return o.K

ga = GA()
for _ in range(3):
    print(read_v(ga), call_m(ga), read_s(ga), read_p(ga), read_k(ga), read_missing(ga))
ga.s = "slot"
del ga.v
print(read_v(ga), read_s(ga))
ga.m = lambda: "instance m"
print(call_m(ga))
del GA.__getattr__
try:
    read_p(ga)
except AttributeError as e:
    print("AttributeError:", e)
