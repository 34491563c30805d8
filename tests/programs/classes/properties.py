class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        """Temperature in Celsius."""
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit, Temperature.celsius.__doc__, type(Temperature.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(e)
del t.celsius
print(hasattr(t, "_c"))
try:
    del t.fahrenheit
except AttributeError as e:
    print(e)
# === property() called directly ===
class P:
    def _get(self):
        return "got"
    x = property(_get, None, None, "doc of x")
print(P().x, P.x.__doc__, P.x.fget.__name__, P.x.fset)
# === property inheritance and override ===
class Base:
    @property
    def value(self):
        return 1
class Child(Base):
    @Base.value.getter
    def value(self):
        return 2
print(Base().value, Child().value)
# === property raising AttributeError falls to __getattr__ ===
class Fallback:
    @property
    def prop(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return f"__getattr__({name})"
print(Fallback().prop)
