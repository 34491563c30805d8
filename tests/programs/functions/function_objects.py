def f(a, b=2, *args, c=3, **kw):
    "doc"
    return a, b, c
print(f.__defaults__, f.__kwdefaults__, f.__doc__, f.__name__, f.__qualname__, f.__module__)
f.__defaults__ = (20,)
f.__kwdefaults__ = {"c": 30}
print(f(1))
print(f.__globals__ is globals(), type(f.__code__).__name__, f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_flags & 0x04 != 0, f.__code__.co_flags & 0x08 != 0, f.__code__.co_nlocals, f.__code__.co_varnames)
f.__name__ = "renamed"
f.__qualname__ = "Outer.renamed"
print(f.__name__, f.__qualname__, repr(f).startswith("<function Outer.renamed at 0x"))
# === generator and coroutine flags ===
def gen():
    yield
async def coro():
    pass
print(gen.__code__.co_flags & 0x20 != 0, coro.__code__.co_flags & 0x80 != 0)
c = coro()
c.close()
# === builtin functions and methods ===
print(type(len).__name__, len.__name__, len.__qualname__, type([].append).__name__, [].append.__name__, type(str.upper).__name__)
print(repr(len), repr(abs), repr(str.join), type(object.__init__).__name__, type(dict.fromkeys).__name__)
# === keyword argument order is preserved ===
def kws(**kw):
    return list(kw)
print(kws(z=1, a=2, m=3), kws(**{"b": 1, "a": 2}, c=3))
# === functions compare by identity ===
def g():
    pass
h = g
print(g == h, g is h, g == (lambda: None), hash(g) == hash(h))
