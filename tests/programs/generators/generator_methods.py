# Generators used as coroutine-style consumers and state machines.
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        total += term
        count += 1
        average = total / count
a = averager()
next(a)
for v in (10, 20, 30, 45):
    print(a.send(v))
def tokenizer(text):
    word = ""
    for ch in text:
        if ch.isalnum():
            word += ch
        else:
            if word:
                yield ("WORD", word)
                word = ""
            if not ch.isspace():
                yield ("PUNCT", ch)
    if word:
        yield ("WORD", word)
print(list(tokenizer("Hello, world! It's 2024.")))
def traffic_light():
    while True:
        for state, ticks in (("green", 3), ("yellow", 1), ("red", 2)):
            for _ in range(ticks):
                yield state
light = traffic_light()
print([next(light) for _ in range(9)])
# === generator objects attributes after completion ===
def one():
    yield 1
g = one()
print(g.gi_running, list(g), g.gi_frame, g.gi_yieldfrom)
def deleg():
    yield from one()
d = deleg()
next(d)
print(type(d.gi_yieldfrom).__name__)
