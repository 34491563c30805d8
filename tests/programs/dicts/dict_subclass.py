class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        self[name] = value
a = AttrDict(x=1)
a.y = 2
print(a, a.x, a.y, getattr(a, "z", "none"), isinstance(a, dict))
class CountingDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sets = 0
    def __setitem__(self, k, v):
        self.sets += 1
        super().__setitem__(k, v)
c = CountingDict(a=1)
c["b"] = 2
c["c"] = 3
c.update(d=4)  # update does not call __setitem__
print(c, c.sets, len(c), dict(c))
class Lower(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __contains__(self, k):
        return super().__contains__(k.lower())
lo = Lower(abc=1)
print(lo["ABC"], "AbC" in lo, lo.get("ABC"), list(lo.items()))
print(type(CountingDict(a=1) | {"b": 2}).__name__, type({**c}).__name__, {**c, "z": 0})
