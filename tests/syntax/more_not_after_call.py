f(x)not
