from itertools import *
import itertools
c = count()
print(next(c), next(c), c)
print(count(5, 2), count(1.5), count(0, 0.5))
print(list(islice(count(10, 3), 5)))
print(list(islice(cycle('abc'), 8)))
print(repeat(1), repeat('a', 3), list(repeat('x', 3)), list(repeat(0, -1)))
r = repeat(7, 2); next(r); print(r)
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)))
for bad in [(-1,), (1, -1), ('a',)]:
    try:
        islice('abc', *bad)
    except ValueError as e:
        print('ValueError', e)
try:
    islice('abc', 0, 3, 0)
except ValueError as e:
    print('ValueError', e)
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=100)), list(accumulate([3, 1, 4], max)))
import operator
print(list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([], initial=5)))
print(list(starmap(pow, [(2, 5), (3, 2)])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
gs = list(groupby('aabb'))
print([(k, list(g)) for k, g in gs])
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest([1], [2, 3])))
print(list(pairwise('ABCDE')), list(pairwise('A')))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)), list(product()), list(product('ab', [])))
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations('ab', 3)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)), list(combinations('a', 2)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 0)))
a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
x, y, z = tee('abc', 3)
print(list(x), list(y), list(z))
print(type(count()).__name__, type(a).__name__)
class MyChain(chain):
    pass
print(list(MyChain('ab', 'c')), isinstance(MyChain(), chain))
print(list(zip(count(), 'abc')))
print(sum(1 for _ in combinations(range(10), 4)))
