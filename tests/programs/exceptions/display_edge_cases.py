# Printing edge cases: nested and module-qualified class names, failing __str__, context cycles, manual cause/context, notes, multi-line messages.
import sys
def show(e):
    sys.excepthook(type(e), e, e.__traceback__)
class Outer:
    class Inner(Exception):
        pass
show(Outer.Inner("nested"))
class M(Exception):
    pass
M.__module__ = "somepkg.mod"
show(M("mod"))
class BadStr(Exception):
    def __str__(self):
        return 42
show(BadStr())
a = ValueError("a"); b = TypeError("b")
a.__context__ = b; b.__context__ = a
show(a)
c = RuntimeError("c"); c.__cause__ = KeyError("k"); c.__context__ = ValueError("ctx")
show(c)
c.__suppress_context__ = False
c.__cause__ = None
show(c)
d = OSError("only")
d.add_note("n1")
d.__notes__.append(7)
show(d)
e = Exception("multi\nline message")
show(e)
class NoModule(Exception): pass
show(ExceptionGroup("eg", [Outer.Inner("x"), M("y")]))
show(BlockingIOError(11, "x", 5))
print(BlockingIOError(11, "x", 5).characters_written)
