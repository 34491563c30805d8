from collections import namedtuple, deque, defaultdict, Counter, OrderedDict
import collections.abc, functools
P = namedtuple('P', 'x y')
p = P(1, 2)
print(p, p.x, p[1], p._replace(y=5), p._asdict(), P._fields, P._make([3, 4]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple))
Q = namedtuple('Q', ['a', 'b'], defaults=[0])
print(Q(1), Q(1, 2))
c = Counter('abracadabra')
print(c, c.most_common(2), c['z'], sorted(c.elements())[:4])
c.update('aaz'); print(c['a'], c['z'])
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3) - Counter(a=1))
o = OrderedDict(a=1, b=2); o['c'] = 3; o.move_to_end('a'); print(o, list(o))
print(o.popitem(), o.popitem(last=False), o)
dd = defaultdict(int)
for ch in 'hello':
    dd[ch] += 1
print(dd, sorted(dd.items()))
d = deque(maxlen=2); d.extend([1, 2, 3]); print(d)
print(isinstance(deque(), collections.abc.MutableSequence))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info())
print(functools.reduce(lambda a, b: a * b, range(1, 8)))
b2 = functools.partial(int, base=2); print(b2('1011'), b2.func is int, b2.keywords)
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def hello():
    "doc"
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted(['b', 'A', 'c'], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
