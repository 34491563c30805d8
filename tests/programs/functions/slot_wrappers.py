# Builtin special methods are slot wrappers; bound ones are method-wrappers (as CPython).
print(type(str.__add__).__name__, str.__add__)
print(type("a".__add__).__name__, repr("a".__add__)[:34])
print(type(object.__init__).__name__, object.__init__)
print(type(dict.__getitem__).__name__, dict.__getitem__, dict.__contains__, list.__getitem__)
print(type(int.__round__).__name__, type(object.__format__).__name__, type(object.__reduce_ex__).__name__)
print(type(object.__new__).__name__, type(dict.fromkeys).__name__)
print(str.__add__("a", "b"), "x".__add__("y"), int.__add__(1, 2), (3).__mul__(4))
print(object.__eq__.__qualname__, object.__eq__.__name__, "a".__len__.__self__)
print(type(set.__contains__).__name__, type(frozenset.__contains__).__name__, type(tuple.__getitem__).__name__)
print(list.__len__, type([].__len__).__name__)
import types
print(types.WrapperDescriptorType.__name__, types.MethodWrapperType.__name__, types.MethodDescriptorType.__name__)
print(str.__add__.__get__("q")("r"), type(str.__add__.__get__("q")).__name__)
