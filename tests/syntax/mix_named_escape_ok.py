x = "\N{EM DASH}"
