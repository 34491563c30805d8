# Uncaught exception raised while handling another: "During handling..." is shown.
def cleanup(resource):
    raise RuntimeError(f"cleanup of {resource} failed")

def work():
    try:
        items = []
        return items[3]
    except IndexError:
        cleanup("db")

work()
