# Recursive calls: naive Fibonacci and the Ackermann function.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

total = 0
for i in range(36):
    total += fib(28)
print("fib", total)
print("ack", ack(2, 300), ack(3, 5))
