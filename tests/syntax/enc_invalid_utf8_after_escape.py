x = 'a\né'
