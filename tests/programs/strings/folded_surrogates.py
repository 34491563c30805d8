# Constant folding of str literals that hold surrogates: a lead surrogate followed by a
# trail surrogate stays two code points, as it does at run time.
a = "\ud800" + "\udc00"
print(len(a), [hex(ord(c)) for c in a])
b = "\ud800" "\udc00"
print(len(b), [hex(ord(c)) for c in b])
c = ("\udc00\ud800" * 3)
print(len(c), [hex(ord(ch)) for ch in c])
d = "x\ud83d" + "\ude00y"
print(len(d), d[1] == "\ud83d", d[2] == "\ude00")
e = "ab\u20ac" * 4
print(len(e), e)
f = ("\ud800" + "\udc00")[1]
print(hex(ord(f)))
g = "\U0001f600" + "\ud800" "\udc00" + "z"
print(len(g), [hex(ord(ch)) for ch in g])
print(len("\u20ac" * 1000), len("é" * 2000))
