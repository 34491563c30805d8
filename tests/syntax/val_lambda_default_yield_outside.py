x = lambda: (yield)
y = yield
