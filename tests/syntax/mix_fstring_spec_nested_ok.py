x = f'{a:{b}}'
