# Differential matrix of number behaviour (deterministic pseudo-random cases).
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
fills = ['', '*', '0', ' ', 'é']
aligns = ['', '<', '>', '^', '=']
signs = ['', '+', '-', ' ']
zs = ['', 'z']
alts = ['', '#']
zeros = ['', '0']
widths = ['', '1', '8', '15']
groups = ['', ',', '_']
precs = ['', '.0', '.1', '.3', '.10', '.17']
types = ['', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%']
vals = [0, 1, -1, 7, 255, -1234567, 10**20, -(2**70), 0.0, -0.0, 1.5, -2.5, 0.1, 1234567.891, 1e-7, 1e16, 1e300, float('inf'), float('-nan'), 123456789.0, 0.5, 2.675, 1+2j, -0.5j, 1e10-3.25j, True]
for i in range(1500):
    a = aligns[rnd(5)]
    f = fills[rnd(5)] if a else ''
    spec = f + a + signs[rnd(4)] + zs[rnd(2)] + alts[rnd(2)] + zeros[rnd(2)] + widths[rnd(4)] + groups[rnd(3)] + precs[rnd(6)] + types[rnd(15)]
    v = vals[rnd(len(vals))]
    try:
        r = repr(format(v, spec))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(v), repr(spec), r)
