eg = ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(repr(eg), str(eg), eg.message, len(eg.exceptions))
# === except* splits the group ===
try:
    raise eg
except* ValueError as g:
    print("values:", repr(g))
except* TypeError as g:
    print("types:", repr(g))
# === unmatched part re-raised ===
try:
    try:
        raise ExceptionGroup("mixed", [KeyError("k"), OSError("o")])
    except* KeyError as g:
        print("handled", repr(g.exceptions))
except ExceptionGroup as rest:
    print("rest:", repr(rest))
# === naked exception wrapped when matched by except* ===
try:
    raise ValueError("naked")
except* ValueError as g:
    print(type(g).__name__, repr(g.exceptions))
# === split and subgroup ===
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
match, rest = nested.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(nested.subgroup(lambda e: isinstance(e, TypeError))))
print(nested.subgroup(KeyError))
# === derive keeps notes? ===
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)
m, r = MyGroup("mine", [ValueError(1), KeyError(2)]).split(ValueError)
print(type(m).__name__, repr(m), repr(r))
# === BaseExceptionGroup vs ExceptionGroup ===
print(type(BaseExceptionGroup("x", [ValueError()])).__name__, type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
for args in (("msg", []), ("msg", [1]), (1, [ValueError()])):
    try:
        ExceptionGroup(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# === raise in except* block ===
try:
    try:
        raise ExceptionGroup("g", [ValueError("x")])
    except* ValueError:
        raise KeyError("from handler")
except* KeyError as g:
    print("caught new", repr(g.exceptions[0]), repr(g.exceptions[0].__context__))
