# __del__ runs when the last reference goes, before the next observable step.
class D:
    def __init__(s, n): s.n = n
    def __del__(s): print("del", s.n)
a = D(1); a = None; x = 1 + 2; print("after1")
b = D(2); del b; y = [1, 2]; print("after2")
def f():
    c = D(3)
    return 5
r = f(); print("after3", r)
l = [D(4)]; l.pop(); print("after4")
d = {1: D(5)}; d[1] = 0; print("after5")
try:
    e = D(6); del e; raise ValueError("x")
except ValueError: print("caught")
print(f"{D(8).n}")
import sys; h = D(9); del h; sys.stdout.write("after9\n")
for i in range(3):
    t = D(10 + i)
print("loop done")
t = None
z = D(20).n + 1
print("z", z)
w = D(30)
w = D(31)
if w.n: print("if")
class E:
    def __del__(s): print("E del")
def g():
    e = E()
    raise KeyError("k")
try:
    g()
except KeyError:
    print("caught g")
q = D(40)
del q
