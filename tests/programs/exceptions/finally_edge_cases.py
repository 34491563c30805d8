def nested_finally():
    out = []
    try:
        try:
            out.append("inner try")
            raise ValueError("x")
        finally:
            out.append("inner finally")
    except ValueError:
        out.append("outer except")
    finally:
        out.append("outer finally")
    return out
print(nested_finally())
def return_in_try_and_finally_modifies():
    value = [1]
    try:
        return value
    finally:
        value.append(2)
print(return_in_try_and_finally_modifies())
def exception_in_finally():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")
try:
    exception_in_finally()
except ValueError as e:
    print(repr(e), repr(e.__context__))
def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_with_finally())
def while_finally_return():
    i = 0
    while True:
        try:
            i += 1
            if i == 3:
                return i
        finally:
            if i == 3:
                print("finally on return", i)
print(while_finally_return())
def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
for v in generator_finally():
    print("got", v)
# === except with else and finally and exception in else ===
def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise RuntimeError("from else")
    finally:
        print("finally after else")
try:
    else_raises()
except RuntimeError as e:
    print(e)
# === exceptions caught by a parent class in a different function ===
def deep(n):
    if n == 0:
        raise LookupError("deep failure")
    try:
        deep(n - 1)
    finally:
        print("unwinding", n)
try:
    deep(3)
except LookupError as e:
    print("caught", e)
