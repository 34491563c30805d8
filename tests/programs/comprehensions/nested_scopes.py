def outer():
    factor = 3
    return [[x * factor + y for y in range(2)] for x in range(3)]
print(outer())
def gen_in_func(n):
    total = sum(i * n for i in range(n))
    return total, [[n] * i for i in range(3)]
print(gen_in_func(4))
class Table:
    size = 3
    def rows(self):
        return [[(r, c) for c in range(self.size)] for r in range(self.size)]
print(Table().rows())
# comprehension iterating over a variable that is reassigned inside
items = [1, 2, 3]
result = [items.append(i) or i for i in items[:]]
print(result, items)
# async-free nested generator expressions
g = (sum(x for x in range(y)) for y in range(5))
print(list(g))
# comprehension with multiple conditions and nested ternaries
print(["fizzbuzz" if i % 15 == 0 else "fizz" if i % 3 == 0 else "buzz" if i % 5 == 0 else str(i) for i in range(1, 16)])
