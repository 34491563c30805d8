//! CPython's compile-time SyntaxErrors that the parser does not report, in
//! CPython's order: `__future__` features (Python/future.c), then the symbol
//! table (Python/symtable.c: global/nonlocal rules, duplicate arguments,
//! `import *`, comprehension rules), then the code generator's checks
//! (Python/compile.c: misplaced `return`/`yield`/`await`/`break`, starred
//! expressions, `__debug__`, repeated keywords, pattern rules, block depth).
//! Run by `parse::parse` on every successfully parsed module. Walks are
//! recursive but bounded: expressions deeper than `guard::MAX_DEPTH` are a
//! RecursionError, as in CPython.

use crate::errors::guard::{recursion_error, MAX_DEPTH};
use crate::errors::scopes::{for_each_child_expr, Symtable};
use crate::errors::tokenizer::Lines;
use crate::{CompileError, ErrorKind};
use ruff_python_ast::{self as ast, Expr, ExprContext, Mod, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// Checks a parsed module; the first error in CPython's order is returned.
pub fn validate(module: &Mod, lines: &Lines) -> Result<(), CompileError> {
    let body: &[Stmt] = match module {
        Mod::Module(m) => &m.body,
        Mod::Expression(e) => {
            depth_check(&e.body)?;
            let st = Symtable::run_expr(&e.body, lines)?;
            let mut cx = Compiler::new(lines, st);
            return cx.expr(&e.body);
        }
    };
    for s in body {
        depth_check_stmt(s)?;
    }
    future(body, lines)?;
    let st = Symtable::run(body, lines)?;
    let mut cx = Compiler::new(lines, st);
    cx.future_line = future_lineno(body, lines);
    cx.stmts(body)
}

/// A SyntaxError spanning `r` (CPython's `PyErr_RangedSyntaxLocationObject`).
pub(crate) fn err_range(lines: &Lines, msg: impl Into<String>, r: TextRange) -> CompileError {
    let (s, e) = (r.start().to_usize(), r.end().to_usize());
    let line = lines.line_of(s);
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg: msg.into(),
        lineno: line,
        offset: lines.col_chars(s) + 1,
        end_lineno: lines.line_of(e),
        end_offset: lines.col_chars(e) + 1,
        text: Some(lines.text(line).to_owned()),
    }
}

/// A SyntaxError with a start position only.
fn err_at(lines: &Lines, msg: impl Into<String>, pos: usize) -> CompileError {
    let line = lines.line_of(pos);
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg: msg.into(),
        lineno: line,
        offset: lines.col_chars(pos) + 1,
        end_lineno: line,
        end_offset: 0,
        text: Some(lines.text(line).to_owned()),
    }
}

// ---------------------------------------------------------------------------
// Depth: CPython's AST passes fail past ~3000 levels of nesting.

fn depth_check_stmt(s: &Stmt) -> Result<(), CompileError> {
    let mut stack: Vec<(ast::AnyNodeRef, usize)> = vec![(ast::AnyNodeRef::from(s), 2)];
    walk_depth(&mut stack)
}

fn depth_check(e: &Expr) -> Result<(), CompileError> {
    let mut stack: Vec<(ast::AnyNodeRef, usize)> = vec![(ast::AnyNodeRef::from(e), 2)];
    walk_depth(&mut stack)
}

/// Iterative walk over all nodes, tracking depth.
fn walk_depth(stack: &mut Vec<(ast::AnyNodeRef, usize)>) -> Result<(), CompileError> {
    use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, TraversalSignal};
    struct Children<'a> {
        out: Vec<ast::AnyNodeRef<'a>>,
        root: Option<ast::AnyNodeRef<'a>>,
    }
    impl<'a> SourceOrderVisitor<'a> for Children<'a> {
        fn enter_node(&mut self, node: ast::AnyNodeRef<'a>) -> TraversalSignal {
            if self.root.is_none() {
                self.root = Some(node);
                TraversalSignal::Traverse
            } else {
                self.out.push(node);
                TraversalSignal::Skip
            }
        }
    }
    let mut ch = Children { out: Vec::new(), root: None };
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(recursion_error());
        }
        ch.root = None;
        node.visit_source_order(&mut ch);
        stack.extend(ch.out.drain(..).map(|c| (c, depth + 1)));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// __future__ (Python/future.c)

const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

fn is_docstring(s: &Stmt) -> bool {
    matches!(s, Stmt::Expr(e) if matches!(*e.value, Expr::StringLiteral(_)))
}

fn future(body: &[Stmt], lines: &Lines) -> Result<(), CompileError> {
    let mut done = false;
    let mut prev_line = 0;
    let start = usize::from(body.first().is_some_and(is_docstring));
    for s in &body[start.min(body.len())..] {
        let line = lines.line_of(s.range().start().to_usize());
        if done && line > prev_line {
            return Ok(());
        }
        prev_line = line;
        match s {
            Stmt::ImportFrom(i) if i.module.as_ref().is_some_and(|m| m.as_str() == "__future__") => {
                if done {
                    let mut e = err_at(lines, "from __future__ imports must occur at the beginning of the file", s.range().start().to_usize());
                    e.offset = e.offset.saturating_sub(1);
                    return Err(e);
                }
                for a in &i.names {
                    let name = a.name.as_str();
                    if name == "braces" {
                        return Err(err_at(lines, "not a chance", s.range().start().to_usize()));
                    }
                    if !FUTURE_FEATURES.contains(&name) {
                        return Err(err_at(lines, format!("future feature {name} is not defined"), s.range().start().to_usize()));
                    }
                }
            }
            _ => done = true,
        }
    }
    Ok(())
}

/// Line of the last `from __future__` statement accepted by `future`.
fn future_lineno(body: &[Stmt], lines: &Lines) -> u32 {
    let mut last = 0;
    let start = usize::from(body.first().is_some_and(is_docstring));
    for s in &body[start.min(body.len())..] {
        match s {
            Stmt::ImportFrom(i) if i.module.as_ref().is_some_and(|m| m.as_str() == "__future__") => {
                last = lines.line_of(s.range().start().to_usize());
            }
            _ => break,
        }
    }
    last
}

// ---------------------------------------------------------------------------
// Code generator checks (Python/compile.c), in compilation order.

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Unit {
    Module,
    Function,
    AsyncFunction,
    Lambda,
    Class,
    Comprehension,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum FBlock {
    Loop,
    ExceptGroupHandler,
    Other,
}

struct Compiler<'l> {
    lines: &'l Lines<'l>,
    st: Symtable,
    units: Vec<(Unit, Vec<FBlock>, bool, bool)>,
    future_line: u32,
}

const CO_MAXBLOCKS: usize = 20;

impl<'l> Compiler<'l> {
    fn new(lines: &'l Lines<'l>, st: Symtable) -> Self {
        Compiler { lines, st, units: vec![(Unit::Module, Vec::new(), false, false)], future_line: 0 }
    }
    fn err(&self, msg: impl Into<String>, r: TextRange) -> CompileError {
        err_range(self.lines, msg, r)
    }
    fn unit(&self) -> Unit {
        self.units.last().map_or(Unit::Module, |u| u.0)
    }
    fn is_function(&self) -> bool {
        matches!(self.unit(), Unit::Function | Unit::AsyncFunction | Unit::Lambda | Unit::Comprehension)
    }
    fn fblocks(&mut self) -> &mut Vec<FBlock> {
        let n = self.units.len() - 1;
        &mut self.units[n].1
    }
    fn push_block(&mut self, b: FBlock, r: TextRange) -> Result<(), CompileError> {
        if self.fblocks().len() >= CO_MAXBLOCKS {
            return Err(self.err("too many statically nested blocks", r));
        }
        self.fblocks().push(b);
        Ok(())
    }
    fn pop_block(&mut self) {
        self.fblocks().pop();
    }
    fn with_block<T>(
        &mut self,
        b: FBlock,
        r: TextRange,
        f: impl FnOnce(&mut Self) -> Result<T, CompileError>,
    ) -> Result<T, CompileError> {
        self.push_block(b, r)?;
        let out = f(self);
        self.pop_block();
        out
    }
    /// Enters a new code unit for the node at `r`.
    fn enter(&mut self, unit: Unit, r: TextRange) {
        let (generator, coroutine) = self.st.scope_of(r).map_or((false, false), |s| (s.generator, s.coroutine));
        self.units.push((unit, Vec::new(), generator, coroutine));
    }
    fn exit(&mut self) {
        self.units.pop();
    }

    /// `compiler_unwind_fblock_stack`: finds the innermost loop, failing on
    /// an except* handler met first. Returns whether a loop was found.
    fn unwind(&mut self, want_loop: bool, r: TextRange) -> Result<bool, CompileError> {
        let blocks = self.fblocks().clone();
        for b in blocks.iter().rev() {
            match b {
                FBlock::ExceptGroupHandler => {
                    return Err(self.err("'break', 'continue' and 'return' cannot appear in an except* block", r));
                }
                FBlock::Loop if want_loop => return Ok(true),
                _ => {}
            }
        }
        Ok(false)
    }

    fn stmts(&mut self, b: &[Stmt]) -> Result<(), CompileError> {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn check_debug_params(&self, p: &ast::Parameters, r: TextRange) -> Result<(), CompileError> {
        let all = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .chain(&p.kwonlyargs)
            .map(|a| &a.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwarg.as_deref());
        for a in all {
            if a.name.as_str() == "__debug__" {
                return Err(self.err("cannot assign to __debug__", r));
            }
        }
        Ok(())
    }

    fn params_exprs(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for a in p.posonlyargs.iter().chain(&p.args) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        for a in &p.kwonlyargs {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn annotations(&mut self, p: &ast::Parameters, returns: Option<&Expr>) -> Result<(), CompileError> {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs).map(|a| &a.parameter) {
            if let Some(an) = &a.annotation {
                self.expr(an)?;
            }
        }
        for a in [&p.vararg, &p.kwarg].into_iter().flatten() {
            match a.annotation.as_deref() {
                // `*args: *Ts` (PEP 646).
                Some(Expr::Starred(st)) => self.expr(&st.value)?,
                Some(an) => self.expr(an)?,
                None => {}
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        let r = s.range();
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.check_debug_params(&f.parameters, r)?;
                self.params_exprs(&f.parameters)?;
                self.annotations(&f.parameters, f.returns.as_deref())?;
                self.store_name(f.name.as_str(), r)?;
                self.enter(if f.is_async { Unit::AsyncFunction } else { Unit::Function }, r);
                let out = self.stmts(&f.body);
                self.exit();
                out?;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(Unit::Class, r);
                let out = self.stmts(&c.body);
                self.exit();
                out?;
                if let Some(args) = &c.arguments {
                    self.call_args(args, r)?;
                }
                self.store_name(c.name.as_str(), r)?;
            }
            Stmt::Return(ret) => {
                if !self.is_function() {
                    return Err(self.err("'return' outside function", r));
                }
                let (_, _, generator, coroutine) = *self.units.last().unwrap_or(&(Unit::Module, Vec::new(), false, false));
                if ret.value.is_some() && generator && coroutine {
                    return Err(self.err("'return' with value in async generator", r));
                }
                if let Some(v) = &ret.value {
                    self.expr(v)?;
                }
                // compiler_return: a constant value on the statement's line
                // carries the location of the unwinding.
                let at = match &ret.value {
                    Some(v) if is_constant(v) && self.lines.line_of(v.range().start().to_usize()) == self.lines.line_of(r.start().to_usize()) => v.range(),
                    _ => r,
                };
                self.unwind(false, at)?;
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t, ExprContext::Del)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t, ExprContext::Store)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.target_load(&a.target)?;
                self.expr(&a.value)?;
                self.target(&a.target, ExprContext::Store)?;
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                self.target(&a.target, ExprContext::Store)?;
                if matches!(self.unit(), Unit::Module | Unit::Class) {
                    self.expr(&a.annotation)?;
                }
            }
            Stmt::For(f) => {
                if f.is_async && self.unit() != Unit::AsyncFunction {
                    return Err(self.err("'async for' outside async function", r));
                }
                self.expr(&f.iter)?;
                self.with_block(FBlock::Loop, r, |c| {
                    c.target(&f.target, ExprContext::Store)?;
                    c.stmts(&f.body)
                })?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.with_block(FBlock::Loop, r, |c| {
                    c.expr(&w.test)?;
                    c.stmts(&w.body)
                })?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async && self.unit() != Unit::AsyncFunction {
                    return Err(self.err("'async with' outside async function", r));
                }
                self.with_items(&w.items, &w.body, r)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                self.match_stmt(m)?;
            }
            Stmt::Raise(ra) => {
                for e in [&ra.exc, &ra.cause].into_iter().flatten() {
                    self.expr(e)?;
                }
            }
            Stmt::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.with_block(FBlock::Other, r, |c| c.try_except(t, r))?;
                    self.with_block(FBlock::Other, r, |c| c.stmts(&t.finalbody))?;
                } else {
                    self.try_except(t, r)?;
                }
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = a.asname.as_ref().map_or_else(|| a.name.split('.').next().unwrap_or(""), |n| n.as_str());
                    self.store_name(bound, r)?;
                }
            }
            Stmt::ImportFrom(i) => {
                let is_future = i.module.as_ref().is_some_and(|m| m.as_str() == "__future__");
                if is_future && self.lines.line_of(r.start().to_usize()) > self.future_line {
                    return Err(self.err("from __future__ imports must occur at the beginning of the file", r));
                }
                for a in &i.names {
                    if a.name.as_str() != "*" {
                        let bound = a.asname.as_ref().map_or(a.name.as_str(), |n| n.as_str());
                        self.store_name(bound, r)?;
                    }
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) | Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
            Stmt::Expr(e) => {
                if let Expr::Starred(st) = &*e.value {
                    return Err(self.err("can't use starred expression here", st.range));
                }
                self.expr(&e.value)?;
            }
            Stmt::Break(_) => {
                if !self.unwind(true, r)? {
                    return Err(self.err("'break' outside loop", r));
                }
            }
            Stmt::Continue(_) => {
                if !self.unwind(true, r)? {
                    return Err(self.err("'continue' not properly in loop", r));
                }
            }
        }
        Ok(())
    }

    fn with_items(&mut self, items: &[ast::WithItem], body: &[Stmt], r: TextRange) -> Result<(), CompileError> {
        let Some((first, rest)) = items.split_first() else { return self.stmts(body) };
        self.expr(&first.context_expr)?;
        self.with_block(FBlock::Other, r, |c| {
            if let Some(v) = &first.optional_vars {
                c.target(v, ExprContext::Store)?;
            }
            c.with_items(rest, body, r)
        })
    }

    fn try_except(&mut self, t: &ast::StmtTry, r: TextRange) -> Result<(), CompileError> {
        if t.handlers.is_empty() {
            return self.stmts(&t.body);
        }
        self.with_block(FBlock::Other, r, |c| c.stmts(&t.body))?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if h.type_.is_none() && i + 1 < n {
                return Err(self.err("default 'except:' must be last", h.range));
            }
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
            }
            let kind = if t.is_star { FBlock::ExceptGroupHandler } else { FBlock::Other };
            let hr = h.range;
            if let Some(n) = &h.name {
                self.store_name(n.as_str(), h.range)?;
            }
            self.with_block(kind, hr, |c| {
                if h.name.is_some() {
                    c.with_block(FBlock::Other, hr, |c| c.stmts(&h.body))
                } else {
                    c.stmts(&h.body)
                }
            })?;
        }
        self.stmts(&t.orelse)
    }

    fn store_name(&self, name: &str, r: TextRange) -> Result<(), CompileError> {
        if name == "__debug__" {
            return Err(self.err("cannot assign to __debug__", r));
        }
        Ok(())
    }

    /// An assignment or deletion target.
    fn target(&mut self, t: &Expr, ctx: ExprContext) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    let msg = if ctx == ExprContext::Del { "cannot delete __debug__" } else { "cannot assign to __debug__" };
                    return Err(self.err(msg, n.range));
                }
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                if ctx == ExprContext::Store && a.attr.as_str() == "__debug__" {
                    return Err(self.err("cannot assign to __debug__", a.range));
                }
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            Expr::Tuple(ast::ExprTuple { elts, range, .. }) | Expr::List(ast::ExprList { elts, range, .. }) => {
                if ctx == ExprContext::Store {
                    let stars = elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count();
                    if stars > 1 {
                        return Err(self.err("multiple starred expressions in assignment", *range));
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) if ctx == ExprContext::Store => self.target(&s.value, ctx)?,
                        _ => self.target(e, ctx)?,
                    }
                }
                Ok(())
            }
            Expr::Starred(s) => {
                if ctx == ExprContext::Store {
                    Err(self.err("starred assignment target must be in a list or tuple", s.range))
                } else {
                    Err(self.err("can't use starred expression here", s.range))
                }
            }
            _ => self.expr(t),
        }
    }

    fn target_load(&mut self, t: &Expr) -> Result<(), CompileError> {
        match t {
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            _ => Ok(()),
        }
    }

    fn call_args(&mut self, args: &ast::Arguments, r: TextRange) -> Result<(), CompileError> {
        // validate_keywords
        for (i, k) in args.keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name.as_str() == "__debug__" {
                return Err(self.err("cannot assign to __debug__", r));
            }
            for other in &args.keywords[i + 1..] {
                if other.arg.as_ref().is_some_and(|o| o.as_str() == name.as_str()) {
                    return Err(self.err(format!("keyword argument repeated: {}", name.as_str()), other.range));
                }
            }
        }
        for a in args.args.iter() {
            match a {
                Expr::Starred(s) => self.expr(&s.value)?,
                _ => self.expr(a)?,
            }
        }
        for k in &args.keywords {
            self.expr(&k.value)?;
        }
        Ok(())
    }

    /// Elements of a display, where starred items are allowed.
    fn elts(&mut self, elts: &[Expr]) -> Result<(), CompileError> {
        for e in elts {
            match e {
                Expr::Starred(s) => self.expr(&s.value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    fn comprehension(&mut self, e: &Expr, gens: &[ast::Comprehension], parts: &[&Expr], is_gen: bool) -> Result<(), CompileError> {
        let Some(first) = gens.first() else { return Ok(()) };
        self.expr(&first.iter)?;
        let coroutine = self.st.scope_of(e.range()).is_some_and(|s| s.coroutine);
        let outer = self.unit();
        if coroutine && !is_gen && outer != Unit::AsyncFunction && outer != Unit::Comprehension {
            return Err(self.err("asynchronous comprehension outside of an asynchronous function", e.range()));
        }
        self.enter(Unit::Comprehension, e.range());
        let out = (|| {
            for (i, g) in gens.iter().enumerate() {
                if i > 0 {
                    self.expr(&g.iter)?;
                }
                self.target(&g.target, ExprContext::Store)?;
                for c in &g.ifs {
                    self.expr(c)?;
                }
            }
            for p in parts {
                self.expr(p)?;
            }
            Ok(())
        })();
        self.exit();
        out
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        let r = e.range();
        match e {
            Expr::Starred(_) => return Err(self.err("can't use starred expression here", r)),
            Expr::Yield(y) => {
                if !self.is_function() {
                    return Err(self.err("'yield' outside function", r));
                }
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
                return Ok(());
            }
            Expr::YieldFrom(y) => {
                if !self.is_function() {
                    return Err(self.err("'yield' outside function", r));
                }
                if self.unit() == Unit::AsyncFunction {
                    return Err(self.err("'yield from' inside async function", r));
                }
                return self.expr(&y.value);
            }
            Expr::Await(a) => {
                if !self.is_function() {
                    return Err(self.err("'await' outside function", r));
                }
                if !matches!(self.unit(), Unit::AsyncFunction | Unit::Comprehension) {
                    return Err(self.err("'await' outside async function", r));
                }
                return self.expr(&a.value);
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.check_debug_params(p, r)?;
                    self.params_exprs(p)?;
                }
                self.enter(Unit::Lambda, r);
                let out = self.expr(&l.body);
                self.exit();
                return out;
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                return self.target(&n.target, ExprContext::Store);
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                return self.call_args(&c.arguments, r);
            }
            Expr::List(l) => return self.elts(&l.elts),
            Expr::Tuple(t) => return self.elts(&t.elts),
            Expr::Set(s) => return self.elts(&s.elts),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                return match &*s.slice {
                    Expr::Tuple(t) => self.elts(&t.elts),
                    other => self.expr(other),
                };
            }
            Expr::ListComp(c) => return self.comprehension(e, &c.generators, &[&c.elt], false),
            Expr::SetComp(c) => return self.comprehension(e, &c.generators, &[&c.elt], false),
            Expr::Generator(c) => return self.comprehension(e, &c.generators, &[&c.elt], true),
            Expr::DictComp(c) => {
                let mut parts: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    parts.push(k);
                }
                parts.push(&c.value);
                return self.comprehension(e, &c.generators, &parts, false);
            }
            _ => {}
        }
        let mut res = Ok(());
        for_each_child_expr(e, &mut |c| {
            if res.is_ok() {
                res = self.expr(c);
            }
        });
        res
    }

    // -- match statements (compiler_match / compiler_pattern) --

    fn match_stmt(&mut self, m: &ast::StmtMatch) -> Result<(), CompileError> {
        let n = m.cases.len();
        let last_is_default = m
            .cases
            .last()
            .is_some_and(|c| c.guard.is_none() && matches!(&c.pattern, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none()));
        let has_default = last_is_default && n > 1;
        for (i, c) in m.cases.iter().enumerate() {
            if i < n - usize::from(has_default) {
                let allow_irrefutable = c.guard.is_some() || i == n - 1;
                let mut stores = Vec::new();
                self.pattern(&c.pattern, allow_irrefutable, &mut stores)?;
            }
            if let Some(g) = &c.guard {
                self.expr(g)?;
            }
            self.stmts(&c.body)?;
        }
        Ok(())
    }

    fn store_pattern_name(&self, name: &str, r: TextRange, stores: &mut Vec<String>) -> Result<(), CompileError> {
        if name == "__debug__" {
            return Err(self.err("cannot assign to __debug__", r));
        }
        if stores.iter().any(|s| s == name) {
            return Err(self.err(format!("multiple assignments to name '{name}' in pattern"), r));
        }
        stores.push(name.to_owned());
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern, allow_irrefutable: bool, stores: &mut Vec<String>) -> Result<(), CompileError> {
        let r = p.range();
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !allow_irrefutable {
                        return Err(match &a.name {
                            Some(n) => self.err(format!("name capture '{}' makes remaining patterns unreachable", n.as_str()), r),
                            None => self.err("wildcard makes remaining patterns unreachable", r),
                        });
                    }
                    match &a.name {
                        Some(n) => self.store_pattern_name(n.as_str(), r, stores),
                        None => Ok(()),
                    }
                }
                Some(inner) => {
                    self.pattern(inner, allow_irrefutable, stores)?;
                    match &a.name {
                        Some(n) => self.store_pattern_name(n.as_str(), last_pattern_range(inner), stores),
                        None => Ok(()),
                    }
                }
            },
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.store_pattern_name(n.as_str(), r, stores),
                None => Ok(()),
            },
            Pattern::MatchSequence(s) => {
                let stars = s.patterns.iter().filter(|p| matches!(p, Pattern::MatchStar(_))).count();
                if stars > 1 {
                    return Err(self.err("multiple starred names in sequence pattern", r));
                }
                for p in &s.patterns {
                    self.pattern(p, true, stores)?;
                }
                Ok(())
            }
            Pattern::MatchMapping(m) => {
                let mut seen: Vec<ConstKey> = Vec::new();
                for k in &m.keys {
                    match const_key(k) {
                        Some(c) => {
                            if seen.contains(&c) {
                                return Err(self.err(format!("mapping pattern checks duplicate key ({})", c.repr()), r));
                            }
                            seen.push(c);
                        }
                        None => {
                            if !matches!(k, Expr::Attribute(_)) {
                                return Err(self.err("mapping pattern keys may only match literals and attribute lookups", r));
                            }
                        }
                    }
                }
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p, true, stores)?;
                }
                if let Some(rest) = &m.rest {
                    let at = m.patterns.last().map_or(r, last_pattern_range);
                    self.store_pattern_name(rest.as_str(), at, stores)?;
                }
                Ok(())
            }
            Pattern::MatchClass(c) => {
                let kws = &c.arguments.keywords;
                for (i, k) in kws.iter().enumerate() {
                    if kws[..i].iter().any(|o| o.attr.as_str() == k.attr.as_str()) {
                        return Err(self.err(
                            format!("attribute name repeated in class pattern: {}", k.attr.as_str()),
                            k.pattern.range(),
                        ));
                    }
                }
                self.expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.pattern(p, true, stores)?;
                }
                for k in kws {
                    self.pattern(&k.pattern, true, stores)?;
                }
                Ok(())
            }
            Pattern::MatchOr(o) => {
                let mut control: Option<Vec<String>> = None;
                let last = o.patterns.len().saturating_sub(1);
                for (i, alt) in o.patterns.iter().enumerate() {
                    let mut alt_stores = stores.clone();
                    let before = alt_stores.len();
                    self.pattern(alt, allow_irrefutable && i == last, &mut alt_stores)?;
                    let mut mine: Vec<String> = alt_stores[before..].to_vec();
                    mine.sort();
                    match &control {
                        None => control = Some(mine),
                        Some(c) if *c != mine => {
                            return Err(self.err("alternative patterns bind different names", last_pattern_range(alt)));
                        }
                        _ => {}
                    }
                }
                if let Some(c) = control {
                    for n in c {
                        self.store_pattern_name(&n, r, stores)?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// A constant mapping-pattern key, compared as Python compares them.
#[derive(Clone, Debug)]
enum ConstKey {
    Num(f64, f64, String),
    Str(String),
    Bytes(Vec<u8>),
    None,
}

impl PartialEq for ConstKey {
    fn eq(&self, o: &Self) -> bool {
        match (self, o) {
            (ConstKey::Num(a, b, _), ConstKey::Num(c, d, _)) => a == c && b == d,
            (ConstKey::Str(a), ConstKey::Str(b)) => a == b,
            (ConstKey::Bytes(a), ConstKey::Bytes(b)) => a == b,
            (ConstKey::None, ConstKey::None) => true,
            _ => false,
        }
    }
}

impl ConstKey {
    fn repr(&self) -> String {
        match self {
            ConstKey::Num(_, _, s) => s.clone(),
            ConstKey::Str(s) => py_str_repr(s),
            ConstKey::Bytes(b) => {
                let mut out = String::from("b'");
                for &c in b {
                    match c {
                        b'\'' => out.push_str("\\'"),
                        b'\\' => out.push_str("\\\\"),
                        b'\n' => out.push_str("\\n"),
                        b'\r' => out.push_str("\\r"),
                        b'\t' => out.push_str("\\t"),
                        0x20..=0x7e => out.push(c as char),
                        _ => out.push_str(&format!("\\x{c:02x}")),
                    }
                }
                out.push('\'');
                out
            }
            ConstKey::None => "None".into(),
        }
    }
}

/// Python's `repr` of a str (common cases).
pub(crate) fn py_str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn const_key(e: &Expr) -> Option<ConstKey> {
    match e {
        Expr::StringLiteral(s) => Some(ConstKey::Str(s.value.to_str().to_owned())),
        Expr::BytesLiteral(b) => Some(ConstKey::Bytes(b.value.bytes().collect())),
        Expr::NoneLiteral(_) => Some(ConstKey::None),
        Expr::BooleanLiteral(b) => {
            let v = if b.value { 1.0 } else { 0.0 };
            Some(ConstKey::Num(v, 0.0, if b.value { "True".into() } else { "False".into() }))
        }
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => {
                let s = i.to_string();
                let v = i.as_u64().map_or(f64::NAN, |v| v as f64);
                Some(ConstKey::Num(v, 0.0, s))
            }
            ast::Number::Float(f) => Some(ConstKey::Num(*f, 0.0, format!("{f:?}"))),
            ast::Number::Complex { real, imag } => Some(ConstKey::Num(*real, *imag, format!("{imag:?}j"))),
        },
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match const_key(&u.operand)? {
            ConstKey::Num(a, b, s) => Some(ConstKey::Num(-a, -b, format!("-{s}"))),
            _ => None,
        },
        Expr::BinOp(b) if matches!(b.op, ast::Operator::Add | ast::Operator::Sub) => {
            let (ConstKey::Num(a, _, sa), ConstKey::Num(_, d, sd)) = (const_key(&b.left)?, const_key(&b.right)?) else {
                return None;
            };
            let d = if b.op == ast::Operator::Sub { -d } else { d };
            let sign = if b.op == ast::Operator::Sub { "-" } else { "+" };
            Some(ConstKey::Num(a, d, format!("({sa}{sign}{sd})")))
        }
        _ => None,
    }
}

/// The range of the last pattern node compiled for `p` (CPython reports
/// pattern errors found after compiling a sub-pattern at that node).
fn last_pattern_range(p: &Pattern) -> TextRange {
    match p {
        Pattern::MatchSequence(s) => s.patterns.last().map_or(s.range, last_pattern_range),
        Pattern::MatchMapping(m) => m.patterns.last().map_or(m.range, last_pattern_range),
        Pattern::MatchClass(c) => c
            .arguments
            .keywords
            .last()
            .map(|k| &k.pattern)
            .or(c.arguments.patterns.last())
            .map_or(c.range, last_pattern_range),
        Pattern::MatchAs(a) => a.pattern.as_deref().map_or(a.range, last_pattern_range),
        Pattern::MatchOr(o) => o.patterns.last().map_or(o.range, last_pattern_range),
        _ => p.range(),
    }
}

/// Whether CPython's AST optimiser turns `e` into a constant.
fn is_constant(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => true,
        Expr::UnaryOp(u) => is_constant(&u.operand),
        Expr::Tuple(t) => t.elts.iter().all(is_constant),
        _ => false,
    }
}
