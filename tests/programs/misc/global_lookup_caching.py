# Global and builtin lookups stay right while globals are rebound, deleted,
# shadowed and restored, at module level and inside functions.
import builtins

def read_x():
    return x

x = 1
print(read_x())
x = 2
print(read_x())
for i in range(3):
    x = i * 10
    print(read_x(), x)
del x
try:
    read_x()
except NameError as e:
    print("NameError:", e)
x = "back"
print(read_x())

def use_len(s):
    return len(s)

print(use_len("abc"))
len = lambda s: -1
print(use_len("abc"))
del len
print(use_len("abcd"))
builtins.len, saved = (lambda s: 99), builtins.len
print(use_len("ab"), len("ab"))
builtins.len = saved
print(use_len("ab"), len("ab"))

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def show():
    return obj.name

obj = Noisy("first")
print(show())
obj = Noisy("second")
print("rebound")
print(show())
del obj
print("deleted")

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen closed")

g = gen()
print(next(g))
g = None
print("after")

names = {}
for k in "abcdefghijklmnop":
    globals()[k + "_v"] = ord(k)
def total():
    return a_v + p_v + h_v
print(total())
for k in "abcdefghij":
    del globals()[k + "_v"]
try:
    total()
except NameError as e:
    print("NameError:", e)
a_v = 0
h_v = 1
print(total())
