from collections import deque, defaultdict, Counter
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)
print(len(d))
dd = defaultdict(list); print(dd.__dict__ if hasattr(dd, '__dict__') else 'nodict')
print(deque([[1]]), repr(deque()), deque('ab', 5))
class E(deque): pass
print(E('ab', 3), E('a').copy())
print(Counter([1, 1, 2]))
print(defaultdict(list, {1: 2}) == {1: 2}, type(defaultdict(list) | {1: 2}).__name__)
d = deque(range(5))
print(list(reversed(d)), list(iter(d)), type(iter(d)).__name__, type(reversed(d)).__name__)
it = iter(d); next(it); print(it.__length_hint__())
d[0] = 9; print(next(it))
print({1: 2} | defaultdict(int, {3: 4}))
