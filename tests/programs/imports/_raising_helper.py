# Helper whose function fails; the traceback spans two files.
def parse_record(text):
    name, value = text.split("=")
    return name.strip(), int(value)

def parse_all(lines):
    return [parse_record(line) for line in lines]
