# === int identity of small values and equality ===
a = 256
b = 256
print(a == b, 10 ** 20 == 10 ** 20)
# === sum, min, max over mixed ints ===
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sum(nums), min(nums), max(nums), sorted(nums), sum(nums, 100))
# === numeric tower checks ===
print(isinstance(True, int), issubclass(bool, int), isinstance(3, float), (3).__class__.__name__)
# === int subclass ===
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
m = MyInt(7)
print(m, repr(m), m + 1, type(m + 1).__name__, m * 2, isinstance(m, int), str(m))
class Cents(int):
    def __add__(self, other):
        return Cents(int(self) + int(other))
    def __str__(self):
        return f"{int(self) / 100:.2f}$"
print(Cents(150) + Cents(275), Cents(5) + 1, 1 + Cents(5))
# === integer methods ===
print((10).__add__(5), (10).__radd__(5), (10).__sub__(3), (10).__rsub__(3), (10).__floordiv__(3))
print((10).__add__(1.5), (3).__eq__("x"), (3).__lt__(4))
# === gcd via Euclid and lcm ===
def gcd(x, y):
    while y:
        x, y = y, x % y
    return x
print(gcd(48, 180), gcd(2 ** 40, 6 ** 20), 48 * 180 // gcd(48, 180))
# === collatz lengths ===
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(i) for i in range(1, 30)])
print(max(range(1, 3000), key=collatz))
# === primes by sieve ===
N = 200
sieve = [True] * (N + 1)
sieve[0] = sieve[1] = False
for i in range(2, int(N ** 0.5) + 1):
    if sieve[i]:
        for j in range(i * i, N + 1, i):
            sieve[j] = False
print([i for i, p in enumerate(sieve) if p])
