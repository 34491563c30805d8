class A:
    from os import *
