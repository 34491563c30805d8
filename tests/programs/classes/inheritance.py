class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
class Cat(Animal):
    sound = "meow"
    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives
for a in (Animal("generic"), Dog("rex"), Puppy("bit"), Cat("tom")):
    print(a.speak(), a.kind(), isinstance(a, Dog), isinstance(a, Animal))
print(Cat("x").lives, issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, (Cat, Animal)))
print(Puppy.__mro__, Puppy.__base__, Animal.__subclasses__())
# === overriding and calling base explicitly ===
class Base:
    def greet(self):
        return "base"
class Derived(Base):
    def greet(self):
        return "derived+" + Base.greet(self)
print(Derived().greet())
# === inheriting from builtins ===
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("ann")
print(n.shout(), n + "x", type(n + "x").__name__, len(n), n == "ann")
# === isinstance with tuples and abstract-free hierarchy ===
print(isinstance(3, (str, int)), isinstance("s", (int, float)), issubclass(bool, (int,)), isinstance(None, type(None)))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
# === cannot inherit from some types ===
for base in (bool, type(None)):
    try:
        class X(base):
            pass
    except TypeError as e:
        print(e)
