# A hand-written serializer and parser for a JSON subset.
def dumps(v, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        out = ['"']
        for c in v:
            if c == '"':
                out.append('\\"')
            elif c == "\\":
                out.append("\\\\")
            elif c == "\n":
                out.append("\\n")
            elif ord(c) < 0x20 or ord(c) > 0x7e:
                out.append(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else c)
            else:
                out.append(c)
        out.append('"')
        return "".join(out)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[" + sep.join(pad + dumps(x, indent, level + 1) for x in v) + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{" + sep.join(pad + dumps(str(k)) + ": " + dumps(x, indent, level + 1) for k, x in v.items()) + end + "}"
    raise TypeError(f"Object of type {type(v).__name__} is not serializable")
def loads(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \n\t\r":
            pos += 1
    def value():
        nonlocal pos
        ws()
        c = s[pos]
        if c == "{":
            pos += 1
            obj = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return obj
            while True:
                ws()
                k = value()
                ws()
                assert s[pos] == ":", f"expected ':' at {pos}"
                pos += 1
                obj[k] = value()
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                assert s[pos] == "}", f"expected '}}' at {pos}"
                pos += 1
                return obj
        if c == "[":
            pos += 1
            arr = []
            ws()
            if s[pos] == "]":
                pos += 1
                return arr
            while True:
                arr.append(value())
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return arr
        if c == '"':
            pos += 1
            out = []
            while s[pos] != '"':
                if s[pos] == "\\":
                    pos += 1
                    e = s[pos]
                    if e == "u":
                        out.append(chr(int(s[pos + 1:pos + 5], 16)))
                        pos += 4
                    else:
                        out.append({"n": "\n", "t": "\t"}.get(e, e))
                else:
                    out.append(s[pos])
                pos += 1
            pos += 1
            return "".join(out)
        for word, val in (("true", True), ("false", False), ("null", None)):
            if s.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(s) and s[pos] in "+-0123456789.eE":
            pos += 1
        text = s[start:pos]
        return float(text) if any(ch in text for ch in ".eE") else int(text)
    result = value()
    ws()
    if pos != len(s):
        raise ValueError(f"extra data at {pos}")
    return result
doc = {"name": "pyrite", "version": [0, 1], "tags": ["fast", "rust"], "ok": True, "none": None,
       "ratio": 0.75, "nested": {"deep": {"deeper": [1, {"x": "é\n\"q\""}]}}, "empty": {}, "list": []}
text = dumps(doc)
print(text)
print(dumps(doc, indent=2))
back = loads(text)
print(back == doc, back["nested"]["deep"]["deeper"][1]["x"])
print(loads(' [1, -2.5e3, "a\\u0041", {"k": [true, false, null]}] '))
try:
    dumps({1, 2})
except TypeError as e:
    print(e)
try:
    loads("[1] x")
except ValueError as e:
    print(e)
