def f():
    def g():
        from x import *
