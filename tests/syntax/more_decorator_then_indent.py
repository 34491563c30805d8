class A:
    @dec
        def f(self):
            pass
