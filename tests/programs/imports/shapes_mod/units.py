print("init shapes_mod.units")
SCALE = {"m": 1.0, "cm": 0.01, "mm": 0.001}
def convert(value, unit):
    return value * SCALE[unit]
