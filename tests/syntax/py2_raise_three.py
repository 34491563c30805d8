raise E, 'm', tb
