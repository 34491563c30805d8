def f(a):
    def g():
        global a
        nonlocal a
