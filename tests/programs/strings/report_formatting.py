# Tabular report formatting with str methods, format specs and f-strings.
rows = [("Widget", 4, 3.5), ("Gadget", 12, 12.25), ("Thingamajig", 1, 199.999), ("Doohickey", 250, 0.05)]
header = f"{'Item':<12}|{'Qty':>5}|{'Price':>10}|{'Total':>12}"
print(header)
print("-" * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<12.12}|{qty:>5d}|{price:>10.2f}|{total:>12,.2f}")
print("=" * len(header))
print(f"{'TOTAL':<12}|{sum(r[1] for r in rows):>5}|{'':>10}|{grand:>12,.2f}")
print("%-12s|%5d|%10.2f" % rows[0])
print("{:<12}|{:>5}|{:>10.2f}".format(*rows[1]))
print("|".join(s.center(9, "·") for s in ("a", "bb", "ccc")))
for pct in (0.0, 0.125, 0.5, 0.999, 1.0):
    bar = "#" * round(pct * 20)
    print(f"[{bar:<20}] {pct:6.1%}")
width = 30
title = " Summary "
print(f"{title:*^{width}}")
print(f"{'left':<{width // 2}}{'right':>{width // 2}}")
print(f"{12345.6789:>15,.3f}|{-0.5:^+10.1f}|{42:#010x}|{0.000123:.2e}|{1e21:g}|{123456789:_}")
