print >>f, x,
