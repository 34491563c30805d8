for *a in c:
    pass
