//! Turns ruff's parse errors into CPython 3.11's SyntaxErrors.
//!
//! CPython's PEG parser reports either a specific message from one of its
//! `invalid_*` rules (Grammar/python.gram, second pass) or a generic
//! "invalid syntax" at the furthest token of the first pass. ruff reports the
//! same failures with its own words and ranges; this module re-reads the
//! tokens and ruff's recovered AST around the error to pick CPython's rule
//! and position.

use super::fstring;
use super::tokenizer::{error_at, Lines, Tok, TokError, Token, Tokens};
use crate::{CompileError, ErrorKind};
use ruff_python_ast::visitor::source_order::{walk_expr, walk_stmt, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Mod, Stmt};
use ruff_python_parser::{ParseError, ParseErrorType, UnsupportedSyntaxError, UnsupportedSyntaxErrorKind};
use ruff_python_parser::{InterpolatedStringErrorType as FErr, LexicalErrorType};
use ruff_text_size::{Ranged, TextRange};

/// Context for one conversion.
pub(crate) struct Cx<'a> {
    pub lines: &'a Lines<'a>,
    pub toks: &'a [Token],
    pub ast: Option<&'a Mod>,
}

impl<'a> Cx<'a> {
    pub fn src(&self) -> &'a str {
        self.lines.src
    }
    /// An error spanning bytes `start..end`.
    pub fn err(&self, kind: ErrorKind, msg: impl Into<String>, start: usize, end: usize) -> CompileError {
        let line = self.lines.line_of(start);
        let end_line = self.lines.line_of(end);
        let mut e = error_at(self.lines, kind, msg.into(), line, self.lines.col_chars(start) + 1, 0);
        e.end_lineno = end_line;
        e.end_offset = self.lines.col_chars(end) + 1;
        e
    }
    pub fn syntax(&self, msg: impl Into<String>, start: usize, end: usize) -> CompileError {
        self.err(ErrorKind::SyntaxError, msg, start, end)
    }
    fn syntax_tok(&self, msg: impl Into<String>, i: usize) -> CompileError {
        let t = self.toks[i.min(self.toks.len() - 1)];
        let mut e = self.syntax(msg, t.start, t.end);
        if t.kind == Tok::Newline {
            // CPython gives a NEWLINE token no width.
            e.end_lineno = e.lineno;
            e.end_offset = e.offset;
        }
        e
    }
    /// Index of the token at byte `pos` (the first one ending after it).
    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.end <= pos && t.kind != Tok::EndMarker).min(self.toks.len().saturating_sub(1))
    }
    /// Index of the first significant token starting at or after `pos`.
    fn tok_from(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos).min(self.toks.len().saturating_sub(1))
    }
    pub fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.src()[t.start..t.end])
    }
    fn is_op(&self, i: usize, op: &str) -> bool {
        i < self.toks.len() && self.toks[i].kind == Tok::Op && self.text(i) == op
    }
    fn is_name(&self, i: usize, n: &str) -> bool {
        i < self.toks.len() && self.toks[i].kind == Tok::Name && self.text(i) == n
    }

    // -- recovered-AST queries --

    fn exprs(&self, pred: &dyn Fn(&Expr) -> bool) -> Vec<&'a Expr> {
        struct F<'a, 'p> {
            pred: &'p dyn Fn(&Expr) -> bool,
            out: Vec<&'a Expr>,
        }
        impl<'a> SourceOrderVisitor<'a> for F<'a, '_> {
            fn visit_expr(&mut self, e: &'a Expr) {
                if (self.pred)(e) {
                    self.out.push(e);
                }
                walk_expr(self, e);
            }
        }
        let mut f = F { pred, out: Vec::new() };
        if let Some(m) = self.ast {
            match m {
                Mod::Module(m) => f.visit_body(&m.body),
                Mod::Expression(e) => f.visit_expr(&e.body),
            }
        }
        f.out
    }
    /// The outermost expression with exactly range `r`.
    fn expr_at(&self, r: TextRange) -> Option<&'a Expr> {
        self.exprs(&|e| e.range() == r).into_iter().next()
    }
    fn expr_ending(&self, pos: usize) -> Option<&'a Expr> {
        self.exprs(&|e| e.range().end().to_usize() == pos).into_iter().next()
    }
    /// The innermost statement containing byte `pos`.
    fn stmt_containing(&self, pos: usize) -> Option<&'a Stmt> {
        struct F<'a> {
            pos: usize,
            found: Option<&'a Stmt>,
        }
        impl<'a> SourceOrderVisitor<'a> for F<'a> {
            fn visit_stmt(&mut self, s: &'a Stmt) {
                let r = s.range();
                if r.start().to_usize() <= self.pos && self.pos < r.end().to_usize().max(r.start().to_usize() + 1) {
                    self.found = Some(s);
                    walk_stmt(self, s);
                }
            }
            fn visit_expr(&mut self, _e: &'a Expr) {}
        }
        let mut f = F { pos, found: None };
        if let Some(Mod::Module(m)) = self.ast {
            f.visit_body(&m.body);
        }
        f.found
    }
}

/// CPython's `_PyPegen_get_expr_name`.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Targets {
    Star,
    Del,
    For,
}

/// CPython's `_PyPegen_get_invalid_target`.
fn invalid_target(e: &Expr, ty: Targets) -> Option<&Expr> {
    match e {
        Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. }) => {
            elts.iter().find_map(|x| invalid_target(x, ty))
        }
        Expr::Starred(s) => {
            if ty == Targets::Del {
                Some(e)
            } else {
                invalid_target(&s.value, ty)
            }
        }
        Expr::Compare(c) => {
            if ty == Targets::For {
                if c.ops.first() == Some(&ast::CmpOp::In) {
                    return invalid_target(&c.left, ty);
                }
                return None;
            }
            Some(e)
        }
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        _ => Some(e),
    }
}

/// Converts the first ruff error (`first` of `all`) into CPython's error.
pub fn convert(lines: &Lines, toks: &Tokens, first: &ParseError, all: &[ParseError], ast: &Mod) -> CompileError {
    let cx = Cx { lines, toks: &toks.toks, ast: Some(ast) };
    let at = first.location.start().to_usize();
    // A tokenizer error the parser reached first (indentation, tabs, '\').
    if let Some(TokError::Deferred { err, at: tat }) = &toks.error {
        if *tat <= at || matches!(first.error, ParseErrorType::Lexical(_)) {
            return err.clone();
        }
    }
    // f-string errors as CPython 3.11's string parser reports them, when the
    // f-string is reached before ruff's error.
    if let Some(e) = fstring::check_before(&cx, at) {
        return e;
    }
    let eof = matches!(first.error, ParseErrorType::Lexical(LexicalErrorType::Eof));
    let e = if eof { None } else { specific(&cx, first, all) };
    let e = e.unwrap_or_else(|| generic(&cx, first));
    if let Some(&(c, line, col)) = toks.open_parens.last() {
        // CPython compares with the line of the last token its parser read.
        // CPython compares the line of the last token its parser read; it
        // read to the end of input if the token after the reported range is
        // the end marker, or if it had to parse from the unclosed bracket.
        let reached = e.lineno.max(e.end_lineno).max(lines.line_of(at));
        let paren_pos = lines.start_of(line) + col;
        let mut err_end = if e.end_lineno > 0 && e.end_offset > 0 {
            lines.start_of(e.end_lineno) + char_to_byte(lines.text(e.end_lineno), e.end_offset - 1)
        } else {
            at
        };
        if e.msg.contains("Maybe you meant '=='") {
            // invalid_named_expression parsed the right-hand side too.
            if let Some(eq) = (cx.tok_from(err_end)..cx.toks.len()).find(|&k| cx.is_op(k, "=")) {
                err_end = rhs_bitwise_or_end(&cx, eq + 1);
            }
        }
        let next = cx.tok_from(err_end.max(at + 1));
        // Generic errors stop at the failing token; specific rules read on.
        let lookahead_eof = e.msg != "invalid syntax" && cx.toks.get(next).is_none_or(|t| t.kind == Tok::EndMarker);
        let p = cx.tok_from(paren_pos);
        let from_bracket =
            at == paren_pos && p > 0 && ends_operand(&cx, p - 1) && starts_expression(&cx, cx.tok_from(paren_pos + 1));
        if eof || reached > line || from_bracket || (at > paren_pos && lookahead_eof) {
            let start = lines.start_of(line) + col;
            let off = lines.col_chars(start) + 1;
            return error_at(lines, ErrorKind::SyntaxError, format!("'{c}' was never closed"), line, off, 0);
        }
    }
    e
}

/// "invalid syntax" at the token ruff stopped on.
fn generic(cx: &Cx, e: &ParseError) -> CompileError {
    let at = e.location.start().to_usize();
    let mut i = cx.tok_at(at);
    // _PyPegen_set_syntax_error: failing on INDENT/DEDENT is an IndentationError.
    if e.error == ParseErrorType::OtherError("Expected class, function definition or async function definition after decorator".into()) {
        let j = cx.tok_from(at);
        if cx.toks.get(j).is_some_and(|t| t.kind == Tok::Dedent) && cx.toks[i].kind != Tok::Indent {
            let line = cx.lines.line_of(cx.toks[j].start);
            return error_at(cx.lines, ErrorKind::IndentationError, "unexpected unindent".into(), line, 0, 0);
        }
    }
    if cx.toks[i].kind == Tok::Indent {
        let t = cx.toks[i];
        let line = cx.lines.line_of(t.end);
        return error_at(cx.lines, ErrorKind::IndentationError, "unexpected indent".into(), line, cx.lines.col_chars(t.end), 0);
    }
    // An implicit NEWLINE (no newline at end of input) is a real token.
    if cx.toks[i].kind == Tok::EndMarker && i > 0 && cx.toks[i - 1].kind == Tok::Newline && cx.toks[i - 1].start == cx.toks[i - 1].end {
        i -= 1;
    }
    if cx.toks[i].kind == Tok::EndMarker {
        // The end marker has no column in CPython.
        let line = cx.lines.last_line();
        return error_at(cx.lines, ErrorKind::SyntaxError, "invalid syntax".into(), line, 0, 0);
    }
    // After an operand, `not` may begin `not in`: CPython reads one more token.
    if cx.is_name(i, "not") && i > 0 && ends_operand(cx, i - 1) && !cx.is_name(i + 1, "in") {
        i += 1;
    }
    cx.syntax_tok("invalid syntax", i)
}

fn ends_operand(cx: &Cx, i: usize) -> bool {
    let Some(&t) = cx.toks.get(i) else { return false };
    match t.kind {
        Tok::Number | Tok::String => true,
        Tok::Name => !matches!(cx.text(i), "not" | "and" | "or" | "if" | "else" | "in" | "is" | "lambda" | "await"),
        Tok::Op => matches!(cx.text(i), ")" | "]" | "}"),
        _ => false,
    }
}

/// "'(' was never closed" when brackets are still open at end of input.
pub fn unclosed_at_eof(lines: &Lines, toks: &Tokens) -> Option<CompileError> {
    let (c, line, col) = *toks.open_parens.last()?;
    let start = lines.start_of(line) + col;
    let off = lines.col_chars(start) + 1;
    Some(error_at(lines, ErrorKind::SyntaxError, format!("'{c}' was never closed"), line, off, 0))
}

/// The error for ruff's `e`, if it maps to one of CPython's specific rules.
fn specific(cx: &Cx, e: &ParseError, _all: &[ParseError]) -> Option<CompileError> {
    let r = e.location;
    let (s, end) = (r.start().to_usize(), r.end().to_usize());
    let i = cx.tok_at(s);
    // `def NAME` must be followed by '(' (a forced token).
    if i >= 2 && cx.is_name(i - 2, "def") && cx.toks[i - 1].kind == Tok::Name && !cx.is_op(i, "(") {
        return Some(cx.syntax_tok("expected '('", i));
    }
    // print x / exec x (invalid_legacy_expression) wherever two expressions meet.
    if let Some(err) = legacy_print(cx, i) {
        return Some(err);
    }
    match &e.error {
        ParseErrorType::OtherError(msg) => other_error(cx, msg, s, end, i),
        ParseErrorType::InvalidAssignmentTarget => assignment_target(cx, r),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            // invalid_assignment needs `target ':' expression`.
            let colon = cx.tok_from(end);
            if !starts_expression(cx, colon + 1) {
                return Some(cx.syntax_tok("invalid syntax", colon));
            }
            Some(cx.syntax("illegal target for annotation", s, end))
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let name = cx.expr_at(r).map_or("expression", expr_name);
            Some(cx.syntax(format!("'{name}' is an illegal expression for augmented assignment"), s, end))
        }
        ParseErrorType::InvalidDeleteTarget => {
            let ex = cx.expr_at(r)?;
            let bad = invalid_target(ex, Targets::Del).unwrap_or(ex);
            let br = bad.range();
            Some(cx.syntax(format!("cannot delete {}", expr_name(bad)), br.start().to_usize(), br.end().to_usize()))
        }
        ParseErrorType::InvalidNamedAssignmentTarget if in_call_args(cx, i) => {
            // A call argument is `expression !':='`: the ':=' itself fails.
            let k = (i..cx.toks.len()).find(|&k| cx.is_op(k, ":=")).unwrap_or(i);
            Some(cx.syntax_tok("invalid syntax", k))
        }
        ParseErrorType::InvalidNamedAssignmentTarget => {
            let name = cx.expr_at(r).map_or("expression", expr_name);
            Some(cx.syntax(format!("cannot use assignment expressions with {name}"), s, end))
        }
        ParseErrorType::ExpectedKeywordParam => {
            // The bare '*' before ruff's position.
            let mut k = i;
            while k > 0 && !cx.is_op(k, "*") {
                k -= 1;
            }
            let mut j = k;
            while j > 0 && !cx.is_op(j, "(") && !cx.is_name(j, "lambda") {
                j -= 1;
            }
            if cx.is_name(j, "lambda") {
                Some(cx.syntax_tok("named arguments must follow bare *", k + 1))
            } else {
                Some(cx.syntax_tok("named arguments must follow bare *", k))
            }
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            let after = cx.tok_from(end);
            if !(cx.is_op(after, ",") || cx.is_op(after, ")") || cx.is_op(after, ":")) {
                return Some(cx.syntax_tok("invalid syntax", after));
            }
            Some(cx.syntax("non-default argument follows default argument", s, end))
        }
        ParseErrorType::VarParameterWithDefault => {
            let mut k = i;
            while k > 0 && !cx.is_op(k, "*") && !cx.is_op(k, "**") {
                k -= 1;
            }
            let kind = if cx.is_op(k, "**") { "var-keyword" } else { "var-positional" };
            let eq = (k..cx.toks.len()).find(|&j| cx.is_op(j, "=")).unwrap_or(i);
            Some(cx.syntax_tok(format!("{kind} argument cannot have default value"), eq))
        }
        ParseErrorType::ParamAfterVarKeywordParam => Some(cx.syntax("arguments cannot follow var-keyword argument", s, end)),
        ParseErrorType::PositionalAfterKeywordArgument | ParseErrorType::PositionalAfterKeywordUnpacking => {
            let msg = if matches!(e.error, ParseErrorType::PositionalAfterKeywordUnpacking) {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            };
            Some(cx.syntax_tok(msg, closing_of_call(cx, i)))
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            Some(cx.syntax("iterable argument unpacking follows keyword argument unpacking", s, end))
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            Some(cx.syntax("Generator expression must be parenthesized", s, end))
        }
        ParseErrorType::ExpectedToken { expected, found } => expected_token(cx, *expected, *found, i),
        ParseErrorType::UnexpectedIndentation => {
            // The offset is the width of the indentation.
            let k = (i..cx.toks.len()).find(|&k| cx.toks[k].kind == Tok::Indent).unwrap_or(i);
            let t = cx.toks[k.min(cx.toks.len() - 1)];
            let pos = if t.kind == Tok::Indent { t.end } else { t.start };
            let line = cx.lines.line_of(pos);
            let col = cx.lines.col_chars(pos);
            let mut err = error_at(cx.lines, ErrorKind::IndentationError, "unexpected indent".into(), line, col, 0);
            err.end_lineno = line;
            Some(err)
        }
        ParseErrorType::ExpectedExpression => {
            // invalid_default: '=' followed by ')' or ','.
            if i > 0 && cx.is_op(i - 1, "=") && (cx.is_op(i, ")") || cx.is_op(i, ",")) && in_def_params(cx, i - 1) {
                return Some(cx.syntax_tok("expected default value expression", i - 1));
            }
            if i > 0 && cx.is_op(i - 1, ":") && (cx.is_op(i, "}") || cx.is_op(i, ",")) && in_dict(cx, i) {
                return Some(cx.syntax_tok("expression expected after dictionary key and ':'", i - 1));
            }
            if i > 0 && cx.is_op(i - 1, "(") && cx.is_op(i, "**") {
                return Some(cx.syntax_tok("cannot use double starred expression here", i));
            }
            forgot_comma(cx, i)
        }
        ParseErrorType::InvalidStarredExpressionUsage => {
            let after = cx.tok_from(end);
            if i > 0 && cx.is_op(i - 1, "(") && cx.is_op(after, ")") {
                return Some(cx.syntax("cannot use starred expression here", s, end));
            }
            if i > 0 && cx.is_op(i - 1, ":") && enclosing_open(cx, i).is_some_and(|o| cx.is_op(o, "{")) {
                return Some(cx.syntax("cannot use a starred expression in a dictionary value", s, end));
            }
            // Where a starred item is allowed (a subscript or group), CPython
            // fails after it; elsewhere at the '*'.
            if i > 0 && (cx.is_op(i - 1, "[") || cx.is_op(i - 1, "(") || cx.is_op(i - 1, "{") || cx.is_op(i - 1, ",")) {
                return Some(cx.syntax_tok("invalid syntax", after));
            }
            Some(cx.syntax_tok("invalid syntax", i))
        }
        ParseErrorType::InvalidStarPatternUsage => Some(cx.syntax_tok("invalid syntax", cx.tok_from(end))),
        ParseErrorType::ExpectedImaginaryNumber => Some(cx.syntax("imaginary number required in complex literal", s, end)),
        ParseErrorType::ExpectedRealNumber => Some(cx.syntax("real number required in complex literal", s, end)),
        ParseErrorType::IterableUnpackingInComprehension => {
            Some(cx.syntax("iterable unpacking cannot be used in comprehension", s, end))
        }
        ParseErrorType::UnparenthesizedTupleExpression => {
            let comma = (i..cx.toks.len()).find(|&k| cx.is_op(k, ",")).unwrap_or(i);
            Some(cx.syntax_tok("invalid syntax", comma))
        }
        ParseErrorType::InvalidMatchPatternTarget => Some(cx.syntax("cannot use '_' as a target", s, end)),
        ParseErrorType::SimpleStatementsOnSameLine | ParseErrorType::UnexpectedExpressionToken => forgot_comma(cx, i),
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { .. })
            if i > 0 && cx.is_op(i - 1, ")") && enclosing_open(cx, i).is_none() && forced_colon_header(cx, i) =>
        {
            Some(cx.syntax_tok("expected ':'", i))
        }
        ParseErrorType::Lexical(LexicalErrorType::InvalidByteLiteral) => {
            let t = cx.toks[i];
            Some(cx.syntax("bytes can only contain ASCII literal characters", t.start, t.end))
        }
        ParseErrorType::Lexical(LexicalErrorType::FStringError(f)) | ParseErrorType::FStringError(f) => {
            fstring_error(cx, f, i)
        }
        _ => None,
    }
}

/// Index of the token closing the call or bracket that contains token `i`.
fn closing_of_call(cx: &Cx, i: usize) -> usize {
    let mut depth = 0i32;
    for k in i..cx.toks.len() {
        if cx.toks[k].kind != Tok::Op {
            continue;
        }
        match cx.text(k) {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => {
                if depth == 0 {
                    return k;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    i
}

/// Whether token `i` is inside the parameter list of a `def` or `lambda`.
fn in_def_params(cx: &Cx, i: usize) -> bool {
    let mut depth = 0i32;
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = cx.toks[k];
        if matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
            return false;
        }
        if cx.is_name(k, "lambda") && depth == 0 {
            return true;
        }
        if t.kind == Tok::Op {
            match cx.text(k) {
                ")" | "]" | "}" => depth += 1,
                "(" | "[" | "{" => {
                    if depth == 0 {
                        return k > 1 && cx.toks[k - 1].kind == Tok::Name && cx.is_name(k - 2, "def");
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
    }
    false
}

fn other_error(cx: &Cx, msg: &str, s: usize, end: usize, i: usize) -> Option<CompileError> {
    if msg.starts_with("Expected an indented block after") {
        return Some(indented_block(cx, i));
    }
    match msg {
        "Expected `except` or `finally` after `try` block" => {
            let k = after_try_body(cx, i).unwrap_or(i);
            if cx.toks[k].kind != Tok::EndMarker
                && k > 1
                && cx.toks[k - 1].kind == Tok::Dedent
                && cx.toks[k - 2].kind == Tok::Dedent
            {
                // The lookahead is a further DEDENT, which has no column.
                let line = cx.lines.line_of(cx.toks[k].start);
                return Some(error_at(cx.lines, ErrorKind::SyntaxError, "expected 'except' or 'finally' block".into(), line, 0, 0));
            }
            if cx.toks[k].kind == Tok::EndMarker {
                return Some(eof_error(cx, ErrorKind::SyntaxError, "expected 'except' or 'finally' block".into()));
            }
            Some(cx.syntax_tok("expected 'except' or 'finally' block", k))
        }
        "Expected one or more exception types" => Some(cx.syntax_tok("expected one or more exception types", i)),
        "Trailing comma not allowed" => {
            let first = line_start_tok(cx, i);
            if cx.is_name(first, "from") || cx.is_name(first, "import") {
                Some(cx.syntax_tok("trailing comma not allowed without surrounding parentheses", i + 1))
            } else {
                Some(cx.syntax_tok("invalid syntax", i + 1))
            }
        }
        "Star import cannot be parenthesized" | "Invalid mapping pattern key" => Some(cx.syntax_tok("invalid syntax", i + 1)),
        "Expected a parameter name" => {
            // invalid_kwarg: `f(True=1)`, `f(a.b=1)`.
            let eq = (i..cx.toks.len()).find(|&j| cx.is_op(j, "=")).unwrap_or(i);
            let eq_end = cx.toks[eq].end;
            let word = &cx.src()[s..end];
            if matches!(word, "True" | "False" | "None") {
                return Some(cx.syntax(format!("cannot assign to {word}"), s, eq_end));
            }
            Some(cx.syntax("expression cannot contain assignment, perhaps you meant \"==\"?", s, eq_end))
        }
        "Positional patterns cannot follow keyword patterns" => {
            Some(cx.syntax("positional patterns follow keyword patterns", s, end))
        }
        "'/' parameter must appear before '*' parameter" => Some(cx.syntax_tok("/ must be ahead of *", i)),
        "Position-only parameter separator not allowed as first parameter" => {
            let open = enclosing_open(cx, i).unwrap_or(0);
            let lambda = (0..=i).rev().take_while(|&k| !cx.is_name(k, "def")).any(|k| cx.is_name(k, "lambda"));
            let start = if cx.is_op(open, "(") && !lambda { open + 1 } else { (0..i).rev().find(|&k| cx.is_name(k, "lambda")).map_or(i, |k| k + 1) };
            if (start..i).any(|k| cx.is_op(k, "*")) {
                Some(cx.syntax_tok("/ must be ahead of *", i))
            } else if cx.is_op(i + 1, ",") {
                Some(cx.syntax_tok("at least one argument must precede /", i))
            } else {
                Some(cx.syntax_tok("invalid syntax", i))
            }
        }
        "Only one '/' separator allowed" => Some(cx.syntax_tok("/ may appear only once", i)),
        "Only one '*' parameter allowed" => Some(cx.syntax_tok("* argument may appear only once", i)),
        _ if msg.starts_with("Only single target") && !starts_expression(cx, cx.tok_from(end) + 1) => {
            Some(cx.syntax_tok("invalid syntax", cx.tok_from(end)))
        }
        _ if msg.starts_with("Only single target") => {
            let mut m = msg.to_owned();
            m.replace_range(..1, "o");
            Some(cx.syntax(m, s, end))
        }
        _ if cx.is_op(i, "=") && named_expression_context(cx, i) => named_expression_eq(cx, i),
        "Expected a statement" if cx.is_op(i, ":=") && i > 0 => {
            // invalid_named_expression: `a.b := 1` as a statement.
            let lhs = cx.expr_ending(cx.toks[i - 1].end)?;
            if matches!(lhs, Expr::Name(_)) || cx.tok_at(lhs.range().start().to_usize()) != line_start_tok(cx, i) {
                return None;
            }
            let r = lhs.range();
            Some(cx.syntax(
                format!("cannot use assignment expressions with {}", expr_name(lhs)),
                r.start().to_usize(),
                r.end().to_usize(),
            ))
        }
        _ if msg.starts_with("Cannot have both 'except' and 'except*'") => {
            let k = (i..cx.toks.len()).find(|&j| cx.is_name(j, "except")).unwrap_or(i);
            Some(cx.syntax_tok("cannot have both 'except' and 'except*' on the same 'try'", k))
        }
        _ => None,
    }
}

/// "expected an indented block after ... on line N".
fn indented_block(cx: &Cx, i: usize) -> CompileError {
    // The header's NEWLINE: the last NEWLINE token before the failing token.
    let mut nl = i.min(cx.toks.len() - 1);
    while nl > 0 && cx.toks[nl].kind != Tok::Newline {
        nl -= 1;
    }
    let mut first = nl;
    while first > 0 && !matches!(cx.toks[first - 1].kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
        first -= 1;
    }
    let mut kw = first;
    if cx.is_name(kw, "async") {
        kw += 1;
    }
    let what = match cx.text(kw) {
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        "except" if cx.is_op(kw + 1, "*") => "'except*' statement".to_string(),
        other => format!("'{other}' statement"),
    };
    let header_line = cx.lines.line_of(cx.toks[kw].start);
    let msg = format!("expected an indented block after {what} on line {header_line}");
    let mut next = nl + 1;
    while next < cx.toks.len() && cx.toks[next].kind == Tok::Dedent {
        next += 1;
    }
    let at_eof = next >= cx.toks.len() || cx.toks[next].kind == Tok::EndMarker;
    if at_eof {
        return eof_error(cx, ErrorKind::IndentationError, msg);
    }
    let t = cx.toks[next];
    if next > nl + 1 {
        // A DEDENT comes first: CPython has no column for it.
        let line = cx.lines.line_of(t.start);
        return error_at(cx.lines, ErrorKind::IndentationError, msg, line, 0, 0);
    }
    cx.err(ErrorKind::IndentationError, msg, t.start, t.end)
}

/// Headers whose ':' CPython forces (`&&':'`): any other token is "expected ':'".
fn forced_colon_header(cx: &Cx, i: usize) -> bool {
    let mut first = i;
    while first > 0 && !matches!(cx.toks[first - 1].kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
        first -= 1;
    }
    if cx.is_name(first, "async") {
        first += 1;
    }
    let kw = cx.text(first);
    match kw {
        "def" => true,
        "try" | "finally" | "else" => first + 1 == i,
        _ => false,
    }
}

fn expected_token(
    cx: &Cx,
    expected: ruff_python_ast::token::TokenKind,
    found: ruff_python_ast::token::TokenKind,
    i: usize,
) -> Option<CompileError> {
    use ruff_python_ast::token::TokenKind as K;
    match (expected, found) {
        (K::Colon, K::Newline) => Some(cx.syntax_tok("expected ':'", i)),
        (K::Colon, K::Rbrace | K::Comma) if in_dict(cx, i) => {
            // invalid_kvpair: reported at the key's last character.
            let prev = cx.toks[i - 1];
            let line = cx.lines.line_of(prev.end);
            let off = cx.lines.col_chars(prev.end);
            Some(error_at(cx.lines, ErrorKind::SyntaxError, "':' expected after dictionary key".into(), line, off, 0))
        }
        (K::Rpar, K::Lpar) if in_def_params(cx, i) && names_in_parens(cx, i) => {
            Some(cx.syntax_tok("Function parameters cannot be parenthesized", i))
        }
        (K::Colon, K::Lpar) if in_def_params(cx, i) && names_in_parens(cx, i) => {
            Some(cx.syntax_tok("Lambda expression parameters cannot be parenthesized", i))
        }
        (K::Else, _) => expected_else(cx, i),
        (K::Rpar, K::For | K::Async) if kwarg_before(cx, i).is_some() => {
            let n = kwarg_before(cx, i).unwrap_or(i);
            let (a, b) = (cx.toks[n].start, cx.toks[n + 1].end);
            Some(cx.syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", a, b))
        }
        (K::Lpar, _) if i >= 2 && cx.is_name(i - 2, "def") => Some(cx.syntax_tok("expected '('", i)),
        (_, K::Equal) => named_expression_eq(cx, i),
        (K::Colon, _) if forced_colon_header(cx, i) => Some(cx.syntax_tok("expected ':'", i)),
        (K::Comma, f) if is_augassign(f) && !cx.is_name(line_start_tok(cx, i), "del") => {
            // `a, b += 1`: the target tuple starts the statement.
            let mut first = i;
            while first > 0 && !matches!(cx.toks[first - 1].kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
                first -= 1;
            }
            let s = cx.toks[first].start;
            let e = cx.toks[i - 1].end;
            Some(cx.syntax("'tuple' is an illegal expression for augmented assignment", s, e))
        }
        (K::Rsqb | K::Rbrace | K::Rpar, K::For | K::Async) => comprehension_target_tuple(cx, i).or_else(|| forgot_comma(cx, i)),
        _ => forgot_comma(cx, i),
    }
}

fn is_augassign(k: ruff_python_ast::token::TokenKind) -> bool {
    use ruff_python_ast::token::TokenKind as K;
    matches!(
        k,
        K::PlusEqual
            | K::MinusEqual
            | K::StarEqual
            | K::SlashEqual
            | K::DoubleSlashEqual
            | K::PercentEqual
            | K::AtEqual
            | K::AmperEqual
            | K::VbarEqual
            | K::CircumflexEqual
            | K::LeftShiftEqual
            | K::RightShiftEqual
            | K::DoubleStarEqual
    )
}

/// `[x, y for x, y in z]`: "did you forget parentheses around the comprehension target?".
fn comprehension_target_tuple(cx: &Cx, i: usize) -> Option<CompileError> {
    let mut depth = 0i32;
    let mut k = i;
    let mut saw_comma = false;
    while k > 0 {
        k -= 1;
        if cx.toks[k].kind != Tok::Op {
            continue;
        }
        match cx.text(k) {
            ")" | "]" | "}" => depth += 1,
            "(" | "[" | "{" => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            "," if depth == 0 => saw_comma = true,
            _ => {}
        }
    }
    if !saw_comma || !(cx.is_op(k, "[") || cx.is_op(k, "{")) {
        return None;
    }
    let s = cx.toks[k + 1].start;
    let e = cx.toks[i - 1].end;
    Some(cx.syntax("did you forget parentheses around the comprehension target?", s, e))
}

/// `if x = 1:` and friends (invalid_named_expression).
fn named_expression_eq(cx: &Cx, eq: usize) -> Option<CompileError> {
    if eq == 0 {
        return None;
    }
    let prev_end = cx.toks[eq - 1].end;
    let lhs = cx.expr_ending(prev_end);
    // The value of a keyword argument is an `expression`, not a named one.
    if let Some(l) = lhs {
        let li = cx.tok_at(l.range().start().to_usize());
        if li > 0 && cx.is_op(li - 1, "=") {
            return None;
        }
    }
    if let Some(Expr::Name(n)) = lhs {
        if eq >= 1 && cx.toks[eq - 1].start == n.range.start().to_usize() {
            let rhs_end = rhs_bitwise_or_end(cx, eq + 1);
            return Some(cx.syntax(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                n.range.start().to_usize(),
                rhs_end,
            ));
        }
    }
    let lhs = lhs?;
    if !is_bitwise_or(cx, lhs) || starts_with_excluded(cx, lhs) {
        return None;
    }

    let r = lhs.range();
    Some(cx.syntax(
        format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(lhs)),
        r.start().to_usize(),
        r.end().to_usize(),
    ))
}

/// End of a `bitwise_or` starting at token `i` (approximate: up to a
/// comparison, boolean operator, ':' or closing bracket).
fn rhs_bitwise_or_end(cx: &Cx, i: usize) -> usize {
    let mut depth = 0i32;
    let mut end = cx.toks.get(i).map_or(0, |t| t.end);
    for k in i..cx.toks.len() {
        let t = cx.toks[k];
        let text = cx.text(k);
        if matches!(t.kind, Tok::Newline | Tok::EndMarker) {
            break;
        }
        if t.kind == Tok::Op {
            match text {
                "(" | "[" | "{" => depth += 1,
                ")" | "]" | "}" => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                ":" | "," | "=" | "<" | ">" | "==" | ">=" | "<=" | "!=" | ":=" if depth == 0 => break,
                _ => {}
            }
        } else if depth == 0 && matches!(text, "if" | "else" | "and" | "or" | "not" | "in" | "is" | "for") {
            break;
        }
        end = t.end;
    }
    end
}

/// Whether `e` is what CPython's `bitwise_or` rule produces.
fn is_bitwise_or(cx: &Cx, e: &Expr) -> bool {
    if is_parenthesized(cx, e) {
        return true;
    }
    !matches!(
        e,
        Expr::Compare(_) | Expr::BoolOp(_) | Expr::If(_) | Expr::Lambda(_) | Expr::Named(_) | Expr::Starred(_) | Expr::Tuple(_)
    ) && !matches!(e, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
}

fn is_parenthesized(cx: &Cx, e: &Expr) -> bool {
    let r = e.range();
    let i = cx.tok_at(r.start().to_usize());
    let j = cx.tok_from(r.end().to_usize());
    i > 0 && cx.is_op(i - 1, "(") && cx.is_op(j, ")")
}

/// `!(list|tuple|genexp|'True'|'None'|'False')` at the start of `e`.
fn starts_with_excluded(cx: &Cx, e: &Expr) -> bool {
    let start = e.range().start().to_usize();
    let i = cx.tok_at(start);
    if cx.toks[i].kind == Tok::Name && matches!(cx.text(i), "True" | "None" | "False") {
        return true;
    }
    if cx.is_op(i, "[") || cx.is_op(i, "(") {
        // A list display, a tuple or a generator expression at the start.
        return cx
            .exprs(&|x| x.range().start().to_usize() == start || x.range().start().to_usize() == start + 1)
            .iter()
            .any(|x| match x {
                Expr::List(_) | Expr::Generator(_) => true,
                Expr::Tuple(t) => t.parenthesized,
                _ => false,
            });
    }
    false
}

/// A bad assignment target (invalid_assignment and friends).
fn assignment_target(cx: &Cx, r: TextRange) -> Option<CompileError> {
    let s = r.start().to_usize();
    let ex = cx.expr_at(r)?;
    let stmt = cx.stmt_containing(s);
    match stmt {
        Some(Stmt::Assign(a)) if a.targets.iter().any(|t| t.range().contains_range(r)) => {
            let first = &a.targets[0];
            // invalid_named_expression: exactly `target = value` where the
            // target is a bitwise_or and the value starts one.
            if a.targets.len() == 1
                && first.range() == ex.range()
                && !matches!(first, Expr::Name(_))
                && is_bitwise_or(cx, first)
                && !starts_with_excluded(cx, first)
                && value_starts_bitwise_or(cx, &a.value)
            {
                return Some(cx.syntax(
                    format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(first)),
                    s,
                    r.end().to_usize(),
                ));
            }
            // `x, last = value`: CPython's invalid_assignment parses the
            // elements after the first comma as named expressions, so the
            // last one meets invalid_named_expression first.
            if let Expr::Tuple(t) = first {
                if a.targets.len() == 1 && !t.parenthesized && t.elts.len() >= 2 && value_starts_bitwise_or(cx, &a.value) {
                    let last = &t.elts[t.elts.len() - 1];
                    let lr = last.range();
                    if matches!(last, Expr::Name(_)) {
                        let eq = cx.tok_from(lr.end().to_usize());
                        let rhs_end = rhs_bitwise_or_end(cx, eq + 1);
                        return Some(cx.syntax(
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            lr.start().to_usize(),
                            rhs_end,
                        ));
                    }
                    if is_bitwise_or(cx, last) && !starts_with_excluded(cx, last) {
                        return Some(cx.syntax(
                            format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(last)),
                            lr.start().to_usize(),
                            lr.end().to_usize(),
                        ));
                    }
                }
            }
            let target = a.targets.iter().find(|t| t.range().contains_range(r)).unwrap_or(first);
            let bad = invalid_target(target, Targets::Star).unwrap_or(ex);
            if matches!(bad, Expr::Yield(_)) {
                let br = bad.range();
                return Some(cx.syntax("assignment to yield expression not possible", br.start().to_usize(), br.end().to_usize()));
            }
            let br = bad.range();
            Some(cx.syntax(format!("cannot assign to {}", expr_name(bad)), br.start().to_usize(), br.end().to_usize()))
        }
        Some(Stmt::For(_)) => {
            let Some(bad) = invalid_target(ex, Targets::For) else {
                // No specific target: "invalid syntax" where the first pass stopped.
                let left_end = match ex {
                    Expr::Compare(c) => c.left.range().end().to_usize(),
                    _ => r.end().to_usize(),
                };
                return Some(cx.syntax_tok("invalid syntax", cx.tok_from(left_end)));
            };
            let br = bad.range();
            Some(cx.syntax(format!("cannot assign to {}", expr_name(bad)), br.start().to_usize(), br.end().to_usize()))
        }
        _ => {
            let bad = invalid_target(ex, Targets::Star).unwrap_or(ex);
            let br = bad.range();
            Some(cx.syntax(format!("cannot assign to {}", expr_name(bad)), br.start().to_usize(), br.end().to_usize()))
        }
    }
}

fn value_starts_bitwise_or(cx: &Cx, v: &Expr) -> bool {
    let i = cx.tok_at(v.range().start().to_usize());
    let t = cx.toks[i];
    if t.kind == Tok::Name {
        return !matches!(cx.text(i), "lambda" | "not" | "yield");
    }
    !(cx.is_op(i, "*") || cx.is_op(i, "**"))
}

/// `print x` (invalid_legacy_expression): token `i` starts an expression
/// right after the name `print` or `exec`.
fn legacy_print(cx: &Cx, i: usize) -> Option<CompileError> {
    if i == 0 || cx.toks[i - 1].kind != Tok::Name || !matches!(cx.text(i - 1), "print" | "exec") {
        return None;
    }
    if cx.is_op(i, "(") || !starts_expression(cx, i) {
        return None;
    }
    let name = cx.text(i - 1);
    let start = cx.toks[i].start;
    let end = cx.exprs(&|x| x.range().start().to_usize() == start).iter().map(|x| x.range().end().to_usize()).max();
    let end = end.unwrap_or(cx.toks[i].end);
    Some(cx.syntax(
        format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
        cx.toks[i - 1].start,
        end,
    ))
}

fn starts_expression(cx: &Cx, i: usize) -> bool {
    let Some(&t) = cx.toks.get(i) else { return false };
    match t.kind {
        Tok::Name => !matches!(
            cx.text(i),
            "and" | "or" | "if" | "else" | "for" | "in" | "is" | "as" | "from" | "import" | "pass" | "return" | "def" | "class"
                | "while" | "with" | "try" | "except" | "finally" | "raise" | "del" | "global" | "nonlocal" | "assert"
                | "break" | "continue" | "elif" | "async"
        ),
        Tok::Number | Tok::String => true,
        Tok::Op => matches!(cx.text(i), "(" | "[" | "{" | "-" | "+" | "~" | "..." | "*"),
        _ => false,
    }
}

/// "invalid syntax. Perhaps you forgot a comma?" (invalid_expression): two
/// expressions side by side inside brackets.
fn forgot_comma(cx: &Cx, i: usize) -> Option<CompileError> {
    if i == 0 || !starts_expression(cx, i) || cx.is_op(i, "*") {
        return None;
    }
    let b_start = cx.toks[i].start;
    // Inside brackets?
    if !inside_brackets(cx, i) {
        return None;
    }
    // 'a' (a disjunction) ends right before token i.
    let a = cx.expr_ending(cx.toks[i - 1].end)?;
    if matches!(a, Expr::Lambda(_) | Expr::If(_) | Expr::Named(_) | Expr::Starred(_) | Expr::Yield(_) | Expr::YieldFrom(_))
        && !is_parenthesized(cx, a)
    {
        return None;
    }
    if matches!(a, Expr::Tuple(t) if !t.parenthesized) {
        return None;
    }
    let a_start = a.range().start().to_usize();
    let ai = cx.tok_at(a_start);
    // !(NAME STRING | SOFT_KEYWORD)
    if cx.toks[ai].kind == Tok::Name {
        if matches!(cx.text(ai), "match" | "case" | "_") {
            return None;
        }
        if ai + 1 < cx.toks.len() && cx.toks[ai + 1].kind == Tok::String {
            return None;
        }
    }
    if matches!(a, Expr::Name(n) if matches!(n.id.as_str(), "print" | "exec")) {
        return None;
    }
    let b_end = cx.exprs(&|x| x.range().start().to_usize() == b_start).iter().map(|x| x.range().end().to_usize()).max();
    let b_end = b_end.unwrap_or(cx.toks[i].end);
    Some(cx.syntax("invalid syntax. Perhaps you forgot a comma?", a_start, b_end))
}

fn inside_brackets(cx: &Cx, i: usize) -> bool {
    let mut depth = 0i32;
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = cx.toks[k];
        if matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
            return false;
        }
        if t.kind == Tok::Op {
            match cx.text(k) {
                ")" | "]" | "}" => depth += 1,
                "(" | "[" | "{" => {
                    if depth == 0 {
                        return true;
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
    }
    false
}

/// f-string errors ruff found while lexing: CPython reports them at the
/// token after the string.
fn fstring_error(cx: &Cx, f: &FErr, i: usize) -> Option<CompileError> {
    let msg = match f {
        FErr::SingleRbrace => "f-string: single '}' is not allowed",
        FErr::UnclosedLbrace => "f-string: expecting '}'",
        FErr::InvalidConversionFlag => "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        _ => return None,
    };
    let mut k = i;
    while k < cx.toks.len() && cx.toks[k].kind == Tok::String {
        k += 1;
    }
    Some(cx.syntax_tok(msg, k))
}

/// Syntax ruff parses but CPython 3.11 does not have (3.12+).
pub fn convert_unsupported(lines: &Lines, toks: &Tokens, u: &UnsupportedSyntaxError) -> CompileError {
    let cx = Cx { lines, toks: &toks.toks, ast: None };
    let (s, e) = (u.range.start().to_usize(), u.range.end().to_usize());
    let i = cx.tok_at(s);
    use UnsupportedSyntaxErrorKind as U;
    match u.kind {
        U::TypeParameterList if i >= 2 && cx.is_name(i - 2, "def") => cx.syntax_tok("expected '('", i),
        U::TypeAliasStatement | U::LazyImportStatement => cx.syntax_tok("invalid syntax", i + 1),
        U::UnpackingInComprehension(k) if format!("{k:?}") == "DictInDict" => {
            cx.syntax_tok("dict unpacking cannot be used in dict comprehension", i)
        }
        U::UnpackingInComprehension(_) => cx.syntax("iterable unpacking cannot be used in comprehension", s, e),
        U::UnparenthesizedExceptionTypes => {
            let end = (i..toks.toks.len()).find(|&k| cx.is_op(k, ":") || cx.is_name(k, "as")).map_or(e, |k| toks.toks[k].start);
            let end = cx.src()[..end].trim_end().len();
            cx.syntax("multiple exception types must be parenthesized", s, end)
        }
        U::TemplateStrings => cx.syntax_tok("invalid syntax", cx.tok_at(s + 1)),
        _ => {
            if let Some(err) = fstring::check_before(&cx, usize::MAX) {
                return err;
            }
            cx.syntax_tok("invalid syntax", i)
        }
    }
}


/// f-string errors (3.11 rules) anywhere in a source ruff accepted.
pub fn fstring_errors(lines: &Lines, toks: &Tokens) -> Option<CompileError> {
    let cx = Cx { lines, toks: &toks.toks, ast: None };
    fstring::check_before(&cx, usize::MAX)
}

/// Index of the bracket that encloses token `i`, if any (on the same logical line).
fn enclosing_open(cx: &Cx, i: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = cx.toks[k];
        if matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
            return None;
        }
        if t.kind == Tok::Op {
            match cx.text(k) {
                ")" | "]" | "}" => depth += 1,
                "(" | "[" | "{" => {
                    if depth == 0 {
                        return Some(k);
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
    }
    None
}

/// Whether token `i` is inside a dict display that already has a ':' pair.
fn in_dict(cx: &Cx, i: usize) -> bool {
    let Some(o) = enclosing_open(cx, i) else { return false };
    if !cx.is_op(o, "{") {
        return false;
    }
    let mut depth = 0i32;
    for k in o + 1..i {
        if cx.toks[k].kind != Tok::Op {
            continue;
        }
        match cx.text(k) {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => depth -= 1,
            ":" | "**" if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// `f(a=x for x in y)`: the NAME of a `NAME '=' expression` argument that
/// precedes the comprehension at token `i`.
fn kwarg_before(cx: &Cx, i: usize) -> Option<usize> {
    let o = enclosing_open(cx, i)?;
    if !cx.is_op(o, "(") {
        return None;
    }
    let mut depth = 0i32;
    let mut start = o + 1;
    for k in o + 1..i {
        if cx.toks[k].kind != Tok::Op {
            continue;
        }
        match cx.text(k) {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => depth -= 1,
            "," if depth == 0 => start = k + 1,
            _ => {}
        }
    }
    (cx.toks[start].kind == Tok::Name && cx.is_op(start + 1, "=")).then_some(start)
}

/// `a if b` without `else` (invalid_expression's second alternative).
fn expected_else(cx: &Cx, i: usize) -> Option<CompileError> {
    let mut depth = 0i32;
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = cx.toks[k];
        if matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
            return None;
        }
        if t.kind == Tok::Op {
            match cx.text(k) {
                ")" | "]" | "}" => depth += 1,
                "(" | "[" | "{" => {
                    if depth == 0 {
                        return None;
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        if depth == 0 && cx.is_name(k, "if") && k > 0 {
            let a = cx.expr_ending(cx.toks[k - 1].end)?;
            return Some(cx.syntax("expected 'else' after 'if' expression", a.range().start().to_usize(), cx.toks[i - 1].end));
        }
    }
    None
}

/// First token of the logical line holding token `i`.
fn line_start_tok(cx: &Cx, i: usize) -> usize {
    let mut first = i.min(cx.toks.len() - 1);
    while first > 0 && !matches!(cx.toks[first - 1].kind, Tok::Newline | Tok::Indent | Tok::Dedent) {
        first -= 1;
    }
    first
}

/// The token after the body of the `try` statement that ends before token `i`.
fn after_try_body(cx: &Cx, i: usize) -> Option<usize> {
    let mut t = i.min(cx.toks.len() - 1);
    loop {
        if cx.is_name(t, "try") && line_start_tok(cx, t) == t {
            break;
        }
        if t == 0 {
            return None;
        }
        t -= 1;
    }
    let nl = (t..cx.toks.len()).find(|&k| cx.toks[k].kind == Tok::Newline)?;
    let mut k = nl + 1;
    if k < cx.toks.len() && cx.toks[k].kind == Tok::Indent {
        let mut depth = 0i32;
        while k < cx.toks.len() {
            match cx.toks[k].kind {
                Tok::Indent => depth += 1,
                Tok::Dedent => {
                    depth -= 1;
                    if depth == 0 {
                        k += 1;
                        break;
                    }
                }
                _ => {}
            }
            k += 1;
        }
    }
    while k < cx.toks.len() && cx.toks[k].kind == Tok::Dedent {
        k += 1;
    }
    Some(k.min(cx.toks.len() - 1))
}

/// `( NAME, NAME, ... )` starting at token `i` (plain names only).
fn names_in_parens(cx: &Cx, i: usize) -> bool {
    let mut k = i + 1;
    let mut any = false;
    while k < cx.toks.len() {
        let t = cx.toks[k];
        if cx.is_op(k, ")") {
            return any;
        }
        let name_ok = t.kind == Tok::Name && !matches!(cx.text(k), "None" | "True" | "False" | "lambda" | "yield" | "await");
        if !(name_ok || cx.is_op(k, ",")) {
            return false;
        }
        any |= name_ok;
        k += 1;
    }
    false
}

/// Whether token `i` sits where CPython parses a `named_expression`
/// (brackets, or the condition of `if`/`elif`/`while`).
fn named_expression_context(cx: &Cx, i: usize) -> bool {
    enclosing_open(cx, i).is_some() || {
        let first = line_start_tok(cx, i);
        cx.is_name(first, "if") || cx.is_name(first, "elif") || cx.is_name(first, "while")
    }
}

/// ruff errors raised after a whole construct was parsed (so possibly after
/// a later error in the list, while starting before it).
pub fn is_after_the_fact(e: &ParseError) -> bool {
    matches!(
        e.error,
        ParseErrorType::UnparenthesizedTupleExpression
            | ParseErrorType::UnparenthesizedNamedExpression
            | ParseErrorType::UnparenthesizedGeneratorExpression
            | ParseErrorType::InvalidYieldExpressionUsage
            | ParseErrorType::InvalidStarredExpressionUsage
            | ParseErrorType::InvalidLambdaExpressionUsage
    )
}

/// An error CPython reports at end of input: one past the last line's text.
fn eof_error(cx: &Cx, kind: ErrorKind, msg: String) -> CompileError {
    let line = cx.lines.last_line();
    let off = cx.lines.text(line).trim_end_matches(['\n', '\r']).chars().count() as u32 + 1;
    let mut e = error_at(cx.lines, kind, msg, line, off, 0);
    e.end_lineno = line;
    e
}

/// Byte length of the first `n` characters of `text`.
fn char_to_byte(text: &str, n: u32) -> usize {
    text.char_indices().nth(n as usize).map_or(text.len(), |(b, _)| b)
}

/// Whether token `i` is inside the argument list of a call.
fn in_call_args(cx: &Cx, i: usize) -> bool {
    enclosing_open(cx, i).is_some_and(|o| cx.is_op(o, "(") && o > 0 && ends_operand(cx, o - 1))
}
