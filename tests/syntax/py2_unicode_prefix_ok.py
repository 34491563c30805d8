x = u'abc'
