x = 1e5jk
