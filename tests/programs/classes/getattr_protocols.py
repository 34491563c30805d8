class Dynamic:
    existing = "class attr"
    def __getattr__(self, name):
        if name.startswith("magic_"):
            return name[6:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dynamic()
print(d.existing, d.magic_word, getattr(d, "magic_x"), hasattr(d, "other"), getattr(d, "other", "dflt"))
try:
    d.other
except AttributeError as e:
    print(e)
# === __getattribute__ intercepts everything ===
class Logged:
    def __init__(self):
        self.value = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)
    def method(self):
        return self.value
l = Logged()
print(l.value, l.method())
# === __getattribute__ raising AttributeError falls back to __getattr__ ===
class Both:
    def __getattribute__(self, name):
        if name == "hidden":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback {name}"
print(Both().hidden)
# === __setattr__ and __delattr__ ===
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
f = Frozen(3)
print(f.x)
for action in (lambda: setattr(f, "x", 4), lambda: delattr(f, "x")):
    try:
        action()
    except AttributeError as e:
        print(e)
class Recorder:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
r = Recorder()
r.a = 1
r.b = [r.a]
print(vars(r))
# === __dir__ ===
class Dirs:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Dirs()))
# === attribute errors mention the type ===
for obj, attr in ((1, "foo"), ("s", "bar"), ([], "baz"), (None, "x"), (Dynamic, "y")):
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print(e)
try:
    getattr(d, 5)
except TypeError as e:
    print(e)
