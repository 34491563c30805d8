from _functools import reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 7), reduce(max, [3, 9, 2]))
for args in [(lambda a, b: a, []), (lambda a, b: a, 5)]:
    try:
        reduce(*args)
    except TypeError as e:
        print('TypeError', e)
