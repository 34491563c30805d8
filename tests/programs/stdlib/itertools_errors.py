import itertools as it, heapq, operator, copy, bisect
for f, a in [(it.count, ('a',)), (it.repeat, ()), (it.cycle, ()), (it.islice, ([],)), (it.permutations, ('ab', -1)), (it.combinations, ('ab',)), (it.product, ('a',)), (it.chain.from_iterable, ()), (it.starmap, (None,)), (it.tee, ('a', -1)), (it.accumulate, ([1],)), (it.groupby, ()), (it.zip_longest, (1,))]:
    try:
        r = f(*a)
        print('ok', type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
print(list(heapq.merge([1, 3], [2, 4])), heapq.nsmallest(2, [5, 1, 3]))
print(operator.itemgetter(1)('ab'), copy.copy([1]), bisect.bisect([1, 2, 3], 2))
a, b = it.tee(range(3)); c = copy.copy(a); print(list(a), list(c), list(b))
g = it.groupby([1, 1, 2]); k, grp = next(g); next(g); print(list(grp))
print(list(it.islice(it.count(), 0, 10, 3)), list(it.accumulate('abc')))
print(it.repeat(None, 0), len(list(it.product(range(3), repeat=2))))
