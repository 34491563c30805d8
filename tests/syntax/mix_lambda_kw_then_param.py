f = lambda **kw, a: 1
