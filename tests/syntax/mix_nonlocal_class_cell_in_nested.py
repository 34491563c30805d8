class A:
    def f(self):
        def g():
            nonlocal __class__
        return __class__
