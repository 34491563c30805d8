# Allocating an impossible amount of memory raises MemoryError, which can be caught.
try:
    x = [0] * 10 ** 12
except MemoryError as e:
    print("caught", type(e).__name__)
try:
    s = "ab" * (10 ** 15)
except MemoryError as e:
    print("caught", type(e).__name__)
try:
    b = bytes(10 ** 15)
except MemoryError as e:
    print("caught", type(e).__name__)
try:
    [0] * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print("caught", type(e).__name__)
try:
    "x" * (2 ** 63)
except OverflowError as e:
    print("caught", type(e).__name__, e)
print("still running", len([0] * 1000))
