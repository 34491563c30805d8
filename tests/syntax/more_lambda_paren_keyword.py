lambda (None,): 0
