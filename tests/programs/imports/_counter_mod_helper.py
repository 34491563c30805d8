print("executing _counter_mod_helper")
count = 0
def bump():
    global count
    count += 1
    return count
