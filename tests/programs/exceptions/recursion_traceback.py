# Mutual recursion: RecursionError with the repeated-line collapsing of the traceback.
def a(n):
    return b(n)
def b(n):
    return a(n)
a(0)
