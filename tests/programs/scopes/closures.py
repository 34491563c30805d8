def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get(), inc(), get())
inc2, get2 = make_counter()
print(get2(), get())
# === closure cells ===
print(inc.__closure__ is not None, len(inc.__closure__), inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
print(inc.__closure__[0].cell_contents)
# === late binding ===
def make_multipliers():
    return [lambda x: x * i for i in range(4)]
print([m(2) for m in make_multipliers()])
# === closures over loop variables with default args ===
def make_multipliers2():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(2) for m in make_multipliers2()])
# === deeply nested ===
def a():
    x = "a"
    def b():
        y = "b"
        def c():
            z = "c"
            def d():
                return x + y + z
            return d
        return c
    return b
print(a()()()())
# === nonlocal through several levels ===
def outer():
    v = 0
    def mid():
        def inner():
            nonlocal v
            v += 10
        inner()
        inner()
        return v
    return mid()
print(outer())
# === unbound local ===
def broken():
    def f():
        print(value)
        value = 1
    f()
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def free_unbound():
    def f():
        return w
    try:
        f()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    w = 1
free_unbound()
# === closure modified after creation ===
def late():
    x = 1
    def show():
        return x
    x = 2
    return show
print(late()())
