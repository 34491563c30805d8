if x: yield
