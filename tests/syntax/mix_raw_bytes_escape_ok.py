x = rb'\x4'
