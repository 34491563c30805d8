class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, P) and self.x == o.x
print(P.__hash__)
try:
    hash(P(1))
except TypeError as e:
    print(e)
try:
    {P(1)}
except TypeError as e:
    print(e)
class H(P):
    def __hash__(self):
        return hash(self.x)
print(hash(H(5)) == hash(5), len({H(1), H(1), H(2)}), H(1) in {H(1)})
# === default hash is identity-based; equal objects by identity ===
class D:
    pass
d = D()
print(hash(d) == hash(d), d in {d}, D() in {d})
# === hash must return int ===
class BadHash:
    def __hash__(self):
        return "no"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100), hash(BigHash()))
class NegOne:
    def __hash__(self):
        return -1
print(hash(NegOne()))
# === hash consistency across numeric types ===
print(hash(1) == hash(1.0) == hash(1 + 0j) == hash(True), hash(0.5), hash(-0.5), {1: "a", 1.0: "b"})
# === __eq__ called during dict lookup on hash collision ===
class Noisy:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, o):
        print("eq", self.v, o.v)
        return self.v == o.v
tbl = {Noisy(1): "one"}
print(tbl.get(Noisy(1)), tbl.get(Noisy(2)))
