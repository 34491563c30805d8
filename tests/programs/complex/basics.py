# === construction and repr ===
print(1j, 2 + 3j, complex(1, 2), complex(), complex(2.5), complex("1+2j"), complex(" -3j "), complex("4"))
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), complex(1e300, -1e-300), -1j, -(1 + 1j))
print(complex(float("inf"), float("nan")), 1j * 1j, (1j) ** 2)
# === arithmetic ===
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, 2 ** a if False else "", -a, +a)
print(abs(a), a.real, a.imag, a.conjugate(), a == 3 + 4j, a != b, a == 3, complex(3) == 3)
print(1 + a, 2.5 * a, a / 2, 1 / a)
try:
    a < b
except TypeError as e:
    print(e)
try:
    a / 0
except ZeroDivisionError as e:
    print(e)
try:
    a // 2
except TypeError as e:
    print(e)
try:
    complex("1+2")
except ValueError as e:
    print(e)
# === formatting ===
print(format(a, ""), format(a, ".2f"), format(b, "+.1e"), f"{a:>20}|", f"{1.5+0j:g}", str(1.5 + 0j))
# === hashing ===
print(hash(3 + 0j) == hash(3), hash(1j), hash(2 + 3j))
