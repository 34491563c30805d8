x = "module"
class A:
    x = "class"
    y = x  # class-level lookup
    def method(self):
        return x  # skips class scope
    z = [x for _ in range(1)]  # comprehension skips class scope too
print(A.y, A().method(), A.z)
def factory():
    x = "function"
    class B:
        print("in class body:", x)
        x = "class B"
        w = x
        def m(self):
            return x
    return B
B = factory()
print(B.w, B().m())
def factory2():
    y = "enclosing"
    class C:
        got = y
        def m(self):
            return y
    return C
print(factory2().got, factory2()().m())
# === class body executes once, in order ===
order = []
class D:
    order.append("start")
    def f(self):
        pass
    order.append("after f")
    attr = len(order)
print(order, D.attr, sorted(k for k in vars(D) if not k.startswith("__")))
# === __qualname__ and nesting ===
class Outer:
    class Inner:
        def meth(self):
            def local():
                pass
            return local
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer.Inner().meth().__qualname__)
print(Outer.__module__, Outer.__name__)
