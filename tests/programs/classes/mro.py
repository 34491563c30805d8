class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([c.__name__ for c in Z.__mro__])
print([c.__name__ for c in K1.mro()])
# === diamond ===
class Top:
    def who(self):
        return ["Top"]
class Left(Top):
    def who(self):
        return ["Left"] + super().who()
class Right(Top):
    def who(self):
        return ["Right"] + super().who()
class Bottom(Left, Right):
    def who(self):
        return ["Bottom"] + super().who()
print(Bottom().who(), [c.__name__ for c in Bottom.__mro__])
# === inconsistent MRO ===
class X: pass
class Y(X): pass
try:
    class Bad(X, Y):
        pass
except TypeError as e:
    print(e)
try:
    class Dup(X, X):
        pass
except TypeError as e:
    print(e)
# === attribute lookup follows MRO ===
class P1:
    attr = "P1"
class P2:
    attr = "P2"
    other = "P2 other"
class Child(P1, P2):
    pass
print(Child.attr, Child.other, Child().attr)
# === cooperative __init__ with kwargs ===
class Root:
    def __init__(self, **kw):
        print("Root", sorted(kw))
class Named(Root):
    def __init__(self, name, **kw):
        print("Named", name)
        super().__init__(**kw)
class Aged(Root):
    def __init__(self, age, **kw):
        print("Aged", age)
        super().__init__(**kw)
class Person(Named, Aged):
    def __init__(self, **kw):
        print("Person")
        super().__init__(**kw)
Person(name="ann", age=3, extra=1)
print([c.__name__ for c in Person.__mro__])
