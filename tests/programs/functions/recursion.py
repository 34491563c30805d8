def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fact(20), fact(50), [fib(i) for i in range(15)])
# === mutual recursion ===
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7), is_even(7))
# === memoisation with a dict ===
memo = {}
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    if n not in memo:
        memo[n] = ways(n - 1) + ways(n - 2) + ways(n - 3)
    return memo[n]
print(ways(30), len(memo))
# === tower of hanoi ===
moves = []
def hanoi(n, src, dst, via):
    if n:
        hanoi(n - 1, src, via, dst)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src)
hanoi(4, "A", "C", "B")
print(len(moves), moves[:5])
# === permutations and n-queens ===
def perms(seq):
    if len(seq) <= 1:
        return [list(seq)]
    out = []
    for i, x in enumerate(seq):
        for rest in perms(seq[:i] + seq[i + 1:]):
            out.append([x] + rest)
    return out
print(len(perms("abcd")), ["".join(p) for p in perms("abc")])
def queens(n, row=0, cols=(), d1=(), d2=()):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if c not in cols and row + c not in d1 and row - c not in d2:
            count += queens(n, row + 1, cols + (c,), d1 + (row + c,), d2 + (row - c,))
    return count
print([queens(n) for n in range(1, 8)])
# === ackermann with moderate depth ===
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3), ack(3, 3))
