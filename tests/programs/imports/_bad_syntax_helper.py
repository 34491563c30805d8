# Helper with a syntax error, imported by import_syntax_error.py.
def ok():
    return 1

def broken()
    return 2
