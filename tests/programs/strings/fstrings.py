name = "World"
n = 42
items = [1, 2, 3]
d = {"key": "value"}
# === basic interpolation ===
print(f"Hello, {name}!", f"{n + 1}", f"{items[1]}", f"{d['key']}", f"{len(items) * 2}", f"{'nested'}")
# === conversions and = specifier ===
print(f"{name!r}", f"{name!s}", f"{'é'!a}", f"{n=}", f"{n + 1 = }", f"{name=!r:>10}", f"{items=}")
# === format specs ===
print(f"{n:5d}|{n:<5}|{n:^7}|{n:x}|{n:#o}|{n:08b}|{n:,}|{n:+}|{n:e}")
print(f"{3.14159:.2f}|{0.25:%}|{1234567.891:,.2f}|{1e-9:g}")
width, prec = 10, 3
print(f"{3.14159:{width}.{prec}f}|", f"{'abc':>{width}}|", f"{n:{'>' if n > 0 else '<'}6}|")
# === expressions ===
print(f"{'yes' if n > 40 else 'no'}", f"{[x * 2 for x in items]}", f"{(lambda x: x * 3)(4)}", f"{ {'a': 1}['a'] }")
print(f"{n // 5} {n % 5} {n ** 2} {-n} {not n}", f"{items!r:>15}", f"{','.join(map(str, items))}")
# === braces and quotes ===
print(f"{{}}", f"{{{n}}}", f"{n}{{x}}", f'{"double"}', f"""{'triple'}""", f"{'it' + chr(39) + 's'}")
# === multiline and nested f-strings ===
val = f"""a
{n}
b"""
print(val)
print(f"{f'{n}'}", f"{f'{n:>{4}}'}|", f"""{f'{f"{n}"}'}""")
# === objects with __format__, __str__, __repr__ ===
class Obj:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"
    def __format__(self, spec):
        return f"format({spec})"
o = Obj()
print(f"{o}", f"{o!s}", f"{o!r}", f"{o:spec}", f"{o!s:>6}")
# === date-like padding ===
for h, m in ((1, 5), (12, 30), (23, 9)):
    print(f"{h:02d}:{m:02d}")
