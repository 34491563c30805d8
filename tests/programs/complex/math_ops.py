# === powers and roots ===
z = 1 + 1j
p = 1
for i in range(8):
    p *= z
    print(i + 1, p)
print(z ** 8, z ** -1, (0j) ** 0, pow(2j, 3))
try:
    0j ** -1
except ZeroDivisionError as e:
    print(e)
# === Mandelbrot membership on a tiny grid ===
rows = []
for y in range(-6, 7):
    row = ""
    for x in range(-20, 7):
        c = complex(x / 10, y / 6)
        w = 0j
        for _ in range(30):
            w = w * w + c
            if abs(w) > 2:
                row += "."
                break
        else:
            row += "#"
    rows.append(row)
print("\n".join(rows))
# === complex with __complex__ ===
class C:
    def __complex__(self):
        return 2 - 1j
print(complex(C()), complex(C()) * 1j)
