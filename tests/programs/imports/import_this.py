# Importing `this` prints the Zen of Python once; a second import prints nothing.
import this
import this
print("---")
print(len(this.s), this.s[:10], len(this.d))
print("".join(this.d.get(c, c) for c in this.s)[:30])
