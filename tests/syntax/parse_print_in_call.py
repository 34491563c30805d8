foo(print x)
