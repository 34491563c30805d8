# === mutation ===
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
ba += b"!"
print(ba, len(ba), ba[1:3], bytes(ba))
ba[1:3] = b"EEE"
print(ba)
del ba[0]
del ba[-3:]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 0x41)
ba.remove(ord("E"))
print(ba, ba.find(b"l"), ba.index(b"l"), ba.count(b"E"))
ba.reverse()
print(ba, ba * 2, ba.upper(), ba.hex())
ba.clear()
print(ba, len(ba), bytearray(3), bytearray([1, 2]), bytearray("abc", "ascii"))
for bad in (lambda: bytearray(b"x").__setitem__(0, 256), lambda: bytearray().pop(), lambda: bytearray(b"a").remove(98)):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
# === comparisons and mixing ===
print(bytearray(b"ab") == b"ab", b"ab" + bytearray(b"cd"), bytearray(b"ab") + b"cd", bytearray(b"a") < b"b")
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print(e)
# === memoryview basics ===
m = memoryview(bytearray(b"abcdef"))
print(m[0], bytes(m[1:3]), len(m), m.tobytes(), m.tolist()[:3], m.readonly)
m[0] = ord("Z")
print(bytes(m), m.obj)
