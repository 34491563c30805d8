from _collections import deque, defaultdict
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft([9, 8]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
m = deque(range(10), maxlen=3); print(m, m.maxlen)
m.append(10); m.appendleft(-1); print(m)
print(deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]), deque([1, 2]) + deque([3]), deque([1, 2]) * 2)
e = deque('abc'); e.reverse(); print(e, e.count('a'), e.index('a'))
e.insert(1, 'z'); e.remove('b'); print(e, list(reversed(e)), e.copy())
try:
    deque().pop()
except IndexError as ex:
    print('IndexError', ex)
try:
    e.remove('q')
except ValueError as ex:
    print('ValueError', ex)
try:
    deque([1], maxlen=1).insert(0, 2)
except IndexError as ex:
    print('IndexError', ex)
try:
    deque()[0]
except IndexError as ex:
    print('IndexError', ex)
e[0] = 'Q'; del e[1]; print(e)
f = deque([1]); f += [2, 3]; f *= 2; print(f)
class D(deque):
    pass
print(D([1, 2]), isinstance(D(), deque))
dd = defaultdict(list)
dd['a'].append(1); dd['b']; print(dd, dd.default_factory, isinstance(dd, dict))
c = dd.copy(); print(c, type(c).__name__)
n = defaultdict(); 
try:
    n['x']
except KeyError as ex:
    print('KeyError', ex)
print(n, defaultdict(int, {'a': 1}), defaultdict(int, a=2))
try:
    defaultdict(3)
except TypeError as ex:
    print('TypeError', ex)
