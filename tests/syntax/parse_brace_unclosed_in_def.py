def f():
    return {
