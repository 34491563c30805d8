import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 40), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2), math.trunc(3.9), math.trunc(-3.9))
print(math.factorial(20), math.factorial(0), math.gcd(12, 18), math.gcd(0, 5), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.comb(10, 3), math.perm(5, 2), math.perm(5), math.comb(100, 50), math.prod([1, 2, 3, 4]), math.prod([], start=5))
print(math.exp(1), math.exp(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(1e-10), math.expm1(1e-10))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1), math.asin(1), math.acos(1), math.atan(1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.copysign(1, -0.0), math.fabs(-3), math.fmod(10, 3), math.remainder(10, 3))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9), math.isfinite(1), math.isnan(math.nan))
print(math.frexp(10), math.ldexp(5, 2), math.modf(2.5), math.nextafter(1, 2), math.ulp(1.0), math.pow(2, 0.5), math.erf(1), math.gamma(5), math.lgamma(10))
for call in (lambda: math.sqrt(-1), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.acos(2), lambda: math.isqrt(-1), lambda: math.exp(1000), lambda: math.comb(-1, 2)):
    try:
        call()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
