match x:
    case [_, _]:
        pass
    case 1:
        pass
