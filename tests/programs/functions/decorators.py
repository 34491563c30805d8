def trace(func):
    def wrapper(*args, **kwargs):
        print(f"call {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} -> {result!r}")
        return result
    wrapper.__name__ = func.__name__
    wrapper.__wrapped__ = func
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
print(add.__name__, add.__wrapped__(1, 1))
# === decorators with arguments ===
def repeat(times):
    def deco(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def greet(name):
    return f"hi {name}"
print(greet("bob"))
# === stacking order ===
def tag(label):
    def deco(func):
        print("decorating", func.__name__, "with", label)
        def wrapper():
            return f"<{label}>{func()}</{label}>"
        wrapper.__name__ = func.__name__
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "hello"
print(text())
# === class decorators ===
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(registry, Plugin.registered)
# === decorator that is a class ===
class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)
@CountCalls
def double(x):
    return 2 * x
print(double(4), double(5), double.calls)
# === arbitrary expressions as decorators (PEP 614) ===
decos = [trace]
@decos[0]
def mul(a, b):
    return a * b
mul(3, 4)
@(lambda f: lambda: f() + "!")
def shout():
    return "hey"
print(shout())
# === memoize decorator ===
def memoize(f):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    inner.cache = cache
    return inner
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
