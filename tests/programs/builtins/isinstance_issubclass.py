class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (C, A)), isinstance(B(), ()), isinstance(1, (str, (int, float))))
print(issubclass(B, A), issubclass(A, B), issubclass(B, B), issubclass(B, object), issubclass(int, (str, object)))
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), isinstance(object, type), issubclass(type, object))
print(isinstance(None, object), isinstance(print, object), isinstance(A, type), isinstance(len, type))
# === int | str union types (PEP 604) ===
print(isinstance(1, int | str), isinstance("s", int | str), isinstance(1.5, int | str), issubclass(bool, int | None), int | str, type(int | str).__name__)
print(isinstance(None, int | None), (int | str) == (str | int))
# === __instancecheck__ / __subclasscheck__ via metaclass ===
class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Meta):
    pass
class Robot:
    quack = True
print(isinstance(Robot(), Duck), isinstance(5, Duck), issubclass(Robot, Duck), issubclass(int, Duck))
# === errors ===
for call in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, (int, 1))):
    try:
        print(call())
    except TypeError as e:
        print(e)
# === type() comparisons ===
print(type(True) is bool, type(1) == int, type(B()) is A, type(B()).__mro__[1] is A, type(type(1)))
