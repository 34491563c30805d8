# === basic, filtered, nested ===
print([x * x for x in range(8)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0], [c.upper() for c in "abc"])
print([(i, j) for i in range(3) for j in range(i)], [[i * j for j in range(4)] for i in range(3)])
print([x if x % 2 else -x for x in range(6)], [y for x in [[1, 2], [3], []] for y in x])
# === comprehension scope does not leak ===
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
# === closures capture the loop variable by reference ===
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
# === class body scoping ===
class C:
    n = 5
    vals = [n * 2 for _ in range(2)] if False else None
    items = [i for i in range(3)]
print(C.items)
try:
    class D:
        n = 5
        vals = [n for _ in range(2)]
except NameError as e:
    print("NameError:", e)
# === walrus in comprehension binds in enclosing scope ===
data = [1, 5, 9, 2]
big = [y for v in data if (y := v * 10) > 20]
print(big, y)
# === nested comprehension referencing outer variable ===
matrix = [[1, 2], [3, 4], [5, 6]]
print([[row[i] for row in matrix] for i in range(2)], sum([v for row in matrix for v in row]))
# === errors inside comprehensions propagate ===
try:
    [1 / (x - 2) for x in range(5)]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
