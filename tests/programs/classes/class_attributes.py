class Config:
    """Configuration holder."""
    defaults = {"debug": False}
    count = 0
    def __init__(self):
        Config.count += 1
        self.opts = dict(self.defaults)
a, b = Config(), Config()
a.opts["debug"] = True
print(Config.count, a.opts, b.opts, Config.defaults)
# === mutable class attribute shared ===
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1); s2.add(2)
print(Shared.items, s1.items is s2.items)
# === __dict__ contents ===
class Simple:
    a = 1
    def m(self):
        pass
print(sorted(k for k in Simple.__dict__ if not k.startswith("__")), type(Simple.__dict__).__name__)
try:
    Simple.__dict__["a"] = 2
except TypeError as e:
    print(e)
print(Simple.__dict__["a"], Simple().__dict__, Simple.__doc__)
# === name mangling ===
class Secret:
    def __init__(self):
        self.__hidden = "mangled"
        self._single = "single"
    def reveal(self):
        return self.__hidden
sec = Secret()
print(sec.reveal(), sec._Secret__hidden, sec._single, sorted(vars(sec)))
try:
    sec.__hidden
except AttributeError as e:
    print(e)
class SubSecret(Secret):
    def peek(self):
        try:
            return self.__hidden
        except AttributeError as e:
            return f"AttributeError: {e}"
print(SubSecret().peek())
# === special class attributes ===
class Outer:
    class Nested:
        pass
print(Outer.Nested.__name__, Outer.Nested.__qualname__, Outer.__module__, Outer.__dict__["__module__"])
print(type(Outer.__weakref__).__name__ if hasattr(Outer, "__weakref__") else "no weakref", Outer.__bases__, object.__bases__)
print(int.__name__, int.__qualname__, int.__module__, type.__name__, type(type), type(object))
