x = f'{f"{y}"}'
z = f'{y!r:>10}'
w = f'{y=}'
v = f'{y = }'
