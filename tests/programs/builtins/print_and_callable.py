import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" -- continued")
print()
print(1, 2.5, None, True, [1], {"k": (1,)}, sep=" | ")
print("to stderr", file=sys.stderr)
print("err", "multiple", sep="+", file=sys.stderr, end="!\n")
sys.stdout.write("written directly\n")
sys.stderr.write("stderr directly\n")
print(*range(5), sep="")
print(*"spread")
print("flushed", flush=True)
print(sep="x", end="[end]\n")
for bad in ({"sep": 1}, {"end": 2}, {"file": "notafile"}, {"bogus": 1}):
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = Writer()
print("into", "writer", file=w)
print(w.parts)
print(None, file=None)
# === callable ===
class WithCall:
    def __call__(self):
        pass
print(callable(print), callable(len), callable(WithCall), callable(WithCall()), callable(object()), callable("s"), callable(lambda: 0), callable(str.upper), callable(None))
print(sys.stdout.write("abc\n"))
