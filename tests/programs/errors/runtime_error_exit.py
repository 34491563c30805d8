# Output written before an uncaught error is kept; the exit status is 1.
import sys
print("line 1 on stdout")
print("line 2 on stderr", file=sys.stderr)
values = {"a": 1}
assert values["a"] == 1, "first assertion holds"
assert len(values) == 2, f"expected 2 values, got {len(values)}"
print("not reached")
