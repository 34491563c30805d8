# Carets under the failing sub-expression of a longer line.
data = {"users": [{"name": "ann", "tags": None}]}

def first_tag(d):
    return d["users"][0]["tags"][0] + "!"

def main():
    print("looking up")
    value = first_tag(data)
    print(value)

main()
