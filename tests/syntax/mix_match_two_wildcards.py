match x:
    case _:
        pass
    case _:
        pass
