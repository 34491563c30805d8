print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2, -7 // 2, -(7 // 2))
print(1 + 2 << 1, 1 << 2 + 1, 6 & 3 | 8, 6 | 3 & 8, 5 ^ 3 & 1, ~5 + 1, not 1 == 2, not (1 == 2))
print(1 < 2 == True, (1 < 2) == True, True + True * 2, 3 if 0 else 4 if 1 else 5, 1 or 2 and 0, (1 or 2) and 0)
print(-3 % 5, -(3 % 5), 2 * -3, - - 4, + - + 4, ~~7, not not 0)
x = 5
print(x > 3 and x < 10 or x == 100, not x > 3, x in [5] and x not in [6], [1, 2] * 2 + [3])
print("a" + "b" * 3, ("a" + "b") * 3, "%s" % 1 + "2", 2 * 3 ** 2, (lambda: 1)() + 1, [1, 2, 3][1:][0])
print(1 if True else 2 + 10, (1 if False else 2) + 10, [i for i in range(3)][-1] * 3)
a = b = 2
a += b * 2
print(a, b)
print(3 @ 4 if False else "matmul skipped", 2 ** 2 ** -1, 8 >> 1 >> 1, 1 << 3 >> 1)
print(5 > 3 > 1 == 1, 1 < 3 != 3, "abc" < "abd" == True)
