match x:
    case Color.RED | 1 | 'a' | None | True | -1 | 1+2j:
        pass
