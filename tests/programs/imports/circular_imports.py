# Circular imports: module objects resolve later; from-imports of unfinished names fail.
import _circ_a
import _circ_b
print(_circ_a.from_a(), _circ_b.from_b())
try:
    import _circ_c
except ImportError as e:
    print(type(e).__name__, e.name, str(e).split(" (")[0])
import sys
print("_circ_c" in sys.modules, "_circ_d" in sys.modules)
