# A failing sys.excepthook: both exceptions are reported.
import sys
def hook(t, v, tb):
    print("hook", t.__name__)
    raise ValueError("in hook")
sys.excepthook = hook
raise KeyError(1)
