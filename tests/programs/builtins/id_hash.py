# Identity and hash behaviour without printing addresses.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c, isinstance(id(a), int))
x = object()
print(id(x) == id(x), hash(x) == hash(x), type(hash(x)).__name__)
print(None is None, type(None)() is None, ... is Ellipsis, NotImplemented is NotImplemented)
# === hash of builtin values (deterministic under PYTHONHASHSEED=0) ===
for v in (0, 1, -1, -2, 10 ** 20, 1.5, -0.0, float("inf"), True, None is None, (), (1, 2), "", "hello", b"hello", frozenset({1, 2}), 3 + 4j, 2 ** 61 - 1, 2 ** 61):
    print(repr(v), hash(v))
print(hash("hello") == hash("hel" + "lo"), hash(1) == hash(1.0) == hash(True))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print(e)
print(hash(None) == hash(None), type(hash(print)).__name__)
