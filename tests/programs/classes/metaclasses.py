class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kwargs)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("Meta.__prepare__", name)
        return {"prepared": True}
class Widget(metaclass=Meta, flavour="x"):
    size = 3
    def __init__(self, v):
        self.v = v
w = Widget(5)
print(w.v, Widget.created_by, Widget.prepared, type(Widget).__name__, isinstance(Widget, Meta))
class Sub(Widget):
    pass
print(Sub.created_by, type(Sub).__name__)
# === type() with three arguments ===
Dyn = type("Dyn", (object,), {"x": 1, "hello": lambda self: f"hello {self.x}"})
print(Dyn().hello(), Dyn.__name__, Dyn.__bases__, type(Dyn))
# === metaclass controlling attributes ===
class Upper(type):
    def __new__(mcls, name, bases, ns):
        ns = {(k.upper() if not k.startswith("__") else k): v for k, v in ns.items()}
        return super().__new__(mcls, name, bases, ns)
class Cfg(metaclass=Upper):
    debug = True
    level = 3
print(Cfg.DEBUG, Cfg.LEVEL, hasattr(Cfg, "debug"))
# === metaclass conflict ===
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class Both(A1, A2):
        pass
except TypeError as e:
    print(e)
# === class-level __repr__ via metaclass ===
class ReprMeta(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via ReprMeta>"
class R(metaclass=ReprMeta):
    pass
print(R, repr(R), [R])
# === registry metaclass ===
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            Registry.classes.append(name)
class PluginBase(metaclass=Registry): pass
class P1(PluginBase): pass
class P2(PluginBase): pass
print(Registry.classes)
