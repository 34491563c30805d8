# === concatenation and repetition ===
a = [1, 2]
print(a + [3], a * 3, [0] * 5, 2 * a, [] * 10, a * -1)
try:
    a + (3,)
except TypeError as e:
    print(e)
a += (3, 4)
print(a)
a *= 2
print(a)
# === aliasing ===
b = a
b.append(99)
print(a is b, a)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
# === builtins on lists ===
nums = [4, 8, 15, 16, 23, 42]
print(len(nums), sum(nums), min(nums), max(nums), sorted(nums, reverse=True), list(reversed(nums)), any(n > 40 for n in nums), all(n % 2 == 0 for n in nums))
print(list(enumerate(nums, 1))[:2], list(zip(nums, "abc")), list(map(lambda n: n // 2, nums)), list(filter(None, [0, 1, "", "x", None])))
# === nested lists ===
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1] for row in matrix], [list(col) for col in zip(*matrix)], sum(sum(r) for r in matrix), matrix[1][2], [r[::-1] for r in matrix])
# === list as stack and queue ===
stack = []
for i in range(5):
    stack.append(i)
print([stack.pop() for _ in range(3)], stack)
queue = list("abcde")
print(queue.pop(0), queue.pop(0), queue)
# === unhashable ===
try:
    {[1]: 2}
except TypeError as e:
    print(e)
try:
    hash([])
except TypeError as e:
    print(e)
# === list mutation during iteration ===
items = [1, 2, 3, 4, 5, 6]
for x in items:
    if x % 2 == 0:
        items.remove(x)
print(items)
