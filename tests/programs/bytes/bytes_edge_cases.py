FIDX = 1.0
def r(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
class B:
    def __bytes__(self): return b"BB"
class I:
    def __index__(self): return 3
print(r(lambda: bytes(B())), r(lambda: bytes(I())), r(lambda: bytes([I()])), r(lambda: bytes(iter([1, 2]))), r(lambda: bytes("x", "ascii", "strict")), r(lambda: bytes(source=b"k")), r(lambda: bytes(errors="strict")), r(lambda: bytes(b"x", "ascii")))
print(r(lambda: bytearray(range(3))), r(lambda: bytearray("é", "utf-8")), r(lambda: bytearray(B())), r(lambda: bytearray(-1)), r(lambda: bytearray([256])))
print(r(lambda: str(1, 2, 3, 4)), r(lambda: str(b"abc", errors="ignore")), r(lambda: str(bytearray(b"xy"), "ascii")), r(lambda: str(memoryview(b"mv"), "utf-8")), r(lambda: str(encoding="ascii")))
ba = bytearray(b"0123456789")
ba[::2] = b"abcde"; print(ba)
ba[1:9:3] = [65, 66, 67]; print(ba)
r(lambda: ba.__setitem__(slice(None, None, 2), b"xy")); print(r(lambda: ba.__setitem__(slice(None, None, 2), b"xy")))
del ba[::3]; print(ba)
ba[2:2] = b"INS"; print(ba)
ba[:] = b""; print(ba, len(ba))
ba = bytearray(b"ab"); ba *= 3; print(ba); ba += bytearray(b"!"); print(ba); ba[-1] = 63; print(ba)
ba2 = ba; ba2 += b"z"; print(ba is ba2, ba)
ba[0:2] = ba; print(ba)
print(r(lambda: ba.extend([1, "x"])), r(lambda: ba.extend(5)), r(lambda: ba.insert(-100, 88)), ba)
print(bytes.fromhex("  01 ff  "), bytearray.fromhex("abcd"), r(lambda: bytes.fromhex("0g")), r(lambda: bytes.fromhex("1 2")), b"\x01\x02".hex(), b"abcdef".hex(" ", -4), b"abcdef".hex(b"|", 4))
print(b"abc" * 0, b"x" * -1, 2 * b"ab", r(lambda: b"a" * 1.5), r(lambda: 1.5 * b"a"), r(lambda: b"a" + "b"), r(lambda: "b" + b"a"), r(lambda: b"a" + 1))
print(b"abc" < b"abd", b"abc" >= b"abc", b"" == b"", r(lambda: b"a" < "a"), b"a" == "a", bytearray(b"a") != b"b", b"ab" in bytearray(b"xaby"), r(lambda: 256 in b"a"), r(lambda: "a" in b"a"))
print(b"abc"[1], b"abc"[-1], b"abc"[1:], r(lambda: b"abc"[3]), r(lambda: b"abc"[FIDX]), bytearray(b"abc")[::-1], list(bytearray(b"hi")), list(reversed(b"ab")))
print(b"Hello World".swapcase(), b"hello world".title(), b"HELLO".capitalize(), b"a1!".isalnum(), b"".isspace(), b"Abc Def".istitle(), b"aBC".isupper())
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 5}, b"%5.1f|%-4c|%x" % (2.25, b"z", 255), r(lambda: b"%s" % "str"), b"%a %r" % ("é", b"x"), r(lambda: b"%c" % 256), r(lambda: b"%d %d" % (1,)))
print(b"a.b.c".split(b".", 1), b"a.b.c".rsplit(b".", 1), b" a b ".split(maxsplit=1), b"\t a\nb ".split(), b"x".join([b"1", bytearray(b"2"), memoryview(b"3")]), r(lambda: b"x".join([b"1", "2"])))
print(b"abc".ljust(5, b"-"), b"abc".rjust(2), bytearray(b"ab").center(6), b"-5".zfill(4), b"ABC".lower(), b"\tx".expandtabs(2), b"aXbXc".replace(b"X", b"--"), b"aaa".replace(b"a", b"b", 2))
print(b"xxhixx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip(), bytearray(b" m ").strip(), b"pre-x".removeprefix(b"pre-"), b"x.txt".removesuffix(b".txt"), b"abc".partition(b"b"), bytearray(b"abc").rpartition(b"z"))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".index(108), b"hello".count(b"l", 3), b"hello".startswith((b"x", b"he")), b"hello".endswith(b"lo", 0, 5), r(lambda: b"hello".index(b"z")), r(lambda: b"h".rindex(b"z")))
print(bytes(memoryview(b"abc")[::2]), memoryview(b"abc").tolist(), r(lambda: memoryview("abc")), b"abc".decode("ascii"), b"\xe9".decode("latin-1"), b"\xe9".decode("cp1252"), r(lambda: b"\x81".decode("cp1252")), "é".encode("utf-32"), b"\xff\xfe\x00\x00a\x00\x00\x00".decode("utf-32"), "a\U0001f40d".encode("utf-16-le"), b"=\xd8\r\xdc".decode("utf-16-le"))
print(hash(b"abc") == hash("abc"), hash(b"x"), r(lambda: hash(bytearray())), b"abc".__getnewargs__(), type(bytes.fromhex("")).__name__)
class MyB(bytes): pass
mb = MyB(b"qq"); print(mb, type(mb).__name__, type(mb + b"x").__name__, type(MyB.fromhex("41")).__name__, MyB.fromhex("41"))
class MyS(str):
    def __str__(self): return "custom"
ms = MyS("orig"); print(str(ms), ms, "%s" % ms, "{}".format(ms), f"{ms}", format(ms), ms.upper(), repr(ms), ms + "!", ms * 2, ms[1:], len(ms), str.__str__(ms))
