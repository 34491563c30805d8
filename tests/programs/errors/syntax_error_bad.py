# This file is intentionally invalid: CPython reports a SyntaxError and exits with status 1.
print("never runs")

def broken(:
    return 1
