print("init shapes_mod.geometry.circle")
from ..base import Shape
from ..units import convert
from .. import VERSION as PKG_VERSION
class Circle(Shape):
    name = "circle"
    def __init__(self, r, unit="m"):
        self.r = convert(r, unit)
    def area(self):
        return 3.14159 * self.r ** 2
