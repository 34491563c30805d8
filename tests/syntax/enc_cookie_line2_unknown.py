#!/usr/bin/env python
# -*- coding: bogus -*-
x = 1
