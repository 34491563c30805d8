x = [y for a in b if (y := a)]
