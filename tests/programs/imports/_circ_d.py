from _circ_c import C_NAME
D_NAME = "d"
