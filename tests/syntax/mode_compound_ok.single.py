if x:
  pass
