# Import caching, aliases, module attributes and import errors.
import sys
import _counter_mod_helper
import _counter_mod_helper as again
from _counter_mod_helper import bump, count
print(again is _counter_mod_helper, bump(), bump(), count, _counter_mod_helper.count)
print(_counter_mod_helper.__name__, type(_counter_mod_helper).__name__, "_counter_mod_helper" in sys.modules)
print(sys.modules["_counter_mod_helper"] is again, sys.modules[__name__].__name__)
# === failures ===
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _counter_mod_helper import does_not_exist
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import _counter_mod_helper.sub
except ModuleNotFoundError as e:
    print(e)
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
# === __import__ and function-level imports ===
m = __import__("_counter_mod_helper")
print(m is again)
def lazy():
    import math as m2
    return m2.floor(2.5)
print(lazy(), "m2" in globals())
# === the main module ===
print(__name__ == "__main__", __package__ is None or __package__ == "", type(__builtins__).__name__ in ("module", "dict"))
if __name__ == "__main__":
    print("running as a script")
