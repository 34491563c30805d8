import sys
print(sys.argv, len(sys.argv))
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 11), sys.version_info < (3, 12))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform)
print(sys.getrecursionlimit(), sys.getdefaultencoding(), sys.stdout.encoding, sys.stderr.encoding)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag, sys.hash_info.algorithm)
print(sys.float_info.max_exp, sys.float_info.radix, sys.int_info.bits_per_digit if False else "", sys.maxunicode)
print(type(sys.implementation.name).__name__, sys.implementation.version[:2] if False else "", hasattr(sys.implementation, "cache_tag"))
print(sys.flags.dont_write_bytecode, sys.flags.optimize, sys.flags.isolated, sys.dont_write_bytecode)
print(__name__, sys.modules["__main__"].__name__, "sys" in sys.modules, type(sys.modules).__name__)
print(type(sys.path).__name__, isinstance(sys.builtin_module_names, tuple), "sys" in sys.builtin_module_names)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
print(sys.exc_info(), sys.exception())
print(callable(sys.exit), callable(sys.intern), sys.intern("abc") == "abc")
