print([chr(i) for i in range(65, 75)], [ord(c) for c in "az09 ~"], chr(0x3b1), ord("α"), chr(0x1F600), ord("😀"))
print(hex(255), hex(-1), hex(0), oct(8), oct(-8), bin(10), bin(-10), bin(0))
print(format(255, "x"), format(255, "#010b"), int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2))
print(ascii("plain"), ascii("ünïcode"), ascii("\n\t"), ascii(["é", b"\xff"]), ascii("😀"))
print(repr("x"), repr(1.0), repr([1, "a"]), repr(None), repr(...), repr(NotImplemented), repr(type), repr(int), repr(len))
# === conversions between sequences ===
print(list("abc"), tuple([1, 2]), set("aab") == {"a", "b"}, dict([("k", "v")]), str([1]), bytes([97]), bytearray(b"z"), list(b"ab"))
print(bool("False"), int(True), float(False), str(True), list({"k": 1}.items()), tuple("x"))
