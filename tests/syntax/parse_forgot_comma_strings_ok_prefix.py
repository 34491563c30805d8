f(kf'x')
