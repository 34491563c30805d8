import sys
print("exit(True) means status 1, exit(False) means 0")
try:
    sys.exit(False)
except SystemExit as e:
    print("False ->", e.code)
sys.exit(True)
