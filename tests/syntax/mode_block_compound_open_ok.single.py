with a:
    pass