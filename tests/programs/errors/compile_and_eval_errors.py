# SyntaxErrors raised by compile()/eval()/exec() at run time can be caught and inspected.
samples = [
    "1 +",
    "def f(:\n    pass",
    "x = (1, 2",
    "for x in range(3) print(x)",
    "a = 1 = 2",
    "print 'hello'",
    "if True:\npass",
    "class C:\n  x = 1\n    y = 2",
    "lambda: (yield)",
    "f(**k, *a)",
    "x := 5",
    "del f()",
    "'unterminated",
    "0777",
    "1_000_",
    "return 5",
    "break",
    "def f():\n    global x\n    x = 1\n    global x",
    "nonlocal y",
    "f(x for x in y, 1)",
    "a, b += 1",
    "True = 1",
    "import",
    "from x import",
    "@\ndef f(): pass",
    "match x:\n    case 1 + :\n        pass",
    "try:\n    pass",
    "'\\N{NOT A REAL NAME}'",
]
for src in samples:
    try:
        compile(src, "<sample>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
try:
    eval("1 1")
except SyntaxError as e:
    print(e)
try:
    exec("x = ")
except SyntaxError as e:
    print(e.filename, e.lineno, e.msg)
print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"), eval("a + b", {"a": 1, "b": 2}))
ns = {}
exec("def g(n):\n    return n * 10\nresult = g(4)", ns)
print(ns["result"], sorted(k for k in ns if k != "__builtins__"))
code = compile("print('compiled code object runs')", "<string>", "exec")
exec(code)
print(type(code).__name__, code.co_filename, compile("40 + 2", "<e>", "eval").co_name)
print(eval(compile("40 + 2", "<e>", "eval")))
