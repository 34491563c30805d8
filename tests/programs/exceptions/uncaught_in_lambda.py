# Tracebacks through lambdas, comprehensions, generators and methods.
class Pipeline:
    def __init__(self, steps):
        self.steps = steps

    def run(self, value):
        for step in self.steps:
            value = step(value)
        return value

def items(n):
    for i in range(n):
        yield 10 // (2 - i)

p = Pipeline([lambda v: v + 1, lambda v: [x * 2 for x in items(v)]])
print(p.run(1))
print(p.run(3))
