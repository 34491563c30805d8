def f(a, b, /, c, d=4, *args, e, f=6, **kwargs):
    return a, b, c, d, args, e, f, kwargs
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5))
print(f(1, 2, 3, 40, 50, 60, e=5, f=7, g=8, h=9))
print(f(*[1, 2, 3], **{"e": 5, "x": 0}))
# === defaults are evaluated once ===
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []))
def safe_append(x, acc=None):
    acc = [] if acc is None else acc
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))
# === keyword-only and positional-only ===
def kwonly(*, key, other="o"):
    return key, other
def posonly(a, b=2, /):
    return a, b
print(kwonly(key=1), posonly(1), posonly(1, 3))
# === star-args unpacking in calls ===
def g(*args, **kwargs):
    return args, kwargs
print(g(*range(3), *"ab", x=1, **{"y": 2}, **dict(z=3)))
print(g(), g(*[], **{}))
# === introspection ===
print(f.__name__, f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_varnames)
def annotated(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    pass
print(annotated.__annotations__)
# === recursion with default accumulators ===
def flatten(seq, out=None):
    out = [] if out is None else out
    for s in seq:
        if isinstance(s, (list, tuple)):
            flatten(s, out)
        else:
            out.append(s)
    return out
print(flatten([1, (2, [3, 4]), [[5]]]))
# === function attributes ===
def tagged():
    return tagged.calls
tagged.calls = 5
print(tagged(), tagged.__dict__, tagged.__doc__, callable(tagged))
def documented():
    """Docstring here."""
print(documented.__doc__, documented.__module__, documented.__qualname__)
