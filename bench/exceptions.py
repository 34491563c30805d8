# Exceptions in a loop: raise/catch, try/finally, custom exception classes, re-raise.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code

class NotFound(AppError):
    pass

def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise NotFound(k) from None

def risky(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 5 == 0:
        raise NotFound(i)
    return i

check = 0
d = {i: i for i in range(0, 1000, 2)}
for rnd in range(1250):
    for i in range(1000):
        try:
            check += lookup(d, i)
        except NotFound as e:
            check += e.code & 3
        try:
            try:
                check += risky(i)
            finally:
                check += 1
        except ValueError as e:
            check += e.args[0] % 2
        except AppError:
            check -= 1
print("checksum", check)
