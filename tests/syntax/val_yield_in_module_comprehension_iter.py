x = [i for i in (yield)]
