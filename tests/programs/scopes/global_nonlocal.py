counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make_global():
    global created_later
    created_later = "I exist"
make_global()
print(created_later)
# === global shadows ===
x = "global x"
def read_global():
    return x
def shadow():
    x = "local x"
    return x, read_global()
print(shadow(), x)
# === del of global ===
def remove():
    global created_later
    del created_later
remove()
try:
    created_later
except NameError as e:
    print(e)
# === nonlocal with nested functions and classes ===
def f():
    value = 1
    class Inner:
        def method(self):
            nonlocal value
            value += 1
            return value
    obj = Inner()
    obj.method()
    return obj.method(), value
print(f())
# === globals() and locals() ===
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))
print("counter" in globals(), globals()["counter"], __name__)
g = globals()
g["injected"] = 42
print(injected)
# === builtins can be shadowed ===
def use_len():
    len = lambda s: -1
    return len("abc")
print(use_len(), len("abc"))
import builtins
print(builtins.len("xy"), type(builtins).__name__)
# === name errors ===
try:
    undefined_name
except NameError as e:
    print(e, e.name if hasattr(e, "name") else "")
def uses_undefined():
    return undefined_thing + 1
try:
    uses_undefined()
except NameError as e:
    print(e)
