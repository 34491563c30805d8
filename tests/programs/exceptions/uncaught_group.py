# An uncaught exception group is printed as a tree.
def check(values):
    errors = []
    for v in values:
        try:
            if v < 0:
                raise ValueError(f"negative: {v}")
            if v == 0:
                raise ZeroDivisionError("zero")
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("validation failed", errors)

check([1, -2, 0, 3])
