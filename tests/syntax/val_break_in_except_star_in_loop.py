for x in y:
    try:
        pass
    except* E:
        pass
    break
