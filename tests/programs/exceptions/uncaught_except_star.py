# except* handles part of a group; the unhandled rest propagates and is printed.
def tasks():
    raise ExceptionGroup("batch", [ValueError("bad value"), OSError("disk"), ValueError("worse value")])
try:
    tasks()
except* ValueError as g:
    print("handled", len(g.exceptions), "value errors")
print("not reached")
