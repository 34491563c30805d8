# String building: repeated +=, str.join of pieces, formatting into lists.
check = 0
for rnd in range(400):
    s = ""
    for i in range(8000):
        s += str(i % 10)
    check += len(s)
    parts = []
    for i in range(8000):
        parts.append("<%d>" % i)
    joined = "".join(parts)
    check += len(joined)
    lines = "\n".join("line %d: %s" % (i, "x" * (i % 13)) for i in range(3000))
    check += lines.count("\n") + len(lines)
    csv = ",".join([str(i * 3) for i in range(5000)])
    check += sum(int(x) for x in csv.split(",")[:100])
print("checksum", check)
