# === implicit chaining (__context__) ===
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
# === explicit chaining (raise from) ===
try:
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("lookup failed") from k
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
# === raise from None ===
try:
    try:
        int("x")
    except ValueError:
        raise TypeError("clean") from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
# === from with a class and from non-exception ===
try:
    raise ValueError("a") from KeyError
except ValueError as e:
    print(repr(e.__cause__))
try:
    raise ValueError("b") from 5
except TypeError as e:
    print(e)
# === context chain of three ===
def level3():
    try:
        raise KeyError("one")
    except KeyError:
        try:
            raise IndexError("two")
        except IndexError:
            raise ValueError("three")
try:
    level3()
except ValueError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)
# === context is not set to itself ===
try:
    try:
        raise ValueError("same")
    except ValueError as e:
        raise e
except ValueError as e:
    print(e.__context__)
# === with_traceback and __traceback__ ===
try:
    raise ValueError("tb")
except ValueError as e:
    print(type(e.__traceback__).__name__, e.__traceback__.tb_lineno, e.with_traceback(None) is e)
