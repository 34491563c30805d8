# object.__reduce_ex__/__reduce__/__getstate__ and copy/deepcopy of plain instances.
import copy, copyreg
class C: pass
c = C(); r = c.__reduce_ex__(2); print(r[0] is copyreg.__newobj__, r[1:])
c.x = 1; print(c.__reduce_ex__(2)[1:]); print(c.__reduce_ex__(1)[1:]); print(c.__reduce__()[1:])
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1; print(s.__reduce_ex__(2)[1:])
class L(list): pass
r = L([1, 2]).__reduce_ex__(2); print(r[1:3], list(r[3]), r[4])
class D(dict): pass
r = D(a=1).__reduce_ex__(2); print(r[1:4], list(r[4]))
print(object().__reduce_ex__(2)[1:])
print(C().__getstate__(), c.__getstate__(), s.__getstate__())
class R:
    def __reduce__(self): return (R, ())
print(R().__reduce_ex__(2))
class N(int):
    pass
print(N(5).__reduce_ex__(2)[1:])
d = copy.deepcopy(c); print(type(d).__name__, d.x, d is c)
e = copy.copy(s); print(e.a, hasattr(e, 'b'))
l2 = copy.deepcopy(L([1, [2]])); print(type(l2).__name__, l2)
