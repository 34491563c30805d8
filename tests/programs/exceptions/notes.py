e = ValueError("base")
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e), repr(e))
try:
    e.add_note(5)
except TypeError as err:
    print(err)
try:
    try:
        int("zz")
    except ValueError as err:
        err.add_note("while parsing config")
        raise
except ValueError as err:
    print(err, err.__notes__)
print(hasattr(ValueError(), "__notes__"))
