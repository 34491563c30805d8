# vim: set fileencoding=Latin-1 :
x = 'é'
