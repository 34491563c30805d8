a[*b] = 1
x = a[*b]
