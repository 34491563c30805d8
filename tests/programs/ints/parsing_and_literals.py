# === integer literals ===
print(0b1010, 0o17, 0xFF, 0XfF, 1_000_000, 0b_1111_0000, 0x_dead_beef, 00, 0_0)
print(int("1_000"), int("0b1010", 0), int("0o17", 0), int("0x_ff", 0), int("  42\n"), int("-0"), int("+0x10", 16))
for s, base in (("08", 0), ("0b2", 0), ("1__0", 10), ("0x", 16), ("١٢", 10), ("９", 10), ("z", 35)):
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(repr(s), base, "->", e)
print(int(b"42"), int(bytearray(b"-7")), int("Z", 36), int("zz", 36), int("10", 36))
# === very long literals ===
big = 123456789012345678901234567890123456789012345678901234567890
print(big, big * big % 1000000007, -big // 7, len(str(big)))
print(int("9" * 200) + 1 == 10 ** 200, int("-" + "1" * 100) // 10 ** 99)
# === int() with objects ===
class HasInt:
    def __int__(self):
        return 12
class HasIndex:
    def __index__(self):
        return 13
class HasTrunc:
    def __trunc__(self):
        return 14
print(int(HasInt()), int(HasIndex()), int(HasTrunc()))
class BadInt:
    def __int__(self):
        return "no"
try:
    int(BadInt())
except TypeError as e:
    print(e)
