# === construction and repr ===
print(range(5), range(1, 5), range(0, 10, 2), range(10, 0, -3), list(range(0)), list(range(5, 0)))
for r in (range(5), range(1, 10, 3), range(10, -5, -4), range(0), range(-3, 3)):
    print(r, list(r), len(r), r.start, r.stop, r.step, bool(r))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
# === indexing and slicing ===
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[-2:], list(r[1:5:2]))
try:
    r[100]
except IndexError as e:
    print(e)
# === membership, count, index ===
print(7 in r, 8 in r, 7.0 in r, r.count(11), r.index(11), 2 ** 100 in range(2 ** 101))
try:
    r.index(8)
except ValueError as e:
    print(e)
# === equality and hashing ===
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 10, 3) == range(1, 11, 3), range(2) == [0, 1])
print(hash(range(0)) == hash(range(3, 3)), hash(range(3)) == hash(range(0, 3)))
# === huge ranges ===
big = range(10 ** 20)
print(len(range(2 ** 62)), big[-1], big[10 ** 19], 10 ** 19 in big, reversed(range(3)).__next__())
try:
    len(range(2 ** 64))
except OverflowError as e:
    print(e)
# === iteration ===
total = 0
for i in range(1, 101):
    total += i
print(total, sum(range(101)), list(reversed(range(1, 8, 2))), list(zip(range(3), range(10, 13))))
