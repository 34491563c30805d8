//! Unparsing expressions to source text for `from __future__ import
//! annotations`. CPython: `Python/ast_unparse.c` (precedence-driven
//! parenthesization, `repr` of constants, `1e309` for infinities).
//! f-strings inside annotations are reproduced from the source text.

use crate::codegen::Compiler;
use pyrite_bytecode::Constant;
use ruff_python_ast::*;
use ruff_text_size::Ranged;

// Precedence levels, lowest first (CPython's PR_*).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The string CPython stores for an annotation under `from __future__ import annotations`.
pub fn unparse_annotation(c: &Compiler, e: &Expr) -> String {
    let mut u = Unparser { c, out: String::new(), depth: 0 };
    u.expr(e, PR_TEST);
    u.out
}

/// Python's `repr` of a float (shortest round-trip digits, CPython's layout).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let e = format!("{:e}", f);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let s = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
        };
        format!("{sign}{s}")
    } else {
        let m = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits };
        let es = if exp < 0 { format!("-{:02}", -exp) } else { format!("+{:02}", exp) };
        format!("{sign}{m}e{es}")
    }
}

/// Python's `repr` of a str.
pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (0x80..0xa0).contains(&(c as u32)) || c == '\u{ad}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_whitespace() && c != ' ' && (c as u32) > 0xff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(q);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == q => {
                out.push('\\');
                out.push(q);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(q);
    out
}

/// A constant as ast_unparse writes it (infinities as `1e309`).
fn const_text(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "...".into(),
        Constant::Bool(b) => if *b { "True".into() } else { "False".into() },
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => {
            if f.is_infinite() {
                if *f > 0.0 { "1e309".into() } else { "-1e309".into() }
            } else {
                float_repr(*f)
            }
        }
        Constant::Complex { re, im } => {
            let imag = |x: f64| if x.is_infinite() { "1e309".to_string() } else { float_repr(x).trim_end_matches(".0").to_string() };
            if *re == 0.0 && !re.is_sign_negative() {
                format!("{}j", imag(*im))
            } else {
                let sign = if *im < 0.0 || (*im == 0.0 && im.is_sign_negative()) { "-" } else { "+" };
                format!("({}{}{}j)", imag(*re), sign, imag(im.abs()))
            }
        }
        Constant::Str(s) => str_repr(&s.to_string_lossy()),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_text).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Constant::FrozenSet(t) => {
            let items: Vec<String> = t.iter().map(const_text).collect();
            format!("frozenset({{{}}})", items.join(", "))
        }
        Constant::Code(_) => "<code>".into(),
    }
}

struct Unparser<'c, 'a> {
    c: &'c Compiler<'a>,
    out: String,
    depth: u32,
}

impl Unparser<'_, '_> {
    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn source(&mut self, e: &Expr) {
        let r = e.range();
        let t = self.c.src.get(r.start().to_usize()..r.end().to_usize()).unwrap_or("");
        self.out.push_str(t);
    }

    fn literal(&mut self, e: &Expr, level: u8) -> bool {
        // Literals are written from their values, as ast_unparse writes
        // `Constant` nodes (not from their source spelling).
        let v = match e {
            Expr::NumberLiteral(n) => self.c.number_const(n),
            Expr::StringLiteral(s) => Constant::Str(self.c.string_value(s)),
            Expr::BytesLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) => {
                match self.c.fold(e) {
                    Some(v) => v,
                    None => return false,
                }
            }
            _ => return false,
        };
        let text = const_text(&v);
        // A negative number or a complex with a real part binds like a unary/binary op.
        let needs_parens = (text.starts_with('-') && level > PR_FACTOR) || (text.starts_with('(') && false);
        if needs_parens {
            self.w("(");
        }
        self.w(&text);
        if needs_parens {
            self.w(")");
        }
        true
    }

    fn seq(&mut self, items: &[Expr]) {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.expr(x, PR_TEST);
        }
    }

    fn expr(&mut self, e: &Expr, level: u8) {
        self.depth += 1;
        if self.depth > 200 {
            self.source(e);
            self.depth -= 1;
            return;
        }
        self.expr1(e, level);
        self.depth -= 1;
    }

    fn expr1(&mut self, e: &Expr, level: u8) {
        if self.literal(e, level) {
            return;
        }
        match e {
            Expr::BoolOp(b) => {
                let (op, pr) = if b.op == BoolOp::And { (" and ", PR_AND) } else { (" or ", PR_OR) };
                let paren = level > pr;
                if paren {
                    self.w("(");
                }
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        self.w(op);
                    }
                    self.expr(v, pr + 1);
                }
                if paren {
                    self.w(")");
                }
            }
            Expr::Named(n) => {
                self.w("(");
                self.expr(&n.target, PR_ATOM);
                self.w(" := ");
                self.expr(&n.value, PR_ATOM);
                self.w(")");
            }
            Expr::BinOp(b) => {
                let (op, pr) = match b.op {
                    Operator::Add => (" + ", PR_ARITH),
                    Operator::Sub => (" - ", PR_ARITH),
                    Operator::Mult => (" * ", PR_TERM),
                    Operator::MatMult => (" @ ", PR_TERM),
                    Operator::Div => (" / ", PR_TERM),
                    Operator::Mod => (" % ", PR_TERM),
                    Operator::FloorDiv => (" // ", PR_TERM),
                    Operator::LShift => (" << ", PR_SHIFT),
                    Operator::RShift => (" >> ", PR_SHIFT),
                    Operator::BitOr => (" | ", PR_BOR),
                    Operator::BitXor => (" ^ ", PR_BXOR),
                    Operator::BitAnd => (" & ", PR_BAND),
                    Operator::Pow => (" ** ", PR_POWER),
                };
                let rassoc = b.op == Operator::Pow;
                let paren = level > pr;
                if paren {
                    self.w("(");
                }
                self.expr(&b.left, if rassoc { pr + 1 } else { pr });
                self.w(op);
                self.expr(&b.right, if rassoc { pr } else { pr + 1 });
                if paren {
                    self.w(")");
                }
            }
            Expr::UnaryOp(u) => {
                let (op, pr) = match u.op {
                    UnaryOp::Not => ("not ", PR_NOT),
                    UnaryOp::Invert => ("~", PR_FACTOR),
                    UnaryOp::UAdd => ("+", PR_FACTOR),
                    UnaryOp::USub => ("-", PR_FACTOR),
                };
                let paren = level > pr;
                if paren {
                    self.w("(");
                }
                self.w(op);
                self.expr(&u.operand, pr);
                if paren {
                    self.w(")");
                }
            }
            Expr::Lambda(_) | Expr::FString(_) | Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                let paren = matches!(e, Expr::Lambda(_)) && level > PR_TEST;
                if paren {
                    self.w("(");
                }
                self.source(e);
                if paren {
                    self.w(")");
                }
            }
            Expr::If(i) => {
                let paren = level > PR_TEST;
                if paren {
                    self.w("(");
                }
                self.expr(&i.body, PR_TEST + 1);
                self.w(" if ");
                self.expr(&i.test, PR_TEST + 1);
                self.w(" else ");
                self.expr(&i.orelse, PR_TEST);
                if paren {
                    self.w(")");
                }
            }
            Expr::Dict(d) => {
                self.w("{");
                for (i, it) in d.items.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    match &it.key {
                        Some(k) => {
                            self.expr(k, PR_TEST);
                            self.w(": ");
                            self.expr(&it.value, PR_TEST);
                        }
                        None => {
                            self.w("**");
                            self.expr(&it.value, PR_EXPR);
                        }
                    }
                }
                self.w("}");
            }
            Expr::Set(s) => {
                self.w("{");
                self.seq(&s.elts);
                self.w("}");
            }
            Expr::ListComp(c) => {
                self.w("[");
                self.expr(&c.elt, PR_TEST);
                self.comprehensions(&c.generators);
                self.w("]");
            }
            Expr::SetComp(c) => {
                self.w("{");
                self.expr(&c.elt, PR_TEST);
                self.comprehensions(&c.generators);
                self.w("}");
            }
            Expr::DictComp(c) => {
                self.w("{");
                if let Some(k) = &c.key {
                    self.expr(k, PR_TEST);
                }
                self.w(": ");
                self.expr(&c.value, PR_TEST);
                self.comprehensions(&c.generators);
                self.w("}");
            }
            Expr::Generator(c) => {
                self.w("(");
                self.expr(&c.elt, PR_TEST);
                self.comprehensions(&c.generators);
                self.w(")");
            }
            Expr::Await(a) => {
                let paren = level > PR_AWAIT;
                if paren {
                    self.w("(");
                }
                self.w("await ");
                self.expr(&a.value, PR_ATOM);
                if paren {
                    self.w(")");
                }
            }
            Expr::Yield(y) => {
                self.w("(yield");
                if let Some(v) = &y.value {
                    self.w(" ");
                    self.expr(v, PR_TEST);
                }
                self.w(")");
            }
            Expr::YieldFrom(y) => {
                self.w("(yield from ");
                self.expr(&y.value, PR_TEST);
                self.w(")");
            }
            Expr::Compare(c) => {
                let paren = level > PR_CMP;
                if paren {
                    self.w("(");
                }
                self.expr(&c.left, PR_CMP + 1);
                for (op, r) in c.ops.iter().zip(c.comparators.iter()) {
                    self.w(" ");
                    self.w(op.as_str());
                    self.w(" ");
                    self.expr(r, PR_CMP + 1);
                }
                if paren {
                    self.w(")");
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func, PR_ATOM);
                let args = &c.arguments;
                if args.args.len() == 1 && args.keywords.is_empty() {
                    if let Expr::Generator(g) = &args.args[0] {
                        self.expr(&Expr::Generator(g.clone()), PR_TEST);
                        return;
                    }
                }
                self.w("(");
                let mut first = true;
                for a in args.args.iter() {
                    if !first {
                        self.w(", ");
                    }
                    first = false;
                    self.expr(a, PR_TEST);
                }
                for k in args.keywords.iter() {
                    if !first {
                        self.w(", ");
                    }
                    first = false;
                    match &k.arg {
                        Some(n) => {
                            self.w(n.as_str());
                            self.w("=");
                            self.expr(&k.value, PR_TEST);
                        }
                        None => {
                            self.w("**");
                            self.expr(&k.value, PR_EXPR);
                        }
                    }
                }
                self.w(")");
            }
            Expr::Attribute(a) => {
                let is_int = matches!(a.value.as_ref(), Expr::NumberLiteral(n) if matches!(n.value, Number::Int(_)));
                self.expr(&a.value, PR_ATOM);
                self.w(if is_int { " ." } else { "." });
                self.w(a.attr.as_str());
            }
            Expr::Subscript(s) => {
                self.expr(&s.value, PR_ATOM);
                self.w("[");
                match s.slice.as_ref() {
                    Expr::Tuple(t) if !t.elts.is_empty() => {
                        for (i, x) in t.elts.iter().enumerate() {
                            if i > 0 {
                                self.w(", ");
                            }
                            self.expr(x, PR_TEST);
                        }
                        if t.elts.len() == 1 {
                            self.w(",");
                        }
                    }
                    other => self.expr(other, PR_TUPLE),
                }
                self.w("]");
            }
            Expr::Starred(s) => {
                self.w("*");
                self.expr(&s.value, PR_EXPR);
            }
            Expr::Name(n) => self.w(n.id.as_str()),
            Expr::List(l) => {
                self.w("[");
                self.seq(&l.elts);
                self.w("]");
            }
            Expr::Tuple(t) => {
                if t.elts.is_empty() {
                    self.w("()");
                    return;
                }
                let paren = level > PR_TUPLE;
                if paren {
                    self.w("(");
                }
                self.seq(&t.elts);
                if t.elts.len() == 1 {
                    self.w(",");
                }
                if paren {
                    self.w(")");
                }
            }
            Expr::Slice(s) => {
                if let Some(x) = &s.lower {
                    self.expr(x, PR_TEST);
                }
                self.w(":");
                if let Some(x) = &s.upper {
                    self.expr(x, PR_TEST);
                }
                if let Some(x) = &s.step {
                    self.w(":");
                    self.expr(x, PR_TEST);
                }
            }
            _ => self.source(e),
        }
    }

    fn comprehensions(&mut self, gens: &[Comprehension]) {
        for g in gens {
            self.w(if g.is_async { " async for " } else { " for " });
            self.expr(&g.target, PR_TUPLE);
            self.w(" in ");
            self.expr(&g.iter, PR_TEST + 1);
            for cond in &g.ifs {
                self.w(" if ");
                self.expr(cond, PR_TEST + 1);
            }
        }
    }
}
