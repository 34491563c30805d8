import sys
# Unbounded recursion raises RecursionError at the recursion limit; it can be caught.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print("depth reached close to the limit:", sys.getrecursionlimit() - 50 < depth <= sys.getrecursionlimit())
# === recursion through methods and dunders ===
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("repr recursion:", type(e).__name__)
class Attr:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Attr().a
except RecursionError as e:
    print("getattr recursion:", type(e).__name__)
# === the interpreter still works after recovering ===
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(200) % 1000003)
sys.setrecursionlimit(150)
try:
    fact(400)
except RecursionError as e:
    print("lower limit hit:", e)
sys.setrecursionlimit(1000)
print(fact(500) % 1000003)
# === deep recursion within the limit is fine ===
def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)
print(count_down(900))
