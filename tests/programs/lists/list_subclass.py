class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"
s = Stack()
s.push(1).push(2).push(3)
print(s, s.peek(), len(s), s[0], s[1:], type(s[1:]).__name__, isinstance(s, list), s + [4], type(s + [4]).__name__)
class Logged(list):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)
    def append(self, v):
        print("append", v)
        super().append(v)
l = Logged([1, 2])
l[0] = 10
l.append(3)
l.extend([4])
print(l, list(l), l == [10, 2, 3, 4])
# === __getitem__ with slices on list subclass ===
class Wrap(list):
    def __getitem__(self, i):
        r = super().__getitem__(i)
        return Wrap(r) if isinstance(i, slice) else r
w = Wrap(range(6))
print(w[1:4], type(w[1:4]).__name__, w[2])
# === sorted() returns plain list ===
print(type(sorted(Stack([3, 1]))).__name__, sorted(Stack([3, 1])))
