# An uncaught error raised in an imported module: frames from both files are shown.
from _raising_helper import parse_all
print(parse_all(["a = 1", "b=2"]))
print(parse_all(["c = 3", "d = four"]))
