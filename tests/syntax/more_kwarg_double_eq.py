f(a=b=c)
