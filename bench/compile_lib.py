# Compiles every file named in the list file given as argv[1] (one path per line) with the
# builtin compile(), the way an import would, and prints how many compiled and how many were
# rejected with SyntaxError. Uses builtins only.
import sys

def main(list_path):
    with open(list_path, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    ok = 0
    bad = 0
    unreadable = 0
    for path in paths:
        try:
            with open(path, "rb") as f:
                source = f.read()
        except OSError:
            unreadable += 1
            continue
        try:
            compile(source, path, "exec")
            ok += 1
        except (SyntaxError, ValueError):
            bad += 1
    print("files", len(paths), "compiled", ok, "syntax errors", bad, "unreadable", unreadable)

main(sys.argv[1])
