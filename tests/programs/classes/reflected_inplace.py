class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Num({self.v})"
    def __add__(self, o):
        print("__add__", self, o)
        return Num(self.v + (o.v if isinstance(o, Num) else o)) if isinstance(o, (Num, int)) else NotImplemented
    def __radd__(self, o):
        print("__radd__", self, o)
        return Num(o + self.v) if isinstance(o, int) else NotImplemented
    def __iadd__(self, o):
        print("__iadd__", self, o)
        self.v += o.v if isinstance(o, Num) else o
        return self
    def __rsub__(self, o):
        return Num(o - self.v)
    def __rpow__(self, o):
        return Num(o ** self.v)
    def __rtruediv__(self, o):
        return Num(o / self.v)
    def __rmatmul__(self, o):
        return "rmatmul"
n = Num(5)
print(n + 1, 1 + n, 10 - n, 2 ** Num(3), 1 / Num(4), [1] @ n)
m = n
n += 2
print(n, m is n)
print(sum([Num(1), Num(2)], 0) if False else sum([Num(1), Num(2)], Num(0)))
# === subclass reflected method takes priority ===
class Sub(Num):
    def __radd__(self, o):
        print("Sub.__radd__")
        return Sub(o.v * 100 + self.v)
    def __repr__(self):
        return f"Sub({self.v})"
print(Num(1) + Sub(2))
# === in-place falls back to binary operator ===
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)
# === in-place on lists/tuples/strings ===
l = [1]
l2 = l
l += [2]
t = (1,)
t2 = t
t += (2,)
s = "a"
s += "b"
print(l, l2, l is l2, t, t2, t is t2, s)
# === __iadd__ returning NotImplemented falls back ===
class Weird:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "added"
w = Weird()
w += 1
print(w)
# === augmented assignment to attributes and subscripts evaluates target once ===
class Obj:
    def __init__(self):
        self.items = {"k": 1}
calls = []
def get():
    calls.append("get")
    return o
o = Obj()
get().items["k"] += 10
print(o.items, calls)
