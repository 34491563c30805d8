class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner):
        if obj is None:
            return f"<Typed {self.name}>"
        return obj.__dict__[self.name]
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print("deleting", self.name)
        del obj.__dict__[self.name]
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("ann", 30)
print(p.name, p.age, Person.name)
try:
    p.age = "old"
except TypeError as e:
    print(e)
del p.age
try:
    p.age
except KeyError as e:
    print("KeyError", e)
# === non-data descriptor is shadowed by instance dict ===
class NonData:
    def __get__(self, obj, owner):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance"
print(h.attr)
# === data descriptor wins over instance dict ===
class DataDesc:
    def __get__(self, obj, owner):
        return "data descriptor"
    def __set__(self, obj, value):
        print("ignored set", value)
class Holder2:
    attr = DataDesc()
h2 = Holder2()
h2.__dict__["attr"] = "instance"
h2.attr = 5
print(h2.attr)
# === functions are descriptors ===
def free(self):
    return f"bound to {type(self).__name__}"
class Host:
    pass
bound = free.__get__(Host(), Host)
print(bound(), free.__get__(None, Host) is free)
# === lazy property via non-data descriptor caching ===
class lazy:
    def __init__(self, func):
        self.func = func
    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value
class Circle:
    def __init__(self, r):
        self.r = r
    @lazy
    def area(self):
        print("computing area")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, "area" in vars(c))
