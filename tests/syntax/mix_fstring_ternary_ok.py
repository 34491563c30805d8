x = f"{'a' if y else 'b'}"
