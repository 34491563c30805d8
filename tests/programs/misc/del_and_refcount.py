# Deterministic finalisation: __del__ runs when the last reference disappears.
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)
a = Res("a")
b = a
del a
print("a deleted, b still holds it")
del b
print("after b deleted")
def scoped():
    r = Res("scoped")
    return "returning"
print(scoped())
items = [Res("l1"), Res("l2")]
items.pop()
print("popped")
items.clear()
print("cleared")
d = {"k": Res("dict value")}
d["k"] = None
print("replaced")
x = Res("rebound")
x = Res("new")
print("rebound done")
def raise_with_local():
    r = Res("in failing frame")
    raise ValueError("fail")
try:
    raise_with_local()
except ValueError:
    print("handled")
print("after handler")
class Container:
    def __init__(self):
        self.child = Res("child")
c = Container()
del c
print("container gone")
print("end of program")
