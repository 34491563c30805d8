abÿc = 1
