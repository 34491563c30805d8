# SyntaxError display: offsets, end offsets, multi-line text, subclasses, unparsable attributes.
import sys
def show(e):
    sys.excepthook(type(e), e, None)
show(SyntaxError("m1", ("f.py", 3, 5, "  x = 1 +\n", 3, -1)))
show(SyntaxError("m2", ("f.py", 3, 5, "  x = 1 +\n", None, None)))
show(SyntaxError("m3", ("f.py", 3, 5, "  x = 1 +\nabc\n", 4, 2)))
show(IndentationError("m4", ("f.py", 3, 5, "  x = 1 +\n", 3, 8)))
show(SyntaxError("m5", (None, 3, 0, "x = 1 +", 3, 8)))
show(SyntaxError("m6", ("f.py", 3, 30, "x = 1 +", 3, 40)))
show(SyntaxError("m7", ("f.py", 3, 2, "a\nbcd\n", 3, 5)))
show(SyntaxError("m8", ("f.py", 3, 4, "ab\nbcd\n", 3, 6)))
show(SyntaxError("m9", ("f.py", "x", 4, "ab\nbcd\n", 3, 6)))
show(SyntaxError("m10", ("f.py", 3, None, "abc", 3, 6)))
show(SyntaxError("m11", ("f.py", 3, 3, "abc", 3, 2)))
show(SyntaxError("m12", ("f.py", 3, 3, None, 3, 2)))
show(SyntaxError("m13", ("f.py", 3, 3, "abcdef", 3, 3)))
