s = "the quick brown fox jumps over the lazy dog"
# === find / index / count ===
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find(""), s.rfind(""))
print(s.index("fox"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), s.count("o", 20, 30))
print(s.find("o", -10), s.find("o", 5, 10), s.find("q", 100))
try:
    s.index("cat")
except ValueError as e:
    print(e)
try:
    s.rindex("cat")
except ValueError as e:
    print(e)
# === startswith / endswith ===
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("dog"), s.endswith("do", 0, -1), s.startswith("quick", 4))
try:
    s.startswith(["the"])
except TypeError as e:
    print(e)
# === in operator ===
print("fox" in s, "" in s, "Fox" in s, "x" not in "abc")
try:
    1 in s
except TypeError as e:
    print(e)
# === replace ===
print(s.replace("the", "a"), s.replace("o", "0", 2), s.replace("", "|")[:20], "aaa".replace("a", "aa"))
print("abc".replace("", "-"), "abc".replace("b", ""), s.replace("zzz", "y") == s)
# === removeprefix / removesuffix ===
print("prefix_body".removeprefix("prefix_"), "body.py".removesuffix(".py"), "x".removeprefix("y"))
