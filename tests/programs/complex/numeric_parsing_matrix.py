# Differential matrix of number behaviour (deterministic pseudo-random cases).
seed = 31337
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 20) % n
alpha = "0123456789_.e-+ jJ()inftyan\u0663\uff11\xa0"
for i in range(1500):
    n = 1 + rnd(8)
    s = "".join(alpha[rnd(len(alpha))] for _ in range(n))
    out = [repr(s)]
    for f in (float, int, complex):
        try: out.append(repr(f(s)))
        except Exception as e: out.append(type(e).__name__ + ": " + str(e))
    for b in (0, 2, 8, 16, 36):
        try: out.append(repr(int(s, b)))
        except Exception as e: out.append(type(e).__name__)
    try: out.append(repr(float.fromhex(s)))
    except Exception as e: out.append(type(e).__name__ + ": " + str(e))
    print(" | ".join(out))
