import sys
# === default limit ===
print(sys.get_int_max_str_digits())
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("str:", e)
try:
    repr(big)
except ValueError as e:
    print("repr:", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("int:", e)
print(len(str(10 ** 4299)))
print(int("9" * 4300) % 1000)
# hex/bin are not limited
print(len(hex(big)), len(bin(big)))
# === f-string and format also limited ===
try:
    f"{big}"
except ValueError as e:
    print("fstring:", e)
try:
    "%d" % big
except ValueError as e:
    print("percent:", e)
# === raising the limit ===
sys.set_int_max_str_digits(6000)
print(sys.get_int_max_str_digits())
s = str(big)
print(len(s), s[:5], s[-5:])
print(int(s) == big)
# === zero means unlimited ===
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
# === invalid values ===
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
try:
    str(10 ** 700)
except ValueError as e:
    print(e)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
# === int from str with base power of two is unlimited ===
print(int("f" * 5000, 16).bit_length())
