def flow(kind):
    log = []
    try:
        log.append("try")
        if kind == "raise":
            raise ValueError("v")
        if kind == "other":
            raise KeyError("k")
        if kind == "return":
            return log + ["returned"]
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for kind in ("ok", "raise", "return"):
    print(kind, flow(kind))
try:
    flow("other")
except KeyError as e:
    print("outer caught", repr(e))
# === finally overrides return ===
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
def swallow():
    for _ in range(1):
        try:
            raise ValueError
        finally:
            break
    return "swallowed by break"
print(swallow())
def cont():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(cont())
# === except clause ordering and tuples ===
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__}"
    except ArithmeticError as e:
        return f"arith {type(e).__name__}"
    except Exception as e:
        return f"other {type(e).__name__}"
for exc in (KeyError, IndexError("i"), ZeroDivisionError(), OverflowError, TypeError("t"), LookupError):
    print(classify(exc))
# === exception variable is deleted after except ===
try:
    raise ValueError("temp")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print(e)
# === bare raise re-raises current ===
def reraise():
    try:
        raise IndexError("original")
    except IndexError:
        raise
try:
    reraise()
except IndexError as e:
    print("reraised", e)
try:
    raise
except RuntimeError as e:
    print(e)
# === nested try and exception info ===
import sys
try:
    try:
        raise TypeError("inner")
    except TypeError:
        print(sys.exc_info()[0].__name__, sys.exception())
        raise ValueError("outer")
except ValueError as e:
    print(repr(e), repr(e.__context__))
print(sys.exc_info(), sys.exception())
