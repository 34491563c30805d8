a.b: int = 1
(c): int = 2
