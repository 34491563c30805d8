f(a,
  b
g = 1
