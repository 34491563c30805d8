s = 'é'; return
