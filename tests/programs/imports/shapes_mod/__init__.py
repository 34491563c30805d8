"""Helper package for the import tests (not a test program)."""
print("init shapes_mod")
from .base import Shape
from . import units
VERSION = "1.0"
