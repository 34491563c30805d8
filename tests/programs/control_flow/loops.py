# === for/else and while/else ===
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
i = 0
while i < 3:
    i += 1
else:
    print("while finished normally", i)
while True:
    break
else:
    print("not printed")
# === continue and nested loops ===
out = []
for a in range(4):
    if a == 1:
        continue
    for b in range(4):
        if b > a:
            break
        out.append((a, b))
print(out)
# === loop variable after loop ===
for k in range(5):
    pass
print(k)
for empty in []:
    pass
try:
    empty
except NameError as e:
    print(e)
# === modifying the loop variable does not affect iteration ===
for j in range(3):
    print("j =", j)
    j = 100
# === while with complex conditions ===
x, y = 0, 10
while x < y and y - x > 2:
    x += 2
    y -= 1
print(x, y)
# === iterating over different containers ===
for ch in "hi":
    print(ch, end=" ")
for key in {"b": 1, "a": 2}:
    print(key, end=" ")
for item in {3, 1, 2}:
    print(item, end=" ")
for t in [(1, 2), (3, 4)]:
    print(t, end=" ")
print()
# === pass, ellipsis statements ===
def stub():
    pass
def stub2():
    ...
print(stub(), stub2())
