[[x for x in (y := z)] for q in r]
