# A tokenizer and recursive-descent parser for arithmetic expressions.
class Token:
    def __init__(self, kind, value):
        self.kind, self.value = kind, value
    def __repr__(self):
        return f"{self.kind}:{self.value}"
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(Token("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(Token("name", src[i:j]))
            i = j
        elif c in "+-*/%^()":
            tokens.append(Token("op", c))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {c!r} at {i}")
    return tokens
class Parser:
    def __init__(self, tokens, env):
        self.tokens, self.pos, self.env = tokens, 0, env
    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None
    def take(self, value=None):
        tok = self.peek()
        if tok is None or (value is not None and tok.value != value):
            raise SyntaxError(f"expected {value!r}, got {tok!r}")
        self.pos += 1
        return tok
    def expr(self):
        v = self.term()
        while self.peek() and self.peek().value in ("+", "-"):
            op = self.take().value
            v = v + self.term() if op == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek() and self.peek().value in ("*", "/", "%"):
            op = self.take().value
            rhs = self.factor()
            v = v * rhs if op == "*" else v / rhs if op == "/" else v % rhs
        return v
    def factor(self):
        base = self.unary()
        if self.peek() and self.peek().value == "^":
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek() and self.peek().value == "-":
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return tok.value
        if tok.kind == "name":
            return self.env[tok.value]
        if tok.value == "(":
            v = self.expr()
            self.take(")")
            return v
        raise SyntaxError(f"unexpected {tok!r}")
def calc(src, **env):
    p = Parser(tokenize(src), env)
    v = p.expr()
    if p.peek() is not None:
        raise SyntaxError(f"trailing {p.peek()!r}")
    return v
print(tokenize("3 + 4.5 * (x - 1)"))
for src in ("1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + x * y", "((((7))))", "2 ^ 100", "1.5 * 4"):
    print(src, "=", calc(src, x=3, y=5))
for bad in ("1 +", "(1 + 2", "1 2", "3 $ 4", "z + 1", "1 / 0"):
    try:
        print(calc(bad))
    except (SyntaxError, KeyError, ZeroDivisionError) as e:
        print(bad, "->", type(e).__name__, e)
