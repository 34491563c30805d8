class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"), Date.is_leap(2000), Date(1, 1, 1).is_leap(1900))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
print(Date.__dict__["is_leap"].__func__(2024), Date.from_string.__self__ is Date)
# === staticmethod and classmethod objects are callable in 3.10+ ===
sm = staticmethod(lambda: "static called")
print(sm())
# === classmethod used for alternative constructors and counters ===
class Counter:
    count = 0
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()
class SubCounter(Counter):
    pass
Counter.make(); Counter.make(); SubCounter.make()
print(Counter.count, SubCounter.count)
# === calling via instance ===
c = Counter()
print(c.make().__class__.__name__, Counter.count)
