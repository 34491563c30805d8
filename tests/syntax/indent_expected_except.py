try:
    pass
except ValueError:
x
