//! Symbol tables: which scope each name lives in. CPython: `Python/symtable.c`.
//!
//! One pass over the AST records every definition and use per block (module,
//! class, function, lambda, comprehension); a second pass (`analyze`) resolves
//! each name to LOCAL / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT / FREE / CELL exactly
//! as CPython 3.11 does, including the implicit `__class__` cell, comprehension
//! scopes (3.11 does not inline them) and walrus targets in comprehensions.
//! It does not report CPython's symtable SyntaxErrors beyond what it needs to
//! stay consistent (those belong to `validate`).

use crate::{CompileError, ErrorKind};
use ruff_python_ast::*;
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Where a name resolves (CPython's `LOCAL` .. `CELL`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// The kind of a block.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BlockType {
    Module,
    Class,
    Function,
}

/// Which comprehension a function block is, if any.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

pub type ScopeId = usize;

/// One block's symbols and properties.
#[derive(Debug)]
pub struct SymbolTable {
    pub kind: BlockType,
    pub name: String,
    /// Symbols in first-seen order; `sym_flags` and `sym_scopes` are parallel.
    pub order: Vec<String>,
    sym_flags: Vec<u32>,
    /// `Scope::Unknown` until the block is analyzed.
    sym_scopes: Vec<Scope>,
    index: crate::fxhash::NameIndex,
    /// Parameter names in `co_varnames` order.
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<CompKind>,
    pub varargs: bool,
    pub varkeywords: bool,
    pub needs_class_closure: bool,
    pub needs_classdict: bool,
    pub has_annotations: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl SymbolTable {
    fn new(kind: BlockType, name: &str, nested: bool) -> Self {
        SymbolTable {
            kind,
            name: name.to_string(),
            order: Vec::new(),
            sym_flags: Vec::new(),
            sym_scopes: Vec::new(),
            index: crate::fxhash::NameIndex::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            needs_class_closure: false,
            needs_classdict: false,
            has_annotations: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.index.find(name, |i| self.order[i] == name)
    }

    /// Adds a new symbol (not yet present) with `flags`.
    fn push_symbol(&mut self, name: &str, flags: u32) -> usize {
        let i = self.order.len();
        self.index.push(name, i);
        self.order.push(name.to_string());
        self.sym_flags.push(flags);
        self.sym_scopes.push(Scope::Unknown);
        i
    }

    /// The resolved scope of `name` (already mangled).
    pub fn scope(&self, name: &str) -> Scope {
        self.find(name).map_or(Scope::Unknown, |i| self.sym_scopes[i])
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.find(name).map_or(0, |i| self.sym_flags[i])
    }

    /// Names with scope `s` or with `flag` set, sorted (CPython's `dictbytype`).
    pub fn names_by(&self, s: Scope, flag: u32) -> Vec<String> {
        let mut v: Vec<String> = (0..self.order.len())
            .filter(|&i| self.sym_scopes[i] == s || (flag != 0 && self.sym_flags[i] & flag != 0))
            .map(|i| self.order[i].clone())
            .collect();
        v.sort();
        v
    }
}

/// All blocks of one compilation, keyed by the address of their AST node.
pub struct SymTables {
    pub tables: Vec<SymbolTable>,
    pub by_node: HashMap<usize, ScopeId>,
}

impl SymTables {
    pub fn lookup<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// CPython's `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    use std::borrow::Cow;
    let Some(p) = private else { return Cow::Borrowed(name) };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = p.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

pub const MAX_DEPTH: u32 = 3000;

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

struct Builder {
    tables: Vec<SymbolTable>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    private: Option<String>,
    future_annotations: bool,
    depth: u32,
    error: Option<CompileError>,
}

/// Builds and analyzes the symbol tables of a module (or eval expression).
pub fn build(module: &Mod, future_annotations: bool) -> Result<SymTables, CompileError> {
    let mut b = Builder {
        tables: vec![SymbolTable::new(BlockType::Module, "top", false)],
        by_node: HashMap::default(),
        stack: vec![0],
        private: None,
        future_annotations,
        depth: 0,
        error: None,
    };
    match module {
        Mod::Module(m) => b.stmts(&m.body),
        Mod::Expression(e) => b.expr(&e.body),
    }
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut tables = b.tables;
    analyze(&mut tables)?;
    Ok(SymTables { tables, by_node: b.by_node })
}

impl Builder {
    fn cur(&mut self) -> &mut SymbolTable {
        let id = *self.stack.last().unwrap_or(&0);
        &mut self.tables[id]
    }

    fn add_def(&mut self, name: &str, flag: u32) {
        let m = mangle(self.private.as_deref(), name);
        let id = *self.stack.last().unwrap_or(&0);
        self.add_def_in(id, &m, flag);
    }

    fn add_def_in(&mut self, id: ScopeId, mangled: &str, mut flag: u32) {
        let t = &mut self.tables[id];
        if t.comp_iter_target && flag & DEF_LOCAL != 0 {
            flag |= DEF_COMP_ITER;
        }
        match t.find(mangled) {
            Some(i) => t.sym_flags[i] |= flag,
            None => {
                t.push_symbol(mangled, flag);
            }
        }
        if flag & DEF_PARAM != 0 {
            t.varnames.push(mangled.to_string());
        }
        // Module-level globals are recorded in the module table too (st_global).
        if flag & DEF_GLOBAL != 0 && id != 0 {
            let g = &mut self.tables[0];
            match g.find(mangled) {
                Some(i) => g.sym_flags[i] |= flag,
                None => {
                    g.push_symbol(mangled, flag);
                }
            }
        }
    }

    fn enter<T>(&mut self, node: &T, kind: BlockType, name: &str) -> ScopeId {
        let parent = *self.stack.last().unwrap_or(&0);
        let nested = self.tables[parent].nested || self.tables[parent].kind == BlockType::Function;
        let id = self.tables.len();
        self.tables.push(SymbolTable::new(kind, name, nested));
        self.tables[parent].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn guard(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            if self.error.is_none() {
                self.error = Some(recursion_error());
            }
            return false;
        }
        true
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        if !self.guard() {
            self.depth -= 1;
            return;
        }
        self.stmt_inner(s);
        self.depth -= 1;
    }

    fn stmt_inner(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(f.name.as_str(), DEF_LOCAL);
                self.param_defaults(&f.parameters);
                self.annotations(&f.parameters, f.returns.as_deref());
                for d in &f.decorator_list {
                    self.expr(&d.expression);
                }
                let id = self.enter(f, BlockType::Function, f.name.as_str());
                if f.is_async {
                    self.tables[id].coroutine = true;
                }
                self.params(&f.parameters);
                self.stmts(&f.body);
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(c.name.as_str(), DEF_LOCAL);
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a);
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value);
                    }
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression);
                }
                self.enter(c, BlockType::Class, c.name.as_str());
                let saved = self.private.replace(c.name.to_string());
                self.stmts(&c.body);
                self.private = saved;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t);
                }
            }
            Stmt::TypeAlias(t) => {
                self.expr(&t.name);
                self.expr(&t.value);
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.expr(t);
                }
                self.expr(&a.value);
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target);
                self.expr(&a.value);
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = a.target.as_ref() {
                    if a.simple {
                        self.add_def(n.id.as_str(), DEF_ANNOT | DEF_LOCAL);
                        self.cur().has_annotations = true;
                    } else if a.value.is_some() {
                        self.add_def(n.id.as_str(), DEF_LOCAL);
                    }
                } else {
                    self.expr(&a.target);
                }
                self.annotation(&a.annotation);
                if let Some(v) = &a.value {
                    self.expr(v);
                }
            }
            Stmt::For(f) => {
                self.expr(&f.target);
                self.expr(&f.iter);
                self.stmts(&f.body);
                self.stmts(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.stmts(&w.body);
                self.stmts(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.stmts(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.expr(v);
                    }
                }
                self.stmts(&w.body);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for c in &m.cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(c) = &r.cause {
                    self.expr(c);
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body);
                self.stmts(&t.orelse);
                for h in &t.handlers {
                    let ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n.as_str(), DEF_LOCAL);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.alias(a);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.alias(a);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.add_def(n.as_str(), DEF_GLOBAL);
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    self.add_def(n.as_str(), DEF_NONLOCAL);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    fn alias(&mut self, a: &Alias) {
        let store = match &a.asname {
            Some(n) => n.to_string(),
            None => a.name.as_str().split('.').next().unwrap_or("").to_string(),
        };
        if store == "*" {
            return;
        }
        self.add_def(&store, DEF_IMPORT);
    }

    fn param_defaults(&mut self, p: &Parameters) {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
    }

    fn annotation(&mut self, e: &Expr) {
        if !self.future_annotations {
            self.expr(e);
        }
    }

    fn annotations(&mut self, p: &Parameters, returns: Option<&Expr>) {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(an) = &a.parameter.annotation {
                self.annotation(an);
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(an) = &v.annotation {
                self.annotation(an);
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(an) = &a.parameter.annotation {
                self.annotation(an);
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(an) = &v.annotation {
                self.annotation(an);
            }
        }
        if let Some(r) = returns {
            self.annotation(r);
        }
    }

    fn params(&mut self, p: &Parameters) {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.add_def(a.parameter.name.as_str(), DEF_PARAM);
        }
        if let Some(v) = &p.vararg {
            self.add_def(v.name.as_str(), DEF_PARAM);
            self.cur().varargs = true;
        }
        if let Some(v) = &p.kwarg {
            self.add_def(v.name.as_str(), DEF_PARAM);
            self.cur().varkeywords = true;
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        if !self.guard() {
            self.depth -= 1;
            return;
        }
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value),
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p);
                }
            }
            Pattern::MatchMapping(m) => {
                for k in m.keys.iter() {
                    self.expr(k);
                }
                for p in m.patterns.iter() {
                    self.pattern(p);
                }
                if let Some(r) = &m.rest {
                    self.add_def(r.as_str(), DEF_LOCAL);
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls);
                for p in c.arguments.patterns.iter() {
                    self.pattern(p);
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern);
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n.as_str(), DEF_LOCAL);
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p);
                }
                if let Some(n) = &a.name {
                    self.add_def(n.as_str(), DEF_LOCAL);
                }
            }
            Pattern::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p);
                }
            }
        }
        self.depth -= 1;
    }

    fn expr(&mut self, e: &Expr) {
        if !self.guard() {
            self.depth -= 1;
            return;
        }
        self.expr_inner(e);
        self.depth -= 1;
    }

    fn expr_inner(&mut self, e: &Expr) {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v);
                }
            }
            Expr::Named(n) => {
                if self.cur().comprehension.is_some() {
                    self.extend_namedexpr_scope(&n.target);
                }
                self.expr(&n.value);
                self.expr(&n.target);
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p);
                }
                self.enter(l, BlockType::Function, "lambda");
                if let Some(p) = &l.parameters {
                    self.params(p);
                }
                self.expr(&l.body);
                self.exit();
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k);
                    }
                    self.expr(&it.value);
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x);
                }
            }
            Expr::ListComp(c) => self.comprehension(c, "listcomp", CompKind::List, &c.generators, &c.elt, None),
            Expr::SetComp(c) => self.comprehension(c, "setcomp", CompKind::Set, &c.generators, &c.elt, None),
            Expr::DictComp(c) => {
                if let Some(k) = &c.key {
                    self.comprehension(c, "dictcomp", CompKind::Dict, &c.generators, k, Some(&c.value))
                }
            }
            Expr::Generator(c) => self.comprehension(c, "genexpr", CompKind::Gen, &c.generators, &c.elt, None),
            Expr::Await(a) => {
                self.cur().coroutine = true;
                self.expr(&a.value);
            }
            Expr::Yield(y) => {
                self.cur().generator = true;
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => {
                self.cur().generator = true;
                self.expr(&y.value);
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                for x in c.comparators.iter() {
                    self.expr(x);
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                for a in c.arguments.args.iter() {
                    self.expr(a);
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value);
                }
            }
            Expr::FString(f) => {
                for part in f.value.as_slice() {
                    if let FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements);
                    }
                }
            }
            Expr::TString(_) => {}
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => {
                let flag = if n.ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(n.id.as_str(), flag);
                if n.ctx == ExprContext::Load
                    && self.cur().kind == BlockType::Function
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", USE);
                }
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x);
                }
            }
            Expr::Tuple(l) => {
                for x in &l.elts {
                    self.expr(x);
                }
            }
            Expr::Slice(s) => {
                if let Some(x) = &s.lower {
                    self.expr(x);
                }
                if let Some(x) = &s.upper {
                    self.expr(x);
                }
                if let Some(x) = &s.step {
                    self.expr(x);
                }
            }
        }
    }

    fn fstring_elements(&mut self, els: &InterpolatedStringElements) {
        for el in els.iter() {
            if let InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression);
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements);
                }
            }
        }
    }

    /// CPython's `symtable_extend_namedexpr_scope`: a walrus target inside a
    /// comprehension binds in the nearest enclosing function or module.
    fn extend_namedexpr_scope(&mut self, target: &Expr) {
        let Expr::Name(n) = target else { return };
        let name = mangle(self.private.as_deref(), n.id.as_str());
        let cur = *self.stack.last().unwrap_or(&0);
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let t = &self.tables[id];
            if t.comprehension.is_some() {
                continue;
            }
            match t.kind {
                BlockType::Function => {
                    let f = t.flags_of(&name);
                    if f & DEF_GLOBAL != 0 {
                        self.add_def_in(cur, &name, DEF_GLOBAL);
                    } else {
                        self.add_def_in(cur, &name, DEF_NONLOCAL);
                    }
                    self.add_def_in(id, &name, DEF_LOCAL);
                    return;
                }
                BlockType::Module => {
                    self.add_def_in(cur, &name, DEF_GLOBAL);
                    self.add_def_in(id, &name, DEF_GLOBAL);
                    return;
                }
                BlockType::Class => {
                    if self.error.is_none() {
                        self.error = Some(CompileError {
                            kind: ErrorKind::SyntaxError,
                            msg: "assignment expression within a comprehension cannot be used in a class body".into(),
                            lineno: 0,
                            offset: 0,
                            end_lineno: 0,
                            end_offset: 0,
                            text: None,
                        });
                    }
                    return;
                }
            }
        }
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        name: &str,
        kind: CompKind,
        gens: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) {
        let Some(outer) = gens.first() else { return };
        self.cur().comp_iter_expr += 1;
        self.expr(&outer.iter);
        self.cur().comp_iter_expr -= 1;
        let id = self.enter(node, BlockType::Function, name);
        self.tables[id].comprehension = Some(kind);
        if outer.is_async {
            self.tables[id].coroutine = true;
        }
        self.add_def_in(id, ".0", DEF_PARAM);
        self.tables[id].comp_iter_target = true;
        self.expr(&outer.target);
        self.tables[id].comp_iter_target = false;
        for i in &outer.ifs {
            self.expr(i);
        }
        for g in &gens[1..] {
            self.tables[id].comp_iter_target = true;
            self.expr(&g.target);
            self.tables[id].comp_iter_target = false;
            self.tables[id].comp_iter_expr += 1;
            self.expr(&g.iter);
            self.tables[id].comp_iter_expr -= 1;
            for i in &g.ifs {
                self.expr(i);
            }
            if g.is_async {
                self.tables[id].coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v);
        }
        self.expr(elt);
        let is_gen = kind == CompKind::Gen;
        self.tables[id].generator = is_gen;
        let is_async = self.tables[id].coroutine && !is_gen;
        self.exit();
        if is_async {
            self.cur().coroutine = true;
        }
    }
}

// ---- analysis (CPython's analyze_block / analyze_name / analyze_cells) ----

// CPython also tracks the set of global names through the blocks, but a name
// that is neither bound nor free resolves to GLOBAL_IMPLICIT whether or not it
// is in that set, so the set is not kept here.
fn analyze(tables: &mut [SymbolTable]) -> Result<(), CompileError> {
    let mut free = HashSet::default();
    analyze_block(tables, 0, None, &mut free, 0)
}

fn analyze_block(
    tables: &mut [SymbolTable],
    id: ScopeId,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    depth: u32,
) -> Result<(), CompileError> {
    if depth > MAX_DEPTH {
        return Err(recursion_error());
    }
    let mut local: HashSet<String> = HashSet::default();
    let mut newfree: HashSet<String> = HashSet::default();
    let mut newbound: HashSet<String> = HashSet::default();
    let kind = tables[id].kind;

    if kind == BlockType::Class {
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let nsyms = tables[id].order.len();
    // The scope of each symbol, by position in `order`.
    let mut scopes: Vec<Scope> = Vec::with_capacity(nsyms);
    for i in 0..nsyms {
        let t = &tables[id];
        let name = &t.order[i];
        let flags = t.sym_flags[i];
        let sc = if flags & DEF_GLOBAL != 0 {
            Scope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            if !bound.is_some_and(|b| b.contains(name)) {
                return Err(CompileError {
                    kind: ErrorKind::SyntaxError,
                    msg: if kind == BlockType::Module {
                        "nonlocal declaration not allowed at module level".into()
                    } else {
                        format!("no binding for nonlocal '{name}' found")
                    },
                    lineno: 0,
                    offset: 0,
                    end_lineno: 0,
                    end_offset: 0,
                    text: None,
                });
            }
            free.insert(name.clone());
            Scope::Free
        } else if flags & DEF_BOUND != 0 {
            if kind == BlockType::Function {
                local.insert(name.clone());
            }
            Scope::Local
        } else if bound.is_some_and(|b| b.contains(name)) {
            free.insert(name.clone());
            Scope::Free
        } else {
            Scope::GlobalImplicit
        };
        scopes.push(sc);
    }
    // `free` above collected this block's own free names; CPython adds them to
    // the set passed in by the parent, which we merge at the end.
    if kind != BlockType::Class {
        if kind == BlockType::Function {
            newbound = local;
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    } else {
        newbound.insert("__class__".to_string());
    }

    let children = std::mem::take(&mut tables[id].children);
    for &c in &children {
        let mut child_free = HashSet::default();
        let r = analyze_block(tables, c, Some(&newbound), &mut child_free, depth + 1);
        if let Err(e) = r {
            tables[id].children = children;
            return Err(e);
        }
        newfree.extend(child_free);
    }
    tables[id].children = children;

    if kind == BlockType::Function {
        // analyze_cells
        for name in newfree.clone() {
            if let Some(i) = tables[id].find(&name) {
                if scopes[i] == Scope::Local {
                    scopes[i] = Scope::Cell;
                    newfree.remove(&name);
                }
            }
        }
    } else if kind == BlockType::Class && newfree.remove("__class__") {
        tables[id].needs_class_closure = true;
    }

    // update_symbols
    let is_class = kind == BlockType::Class;
    let t = &mut tables[id];
    t.sym_scopes[..nsyms].copy_from_slice(&scopes);
    let mut extra: Vec<String> = newfree.iter().cloned().collect();
    extra.sort();
    for name in extra {
        if let Some(i) = t.find(&name) {
            if is_class && t.sym_flags[i] & (DEF_BOUND | DEF_GLOBAL) != 0 {
                t.sym_flags[i] |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound {
            if !b.contains(&name) {
                continue;
            }
        }
        let i = t.push_symbol(&name, DEF_FREE);
        t.sym_scopes[i] = Scope::Free;
    }
    free.extend(newfree);
    Ok(())
}
