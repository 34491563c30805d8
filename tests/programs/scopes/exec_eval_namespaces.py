x = "global x"
print(eval("x"), eval("x", {"x": "custom"}), eval("x + y", {"x": 1}, {"y": 2}))
ns = {}
exec("a = 1\nb = a + 1", ns)
print(ns["a"], ns["b"], "__builtins__" in ns)
def in_function():
    local_var = 5
    return eval("local_var * 2"), eval("x")
print(in_function())
loc = {}
exec("z = 10", globals(), loc)
print(loc, "z" in globals())
exec("def helper():\n    return 'helper from exec'", globals())
print(helper())
try:
    eval("undefined_in_eval")
except NameError as e:
    print(e)
try:
    eval("len")({})
except Exception as e:
    print(e)
print(eval("__name__"), eval("__name__", {"__name__": "fake"}), eval("len([1, 2])", {"__builtins__": {"len": len}}))
try:
    eval("abs(-1)", {"__builtins__": {}})
except NameError as e:
    print(e)
print(eval("1 if True else 2"), eval("[i for i in range(3)]"), eval("lambda: 5")(), eval(" 7 "), eval("\n8\n".strip()))
code = "total = 0\nfor i in range(5):\n    total += i\n"
env = {}
exec(code, env)
print(env["total"])
