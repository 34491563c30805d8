# An uncaught exception deep in a call stack: exit status 1 and a PEP 657 traceback.
def divide(a, b):
    return a / b

def average(values):
    total = sum(values)
    return divide(total, len(values))

def report(groups):
    for name, values in groups.items():
        print(name, average(values))

print("starting")
report({"a": [1, 2, 3], "b": [4, 5], "empty": []})
print("never printed")
