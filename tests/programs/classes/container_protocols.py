class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
    def __iter__(self):
        return iter(self.items)
b = Bag(1, 2, 3)
print(len(b), 2 in b, 5 not in b, list(b), bool(b), bool(Bag()), sum(b), sorted(b, reverse=True))
# === __bool__ preferred over __len__ ===
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Both()), len(Both()))
# === __len__ errors ===
class NegLen:
    def __len__(self):
        return -1
class FloatLen:
    def __len__(self):
        return 1.5
class HugeLen:
    def __len__(self):
        return 2 ** 70
for cls in (NegLen, FloatLen, HugeLen):
    try:
        len(cls())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(e)
# === __contains__ fallback to __iter__ then __getitem__ ===
class OnlyIter:
    def __iter__(self):
        yield from (10, 20)
class OnlyGetitem:
    def __getitem__(self, i):
        if i < 3:
            return i * 100
        raise IndexError(i)
print(20 in OnlyIter(), 30 in OnlyIter(), 200 in OnlyGetitem(), 300 in OnlyGetitem(), list(OnlyGetitem()))
try:
    1 in 5
except TypeError as e:
    print(e)
# === __reversed__ and reversed() of sequences ===
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError
        return "abc"[i]
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Seq())), list(reversed(Rev())), list(Seq()))
