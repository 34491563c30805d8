class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V" + repr(self.c)
    def __add__(self, o):
        return V(*(a + b for a, b in zip(self.c, o.c))) if isinstance(o, V) else NotImplemented
    def __sub__(self, o):
        return V(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        return V(*(a * k for a in self.c)) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return V(*(a / k for a in self.c))
    def __floordiv__(self, k):
        return V(*(a // k for a in self.c))
    def __mod__(self, k):
        return V(*(a % k for a in self.c))
    def __pow__(self, k, mod=None):
        return V(*(pow(a, k, mod) for a in self.c))
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __neg__(self):
        return V(*(-a for a in self.c))
    def __pos__(self):
        return self
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __invert__(self):
        return V(*reversed(self.c))
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, n):
        return V(*(self.c[n:] + self.c[:n]))
    def __rshift__(self, n):
        return V(*(self.c[-n:] + self.c[:-n]))
    def __divmod__(self, k):
        return (self // k, self % k)
a, b = V(1, 2, 3), V(4, 5, 6)
print(a + b, a - b, a * 2, 3 * a, a / 2, b // 4, b % 4, a ** 2, pow(a, 2, 3), a @ b, -a, +a, abs(V(3, 4)), ~a)
print(a & b, a | b, a ^ b, a << 1, a >> 1, divmod(b, 4))
# === NotImplemented leads to TypeError ===
try:
    a + 1
except TypeError as e:
    print(e)
try:
    a * "s"
except TypeError as e:
    print(e)
try:
    1 - a
except TypeError as e:
    print(e)
try:
    a < b
except TypeError as e:
    print(e)
try:
    ~object()
except TypeError as e:
    print(e)
try:
    -"s"
except TypeError as e:
    print(e)
try:
    [] @ []
except TypeError as e:
    print(e)
