print >>sys.stderr, "x"
