if x  # note
    pass
