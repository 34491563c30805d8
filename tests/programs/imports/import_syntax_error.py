# Importing a module with a syntax error: caught first, then uncaught.
try:
    import _bad_syntax_helper
except SyntaxError as e:
    print("caught:", e.msg, e.lineno, e.offset, repr(e.text), e.filename.endswith("_bad_syntax_helper.py"))
import sys
print("_bad_syntax_helper" in sys.modules)
import _bad_syntax_helper
