square = lambda x: x * x
add = lambda a, b=10: a + b
varargs = lambda *a, **k: (a, k)
print(square(7), add(1), add(1, 2), varargs(1, 2, x=3), (lambda: "no args")())
print(square.__name__, square.__qualname__, (lambda: 0).__name__)
# === lambdas as keys and in data structures ===
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
print({k: f(12, 4) for k, f in ops.items()})
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]))
# === immediately invoked and nested lambdas ===
print((lambda x: (lambda y: x + y))(3)(4), (lambda f, n: f(f, n))(lambda f, n: 1 if n == 0 else n * f(f, n - 1), 6))
compose = lambda *fs: lambda x: __import__("functools").reduce(lambda acc, f: f(acc), fs, x) if False else x
def compose2(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run
print(compose2(square, lambda v: v + 1, str)(5))
# === conditional expression inside lambda ===
sign = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-2, 0, 5)])
# === lambda default binding and closures ===
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
