x = u'\x4'
