# raise SystemExit with a tuple-free non-int, non-str value: printed to stderr, status 1.
print("exiting with a list")
raise SystemExit([1, 2])
