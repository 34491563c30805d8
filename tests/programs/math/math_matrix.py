# Differential matrix of number behaviour (deterministic pseudo-random cases).
import math
vals = [0, -0.0, 1, -1, 0.5, -0.5, 2, -2.5, 10, 100, 710, -710, 1e-300, 1e300, -1e300, 171.5, 200, -200.5, 1e16, float('inf'), float('-inf'), float('nan'), 2**1100, -2**1100, True, 3.0, 1e-20, -1e-20, 0.9999999999]
f1 = ['sqrt','exp','exp2','expm1','log','log2','log10','log1p','sin','cos','tan','asin','acos','atan','sinh','cosh','tanh','asinh','acosh','atanh','erf','erfc','gamma','lgamma','fabs','cbrt','degrees','radians','floor','ceil','trunc','isfinite','isinf','isnan','frexp','modf','ulp','isqrt','factorial']
f2 = ['atan2','copysign','fmod','remainder','pow','log','nextafter','hypot','ldexp','gcd','lcm','comb','perm','isclose','dist']
for f in f1:
    for v in vals:
        try: r = repr(getattr(math, f)(v))
        except Exception as e: r = type(e).__name__ + ': ' + str(e)
        print(f, repr(v)[:30], r)
for f in f2:
    for v in vals[::2]:
        for w in vals[1::3]:
            try:
                if f == 'dist': r = repr(math.dist((v, 1), (w, 2)))
                elif f == 'ldexp': r = repr(math.ldexp(v, w if isinstance(w, int) else 3))
                else: r = repr(getattr(math, f)(v, w))
            except Exception as e: r = type(e).__name__ + ': ' + str(e)
            print(f, repr(v)[:30], repr(w)[:30], r)
print(math.fsum([1e16, 1.0, 1e-16] * 7), math.fsum(x / 7 for x in range(100)), math.prod(range(1, 20)), math.prod([1.5, 2, 3j]))
print(math.hypot(*[0.1 * k for k in range(50)]), math.dist([1, 2, 3, 4], [5, 6, 7, 8.5]), math.fsum([1e308, -1e308, 1e308]))
