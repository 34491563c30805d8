for k, v in d.iteritems():
    print(k)
