print("circ_b: start")
import _circ_a
print("circ_b: _circ_a has A_VALUE?", hasattr(_circ_a, "A_VALUE"))
B_VALUE = "b"
def from_b():
    return "from_b sees " + _circ_a.A_VALUE
print("circ_b: end")
