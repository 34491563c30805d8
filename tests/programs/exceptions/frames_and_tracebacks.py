# Frame and traceback objects, sys.exc_info/exception, attributes of builtin exception classes, tracebacklimit.
import sys
def f():
    x = 5
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name)
    print(fr.f_locals["x"])
    print(fr.f_globals is globals())
    print(sys._getframe(1).f_code.co_name)
    return fr
f()
try:
    sys._getframe(50)
except ValueError as e:
    print(e)
def g():
    raise KeyError("kk")
try:
    g()
except KeyError as e:
    t, v, tb = sys.exc_info()
    if t is KeyError and v is e and tb is e.__traceback__: print("exc_info ok")
    if sys.exception() is e: print("exception ok")
    print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)
    if tb.tb_next.tb_next is None: print("end")
    tb.tb_next = None
    if tb.tb_next is None: print("cut")
if sys.exception() is None: print("none after")
c = g.__code__ if hasattr(g, "__code__") else None
e = ValueError("x")
if e.with_traceback(None) is e: print("wt ok")
try:
    e.add_note(5)
except TypeError as te:
    print(te)
print(StopIteration(7).value)
print(SystemExit(3).code)
try:
    raise StopIteration
except StopIteration as s:
    if s.value is None: print("siv none")
ae = AttributeError("m", name="nm", obj=None)
print(ae.name)
print(KeyError("k").__str__())
print(str(OSError(2, "No such file or directory", "a.txt")))
print(type(OSError(2, "x")).__name__)
print(str(SyntaxError("bad", ("dir/f.py", 3, 1, "x", 3, 2))))
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(ExceptionGroup("m", [ValueError("q")]).message)
print(str(ImportError("no mod", name="x")))
sys.tracebacklimit = 1
def h1():
    h2()
def h2():
    raise ValueError("limited")
h1()
