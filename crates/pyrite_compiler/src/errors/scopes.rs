//! The part of CPython's symbol table (Python/symtable.c) that raises
//! SyntaxErrors: global/nonlocal declarations, duplicate parameters,
//! `import *` outside the module, walrus and `yield` rules in comprehensions.
//! Also records per-scope facts (generator, coroutine) the compile-time
//! checks in `validate` need. Not a full symbol table: `symtable.rs` is.

use crate::errors::tokenizer::Lines;
use crate::validate::err_range;
use crate::CompileError;
use ruff_python_ast::{self as ast, Expr, ExprContext, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

const DEF_GLOBAL: u32 = 1;
const DEF_LOCAL: u32 = 2;
const DEF_PARAM: u32 = 4;
const DEF_NONLOCAL: u32 = 8;
const USE: u32 = 16;
const DEF_IMPORT: u32 = 64;
const DEF_ANNOT: u32 = 128;
const DEF_COMP_ITER: u32 = 256;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Block {
    Module,
    Function,
    Class,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

pub(crate) struct Scope {
    block: Block,
    comp: Option<CompKind>,
    names: Vec<(String, u32)>,
    index: crate::fxhash::NameIndex,
    directives: HashMap<String, TextRange>,
    children: Vec<usize>,
    comp_iter_expr: u32,
    comp_iter_target: bool,
    pub(crate) generator: bool,
    pub(crate) coroutine: bool,
}

impl Scope {
    fn new(block: Block, comp: Option<CompKind>) -> Self {
        Scope {
            block,
            comp,
            names: Vec::new(),
            index: crate::fxhash::NameIndex::default(),
            directives: HashMap::default(),
            children: Vec::new(),
            comp_iter_expr: 0,
            comp_iter_target: false,
            generator: false,
            coroutine: false,
        }
    }
    fn find(&self, n: &str) -> Option<usize> {
        self.index.find(n, |i| self.names[i].0 == n)
    }
    fn lookup(&self, n: &str) -> u32 {
        self.find(n).map_or(0, |i| self.names[i].1)
    }
}

/// Per-scope facts the compile pass needs, keyed by the node's start offset
/// and kind tag.
pub(crate) struct Symtable {
    scopes: Vec<Scope>,
    /// (node range start, range end) -> scope index.
    by_node: HashMap<(u32, u32), usize>,
}

struct StBuilder<'l> {
    lines: &'l Lines<'l>,
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_node: HashMap<(u32, u32), usize>,
}

fn key(r: TextRange) -> (u32, u32) {
    (r.start().to_u32(), r.end().to_u32())
}

impl Symtable {
    pub(crate) fn run(body: &[Stmt], lines: &Lines) -> Result<Symtable, CompileError> {
        let mut b = StBuilder::new(lines);
        for s in body {
            b.stmt(s)?;
        }
        b.finish()
    }
    pub(crate) fn run_expr(e: &Expr, lines: &Lines) -> Result<Symtable, CompileError> {
        let mut b = StBuilder::new(lines);
        b.expr(e)?;
        b.finish()
    }
    pub(crate) fn scope_of(&self, r: TextRange) -> Option<&Scope> {
        self.by_node.get(&key(r)).map(|&i| &self.scopes[i])
    }
}

impl<'l> StBuilder<'l> {
    fn new(lines: &'l Lines<'l>) -> Self {
        StBuilder { lines, scopes: vec![Scope::new(Block::Module, None)], stack: vec![0], by_node: HashMap::default() }
    }
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[i]
    }
    fn enter(&mut self, block: Block, comp: Option<CompKind>, node: TextRange) {
        let idx = self.scopes.len();
        self.scopes.push(Scope::new(block, comp));
        let parent = *self.stack.last().unwrap_or(&0);
        self.scopes[parent].children.push(idx);
        self.by_node.insert(key(node), idx);
        self.stack.push(idx);
    }
    fn exit(&mut self) {
        self.stack.pop();
    }
    fn add_def_in(&mut self, scope: usize, name: &str, mut flag: u32, r: TextRange) -> Result<(), CompileError> {
        let s = &mut self.scopes[scope];
        let cur = s.lookup(name);
        if flag & DEF_PARAM != 0 && cur & DEF_PARAM != 0 {
            return Err(err_range(self.lines, format!("duplicate argument '{name}' in function definition"), r));
        }
        if s.comp_iter_target {
            if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(err_range(
                    self.lines,
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    r,
                ));
            }
            flag |= DEF_COMP_ITER;
        }
        match s.find(name) {
            Some(i) => s.names[i].1 |= flag,
            None => {
                s.index.push(name, s.names.len());
                s.names.push((name.to_owned(), flag));
            }
        }
        Ok(())
    }
    fn add_def(&mut self, name: &str, flag: u32, r: TextRange) -> Result<(), CompileError> {
        let i = *self.stack.last().unwrap_or(&0);
        self.add_def_in(i, name, flag, r)
    }
    /// `global` / `nonlocal` (`kind`) of `names` in statement range `r`:
    /// CPython's checks against earlier uses of each name, then the definition.
    fn directive(&mut self, names: &[ast::Identifier], kind: &str, flag: u32, r: TextRange) -> Result<(), CompileError> {
        for n in names {
            let name = n.as_str();
            let cur = self.cur().lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {kind}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {kind} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {kind}")
                } else {
                    format!("name '{name}' is assigned to before {kind} declaration")
                };
                return Err(err_range(self.lines, msg, r));
            }
            self.add_def(name, flag, n.range)?;
            self.record_directive(name, r);
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, r: TextRange) {
        self.cur().directives.entry(name.to_owned()).or_insert(r);
    }

    fn stmts(&mut self, b: &[Stmt]) -> Result<(), CompileError> {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            self.add_def(a.parameter.name.as_str(), DEF_PARAM, a.parameter.range)?;
        }
        for a in [&p.vararg, &p.kwarg].into_iter().flatten() {
            let r = TextRange::new(a.name.range.start(), a.range.end());
            self.add_def(a.name.as_str(), DEF_PARAM, r)?;
        }
        Ok(())
    }

    fn defaults_and_annotations(&mut self, p: &ast::Parameters, annotations: bool) -> Result<(), CompileError> {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        if annotations {
            for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
                if let Some(an) = &a.parameter.annotation {
                    self.expr(an)?;
                }
            }
            for a in [&p.vararg, &p.kwarg].into_iter().flatten() {
                if let Some(an) = &a.annotation {
                    self.expr(an)?;
                }
            }
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(f.name.as_str(), DEF_LOCAL, f.name.range)?;
                self.defaults_and_annotations(&f.parameters, false)?;
                self.defaults_and_annotations_only_ann(&f.parameters, f.returns.as_deref())?;
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(Block::Function, None, f.range);
                if f.is_async {
                    self.cur().coroutine = true;
                }
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(c.name.as_str(), DEF_LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in &args.keywords {
                        self.expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(Block::Class, None, c.range);
                self.stmts(&c.body)?;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.expr(t)?;
                }
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let name = n.id.as_str();
                    let cur = self.cur().lookup(name);
                    let is_module = *self.stack.last().unwrap_or(&0) == 0;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !is_module && a.simple {
                        let kind = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(err_range(self.lines, format!("annotated name '{name}' can't be {kind}"), s.range()));
                    }
                    if a.simple {
                        self.add_def(name, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(name, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.expr(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
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
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                for e in [&r.exc, &r.cause].into_iter().flatten() {
                    self.expr(e)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                self.stmts(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n.as_str(), DEF_LOCAL, n.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.alias(a)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.alias(a)?;
                }
            }
            Stmt::Global(g) => self.directive(&g.names, "global", DEF_GLOBAL, s.range())?,
            Stmt::Nonlocal(g) => self.directive(&g.names, "nonlocal", DEF_NONLOCAL, s.range())?,
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::TypeAlias(_) | Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn defaults_and_annotations_only_ann(&mut self, p: &ast::Parameters, returns: Option<&Expr>) -> Result<(), CompileError> {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(an) = &a.parameter.annotation {
                self.expr(an)?;
            }
        }
        for a in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(an) = &a.annotation {
                self.expr(an)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn alias(&mut self, a: &ast::Alias) -> Result<(), CompileError> {
        let name = a.name.as_str();
        if name == "*" {
            if *self.stack.last().unwrap_or(&0) != 0 {
                return Err(err_range(self.lines, "import * only allowed at module level", a.range));
            }
            return Ok(());
        }
        let bound = match &a.asname {
            Some(n) => n.as_str(),
            None => name.split('.').next().unwrap_or(name),
        };
        self.add_def(bound, DEF_IMPORT, a.range)
    }

    fn pattern(&mut self, p: &Pattern) -> Result<(), CompileError> {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.pattern(p)),
            Pattern::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r.as_str(), DEF_LOCAL, r.range)?;
                }
                Ok(())
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
                Ok(())
            }
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.add_def(n.as_str(), DEF_LOCAL, n.range),
                None => Ok(()),
            },
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                match &a.name {
                    Some(n) => self.add_def(n.as_str(), DEF_LOCAL, n.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.pattern(p)),
        }
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        gens: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<(), CompileError> {
        let Some(outer) = gens.first() else { return Ok(()) };
        self.cur().comp_iter_expr += 1;
        let r = self.expr(&outer.iter);
        self.cur().comp_iter_expr -= 1;
        r?;
        self.enter(Block::Function, Some(kind), e.range());
        if outer.is_async {
            self.cur().coroutine = true;
        }
        self.cur().comp_iter_target = true;
        self.expr(&outer.target)?;
        self.cur().comp_iter_target = false;
        for i in &outer.ifs {
            self.expr(i)?;
        }
        for g in &gens[1..] {
            self.cur().comp_iter_target = true;
            self.expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            let r = self.expr(&g.iter);
            self.cur().comp_iter_expr -= 1;
            r?;
            for i in &g.ifs {
                self.expr(i)?;
            }
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let is_gen = kind == CompKind::Gen;
        self.cur().generator = is_gen;
        let is_async = self.cur().coroutine && !is_gen;
        self.exit();
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }

    fn named(&mut self, e: &ast::ExprNamed) -> Result<(), CompileError> {
        if self.cur().comp_iter_expr > 0 {
            return Err(err_range(
                self.lines,
                "assignment expression cannot be used in a comprehension iterable expression",
                e.range,
            ));
        }
        if self.cur().comp.is_some() {
            if let Expr::Name(n) = &*e.target {
                let name = n.id.as_str();
                for k in (0..self.stack.len()).rev() {
                    let si = self.stack[k];
                    let sc = &self.scopes[si];
                    if sc.comp.is_some() {
                        if sc.lookup(name) & DEF_COMP_ITER != 0 {
                            return Err(err_range(
                                self.lines,
                                format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                                n.range,
                            ));
                        }
                        continue;
                    }
                    match sc.block {
                        Block::Function => {
                            let flag = if sc.lookup(name) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                            self.add_def(name, flag, n.range)?;
                            self.record_directive(name, n.range);
                            self.add_def_in(si, name, DEF_LOCAL, n.range)?;
                            break;
                        }
                        Block::Module => {
                            self.add_def(name, DEF_GLOBAL, n.range)?;
                            self.record_directive(name, n.range);
                            self.add_def_in(si, name, DEF_GLOBAL, n.range)?;
                            break;
                        }
                        Block::Class => {
                            return Err(err_range(
                                self.lines,
                                "assignment expression within a comprehension cannot be used in a class body",
                                n.range,
                            ));
                        }
                    }
                }
            }
        }
        self.expr(&e.value)?;
        self.expr(&e.target)
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::Named(n) => return self.named(n),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults_and_annotations(p, false)?;
                }
                self.enter(Block::Function, None, l.range);
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.exit();
                return Ok(());
            }
            Expr::ListComp(c) => return self.comprehension(e, CompKind::List, &c.generators, &c.elt, None),
            Expr::SetComp(c) => return self.comprehension(e, CompKind::Set, &c.generators, &c.elt, None),
            Expr::Generator(c) => return self.comprehension(e, CompKind::Gen, &c.generators, &c.elt, None),
            Expr::DictComp(c) => {
                let Some(k) = &c.key else { return Ok(()) };
                return self.comprehension(e, CompKind::Dict, &c.generators, k, Some(&c.value));
            }
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                match e {
                    Expr::Yield(y) => {
                        if let Some(v) = &y.value {
                            self.expr(v)?;
                        }
                    }
                    Expr::YieldFrom(y) => self.expr(&y.value)?,
                    _ => {}
                }
                self.cur().generator = true;
                if let Some(kind) = self.cur().comp {
                    let what = match kind {
                        CompKind::List => "list comprehension",
                        CompKind::Set => "set comprehension",
                        CompKind::Dict => "dict comprehension",
                        CompKind::Gen => "generator expression",
                    };
                    return Err(err_range(self.lines, format!("'yield' inside {what}"), e.range()));
                }
                return Ok(());
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.cur().coroutine = true;
                return Ok(());
            }
            Expr::Name(n) => {
                let flag = if n.ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                return self.add_def(n.id.as_str(), flag, n.range);
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

    /// The analysis pass (`analyze_block`): nonlocal/global conflicts.
    fn finish(self) -> Result<Symtable, CompileError> {
        let lines = self.lines;
        // (scope index, bound names of enclosing functions or None at module).
        let mut work: Vec<(usize, Option<HashSet<String>>)> = vec![(0, None)];
        while let Some((si, bound)) = work.pop() {
            let sc = &self.scopes[si];
            let mut local = HashSet::default();
            for (name, flags) in &sc.names {
                if flags & (DEF_GLOBAL | DEF_NONLOCAL) == 0 {
                    if flags & DEF_BOUND != 0 && sc.block == Block::Function {
                        local.insert(name.clone());
                    }
                    continue;
                }
                let at = sc.directives.get(name).copied().unwrap_or_default();
                if flags & DEF_GLOBAL != 0 {
                    if flags & DEF_NONLOCAL != 0 {
                        return Err(err_range(lines, format!("name '{name}' is nonlocal and global"), at));
                    }
                    continue;
                }
                if flags & DEF_NONLOCAL != 0 {
                    match &bound {
                        None => return Err(err_range(lines, "nonlocal declaration not allowed at module level", at)),
                        Some(b) if !b.contains(name) => {
                            return Err(err_range(lines, format!("no binding for nonlocal '{name}' found"), at));
                        }
                        _ => {}
                    }
                    continue;
                }
            }
            if sc.children.is_empty() {
                continue;
            }
            let mut newbound = bound.unwrap_or_default();
            match sc.block {
                Block::Function => newbound.extend(local),
                // Methods see the implicit `__class__` cell.
                Block::Class => {
                    newbound.insert("__class__".to_owned());
                }
                Block::Module => {}
            }
            for &c in sc.children.iter().rev() {
                work.push((c, Some(newbound.clone())));
            }
        }
        Ok(Symtable { scopes: self.scopes, by_node: self.by_node })
    }
}

/// Calls `f` on each direct sub-expression of `e`, in source order
/// (scoping constructs are handled by the callers before falling back here).
pub(crate) fn for_each_child_expr<'a>(e: &'a Expr, mut f: impl FnMut(&'a Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(&mut f),
        Expr::Named(n) => {
            f(&n.target);
            f(&n.value);
        }
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right);
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::Lambda(l) => f(&l.body),
        Expr::If(i) => {
            f(&i.body);
            f(&i.test);
            f(&i.orelse);
        }
        Expr::Dict(d) => {
            for it in &d.items {
                if let Some(k) = &it.key {
                    f(k);
                }
                f(&it.value);
            }
        }
        Expr::Set(s) => s.elts.iter().for_each(&mut f),
        Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {}
        Expr::Await(a) => f(&a.value),
        Expr::Yield(y) => {
            if let Some(v) = &y.value {
                f(v);
            }
        }
        Expr::YieldFrom(y) => f(&y.value),
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(&mut f);
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(&mut f);
            for k in &c.arguments.keywords {
                f(&k.value);
            }
        }
        Expr::FString(s) => {
            for el in s.value.elements() {
                fstring_element_exprs(el, &mut f);
            }
        }
        Expr::TString(_) => {}
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_)
        | Expr::Name(_)
        | Expr::IpyEscapeCommand(_) => {}
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice);
        }
        Expr::Starred(s) => f(&s.value),
        Expr::List(l) => l.elts.iter().for_each(&mut f),
        Expr::Tuple(t) => t.elts.iter().for_each(&mut f),
        Expr::Slice(s) => {
            for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(x);
            }
        }
    }
}

fn fstring_element_exprs<'a>(el: &'a ast::InterpolatedStringElement, f: &mut dyn FnMut(&'a Expr)) {
    if let ast::InterpolatedStringElement::Interpolation(i) = el {
        f(&i.expression);
        if let Some(spec) = &i.format_spec {
            for el in &spec.elements {
                fstring_element_exprs(el, f);
            }
        }
    }
}
