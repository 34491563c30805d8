# coding: xyz
x = 1
