# Intentionally invalid: 'return' outside a function (a compiler error, not a parser error).
x = 1
if x:
    return x
