# Caret lines (PEP 657) for many failing expressions, printed through sys.excepthook.
import sys
def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)

class O:
    pass
o = O()
def attr():
    return o.missing_attr
def attr2():
    return o.misssing.x
def call():
    return o()
def binop():
    x = 1
    return x + "a" - 3
def binop2():
    x = "a"
    return 1 * 2 + x // 3
def sub():
    s = None
    return s[0]
def sub2():
    t = "abc"
    return t[1][5]
def multiline():
    return (1 +
            "a")
def name():
    return undefined_nm
def name2():
    lenn = 3
    return lennn
def unic():
    é = None
    return é + 1
def raise_syntax():
    raise SyntaxError("bad thing", ("f.py", 3, 5, "  x = 1 +\n", 3, 8))
def raise_syntax2():
    raise SyntaxError("only msg")
def notes():
    e = ValueError("v")
    e.add_note("first\nsecond")
    e.add_note("third\n")
    raise e
def notes2():
    e = ValueError()
    e.__notes__ = 42
    raise e
def emptymsg():
    raise KeyError
def chained_from():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from e
def from_none():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from None
def lam():
    f = lambda: 1 / 0
    return f()
def deep1():
    deep2()
def deep2():
    raise OSError(2, "No such file or directory", "x.txt")
def trailing():
    return 1/0   
def paren():
    return (1) / 0
show(attr)
show(attr2)
show(call)
show(binop)
show(binop2)
show(sub)
show(sub2)
show(multiline)
show(name)
show(name2)
show(unic)
show(raise_syntax)
show(raise_syntax2)
show(notes)
show(notes2)
show(emptymsg)
show(chained_from)
show(from_none)
show(lam)
show(deep1)
show(trailing)
show(paren)
class MyErr(Exception):
    pass
show(lambda: (_ for _ in ()).throw(MyErr("gen")))
def g():
    yield 1
    raise MyErr("in gen")
def consume():
    for x in g():
        pass
show(consume)
