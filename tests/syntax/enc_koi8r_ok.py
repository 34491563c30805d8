# -*- coding: koi8-r -*-
x = 'привет'
