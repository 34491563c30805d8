@x.y()
def f(): pass
@x[0]
class A: pass
