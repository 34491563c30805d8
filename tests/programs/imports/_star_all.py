__all__ = ["public_one", "exported_private"]
public_one = 1
public_two = 2
_exported_private = 3
exported_private = "listed in __all__"
