import sys
def main():
    print("clean exit")
    sys.exit()
main()
print("not reached")
