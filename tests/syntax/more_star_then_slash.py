def f(*, /, a):
    pass
