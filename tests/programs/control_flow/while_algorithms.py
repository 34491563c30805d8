# Loops implementing classic algorithms.
def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid, steps
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
data = list(range(0, 200, 3))
print([binary_search(data, t) for t in (0, 99, 100, 198, 197)])
def gcd_steps(a, b):
    steps = []
    while b:
        steps.append((a, b))
        a, b = b, a % b
    return a, steps
print(gcd_steps(1071, 462))
def digits_of(n, base=10):
    out = []
    while True:
        n, r = divmod(n, base)
        out.append("0123456789abcdefghijklmnopqrstuvwxyz"[r])
        if n == 0:
            break
    return "".join(reversed(out))
print([digits_of(255, b) for b in (2, 8, 10, 16, 36)], digits_of(0), digits_of(2 ** 64, 7))
def bubble_sort(xs):
    xs = list(xs)
    swapped = True
    passes = 0
    while swapped:
        swapped = False
        passes += 1
        for i in range(len(xs) - 1):
            if xs[i] > xs[i + 1]:
                xs[i], xs[i + 1] = xs[i + 1], xs[i]
                swapped = True
    return xs, passes
print(bubble_sort([5, 1, 4, 2, 8, 0, 3]))
