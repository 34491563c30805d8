"""Module docstring for the constants test."""
print(__doc__, __debug__, type(...).__name__, type(None).__name__, type(NotImplemented).__name__)
print(repr(Ellipsis), repr(None), repr(NotImplemented), Ellipsis is ..., bool(None), bool(...))
print(None == None, None == 0, None is not False, NotImplemented == NotImplemented)
try:
    None.x = 1
except AttributeError as e:
    print(e)
try:
    bool(NotImplemented)
except Exception as e:
    print(type(e).__name__)
print(type(None)(), type(...)() is ..., type(True)(), type(1)(), type("")(), type(1.0)(), type(())(), type([])())
try:
    type(NotImplemented)()
except TypeError as e:
    print(e)
print(__name__, __builtins__.__name__ if hasattr(__builtins__, "__name__") else "dict", __spec__ is None)
print([True, False, None], {None: "none"}, (None,) * 2)
