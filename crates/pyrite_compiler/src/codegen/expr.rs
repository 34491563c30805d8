//! Expressions. CPython: `compiler_visit_expr1` and helpers in `Python/compile.c`
//! (3.11): calls (method calls, KW_NAMES, CALL_FUNCTION_EX), displays with
//! star-unpacking, comparisons, boolean operators and conditional jumps,
//! comprehensions (as nested functions), lambdas, f-strings, yield/await.

use super::{CResult, Compiler, FBlock, NameCtx, ScopeType};
use crate::flowgraph::{BlockId, Op};
use crate::symtable::CompKind;
use pyrite_bytecode::opcode::{BinaryOp, CompareOp};
use pyrite_bytecode::{Constant, Opcode, Wtf8Buf};
use ruff_python_ast::*;
use ruff_text_size::Ranged;

/// CPython's STACK_USE_GUARDRAIL.
pub const STACK_USE_GUARDRAIL: usize = 30;

pub fn binop_code(op: Operator, inplace: bool) -> u32 {
    use Operator::*;
    let b = match op {
        Add => BinaryOp::Add,
        Sub => BinaryOp::Subtract,
        Mult => BinaryOp::Multiply,
        MatMult => BinaryOp::MatrixMultiply,
        Div => BinaryOp::TrueDivide,
        Mod => BinaryOp::Remainder,
        Pow => BinaryOp::Power,
        LShift => BinaryOp::Lshift,
        RShift => BinaryOp::Rshift,
        BitOr => BinaryOp::Or,
        BitXor => BinaryOp::Xor,
        BitAnd => BinaryOp::And,
        FloorDiv => BinaryOp::FloorDivide,
    };
    b as u32 + if inplace { 13 } else { 0 }
}

fn const_type_name(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Ellipsis => "ellipsis",
        Constant::Bool(_) => "bool",
        Constant::Int(_) | Constant::BigInt(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
    }
}

impl<'a> Compiler<'a> {
    /// CPython's `infer_type`.
    fn infer_type(&self, e: &Expr) -> Option<&'static str> {
        if let Some(c) = self.fold(e) {
            return Some(const_type_name(&c));
        }
        Some(match e {
            Expr::Tuple(_) => "tuple",
            Expr::List(_) | Expr::ListComp(_) => "list",
            Expr::Dict(_) | Expr::DictComp(_) => "dict",
            Expr::Set(_) | Expr::SetComp(_) => "set",
            Expr::Generator(_) => "generator",
            Expr::Lambda(_) => "function",
            Expr::FString(_) => "str",
            Expr::Slice(_) => "slice",
            _ => return None,
        })
    }

    fn is_constant_like(&self, e: &Expr) -> bool {
        self.fold(e).is_some()
    }

    fn check_caller(&mut self, func: &Expr) {
        let warn = self.is_constant_like(func)
            || matches!(
                func,
                Expr::Tuple(_)
                    | Expr::List(_)
                    | Expr::ListComp(_)
                    | Expr::Dict(_)
                    | Expr::DictComp(_)
                    | Expr::Set(_)
                    | Expr::SetComp(_)
                    | Expr::Generator(_)
                    | Expr::FString(_)
            );
        if warn {
            if let Some(t) = self.infer_type(func) {
                let line = self.loc.line;
                self.warn(
                    "SyntaxWarning",
                    format!("'{t}' object is not callable; perhaps you missed a comma?"),
                    line,
                );
            }
        }
    }

    fn check_subscripter(&mut self, e: &Expr) {
        let warn = match self.fold(e) {
            Some(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Bool(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            None => matches!(e, Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)),
        };
        if warn {
            if let Some(t) = self.infer_type(e) {
                let line = self.loc.line;
                self.warn("SyntaxWarning", format!("'{t}' object is not subscriptable; perhaps you missed a comma?"), line);
            }
        }
    }

    fn check_index(&mut self, e: &Expr, s: &Expr) {
        let Some(it) = self.infer_type(s) else { return };
        if it == "int" || it == "bool" || it == "slice" {
            return;
        }
        let warn = match self.fold(e) {
            Some(c) => matches!(c, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)),
            None => matches!(e, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)),
        };
        if warn {
            if let Some(t) = self.infer_type(e) {
                let line = self.loc.line;
                self.warn(
                    "SyntaxWarning",
                    format!("{t} indices must be integers or slices, not {it}; perhaps you missed a comma?"),
                    line,
                );
            }
        }
    }

    fn is_arg_ok_for_is(&self, e: &Expr) -> bool {
        match self.fold(e) {
            None => true,
            Some(c) => matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis),
        }
    }

    fn check_compare(&mut self, c: &ExprCompare) {
        let mut left = self.is_arg_ok_for_is(&c.left);
        for (op, r) in c.ops.iter().zip(c.comparators.iter()) {
            let right = self.is_arg_ok_for_is(r);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!right || !left) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                let line = self.loc.line;
                self.warn("SyntaxWarning", msg.to_string(), line);
            }
            left = right;
        }
    }

    /// The range CPython gives `e`: a generator expression that is a call's
    /// sole argument spans the call's parentheses.
    pub fn cpython_range(&self, e: &Expr) -> ruff_text_size::TextRange {
        let r = e.range();
        if let Expr::Generator(g) = e {
            if !g.parenthesized {
                let b = self.src.as_bytes();
                let mut s0 = r.start().to_usize();
                while s0 > 0 && b[s0 - 1].is_ascii_whitespace() {
                    s0 -= 1;
                }
                let mut e0 = r.end().to_usize();
                while e0 < b.len() && b[e0].is_ascii_whitespace() {
                    e0 += 1;
                }
                if s0 > 0 && b[s0 - 1] == b'(' && e0 < b.len() && b[e0] == b')' {
                    return ruff_text_size::TextRange::new(
                        ruff_text_size::TextSize::new((s0 - 1) as u32),
                        ruff_text_size::TextSize::new((e0 + 1) as u32),
                    );
                }
            }
        }
        r
    }

    pub fn visit_expr(&mut self, e: &Expr) -> CResult<()> {
        self.enter_depth()?;
        let saved = self.loc;
        let r = self.cpython_range(e);
        self.set_loc(r);
        let r = self.visit_expr1(e);
        self.loc = saved;
        self.leave_depth();
        r
    }

    fn visit_expr1(&mut self, e: &Expr) -> CResult<()> {
        if let Some(c) = self.fold(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let jumpi = if b.op == BoolOp::And { Opcode::JumpIfFalseOrPop } else { Opcode::JumpIfTrueOrPop };
                let end = self.new_block();
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.visit_expr(v)?;
                    self.emit_jump(Op::Real(jumpi), end);
                }
                self.visit_expr(&b.values[n - 1])?;
                self.use_block(end);
            }
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Opcode::Copy, 1);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) if b.op == Operator::Mod && self.try_format_as_fstring(b)? => {}
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Opcode::BinaryOp, binop_code(b.op, false));
            }
            Expr::UnaryOp(u) => {
                if u.op == UnaryOp::Not {
                    if let Expr::Compare(c) = u.operand.as_ref() {
                        if c.ops.len() == 1 {
                            let inv = match c.ops[0] {
                                CmpOp::Is => Some(CmpOp::IsNot),
                                CmpOp::IsNot => Some(CmpOp::Is),
                                CmpOp::In => Some(CmpOp::NotIn),
                                CmpOp::NotIn => Some(CmpOp::In),
                                _ => None,
                            };
                            if let Some(op) = inv {
                                // `not (a is b)` compiles as `a is not b` (the
                                // comparison node replaces the `not`).
                                self.set_loc(c.range());
                                return self.compare(c, Some(op));
                            }
                        }
                    }
                }
                self.visit_expr(&u.operand)?;
                let op = match u.op {
                    UnaryOp::Invert => Opcode::UnaryInvert,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::UAdd => Opcode::UnaryPositive,
                    UnaryOp::USub => Opcode::UnaryNegative,
                };
                self.emit(op, 0);
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.jump_noline(end);
                self.use_block(next);
                self.visit_expr(&i.orelse)?;
                self.use_block(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.starunpack(&s.elts, 0, Opcode::BuildSet, Opcode::SetAdd, Opcode::SetUpdate, false)?,
            Expr::List(l) => {
                if l.ctx != ExprContext::Load {
                    return self.store_target(e);
                }
                self.starunpack(&l.elts, 0, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, false)?
            }
            Expr::Tuple(t) => {
                if t.ctx != ExprContext::Load {
                    return self.store_target(e);
                }
                self.starunpack(&t.elts, 0, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true)?
            }
            Expr::ListComp(c) => self.comprehension(e, CompKind::List, &c.generators, &c.elt, None)?,
            Expr::SetComp(c) => self.comprehension(e, CompKind::Set, &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(e, CompKind::Dict, &c.generators, k, Some(&c.value))?,
                None => return Err(self.error("dict unpacking cannot be used in dict comprehension")),
            },
            Expr::Generator(c) => self.comprehension(e, CompKind::Gen, &c.generators, &c.elt, None)?,
            Expr::Await(a) => {
                self.check_await()?;
                self.visit_expr(&a.value)?;
                self.emit(Opcode::GetAwaitable, 0);
                self.load_const(Constant::None);
                self.yield_from(true);
            }
            Expr::Yield(y) => {
                if self.ste().kind != crate::symtable::BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
            }
            Expr::YieldFrom(y) => {
                if self.ste().kind != crate::symtable::BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.ste().coroutine {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.visit_expr(&y.value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.yield_from(false);
            }
            Expr::Compare(c) => self.compare(c, None)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => return Err(self.error("invalid syntax")),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                // Always folded above.
                return Err(self.error("internal error: unfolded literal"));
            }
            Expr::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.update_start_location_to_match_attr(a);
                let op = match a.ctx {
                    ExprContext::Load => Opcode::LoadAttr,
                    ExprContext::Store => Opcode::StoreAttr,
                    _ => Opcode::DeleteAttr,
                };
                self.emit_name(op, a.attr.as_str());
            }
            Expr::Subscript(s) => {
                if s.ctx == ExprContext::Load {
                    self.check_subscripter(&s.value);
                    self.check_index(&s.value, &s.slice);
                }
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                let op = match s.ctx {
                    ExprContext::Load => Opcode::BinarySubscr,
                    ExprContext::Store => Opcode::StoreSubscr,
                    _ => Opcode::DeleteSubscr,
                };
                self.emit(op, 0);
            }
            Expr::Starred(s) => {
                if s.ctx == ExprContext::Store {
                    return Err(self.error("starred assignment target must be in a list or tuple"));
                }
                return Err(self.error("can't use starred expression here"));
            }
            Expr::Name(n) => {
                let ctx = match n.ctx {
                    ExprContext::Load => NameCtx::Load,
                    ExprContext::Store => NameCtx::Store,
                    _ => NameCtx::Del,
                };
                self.nameop(n.id.as_str(), ctx);
            }
            Expr::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_const(Constant::None),
                }
                match &s.upper {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(x) = &s.step {
                    self.visit_expr(x)?;
                    n = 3;
                }
                self.emit(Opcode::BuildSlice, n);
            }
        }
        Ok(())
    }

    /// CPython 3.11's `optimize_format` (ast_opt.c): `'%s: %r' % (a, b)` with
    /// only %s/%r/%a (optional width/precision) compiles as an f-string.
    /// Returns false (emitting nothing) when the pattern does not apply.
    fn try_format_as_fstring(&mut self, b: &ExprBinOp) -> CResult<bool> {
        let Expr::Tuple(t) = b.right.as_ref() else { return Ok(false) };
        if t.elts.iter().any(|x| matches!(x, Expr::Starred(_))) || self.fold(&b.right).is_some() {
            return Ok(false);
        }
        let Some(Constant::Str(fmt)) = self.fold(&b.left) else { return Ok(false) };
        let chars: Vec<u32> = fmt.code_points().collect();
        enum P<'e> {
            Lit(Wtf8Buf),
            Fmt(&'e Expr, u32, Option<String>),
        }
        let mut pieces: Vec<P> = Vec::new();
        let mut pos = 0usize;
        let parse_literal = |pos: &mut usize| -> Option<Wtf8Buf> {
            let start = *pos;
            let mut out = Wtf8Buf::new();
            while *pos < chars.len() {
                if chars[*pos] != '%' as u32 {
                    out.push(chars[*pos]);
                    *pos += 1;
                } else if *pos + 1 < chars.len() && chars[*pos + 1] == '%' as u32 {
                    out.push('%' as u32);
                    *pos += 2;
                } else {
                    break;
                }
            }
            if *pos == start {
                None
            } else {
                Some(out)
            }
        };
        for arg in &t.elts {
            if let Some(l) = parse_literal(&mut pos) {
                pieces.push(P::Lit(l));
            }
            if pos >= chars.len() {
                return Ok(false);
            }
            // simple_format_arg_parse: after '%': flags, width, precision, spec.
            pos += 1;
            let next = |pos: &mut usize| -> Option<u32> {
                let c = *chars.get(*pos)?;
                *pos += 1;
                Some(c)
            };
            let mut flags_ljust = false;
            let mut ch;
            loop {
                let Some(c) = next(&mut pos) else { return Ok(false) };
                ch = c;
                match char::from_u32(c) {
                    Some('-') => flags_ljust = true,
                    Some('+' | ' ' | '#' | '0') => {}
                    _ => break,
                }
            }
            let is_digit = |c: u32| ('0' as u32..='9' as u32).contains(&c);
            let mut width: i64 = -1;
            let mut prec: i64 = -1;
            if is_digit(ch) {
                width = 0;
                let mut digits = 0;
                while is_digit(ch) {
                    width = width * 10 + (ch - '0' as u32) as i64;
                    let Some(c) = next(&mut pos) else { return Ok(false) };
                    ch = c;
                    digits += 1;
                    if digits >= 3 {
                        return Ok(false);
                    }
                }
            }
            if ch == '.' as u32 {
                let Some(c) = next(&mut pos) else { return Ok(false) };
                ch = c;
                prec = 0;
                let mut digits = 0;
                while is_digit(ch) {
                    prec = prec * 10 + (ch - '0' as u32) as i64;
                    let Some(c) = next(&mut pos) else { return Ok(false) };
                    ch = c;
                    digits += 1;
                    if digits >= 3 {
                        return Ok(false);
                    }
                }
            }
            let conv = match char::from_u32(ch) {
                Some('s') => 1,
                Some('r') => 2,
                Some('a') => 3,
                _ => return Ok(false),
            };
            let mut spec = String::new();
            if !flags_ljust && width > 0 {
                spec.push('>');
            }
            if width >= 0 {
                spec.push_str(&width.to_string());
            }
            if prec >= 0 {
                spec.push_str(&format!(".{prec}"));
            }
            pieces.push(P::Fmt(arg, conv, if spec.is_empty() { None } else { Some(spec) }));
        }
        if let Some(l) = parse_literal(&mut pos) {
            pieces.push(P::Lit(l));
        }
        if pos < chars.len() || pieces.len() > STACK_USE_GUARDRAIL {
            return Ok(false);
        }
        let node_loc = self.loc;
        for p in &pieces {
            match p {
                P::Lit(s) => {
                    self.unset_loc();
                    self.load_const(Constant::Str(s.clone()));
                }
                P::Fmt(arg, conv, spec) => {
                    self.set_loc(arg.range());
                    let arg_loc = self.loc;
                    self.visit_expr(arg)?;
                    let mut oparg = *conv;
                    if let Some(sp) = spec {
                        self.unset_loc();
                        self.load_const(Constant::str(sp));
                        oparg |= 4;
                    }
                    self.loc = arg_loc;
                    self.emit(Opcode::FormatValue, oparg);
                }
            }
        }
        self.loc = node_loc;
        if pieces.len() != 1 {
            self.emit(Opcode::BuildString, pieces.len() as u32);
        }
        Ok(true)
    }

    /// CPython's `update_start_location_to_match_attr`.
    fn update_start_location_to_match_attr(&mut self, a: &ExprAttribute) {
        let full = self.loc_of(a.range());
        if self.loc.line != full.end_line {
            let len = a.attr.as_str().chars().count() as u32;
            self.loc.line = full.end_line;
            if len <= full.end_col {
                self.loc.col = full.end_col - len;
            }
            self.loc.end_line = self.loc.end_line.max(self.loc.line);
            if self.loc.line == self.loc.end_line {
                self.loc.end_col = self.loc.end_col.max(self.loc.col);
            }
        }
    }

    fn check_await(&self) -> CResult<()> {
        let u = self.ur();
        if self.ste().kind != crate::symtable::BlockType::Function {
            return Err(self.error("'await' outside function"));
        }
        if u.scope_type != ScopeType::AsyncFunction && u.scope_type != ScopeType::Comprehension {
            return Err(self.error("'await' outside async function"));
        }
        Ok(())
    }

    pub fn emit_yield(&mut self) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.emit(Opcode::AsyncGenWrap, 0);
        }
        self.emit(Opcode::YieldValue, 0);
    }

    /// CPython's `compiler_add_yield_from`: the SEND / YIELD_VALUE loop.
    pub fn yield_from(&mut self, _is_await: bool) {
        let start = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.emit_jump(Op::Real(Opcode::Send), exit);
        self.emit(Opcode::YieldValue, 0);
        self.emit_jump(Op::JumpNoInterrupt, start);
        self.use_block(exit);
    }

    fn cmp_op(&mut self, op: CmpOp) {
        match op {
            CmpOp::Is => self.emit(Opcode::IsOp, 0),
            CmpOp::IsNot => self.emit(Opcode::IsOp, 1),
            CmpOp::In => self.emit(Opcode::ContainsOp, 0),
            CmpOp::NotIn => self.emit(Opcode::ContainsOp, 1),
            CmpOp::Eq => self.emit(Opcode::CompareOp, CompareOp::Eq as u32),
            CmpOp::NotEq => self.emit(Opcode::CompareOp, CompareOp::Ne as u32),
            CmpOp::Lt => self.emit(Opcode::CompareOp, CompareOp::Lt as u32),
            CmpOp::LtE => self.emit(Opcode::CompareOp, CompareOp::Le as u32),
            CmpOp::Gt => self.emit(Opcode::CompareOp, CompareOp::Gt as u32),
            CmpOp::GtE => self.emit(Opcode::CompareOp, CompareOp::Ge as u32),
        }
    }

    /// Visits a comparator; a list or set display after `in` is a tuple or
    /// frozenset constant when all its items are constant (ast_opt's `fold_compare`).
    fn visit_comparator(&mut self, op: CmpOp, e: &Expr, is_last: bool) -> CResult<()> {
        if is_last && matches!(op, CmpOp::In | CmpOp::NotIn) {
            return self.visit_iter(e);
        }
        self.visit_expr(e)
    }

    /// A list display of constants as a tuple, a set display as a frozenset.
    pub fn const_container(&self, e: &Expr) -> Option<Constant> {
        let (elts, set) = match e {
            Expr::List(l) => (&l.elts, false),
            Expr::Set(s) => (&s.elts, true),
            _ => return None,
        };
        let mut v = Vec::new();
        for x in elts {
            if matches!(x, Expr::Starred(_)) {
                return None;
            }
            v.push(self.fold(x)?);
        }
        Some(if set { Constant::FrozenSet(v) } else { Constant::Tuple(v) })
    }

    fn compare(&mut self, c: &ExprCompare, override_op: Option<CmpOp>) -> CResult<()> {
        self.check_compare(c);
        self.visit_expr(&c.left)?;
        let n = c.ops.len();
        let op_at = |i: usize| if n == 1 { override_op.unwrap_or(c.ops[0]) } else { c.ops[i] };
        if n == 1 {
            self.visit_comparator(op_at(0), &c.comparators[0], true)?;
            self.cmp_op(op_at(0));
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n - 1 {
            self.visit_expr(&c.comparators[i])?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.cmp_op(op_at(i));
            self.emit_jump(Op::Real(Opcode::JumpIfFalseOrPop), cleanup);
        }
        self.visit_comparator(op_at(n - 1), &c.comparators[n - 1], true)?;
        self.cmp_op(op_at(n - 1));
        let end = self.new_block();
        self.jump_noline(end);
        self.use_block(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopTop, 0);
        self.use_block(end);
        Ok(())
    }

    /// CPython's `compiler_jump_if`: jumps to `next` if `e` is `cond`.
    pub fn jump_if(&mut self, e: &Expr, next: BlockId, cond: bool) -> CResult<()> {
        self.enter_depth()?;
        let r = self.jump_if1(e, next, cond);
        self.leave_depth();
        r
    }

    fn jump_if1(&mut self, e: &Expr, next: BlockId, cond: bool) -> CResult<()> {
        if self.fold(e).is_none() {
            match e {
                Expr::UnaryOp(u) if u.op == UnaryOp::Not && !is_invertible_compare(&u.operand) => {
                    return self.jump_if(&u.operand, next, !cond);
                }
                Expr::BoolOp(b) => {
                    let cond2 = b.op == BoolOp::Or;
                    let next2 = if cond2 != cond { self.new_block() } else { next };
                    let n = b.values.len();
                    for v in &b.values[..n - 1] {
                        self.jump_if(v, next2, cond2)?;
                    }
                    self.jump_if(&b.values[n - 1], next, cond)?;
                    if next2 != next {
                        self.use_block(next2);
                    }
                    return Ok(());
                }
                Expr::If(i) => {
                    let end = self.new_block();
                    let next2 = self.new_block();
                    self.jump_if(&i.test, next2, false)?;
                    self.jump_if(&i.body, next, cond)?;
                    self.jump_noline(end);
                    self.use_block(next2);
                    self.jump_if(&i.orelse, next, cond)?;
                    self.use_block(end);
                    return Ok(());
                }
                Expr::Compare(c) if c.ops.len() > 1 => {
                    self.set_loc(c.range());
                    return self.jump_if_compare(c, next, cond);
                }
                _ => {}
            }
        }
        self.visit_expr(e)?;
        let op = if cond { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse };
        // CPython 3.11 locates the jump after a comparison (and what follows
        // it in the same statement) at the comparison.
        match e {
            Expr::Compare(_) => self.set_loc(e.range()),
            Expr::UnaryOp(u) if u.op == UnaryOp::Not && is_invertible_compare(&u.operand) => {
                self.set_loc(u.operand.range())
            }
            _ => {}
        }
        self.emit_jump(Op::Real(op), next);
        Ok(())
    }

    fn jump_if_compare(&mut self, c: &ExprCompare, next: BlockId, cond: bool) -> CResult<()> {
        {
            {
                    self.check_compare(c);
                    let n = c.ops.len() - 1;
                    let cleanup = self.new_block();
                    self.visit_expr(&c.left)?;
                    for i in 0..n {
                        self.visit_expr(&c.comparators[i])?;
                        self.emit(Opcode::Swap, 2);
                        self.emit(Opcode::Copy, 2);
                        self.cmp_op(c.ops[i]);
                        self.emit_jump(Op::Real(Opcode::PopJumpIfFalse), cleanup);
                    }
                    self.visit_comparator(c.ops[n], &c.comparators[n], true)?;
                    self.cmp_op(c.ops[n]);
                    let op = if cond { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse };
                    self.emit_jump(Op::Real(op), next);
                    let end = self.new_block();
                    self.jump_noline(end);
                    self.use_block(cleanup);
                    self.emit(Opcode::PopTop, 0);
                    if !cond {
                        self.jump_noline(next);
                    }
                    self.use_block(end);
                    Ok(())
            }
        }
    }

    /// CPython's `starunpack_helper`: builds a list/set/tuple from `elts`
    /// (with `pushed` items already on the stack).
    pub fn starunpack(
        &mut self,
        elts: &[Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult<()> {
        let n = elts.len();
        if n > 2 {
            let consts: Option<Vec<Constant>> = elts
                .iter()
                .map(|x| if matches!(x, Expr::Starred(_)) { None } else { self.fold(x) })
                .collect();
            if let Some(items) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items));
                } else {
                    let folded = if add == Opcode::SetAdd { Constant::FrozenSet(items) } else { Constant::Tuple(items) };
                    self.emit(build, pushed);
                    self.load_const(folded);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(Opcode::ListToTuple, 0);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUARDRAIL;
        let seen_star = elts.iter().any(|x| matches!(x, Expr::Starred(_)));
        if !seen_star && !big {
            for x in elts {
                self.visit_expr(x)?;
            }
            if tuple {
                self.emit(Opcode::BuildTuple, n as u32 + pushed);
            } else {
                self.emit(build, n as u32 + pushed);
            }
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let Expr::Starred(s) = x {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.visit_expr(x)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    /// CPython's `compiler_subdict`.
    fn subdict(&mut self, items: &[DictItem]) -> CResult<()> {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUARDRAIL;
        if n > 1 && !big {
            let keys: Option<Vec<Constant>> = items.iter().map(|it| it.key.as_ref().and_then(|k| self.fold(k))).collect();
            if let Some(keys) = keys {
                for it in items {
                    self.visit_expr(&it.value)?;
                }
                self.load_const(Constant::Tuple(keys));
                self.emit(Opcode::BuildConstKeyMap, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Opcode::BuildMap, 0);
        }
        for it in items {
            if let Some(k) = &it.key {
                self.visit_expr(k)?;
            }
            self.visit_expr(&it.value)?;
            if big {
                self.emit(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    /// CPython's `compiler_dict`.
    fn dict(&mut self, d: &ExprDict) -> CResult<()> {
        let n = d.items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        let mut i = 0;
        while i < n {
            let is_unpacking = d.items[i].key.is_none();
            if is_unpacking {
                if elements > 0 {
                    self.subdict(&d.items[i - elements..i])?;
                    if have_dict {
                        self.emit(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.visit_expr(&d.items[i].value)?;
                self.emit(Opcode::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUARDRAIL {
                self.subdict(&d.items[i - elements..i + 1])?;
                if have_dict {
                    self.emit(Opcode::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
            i += 1;
        }
        if elements > 0 {
            self.subdict(&d.items[n - elements..n])?;
            if have_dict {
                self.emit(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    fn call(&mut self, c: &ExprCall) -> CResult<()> {
        if self.maybe_method_call(c)? {
            return Ok(());
        }
        self.check_caller(&c.func);
        let call_loc = self.loc;
        // The optimizer fuses PUSH_NULL + LOAD_GLOBAL into LOAD_GLOBAL (NULL + name).
        self.set_loc(c.func.range());
        self.emit(Opcode::PushNull, 0);
        self.loc = call_loc;
        self.visit_expr(&c.func)?;
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords)
    }

    fn maybe_method_call(&mut self, c: &ExprCall) -> CResult<bool> {
        let Expr::Attribute(meth) = c.func.as_ref() else { return Ok(false) };
        if meth.ctx != ExprContext::Load {
            return Ok(false);
        }
        // CPython 3.11's `is_import_originated`: `mod.f()` for a module-level
        // import is a plain attribute call.
        if let Expr::Name(n) = meth.value.as_ref() {
            if self.st.tables[0].flags_of(n.id.as_str()) & crate::symtable::DEF_IMPORT != 0 {
                return Ok(false);
            }
        }
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        if args.len() + kws.len() + (!kws.is_empty()) as usize >= STACK_USE_GUARDRAIL {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a, Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(&meth.value)?;
        let saved = self.loc;
        self.set_loc(meth.range());
        self.update_start_location_to_match_attr(meth);
        self.emit_name(Opcode::LoadMethod, meth.attr.as_str());
        for a in args.iter() {
            self.visit_expr(a)?;
        }
        if !kws.is_empty() {
            for k in kws.iter() {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(kws);
        }
        self.loc = saved;
        self.emit(Opcode::Call, (args.len() + kws.len()) as u32);
        Ok(true)
    }

    fn kw_names(&mut self, kws: &[Keyword]) {
        let names: Vec<Constant> = kws
            .iter()
            .map(|k| Constant::str(k.arg.as_ref().map(|a| a.as_str()).unwrap_or("")))
            .collect();
        let i = self.add_const(Constant::Tuple(names));
        self.emit(Opcode::KwNames, i);
    }

    /// CPython's `compiler_call_helper`: `n` items are already pushed after the callable.
    pub fn call_helper(&mut self, n: u32, args: &[Expr], keywords: &[Keyword]) -> CResult<()> {
        let nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUARDRAIL
            || args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            self.emit(Opcode::Call, n + (nelts + nkwelts) as u32);
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.visit_expr(&s.value)?;
            } else {
                self.starunpack(args, n, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true)?;
            }
        } else {
            self.starunpack(args, n, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true)?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for i in 0..nkwelts {
                let kw = &keywords[i];
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&keywords[i - nseen..i])?;
                        if have_dict {
                            self.emit(Opcode::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BuildMap, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.emit(Opcode::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&keywords[nkwelts - nseen..])?;
                if have_dict {
                    self.emit(Opcode::DictMerge, 1);
                }
            }
        }
        self.emit(Opcode::CallFunctionEx, (nkwelts > 0) as u32);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &[Keyword]) -> CResult<()> {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUARDRAIL;
        if n > 1 && !big {
            for k in kws {
                self.visit_expr(&k.value)?;
            }
            let keys: Vec<Constant> =
                kws.iter().map(|k| Constant::str(k.arg.as_ref().map(|a| a.as_str()).unwrap_or(""))).collect();
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(Opcode::BuildMap, 0);
        }
        for k in kws {
            self.load_const(Constant::str(k.arg.as_ref().map(|a| a.as_str()).unwrap_or("")));
            self.visit_expr(&k.value)?;
            if big {
                self.emit_noline(Opcode::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32);
        }
        Ok(())
    }

    // ---- f-strings ----

    fn fstring(&mut self, f: &ExprFString) -> CResult<()> {
        let mut pieces: Vec<Piece> = Vec::new();
        for part in f.value.as_slice() {
            match part {
                FStringPart::Literal(s) => push_lit(&mut pieces, self.string_part_value(s)),
                FStringPart::FString(fs) => self.collect_elements(&fs.elements, &mut pieces),
            }
        }
        self.joined(&pieces)
    }

    fn collect_elements<'e>(&self, els: &'e InterpolatedStringElements, pieces: &mut Vec<Piece<'e>>) {
        for el in els.iter() {
            match el {
                InterpolatedStringElement::Literal(l) => push_lit(pieces, Wtf8Buf::from(&*l.value)),
                InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        push_lit(pieces, Wtf8Buf::from(format!("{}{}{}", d.leading(), d.expression(), d.trailing())));
                    }
                    pieces.push(Piece::Value(i));
                }
            }
        }
    }

    fn joined(&mut self, pieces: &[Piece]) -> CResult<()> {
        if pieces.len() > STACK_USE_GUARDRAIL {
            self.load_const(Constant::str(""));
            self.emit_name(Opcode::LoadMethod, "join");
            self.emit(Opcode::BuildList, 0);
            for p in pieces {
                self.piece(p)?;
                self.emit(Opcode::ListAppend, 1);
            }
            self.emit(Opcode::Call, 1);
        } else {
            for p in pieces {
                self.piece(p)?;
            }
            if pieces.len() != 1 {
                self.emit(Opcode::BuildString, pieces.len() as u32);
            }
        }
        Ok(())
    }

    fn piece(&mut self, p: &Piece) -> CResult<()> {
        match p {
            Piece::Lit(s) => self.load_const(Constant::Str(s.clone())),
            Piece::Value(i) => {
                self.visit_expr(&i.expression)?;
                let mut oparg = match i.conversion {
                    ConversionFlag::None => 0,
                    ConversionFlag::Str => 1,
                    ConversionFlag::Repr => 2,
                    ConversionFlag::Ascii => 3,
                };
                if i.debug_text.is_some() && oparg == 0 && i.format_spec.is_none() {
                    oparg = 2;
                }
                if let Some(spec) = &i.format_spec {
                    let mut sp: Vec<Piece> = Vec::new();
                    self.collect_elements(&spec.elements, &mut sp);
                    self.joined(&sp)?;
                    oparg |= 4;
                }
                let saved = self.loc;
                self.set_loc(i.range());
                self.loc = saved;
                self.emit(Opcode::FormatValue, oparg);
            }
        }
        Ok(())
    }

    // ---- assignment targets ----

    /// Stores TOS into `e` (a Name, Attribute, Subscript, Tuple or List target).
    pub fn store_target(&mut self, e: &Expr) -> CResult<()> {
        self.enter_depth()?;
        let saved = self.loc;
        self.set_loc(e.range());
        let r = self.store_target1(e);
        self.loc = saved;
        self.leave_depth();
        r
    }

    fn store_target1(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::Name(n) => {
                self.nameop(n.id.as_str(), NameCtx::Store);
                Ok(())
            }
            Expr::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.update_start_location_to_match_attr(a);
                self.emit_name(Opcode::StoreAttr, a.attr.as_str());
                Ok(())
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                self.emit(Opcode::StoreSubscr, 0);
                Ok(())
            }
            Expr::Tuple(t) => self.unpack_store(&t.elts),
            Expr::List(l) => self.unpack_store(&l.elts),
            Expr::Starred(_) => Err(self.error("starred assignment target must be in a list or tuple")),
            _ => Err(self.error("cannot assign to expression")),
        }
    }

    fn unpack_store(&mut self, elts: &[Expr]) -> CResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if matches!(x, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                seen_star = true;
                if i >= (1 << 8) || n - i - 1 >= (1 << 24) {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.emit(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32);
            }
        }
        if !seen_star {
            self.emit(Opcode::UnpackSequence, n as u32);
        }
        for x in elts {
            match x {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(x)?,
            }
        }
        Ok(())
    }

    // ---- lambda and comprehensions ----

    fn lambda(&mut self, l: &ExprLambda) -> CResult<()> {
        let default_params = Parameters::default();
        let params = l.parameters.as_deref().unwrap_or(&default_params);
        let flags = self.default_arguments(params)?;
        let line = self.loc.line;
        let outer_loc = self.loc;
        self.enter_scope("<lambda>", ScopeType::Lambda, l, line)?;
        self.loc = pyrite_bytecode::Location { line, end_line: line, col: 0, end_col: 0 };
        self.add_const(Constant::None);
        self.u().argcount = (params.posonlyargs.len() + params.args.len()) as u32;
        self.u().posonlyargcount = params.posonlyargs.len() as u32;
        self.u().kwonlyargcount = params.kwonlyargs.len() as u32;
        self.visit_expr(&l.body)?;
        // As CPython 3.11: a generator lambda returns its body's value too.
        self.emit(Opcode::ReturnValue, 0);
        let code = self.exit_scope()?;
        self.loc = outer_loc;
        self.make_closure(code, flags)
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        kind: CompKind,
        gens: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult<()> {
        let Some(outermost) = gens.first() else { return Err(self.error("invalid comprehension")) };
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let line = self.loc.line;
        match node {
            Expr::ListComp(c) => self.enter_scope(name, ScopeType::Comprehension, c, line)?,
            Expr::SetComp(c) => self.enter_scope(name, ScopeType::Comprehension, c, line)?,
            Expr::DictComp(c) => self.enter_scope(name, ScopeType::Comprehension, c, line)?,
            Expr::Generator(c) => self.enter_scope(name, ScopeType::Comprehension, c, line)?,
            _ => {}
        }
        let is_async_generator = self.ste().coroutine;
        let outer_scope = self.units[self.units.len() - 2].scope_type;
        let outer_is_comp_or_async =
            matches!(outer_scope, ScopeType::AsyncFunction | ScopeType::Comprehension);
        if is_async_generator && kind != CompKind::Gen && !outer_is_comp_or_async {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function"));
        }
        match kind {
            CompKind::List => self.emit(Opcode::BuildList, 0),
            CompKind::Set => self.emit(Opcode::BuildSet, 0),
            CompKind::Dict => self.emit(Opcode::BuildMap, 0),
            CompKind::Gen => {}
        }
        self.comprehension_generator(gens, 0, 0, elt, value, kind)?;
        if kind != CompKind::Gen {
            self.emit(Opcode::ReturnValue, 0);
        }
        let code = self.exit_scope()?;
        self.make_closure(code, 0)?;
        self.visit_iter(&outermost.iter)?;
        if outermost.is_async {
            self.emit(Opcode::GetAiter, 0);
        } else {
            self.emit(Opcode::GetIter, 0);
        }
        self.emit(Opcode::Call, 0);
        if is_async_generator && kind != CompKind::Gen {
            self.emit(Opcode::GetAwaitable, 0);
            self.load_const(Constant::None);
            self.yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &[Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &Expr,
        value: Option<&Expr>,
        kind: CompKind,
    ) -> CResult<()> {
        self.enter_depth()?;
        let r = if gens[gen_index].is_async {
            self.async_comprehension_generator(gens, gen_index, depth, elt, value, kind)
        } else {
            self.sync_comprehension_generator(gens, gen_index, depth, elt, value, kind)
        };
        self.leave_depth();
        r
    }

    fn comprehension_element(&mut self, depth: u32, elt: &Expr, value: Option<&Expr>, kind: CompKind) -> CResult<()> {
        match kind {
            CompKind::Gen => {
                self.visit_expr(elt)?;
                self.emit_yield();
                self.emit(Opcode::PopTop, 0);
            }
            CompKind::List => {
                self.visit_expr(elt)?;
                self.emit(Opcode::ListAppend, depth + 1);
            }
            CompKind::Set => {
                self.visit_expr(elt)?;
                self.emit(Opcode::SetAdd, depth + 1);
            }
            CompKind::Dict => {
                self.visit_expr(elt)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.emit(Opcode::MapAdd, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        gens: &[Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &Expr,
        value: Option<&Expr>,
        kind: CompKind,
    ) -> CResult<()> {
        let gen = &gens[gen_index];
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        if gen_index == 0 {
            self.u().argcount = 1;
            self.emit(Opcode::LoadFast, 0);
        } else {
            let elts: Option<&Vec<Expr>> = match &gen.iter {
                Expr::List(l) => Some(&l.elts),
                Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            };
            if let Some(elts) = elts {
                if elts.len() == 1 && !matches!(elts[0], Expr::Starred(_)) {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_iter(&gen.iter)?;
                self.emit(Opcode::GetIter, 0);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_block(s);
            self.emit_jump(Op::Real(Opcode::ForIter), anchor);
        }
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if gen_index + 1 < gens.len() {
            self.comprehension_generator(gens, gen_index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.use_block(if_cleanup);
        if let Some(s) = start {
            self.jump(s);
            self.use_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        gens: &[Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &Expr,
        value: Option<&Expr>,
        kind: CompKind,
    ) -> CResult<()> {
        let gen = &gens[gen_index];
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        if gen_index == 0 {
            self.u().argcount = 1;
            self.emit(Opcode::LoadFast, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.emit(Opcode::GetAiter, 0);
        }
        self.use_block(start);
        self.push_fblock(FBlock::AsyncComprehensionGenerator)?;
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit_pseudo(Op::PopBlock);
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if gen_index + 1 < gens.len() {
            self.comprehension_generator(gens, gen_index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.use_block(if_cleanup);
        self.jump(start);
        self.pop_fblock();
        self.use_block(except);
        self.emit(Opcode::EndAsyncFor, 0);
        Ok(())
    }

    /// Visits a `for` iterable: a constant list/set display becomes a tuple/frozenset.
    pub fn visit_iter(&mut self, e: &Expr) -> CResult<()> {
        if let Some(c) = self.const_container(e) {
            let saved = self.loc;
            self.set_loc(e.range());
            self.load_const(c);
            self.loc = saved;
            return Ok(());
        }
        // ast_opt's fold_iter: a list display without starred items is a tuple.
        if let Expr::List(l) = e {
            if !l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
                self.enter_depth()?;
                let saved = self.loc;
                self.set_loc(e.range());
                let r = self.starunpack(&l.elts, 0, Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend, true);
                self.loc = saved;
                self.leave_depth();
                return r;
            }
        }
        self.visit_expr(e)
    }

    /// CPython's `compiler_default_arguments`: pushes defaults and kwdefaults,
    /// returning the MAKE_FUNCTION flags.
    pub fn default_arguments(&mut self, p: &Parameters) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&Expr> =
            p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            // Constant defaults are folded into one tuple by the CFG optimizer,
            // leaving NOPs for their lines as CPython does.
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.emit(Opcode::BuildTuple, defaults.len() as u32);
            flags |= 0x01;
        }
        let kw: Vec<&ParameterWithDefault> = p.kwonlyargs.iter().filter(|a| a.default.is_some()).collect();
        if !kw.is_empty() {
            let mut keys = Vec::new();
            for a in &kw {
                keys.push(Constant::str(&self.mangle(a.parameter.name.as_str())));
                if let Some(d) = &a.default {
                    self.visit_expr(d)?;
                }
            }
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BuildConstKeyMap, kw.len() as u32);
            flags |= 0x02;
        }
        Ok(flags)
    }
}

/// `not (a is b)` / `not (a in b)`: ast_opt rewrites these as `is not` / `not in`.
fn is_invertible_compare(e: &Expr) -> bool {
    matches!(e, Expr::Compare(c) if c.ops.len() == 1 && matches!(c.ops[0], CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn))
}

pub enum Piece<'e> {
    Lit(Wtf8Buf),
    Value(&'e InterpolatedElement),
}

fn push_lit(pieces: &mut Vec<Piece>, s: Wtf8Buf) {
    if s.as_bytes().is_empty() {
        return;
    }
    if let Some(Piece::Lit(prev)) = pieces.last_mut() {
        let mut b = prev.as_bytes().to_vec();
        b.extend_from_slice(s.as_bytes());
        *prev = Wtf8Buf::from_bytes_unchecked(b);
        return;
    }
    pieces.push(Piece::Lit(s));
}
