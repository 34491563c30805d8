# KeyError repr in the message, multi-line expression in the traceback.
config = {"host": "localhost", "port": 8080}
print(config["host"])
url = (
    "http://"
    + config["host"]
    + ":"
    + str(config["user"])
)
