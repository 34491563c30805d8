//! The DeprecationWarning CPython 3.11's string parser gives for an invalid
//! escape sequence (`"\d"`): at most one per literal, for its first invalid
//! escape, on the line where the literal starts. CPython: `warn_invalid_escape_sequence`
//! in `Parser/string_parser.c`.

use super::LineIndex;
use crate::CompileWarning;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::*;
use ruff_text_size::{Ranged, TextRange};

struct Scan<'s> {
    src: &'s str,
    lines: &'s LineIndex,
    out: Vec<CompileWarning>,
    depth: u32,
}

/// The first invalid escape's character in a literal body, if any.
fn first_invalid(text: &str, bytes_lit: bool) -> Option<u32> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(&c) = b.get(i + 1) else { return None };
        let ok = matches!(
            c,
            b'\n' | b'\r' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'x' | b'0'..=b'7'
        ) || (!bytes_lit && matches!(c, b'N' | b'u' | b'U'));
        if !ok {
            return Some(c as u32);
        }
        i += 2;
    }
    None
}

impl Scan<'_> {
    fn check(&mut self, r: TextRange, bytes_lit: bool) {
        let Some(text) = self.src.get(r.start().to_usize()..r.end().to_usize()) else { return };
        if let Some(c) = first_invalid(text, bytes_lit) {
            let ch = char::from_u32(c).unwrap_or('?');
            self.out.push(CompileWarning {
                category: "DeprecationWarning".into(),
                msg: format!("invalid escape sequence '\\{ch}'"),
                lineno: self.lines.pos(r.start().to_usize()).0,
            });
        }
    }
}

impl<'a> Visitor<'a> for Scan<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.depth += 1;
        if self.depth < 2000 {
            visitor::walk_expr(self, expr);
        }
        self.depth -= 1;
    }

    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.depth += 1;
        if self.depth < 2000 {
            visitor::walk_stmt(self, stmt);
        }
        self.depth -= 1;
    }

    fn visit_string_literal(&mut self, s: &'a StringLiteral) {
        if !s.flags.prefix().is_raw() {
            self.check(s.content_range(), false);
        }
    }

    fn visit_bytes_literal(&mut self, b: &'a BytesLiteral) {
        if !b.flags.prefix().is_raw() {
            self.check(b.content_range(), true);
        }
    }

    fn visit_f_string(&mut self, f: &'a FString) {
        if !f.flags.prefix().is_raw() {
            // One warning per f-string: the first invalid escape in its literal parts.
            let before = self.out.len();
            for el in f.elements.iter() {
                if let InterpolatedStringElement::Literal(l) = el {
                    self.check(l.range(), false);
                    if self.out.len() > before {
                        let w = self.out.pop();
                        if let Some(mut w) = w {
                            w.lineno = self.lines.pos(f.range().start().to_usize()).0;
                            self.out.push(w);
                        }
                        break;
                    }
                }
            }
        }
        visitor::walk_f_string(self, f);
    }
}

/// Warnings for invalid escape sequences in every literal of `module`.
pub fn invalid_escape_warnings(src: &str, lines: &LineIndex, module: &Mod) -> Vec<CompileWarning> {
    // A literal can only warn where its text has a backslash followed by a
    // character that is not valid after it in some literal: when no backslash
    // of the whole source is, there is nothing to look for.
    let b = src.as_bytes();
    let suspect = memchr::memchr_iter(b'\\', b).any(|i| {
        b.get(i + 1).is_some_and(|&c| {
            !matches!(
                c,
                b'\n' | b'\r' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'x' | b'0'..=b'7'
            )
        })
    });
    if !suspect {
        return Vec::new();
    }
    let mut s = Scan { src, lines, out: Vec::new(), depth: 0 };
    match module {
        Mod::Module(m) => {
            for st in &m.body {
                s.visit_stmt(st);
            }
        }
        Mod::Expression(e) => s.visit_expr(&e.body),
    }
    s.out
}
