x = '# coding: latin-1'
