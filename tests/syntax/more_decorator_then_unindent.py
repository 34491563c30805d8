def f():
    pass

    @dec
def g():
    pass
