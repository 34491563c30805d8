class A:
    def f(self):
        return super().f() + __class__.__name__
