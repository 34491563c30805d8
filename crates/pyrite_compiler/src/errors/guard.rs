//! Depth guard: rejects, before ruff parses, inputs whose expressions nest
//! deeper than CPython 3.11 compiles ("maximum recursion depth exceeded
//! during compilation"), so that ruff's recursive descent, the AST walks and
//! the AST's drop never go deep. Parentheses are limited to 200 levels and
//! indentation to 100 by the tokenizer; what remains are long chains of
//! operators, which nest without brackets.

use super::tokenizer::{Lines, Tok, Tokens};
use crate::{CompileError, ErrorKind};

/// CPython's compile-time limit on AST depth (3 x the recursion limit of
/// 1000, less the frames in use), as the deepest `-`...`-1` that compiles.
pub const MAX_DEPTH: usize = 2995;

/// The RecursionError CPython raises for too-deep expressions.
pub fn recursion_error() -> CompileError {
    CompileError {
        kind: ErrorKind::RecursionError,
        msg: "maximum recursion depth exceeded during compilation".into(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// Operator precedence levels that build nested (not flat) binary nodes.
fn binop_level(op: &str) -> Option<usize> {
    Some(match op {
        "|" => 0,
        "^" => 1,
        "&" => 2,
        "<<" | ">>" => 3,
        "+" | "-" => 4,
        "*" | "/" | "//" | "%" | "@" => 5,
        "**" => 6,
        _ => return None,
    })
}

#[derive(Default, Clone)]
struct Run {
    levels: [usize; 7],
    trailers: usize,
    prefix: usize,
    keywords: usize,
}

/// Scans the tokens for operator chains longer than [`MAX_DEPTH`].
pub fn check(toks: &Tokens, lines: &Lines) -> Result<(), CompileError> {
    // Every counter below grows by at most one per token and all of them are
    // reset at the end of each logical line, so only a logical line of more
    // than MAX_DEPTH tokens can fail.
    let mut longest = 0usize;
    let mut count = 0usize;
    for t in &toks.toks {
        if matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker) {
            count = 0;
        } else {
            count += 1;
            longest = longest.max(count);
        }
    }
    if longest <= MAX_DEPTH {
        return Ok(());
    }
    let src = lines.src;
    // The innermost bracket's run, and the enclosing ones.
    let mut cur = Run::default();
    let mut outer: Vec<Run> = Vec::new();
    let mut prev_operand = false;
    for t in &toks.toks {
        let text = &src[t.start..t.end];
        let mut operand = false;
        match t.kind {
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker => {
                outer.clear();
                cur = Run::default();
            }
            Tok::Name | Tok::Number | Tok::String => {
                operand = !matches!(text, "not" | "await" | "lambda" | "if" | "else" | "and" | "or" | "in" | "is");
                let run = &mut cur;
                match text {
                    "not" | "await" => run.prefix += 1,
                    "lambda" | "if" => run.keywords += 1,
                    _ => run.prefix = 0,
                }
                if operand {
                    run.prefix = 0;
                }
            }
            Tok::Op => {
                match text {
                    "(" | "[" | "{" => {
                        if prev_operand {
                            cur.trailers += 1;
                        }
                        outer.push(std::mem::take(&mut cur));
                    }
                    ")" | "]" | "}" => {
                        if let Some(r) = outer.pop() {
                            cur = r;
                        }
                        operand = true;
                    }
                    "," | ";" | "=" | ":=" => {
                        cur = Run::default();
                    }
                    // `lambda: lambda: ...` nests through its colons.
                    ":" => {
                        cur = Run { keywords: cur.keywords, ..Run::default() };
                    }
                    "." => cur.trailers += 1,
                    _ => {
                        let run = &mut cur;
                        if !prev_operand && matches!(text, "-" | "+" | "~") {
                            run.prefix += 1;
                        } else if let Some(l) = binop_level(text) {
                            run.levels[l] += 1;
                        }
                    }
                }
            }
        }
        let run = &cur;
        if run.prefix > MAX_DEPTH
            || run.trailers > MAX_DEPTH
            || run.keywords > MAX_DEPTH
            || run.levels.iter().any(|&n| n > MAX_DEPTH)
        {
            return Err(recursion_error());
        }
        prev_operand = operand;
    }
    Ok(())
}

/// CPython 3.11 converts decimal integer literals with `int()`, which refuses
/// more than 4300 digits (`sys.int_info.default_max_str_digits`); the parser
/// reports that as a SyntaxError at the literal's line with offset 0.
pub fn check_int_digits(toks: &Tokens, lines: &Lines) -> Result<(), CompileError> {
    for t in &toks.toks {
        if t.kind != Tok::Number {
            continue;
        }
        let text = &lines.src[t.start..t.end];
        let b = text.as_bytes();
        if b.len() <= 4300 || (b.len() > 1 && b[0] == b'0' && b[1].is_ascii_alphabetic()) {
            continue;
        }
        if text.bytes().any(|c| matches!(c, b'.' | b'e' | b'E' | b'j' | b'J')) {
            continue;
        }
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        if digits > 4300 {
            let line = lines.line_of(t.start);
            return Err(CompileError {
                kind: ErrorKind::SyntaxError,
                msg: format!(
                    "Exceeds the limit (4300 digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
                ),
                lineno: line,
                offset: 0,
                end_lineno: line,
                end_offset: 0,
                text: Some(lines.text(line).to_owned()),
            });
        }
    }
    Ok(())
}
