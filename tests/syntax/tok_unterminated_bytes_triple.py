x = b'''abc
