# Frame objects reached through tracebacks: f_locals (including cell
# contents), f_code identity, shared frames between entries, f_back.
import sys

def outer(a, b):
    c = a + b
    def inner():
        return c
    try:
        raise ValueError(c)
    except ValueError as e:
        return e, inner

e, inner = outer(1, 2)
fr = e.__traceback__.tb_frame
print(sorted(fr.f_locals), fr.f_locals['c'], fr.f_locals['a'])
print(fr.f_locals is fr.f_locals, fr.f_code is fr.f_code, fr.f_code.co_name)
print(fr.f_globals is globals(), fr.f_builtins is not None, fr.f_back is not None)

def rec(n):
    if n == 0:
        raise KeyError(n)
    rec(n - 1)

try:
    rec(3)
except KeyError as err:
    t = err.__traceback__
    frames = []
    while t is not None:
        frames.append(t.tb_frame)
        print(t.tb_frame.f_code.co_name, t.tb_lineno,
              t.tb_frame.f_locals.get('n', '-') if t.tb_frame.f_code.co_name == 'rec' else '')
        t = t.tb_next
    print(all(frames[i + 1].f_back is frames[i] for i in range(1, len(frames) - 1)))

def twice():
    x = 1
    try:
        try:
            raise TypeError("a")
        except TypeError:
            y = 2
            raise RuntimeError("b")
    except RuntimeError as e2:
        return e2

e2 = twice()
t = e2.__traceback__
print(t.tb_frame is e2.__context__.__traceback__.tb_frame)
print(sorted(t.tb_frame.f_locals))

def live():
    q = 5
    f = sys._getframe()
    try:
        1 / 0
    except ZeroDivisionError as z:
        return z.__traceback__.tb_frame is f, f.f_locals['q']
print(live())

class AppError(Exception):
    def __init__(self, code, *rest):
        super().__init__(code, *rest)
        self.code = code

class Other(Exception):
    def __init__(self, code):
        super().__init__(code, "extra")

for exc in (AppError(1), AppError(1, 2), AppError([1]), Other(3)):
    print(type(exc).__name__, exc.args, repr(exc), str(exc))

try:
    raise AppError(7)
except (KeyError, AppError) as x:
    print("tuple match", x.code)
try:
    try:
        raise AppError(8)
    except 5:
        pass
except TypeError as te:
    print(te)
try:
    raise AppError(9)
except Exception as x:
    print("base match", x.args)
