# Notes added to an exception appear after its message.
def parse(line_no, text):
    try:
        return float(text)
    except ValueError as e:
        e.add_note(f"line {line_no}: {text!r}")
        e.add_note("hint: use a decimal point")
        raise

for i, t in enumerate(["1.5", "2", "three"], 1):
    print(parse(i, t))
