f(x):
    pass
