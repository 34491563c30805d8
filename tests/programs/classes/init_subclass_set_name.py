class Base:
    subclasses = []
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Base.subclasses.append((cls.__name__, tag))
class A(Base, tag="a"):
    pass
class B(A):
    pass
class C(Base, tag="c"):
    pass
print(Base.subclasses, A.tag, B.tag, C.tag)
try:
    class D(Base, unknown=1):
        pass
except TypeError as e:
    print(e)
# === __set_name__ ===
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Model:
    first = Field()
    second = Field()
m = Model()
m.first = 10
print(m.first, m.second, Model.first.name, sorted(vars(m)))
# === __set_name__ not called on later assignment ===
f = Field()
Model.third = f
print(hasattr(f, "name"))
# === __class_getitem__ ===
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"
print(Box[int], Box[str])
