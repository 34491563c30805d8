# Differential matrix of number behaviour (deterministic pseudo-random cases).
seed = 4242
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 17) % n
vals = [0, 1, -1, 2, -3, 7, 2**31, -2**31, 2**63 - 1, -2**63, 2**63, 2**64 + 5, -(2**100) + 3, 3**80, -(7**45), 10**30, 0.0, -0.0, 0.5, -1.5, 1e-300, 1e300, 3.7, -2.25, 2.0**60, 1e16, float('inf'), float('-inf'), float('nan'), True, False, 1j, 2-3j, -0.5+0.25j]
ops = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '>', '>=', 'divmod', 'pow3', 'round']
def show(r):
    if isinstance(r, tuple):
        return '(' + ', '.join(show(x) for x in r) + ')'
    return repr(r)
for i in range(2500):
    a = vals[rnd(len(vals))]
    b = vals[rnd(len(vals))]
    op = ops[rnd(len(ops))]
    if op in ('**',) and isinstance(b, int) and abs(b) > 100 and isinstance(a, int) and abs(a) > 1:
        b = b % 50
    if op in ('<<',) and isinstance(b, int) and b > 200:
        b = b % 200
    try:
        if op == 'divmod':
            r = divmod(a, b)
        elif op == 'pow3':
            r = pow(a, b if not isinstance(b, int) else b % 1000, 97)
        elif op == 'round':
            r = round(a, b % 40 - 20) if isinstance(b, int) else round(a)
        else:
            r = eval('a ' + op + ' b')
        s = show(r)
    except Exception as e:
        s = type(e).__name__ + ': ' + str(e)
    print(i, show(a), op, show(b), s)
