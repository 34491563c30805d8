import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, repr(Color.GREEN), Color(2), Color['RED'], list(Color), Color.RED.name, Color.RED.value)
class F(enum.IntFlag):
    A = 1
    B = 2
print(F.A | F.B, int(F.B))
class N(enum.IntEnum):
    X = 5
print(N.X + 1, N.X == 5)
