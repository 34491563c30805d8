import sys
# SystemExit is an exception: finally blocks run and it can be caught.
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    try:
        sys.exit("msg")
    finally:
        print("finally runs during exit")
except SystemExit as e:
    print("code:", e.code)
def cleanup():
    try:
        raise SystemExit(7)
    finally:
        print("cleanup done")
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code", e.code)
cleanup()
