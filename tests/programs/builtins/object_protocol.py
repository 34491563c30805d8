# The object base type's default methods.
o = object()
print(o.__eq__(o), o.__eq__(object()), o.__ne__(o), o.__lt__(o), o.__hash__() == hash(o), o.__str__() == o.__repr__())
print(object.__init_subclass__() is None, type(object.__subclasshook__()), object.__doc__[:20], object.__name__)
try:
    o.attr = 1
except AttributeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
print(sorted(n for n in dir(o) if n in ("__class__", "__eq__", "__hash__", "__init__", "__repr__", "__dict__")))
class C:
    pass
c = C()
print(type(c).__eq__ is object.__eq__, C.__hash__ is object.__hash__, c.__format__("") == repr(c), hasattr(c, "__dict__"))
print(object.__format__(c, "") == str(c))
try:
    object.__format__(c, "x")
except TypeError as e:
    print(e)
print(c.__class__ is C, C.__class__ is type, type.__class__ is type, object.__class__ is type)
print(isinstance(object, object), issubclass(type, object), type.__mro__, object.__mro__)
print(c.__sizeof__() > 0, type(c.__reduce_ex__(2)).__name__)
print(int.__eq__(1, 1.0), int.__add__(1, 1.5), float.__add__(1.5, 1), str.__add__("a", "b"), list.__len__([1, 2]))
print(int.__lt__(1, "a"), (1).__radd__(2), (5).__rtruediv__(10), "a".__mul__(3), "a".__rmul__(2))
