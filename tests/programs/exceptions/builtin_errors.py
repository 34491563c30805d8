cases = [
    "1 + 'a'", "'a' + 1", "[] + ()", "{} + {}", "None + 1", "1 < 'a'", "[1] < (1,)", "len(5)", "abs('x')",
    "int('3.5')", "float('x')", "[].index(1)", "(1, 2).index(3)", "'abc'.index('z')", "{}['k']", "[][0]", "()[5]",
    "'x'[9]", "range(3)[7]", "next(iter([]))", "1 / 0", "1 % 0", "2 ** 10000.0", "None.attr", "(1).real = 2",
    "'s'.nope", "object().x", "x_undefined", "chr(-1)", "ord('')", "int('')", "divmod(1, 0)", "[1, 2, 3][1.0]",
    "{[]: 1}", "set([[]])", "hash({})", "iter(5)", "list(5)", "tuple(None)", "dict(5)", "sum(['a'])", "sum([[1]], 0)",
    "max([])", "min(1)", "sorted(5)", "'%d' % 'x'", "int(1, 2)", "bytes('x')", "complex('z')", "round('x')",
    "pow(1, 2, 0)", "pow(2.0, 2, 3)", "bin(1.5)", "getattr(1, 'x')", "setattr(1, 'x', 2)", "'a' * 'b'",
    "[1] * 2.0", "-[]", "~1.5", "1 << 1.0", "'abc'.split(None, 'x')", "str.upper(1)", "type(1, 2)",
    "isinstance(1, 'int')", "object.__new__(int)", "int.__new__(str)", "memoryview(5)", "slice()",
]
for src in cases:
    try:
        eval(src)
        print(f"{src:28} no error")
    except Exception as e:
        print(f"{src:28} {type(e).__name__}: {e}")
