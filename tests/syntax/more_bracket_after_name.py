value{x.append(1)
