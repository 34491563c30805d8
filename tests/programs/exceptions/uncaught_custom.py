# Custom exception classes, an empty message and a failing __str__.
class EmptyMessage(Exception):
    pass

class BrokenStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")

class Machine:
    def __init__(self):
        self.state = "idle"

    def step(self, event):
        if event == "explode":
            raise BrokenStr("boom")
        if event == "halt":
            raise EmptyMessage()
        self.state = event

m = Machine()
for ev in ("run", "pause"):
    m.step(ev)
    print("state", m.state)
try:
    m.step("halt")
except EmptyMessage as e:
    print("caught", repr(e), str(e) == "")
m.step("explode")
