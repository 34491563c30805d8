# A small record class generator built with type() and closures (no imports).
def record(name, fields):
    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(f"{name} takes {len(fields)} arguments")
        values = dict(zip(fields, args))
        for k, v in kwargs.items():
            if k not in fields:
                raise TypeError(f"unknown field {k!r}")
            if k in values:
                raise TypeError(f"duplicate field {k!r}")
            values[k] = v
        missing = [f for f in fields if f not in values]
        if missing:
            raise TypeError(f"missing {', '.join(missing)}")
        for k in fields:
            setattr(self, k, values[k])
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in fields)
        return f"{name}({inner})"
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in fields)
    def __hash__(self):
        return hash(tuple(getattr(self, f) for f in fields))
    def _replace(self, **changes):
        values = {f: getattr(self, f) for f in fields}
        values.update(changes)
        return type(self)(**values)
    ns = {"__init__": __init__, "__repr__": __repr__, "__eq__": __eq__, "__hash__": __hash__,
          "_replace": _replace, "_fields": tuple(fields)}
    return type(name, (), ns)
Point = record("Point", ["x", "y"])
Person = record("Person", ["name", "age", "email"])
p = Point(1, 2)
q = Point(y=2, x=1)
print(p, q, p == q, p is q, hash(p) == hash(q), len({p, q}), Point._fields)
print(p._replace(y=5), Person("ann", 30, email="a@x"), p == (1, 2))
for args, kwargs in (((1, 2, 3), {}), ((1,), {}), ((1,), {"x": 2}), ((), {"z": 1})):
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print(e)
people = [Person("bob", 25, "b@x"), Person("al", 30, "a@x"), Person("cy", 25, "c@x")]
print(sorted(people, key=lambda r: (r.age, r.name)))
