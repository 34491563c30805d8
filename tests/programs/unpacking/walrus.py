# === in conditions ===
data = [5, 12, 7, 30, 2]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")
# === in while loops ===
stream = iter(["a", "b", "", "c"])
while (chunk := next(stream)):
    print("chunk", chunk)
# === in comprehensions (binds in enclosing scope) ===
values = [y for x in data if (y := x * 2) > 10]
print(values, y)
totals = [total := 0] + [total := total + v for v in data]
print(totals, total)
# === in function arguments and expressions ===
print((z := 10) + z, z)
def f(v):
    return v * 3
print([r for v in range(5) if (r := f(v)) % 2 == 0])
# === precedence and parenthesisation ===
w = (v := 3, 4)
print(w, v)
# === walrus in lambda and nested functions ===
g = lambda: (q := 7) * 2
print(g())
def outer():
    [hits := 0 for _ in range(1)]
    return hits
print(outer())
# === match with re-use ===
import_text = "key=value"
if (eq := import_text.find("=")) != -1:
    print(import_text[:eq], import_text[eq + 1:])
