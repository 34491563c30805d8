def f():
    print 'x'
