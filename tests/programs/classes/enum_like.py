# An enum-like class built with a metaclass (no enum module).
class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and not callable(v)}
        cls = super().__new__(mcls, name, bases, {k: v for k, v in ns.items() if k not in members})
        cls._members = {}
        for key, value in members.items():
            inst = object.__new__(cls)
            inst.name, inst.value = key, value
            cls._members[key] = inst
            setattr(cls, key, inst)
        return cls
    def __iter__(cls):
        return iter(cls._members.values())
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, name):
        return cls._members[name]
    def __call__(cls, value):
        for m in cls._members.values():
            if m.value == value:
                return m
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")
class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"
    def __str__(self):
        return f"{type(self).__name__}.{self.name}"
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def is_warm(self):
        return self is Color.RED
print(list(Color), len(Color), Color.RED, repr(Color.GREEN), Color["BLUE"], Color(2), Color.RED.is_warm(), Color.BLUE.is_warm())
print(Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.BLUE, isinstance(Color.RED, Color), Color.RED.name, Color.RED.value)
try:
    Color(9)
except ValueError as e:
    print(e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError", e)
print({c: c.value * 10 for c in Color}[Color.GREEN], sorted(Color, key=lambda c: -c.value))
