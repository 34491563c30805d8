x = 1234.5678
# === % formatting ===
print("%f|%.2f|%10.3f|%-10.1f|%+.1f|%e|%.3E|%g|%G" % (x, x, x, x, x, x, x, x, x))
print("%g %g %g %g %g" % (1e-5, 1e-4, 123456, 1234567, 0.0001234))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))
print("%5.1f%%" % 99.44, "%r %s" % (0.1, 0.1))
# === format() specs ===
for spec in ("", ".1f", ".3e", ".4g", "10.2f", "<10.2f", "^12.3f", ">+10.1f", "010.2f", ",.2f", "_.1f", ".2%", "e", "g", "n", "#.0f", ".0e", "#g"):
    print(repr(spec), format(x, spec))
for v in (0.0, -0.0, 1e-7, 1e16, 123456789.0, float("inf"), float("-inf"), float("nan")):
    print(format(v, ""), format(v, "g"), format(v, ".3f"), format(v, "10.2e"), format(v, "+"))
# === f-strings ===
pi = 3.141592653589793
w, p = 12, 4
print(f"{pi}", f"{pi:.3f}", f"{pi:{w}.{p}f}|", f"{pi:<{w}}|", f"{-pi:=12.2f}", f"{pi*100:,.1f}")
print(f"{1e100:.3g}", f"{2.5:.0f}", f"{3.5:.0f}", f"{1/3:.20f}", f"{0.1:.17g}", f"{123.0:g}")
# === str.format ===
print("{:.2f} {:>8.3f} {:e} {:G}".format(pi, pi, pi, 1e-10))
print("{0:.1f} {0:.5f} {1:+.2e}".format(2.25, -12345.678))
# === repr vs str vs format() with z flag is 3.11 ===
print(format(-0.0001, "z.2f"), format(-0.0, "z"), f"{-0.004:z.1f}")
