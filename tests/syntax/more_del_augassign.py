del a += 1
