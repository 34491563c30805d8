f = lambda a=(b := 1): a
