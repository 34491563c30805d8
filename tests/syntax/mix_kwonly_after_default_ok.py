def f(a, *, b=1, c):
    pass
def g(a=1, *args, b):
    pass
