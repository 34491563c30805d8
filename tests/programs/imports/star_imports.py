# from module import * with and without __all__.
from _star_all import *
print(public_one, exported_private)
try:
    public_two
except NameError as e:
    print(e)
from _star_noall import *
print(visible, helper(), Tool.__name__)
try:
    _hidden
except NameError as e:
    print(e)
import _star_noall
print(_star_noall._hidden, sorted(n for n in vars(_star_noall) if not n.startswith("__")))
