f(a, True=1)
