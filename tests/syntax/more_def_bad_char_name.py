def f$g(x):
    pass
