f(a:int)
