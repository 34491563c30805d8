# Module-level __getattr__/__dir__ (PEP 562) and a module failing during import.
import sys
import _getattr_helper as g
print(g.real, g.dyn_value, dir(g))
try:
    g.missing
except AttributeError as e:
    print(e)
from _getattr_helper import dyn_imported
print(dyn_imported)
try:
    import _broken_helper
except RuntimeError as e:
    print("import failed:", e)
print("_broken_helper" in sys.modules)
try:
    import _broken_helper
except RuntimeError as e:
    print("second attempt re-executes:", e)
# === modules are objects ===
import types
mod = types.ModuleType("made_up", "doc string")
mod.x = 5
print(mod.__name__, mod.__doc__, mod.x, type(mod).__name__)
sys.modules["made_up"] = mod
import made_up
print(made_up is mod, made_up.x)
