del a,
