class Point:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x, y):
        print("__init__", x, y)
        self.x, self.y = x, y
p = Point(1, 2)
print(p.x, p.y)
# === __new__ returning another type skips __init__ ===
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
# === __init__ must return None ===
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)
# === immutable subclass customised in __new__ ===
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
print(Upper("abc"), type(Upper("x")).__name__, Upper("q") == "Q")
class Even(int):
    def __new__(cls, v):
        return super().__new__(cls, v - v % 2)
print(Even(7), Even(8) + 1)
# === object.__new__ argument checks ===
class NoInit:
    pass
try:
    NoInit(1, 2)
except TypeError as e:
    print(e)
class InitOnly:
    def __init__(self, a):
        self.a = a
try:
    object.__new__(InitOnly, 1).__init__()
except TypeError as e:
    print(e)
# === __del__ runs when the last reference goes ===
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
t = Tracked("one")
t = None
def scope():
    local = Tracked("local")
    print("leaving scope")
scope()
print("after scope")
# === __class__ assignment ===
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
obj = A()
obj.__class__ = B
print(obj.who(), type(obj).__name__)
