t = (a b)
