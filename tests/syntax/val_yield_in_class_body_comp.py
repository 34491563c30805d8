class A:
    x = [(yield) for y in z]
