# Packages with relative imports (helpers in shapes_mod/).
import shapes_mod
print("imported", shapes_mod.VERSION, shapes_mod.__name__, shapes_mod.__package__)
from shapes_mod.geometry import Circle, Square
from shapes_mod.geometry import circle as circle_module
print(Circle(1).describe(), Square(2).describe(), Square(2).inscribed().describe())
print(Circle(50, "cm").r, circle_module.PKG_VERSION, circle_module.__name__, circle_module.__package__)
print(Circle.__module__, Square.__mro__[1].__module__, shapes_mod.Shape is shapes_mod.base.Shape)
import shapes_mod.geometry.square as sq
print(sq.Square(3).area(), sq.__name__, "shapes_mod.geometry.square" in __import__("sys").modules)
print(sorted(n for n in dir(shapes_mod) if not n.startswith("__")))
print(sorted(n for n in dir(shapes_mod.geometry) if not n.startswith("__")))
