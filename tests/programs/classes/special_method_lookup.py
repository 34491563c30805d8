# Special methods are looked up on the type, not the instance.
class Box:
    def __len__(self):
        return 1
b = Box()
b.__len__ = lambda: 99
print(len(b), b.__len__())
class Plain:
    pass
p = Plain()
p.__repr__ = lambda: "instance repr"
print(repr(p).startswith("<__main__.Plain object"), p.__repr__())
p.__add__ = lambda other: "added"
try:
    p + 1
except TypeError as e:
    print(e)
# === assigning a special method on the class takes effect immediately ===
Plain.__add__ = lambda self, other: f"class add {other}"
Plain.__len__ = lambda self: 7
Plain.__bool__ = lambda self: False
print(p + 1, len(p), bool(p))
del Plain.__bool__
print(bool(p))
# === __getattr__ is not consulted for special methods ===
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
px = Proxy([1, 2, 3])
print(px.count(2), px.index(3))
try:
    len(px)
except TypeError as e:
    print(e)
try:
    px[0]
except TypeError as e:
    print(e)
# === special method set to None disables the protocol ===
class NoHash:
    __hash__ = None
class NoIter:
    __iter__ = None
class NoContains:
    __contains__ = None
    def __iter__(self):
        return iter([1])
for make, op in ((NoHash, hash), (NoIter, iter), (NoContains, lambda o: 1 in o)):
    try:
        op(make())
    except TypeError as e:
        print(e)
# === dunder methods found through the MRO ===
class Base:
    def __str__(self):
        return "Base.__str__"
class Child(Base):
    pass
print(str(Child()), f"{Child()}")
