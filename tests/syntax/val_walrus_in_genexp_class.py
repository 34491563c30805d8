class A:
    g = ((y := 1) for x in z)
