# String-heavy: methods, slicing, searching, case conversion and formatting.
text = " ".join("word%d-Alpha_beta,gamma" % i for i in range(2000))
total = 0
for rnd in range(390):
    parts = text.split(" ")
    for p in parts:
        a, b = p.split("-", 1)
        total += len(a.upper()) + b.count("a") + b.find("gamma")
        if p.startswith("word1") and p.endswith("gamma"):
            total += 1
        q = p.replace("_", " ").title().swapcase()
        total += len(q.strip().lower())
        total += q[::-1].index("A") if "A" in q else 0
        total += len("{}:{:>8}".format(a, b[:5]))
        total += p.isalnum() + a[4:].isdigit()
print("checksum", total)
