x = 1
print(x + 2)
def f(a, b=1, *args, c, d=2, **kw):
    """doc"""
    return a + b
class C(B, metaclass=M):
    x: int = 1
    def m(self):
        return super().m()
for i in range(10):
    if i: break
    else: continue
else:
    pass
while x:
    x -= 1
