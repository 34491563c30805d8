# A tiny stack-machine interpreter and a Brainfuck interpreter.
def run_stack(program):
    stack, pc, out = [], 0, []
    labels = {ins[1]: i for i, ins in enumerate(program) if ins[0] == "label"}
    while pc < len(program):
        op, *args = program[pc]
        pc += 1
        if op == "push":
            stack.append(args[0])
        elif op == "add":
            b, a = stack.pop(), stack.pop()
            stack.append(a + b)
        elif op == "sub":
            b, a = stack.pop(), stack.pop()
            stack.append(a - b)
        elif op == "mul":
            b, a = stack.pop(), stack.pop()
            stack.append(a * b)
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == "print":
            out.append(stack[-1])
        elif op == "jnz":
            if stack.pop():
                pc = labels[args[0]]
        elif op == "label":
            pass
        else:
            raise ValueError(f"unknown op {op}")
    return out, stack
# countdown from 5, printing each value
countdown = [("push", 5), ("label", "top"), ("print",), ("push", 1), ("sub",), ("dup",), ("jnz", "top")]
print(run_stack(countdown))
print(run_stack([("push", 2), ("push", 3), ("add",), ("push", 7), ("mul",), ("print",)]))
try:
    run_stack([("push", 1), ("bogus",)])
except ValueError as e:
    print(e)
def brainfuck(code, inp=""):
    tape, ptr, pc, out, inp_pos = [0] * 300, 0, 0, [], 0
    jumps, stack = {}, []
    for i, c in enumerate(code):
        if c == "[":
            stack.append(i)
        elif c == "]":
            j = stack.pop()
            jumps[i], jumps[j] = j, i
    while pc < len(code):
        c = code[pc]
        if c == ">":
            ptr += 1
        elif c == "<":
            ptr -= 1
        elif c == "+":
            tape[ptr] = (tape[ptr] + 1) % 256
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) % 256
        elif c == ".":
            out.append(chr(tape[ptr]))
        elif c == ",":
            tape[ptr] = ord(inp[inp_pos]) if inp_pos < len(inp) else 0
            inp_pos += 1
        elif c == "[" and tape[ptr] == 0:
            pc = jumps[pc]
        elif c == "]" and tape[ptr] != 0:
            pc = jumps[pc]
        pc += 1
    return "".join(out)
hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
print(repr(brainfuck(hello)))
print(brainfuck(",[.,]", "echo"), brainfuck(",>,<[->+<]>.", "!\x01"))
