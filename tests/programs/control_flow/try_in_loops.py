# Exceptions used for control flow inside loops.
results = []
for token in ["1", "2", "x", "4", "", "6.5", "-3"]:
    try:
        value = int(token)
    except ValueError:
        results.append(f"skip {token!r}")
        continue
    else:
        results.append(value * 2)
    finally:
        results.append("|")
print(results)
def first_index(items, pred):
    for i, item in enumerate(items):
        try:
            if pred(item):
                return i
        except TypeError:
            continue
    return -1
print(first_index([None, "a", 3, 7], lambda v: v > 5))
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 4:
            raise ConnectionError(f"attempt {attempts} failed")
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print(e)
total = 0
data = {"a": 1, "c": 3}
for key in "abcd":
    try:
        total += data[key]
    except KeyError:
        pass
print(total)
it = iter(range(3))
while True:
    try:
        v = next(it)
    except StopIteration:
        print("iterator exhausted")
        break
    print("value", v)
