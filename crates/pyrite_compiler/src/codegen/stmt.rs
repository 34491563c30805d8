//! Statements. CPython: `compiler_visit_stmt` and helpers in `Python/compile.c`
//! (3.11): functions and classes, loops, try/except/finally and except* with
//! exception-table handlers, with/async with, imports, assignments, and the
//! unwinding done by break/continue/return through frame blocks.

use super::{CResult, Compiler, FBlock, NameCtx, ScopeType};
use crate::codegen::expr::binop_code;
use crate::flowgraph::Op;
use crate::symtable::BlockType;
use pyrite_bytecode::{CodeFlags, Constant, Location, Opcode};
use ruff_python_ast::*;
use ruff_text_size::{Ranged, TextRange};

/// The `__future__` flags set by the leading `from __future__ import` statements.
pub fn future_features(body: &[Stmt]) -> u32 {
    let mut flags = 0;
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::Expr(e) if i == 0 && matches!(e.value.as_ref(), Expr::StringLiteral(_)) => continue,
            Stmt::ImportFrom(f) if f.module.as_ref().map(|m| m.as_str()) == Some("__future__") && f.level == 0 => {
                for a in &f.names {
                    match a.name.as_str() {
                        "annotations" => flags |= CodeFlags::FUTURE_ANNOTATIONS,
                        "barry_as_FLUFL" => flags |= CodeFlags::FUTURE_BARRY_AS_BDFL,
                        _ => {}
                    }
                }
            }
            _ => break,
        }
    }
    flags
}

/// CPython's `find_ann`: does the block (not nested scopes) contain an annotation?
fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            t.handlers.iter().any(|h| {
                let ExceptHandler::ExceptHandler(h) = h;
                find_ann(&h.body)
            }) || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// The docstring of a body, if its first statement is a constant string.
    fn docstring(&self, body: &[Stmt]) -> Option<Constant> {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Some(c @ Constant::Str(_)) = self.fold(&e.value) {
                if !matches!(e.value.as_ref(), Expr::FString(_)) {
                    return Some(c);
                }
            }
        }
        None
    }

    /// CPython's `compiler_body` for modules and classes.
    pub fn module_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        if self.ur().scope_type == ScopeType::Module {
            if let Some(s) = body.first() {
                self.set_loc(s.range());
            }
        }
        if find_ann(body) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        if body.is_empty() {
            return Ok(());
        }
        let mut start = 0;
        if self.optimize < 2 {
            if let Some(doc) = self.docstring(body) {
                start = 1;
                if let Stmt::Expr(e) = &body[0] {
                    self.set_loc(e.value.range());
                }
                self.load_const(doc);
                self.unset_loc();
                self.nameop("__doc__", NameCtx::Store);
            }
        }
        for s in &body[start..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub fn interactive_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        if find_ann(body) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        for s in body {
            self.visit_stmt(s)?;
        }
        self.unset_loc();
        self.load_const(Constant::None);
        self.emit(Opcode::ReturnValue, 0);
        Ok(())
    }

    pub fn visit_stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.enter_depth()?;
        match s {
            Stmt::FunctionDef(f) if !f.decorator_list.is_empty() => {
                let r = self.def_start(s, &f.decorator_list);
                self.set_loc(r);
            }
            Stmt::ClassDef(c) if !c.decorator_list.is_empty() => {
                let r = self.def_start(s, &c.decorator_list);
                self.set_loc(r);
            }
            _ => self.set_loc(s.range()),
        }
        let r = self.visit_stmt1(s);
        self.leave_depth();
        r
    }

    fn visit_stmt1(&mut self, s: &'a Stmt) -> CResult<()> {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => Err(self.error("invalid syntax")),
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i < n - 1 {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => {
                if f.is_async {
                    self.async_for(f)
                } else {
                    self.for_stmt(f)
                }
            }
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(&i.test, &i.body, &i.elif_else_clauses),
            Stmt::With(w) => {
                if w.is_async {
                    self.check_async_ctx("async with")?;
                }
                self.with_stmt(w, 0)
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RaiseVarargs, n);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    if !t.finalbody.is_empty() {
                        self.try_finally(t)
                    } else {
                        self.try_star_except(t)
                    }
                } else if !t.finalbody.is_empty() {
                    self.try_finally(t)
                } else {
                    self.try_except(t)
                }
            }
            Stmt::Assert(a) => self.assert_stmt(a),
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() <= 1 {
                    self.visit_expr(&e.value)?;
                    self.emit(Opcode::PrintExpr, 0);
                    return Ok(());
                }
                if self.fold(&e.value).is_some() {
                    self.emit(Opcode::Nop, 0);
                    return Ok(());
                }
                self.visit_expr(&e.value)?;
                self.unset_loc();
                self.emit(Opcode::PopTop, 0);
                Ok(())
            }
            Stmt::Pass(_) => {
                self.emit(Opcode::Nop, 0);
                Ok(())
            }
            Stmt::Break(_) => self.break_stmt(),
            Stmt::Continue(_) => self.continue_stmt(),
        }
    }

    fn check_async_ctx(&self, what: &str) -> CResult<()> {
        let st = self.ur().scope_type;
        if st != ScopeType::AsyncFunction && st != ScopeType::Comprehension {
            return Err(self.error(format!("'{what}' outside async function")));
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &Expr) -> CResult<()> {
        match t {
            Expr::Tuple(tu) => {
                for x in &tu.elts {
                    self.delete_target(x)?;
                }
                Ok(())
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.delete_target(x)?;
                }
                Ok(())
            }
            _ => self.visit_expr(t),
        }
    }

    // ---- functions and classes ----

    fn function_def(&mut self, f: &'a StmtFunctionDef) -> CResult<()> {
        for d in &f.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.loc_of(d.expression.range()).line,
            None => self.loc.line,
        };
        let mut flags = self.default_arguments(&f.parameters)?;
        if self.annotations(&f.parameters, f.returns.as_deref())? {
            flags |= 0x04;
        }
        let scope_type = if f.is_async { ScopeType::AsyncFunction } else { ScopeType::Function };
        let outer_loc = self.loc;
        self.enter_scope(f.name.as_str(), scope_type, f, firstlineno)?;
        self.loc = Location { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 };
        let doc = if self.optimize < 2 { self.docstring(&f.body) } else { None };
        let has_doc = doc.is_some();
        self.add_const(doc.unwrap_or(Constant::None));
        let p = &f.parameters;
        self.u().argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        self.u().posonlyargcount = p.posonlyargs.len() as u32;
        self.u().kwonlyargcount = p.kwonlyargs.len() as u32;
        let start = if has_doc { 1 } else { 0 };
        for s in &f.body[start..] {
            self.visit_stmt(s)?;
        }
        self.unset_loc();
        self.load_const(Constant::None);
        self.emit(Opcode::ReturnValue, 0);
        let code = self.exit_scope()?;
        self.loc = outer_loc;
        self.make_closure(code, flags)?;
        self.apply_decorators(&f.decorator_list);
        self.nameop(f.name.as_str(), NameCtx::Store);
        Ok(())
    }

    /// Calls the decorators (innermost first), each located at its expression.
    fn apply_decorators(&mut self, decos: &[Decorator]) {
        let saved = self.loc;
        for d in decos.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Opcode::Call, 0);
        }
        self.loc = saved;
    }

    /// Where CPython's node for a decorated def/class starts: the `def`,
    /// `async` or `class` keyword after the last decorator.
    pub fn def_start(&self, s: &Stmt, decos: &[Decorator]) -> TextRange {
        let r = s.range();
        let Some(last) = decos.last() else { return r };
        let bytes = self.src.as_bytes();
        let mut p = last.expression.range().end().to_usize();
        let end = r.end().to_usize();
        while p < end {
            match bytes[p] {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\\' | b')' => p += 1,
                b'#' => {
                    while p < end && bytes[p] != b'\n' {
                        p += 1;
                    }
                }
                _ => break,
            }
        }
        TextRange::new(ruff_text_size::TextSize::new(p as u32), r.end())
    }

    /// Pushes the annotations tuple; false if there are none.
    fn annotations(&mut self, p: &Parameters, returns: Option<&Expr>) -> CResult<bool> {
        let mut n = 0;
        for a in p.args.iter().chain(p.posonlyargs.iter()) {
            n += self.arg_annotation(a.parameter.name.as_str(), a.parameter.annotation.as_deref())?;
        }
        if let Some(v) = &p.vararg {
            n += self.arg_annotation(v.name.as_str(), v.annotation.as_deref())?;
        }
        for a in p.kwonlyargs.iter() {
            n += self.arg_annotation(a.parameter.name.as_str(), a.parameter.annotation.as_deref())?;
        }
        if let Some(v) = &p.kwarg {
            n += self.arg_annotation(v.name.as_str(), v.annotation.as_deref())?;
        }
        n += self.arg_annotation("return", returns)?;
        if n > 0 {
            self.emit(Opcode::BuildTuple, n);
            return Ok(true);
        }
        Ok(false)
    }

    fn arg_annotation(&mut self, name: &str, ann: Option<&Expr>) -> CResult<u32> {
        let Some(ann) = ann else { return Ok(0) };
        let m = self.mangle(name);
        self.load_const(Constant::str(&m));
        self.annotation_value(ann)?;
        Ok(2)
    }

    fn annotation_value(&mut self, ann: &Expr) -> CResult<()> {
        if self.future_flags & CodeFlags::FUTURE_ANNOTATIONS != 0 {
            let text = crate::unparse::unparse_annotation(self, ann);
            let saved = self.loc;
            self.set_loc(ann.range());
            self.load_const(Constant::str(&text));
            self.loc = saved;
        } else if let Expr::Starred(s) = ann {
            self.visit_expr(&s.value)?;
            self.emit(Opcode::UnpackSequence, 1);
        } else {
            self.visit_expr(ann)?;
        }
        Ok(())
    }

    fn class_def(&mut self, c: &'a StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.loc_of(d.expression.range()).line,
            None => self.loc.line,
        };
        let outer_loc = self.loc;
        self.enter_scope(c.name.as_str(), ScopeType::Class, c, firstlineno)?;
        self.loc = Location { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 };
        self.nameop("__name__", NameCtx::Load);
        self.nameop("__module__", NameCtx::Store);
        let q = self.ur().qualname.clone();
        self.load_const(Constant::str(&q));
        self.nameop("__qualname__", NameCtx::Store);
        self.module_body(&c.body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self.cell_index("__class__").unwrap_or(0);
            self.emit(Opcode::LoadClosure, i);
            self.emit(Opcode::Copy, 1);
            self.nameop("__classcell__", NameCtx::Store);
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.exit_scope()?;
        self.loc = outer_loc;
        self.emit(Opcode::PushNull, 0);
        self.emit(Opcode::LoadBuildClass, 0);
        self.make_closure(code, 0)?;
        self.load_const(Constant::str(c.name.as_str()));
        let (bases, kws): (&[Expr], &[Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, bases, kws)?;
        self.apply_decorators(&c.decorator_list);
        self.nameop(c.name.as_str(), NameCtx::Store);
        Ok(())
    }

    // ---- simple statements ----

    fn return_stmt(&mut self, r: &'a StmtReturn) -> CResult<()> {
        if self.ste().kind != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        let value = r.value.as_deref();
        let const_value = value.and_then(|v| self.fold(v));
        let preserve_tos = value.is_some() && const_value.is_none();
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(self.error("'return' with value in async generator"));
        }
        let stmt_loc = self.loc;
        if preserve_tos {
            if let Some(v) = value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = value {
            self.set_loc(v.range());
            self.emit(Opcode::Nop, 0);
        }
        if value.is_none_or(|v| self.loc_of(v.range()).line != stmt_loc.line) {
            self.loc = stmt_loc;
            self.emit(Opcode::Nop, 0);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match (value, const_value) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        self.emit(Opcode::ReturnValue, 0);
        Ok(())
    }

    fn break_stmt(&mut self) -> CResult<()> {
        self.emit(Opcode::Nop, 0);
        let Some((idx, _start, exit)) = self.unwind_to_loop()? else {
            return Err(self.error("'break' outside loop"));
        };
        let loop_fb = self.ur().fblocks[idx].clone();
        self.unwind_fblock(&loop_fb, false)?;
        self.jump(exit);
        Ok(())
    }

    fn continue_stmt(&mut self) -> CResult<()> {
        self.emit(Opcode::Nop, 0);
        let Some((_idx, start, _exit)) = self.unwind_to_loop()? else {
            return Err(self.error("'continue' not properly in loop"));
        };
        self.jump(start);
        Ok(())
    }

    /// Unwinds frame blocks down to the innermost loop; returns its index,
    /// start and exit blocks.
    fn unwind_to_loop(&mut self) -> CResult<Option<(usize, usize, usize)>> {
        let saved = self.ur().fblocks.clone();
        let mut result = None;
        let mut k = saved.len();
        while k > 0 {
            let top = saved[k - 1].clone();
            match top {
                FBlock::ExceptionGroupHandler => {
                    return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block"));
                }
                FBlock::WhileLoop { start, exit } | FBlock::ForLoop { start, exit } => {
                    result = Some((k - 1, start, exit));
                    break;
                }
                _ => {
                    self.u().fblocks.truncate(k - 1);
                    self.unwind_fblock(&top, false)?;
                }
            }
            k -= 1;
        }
        self.u().fblocks = saved;
        Ok(result)
    }

    /// CPython's `compiler_unwind_fblock_stack` for `return` (no loop stop).
    fn unwind_fblock_stack(&mut self, preserve_tos: bool, _stop_at_loop: bool) -> CResult<()> {
        let saved = self.ur().fblocks.clone();
        let mut k = saved.len();
        while k > 0 {
            let top = saved[k - 1].clone();
            if matches!(top, FBlock::ExceptionGroupHandler) {
                self.u().fblocks = saved;
                return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block"));
            }
            self.u().fblocks.truncate(k - 1);
            self.unwind_fblock(&top, preserve_tos)?;
            k -= 1;
        }
        self.u().fblocks = saved;
        Ok(())
    }

    /// CPython's `compiler_unwind_fblock`.
    fn unwind_fblock(&mut self, f: &FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        match f {
            FBlock::WhileLoop { .. }
            | FBlock::ExceptionHandler
            | FBlock::ExceptionGroupHandler
            | FBlock::AsyncComprehensionGenerator => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlock::TryExcept => self.emit_pseudo(Op::PopBlock),
            FBlock::FinallyTry { body } => {
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue)?;
                }
                let saved_loc = self.loc;
                self.visit_stmts(body)?;
                self.loc = saved_loc;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::PopExcept, 0);
            }
            FBlock::With { loc, is_async } => {
                self.loc = *loc;
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.emit(Opcode::GetAwaitable, 2);
                    self.load_const(Constant::None);
                    self.yield_from(true);
                }
                self.emit(Opcode::PopTop, 0);
                self.unset_loc();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit_pseudo(Op::PopBlock);
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::PopExcept, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(n, NameCtx::Store);
                    self.nameop(n, NameCtx::Del);
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::Call, 2);
    }

    fn aug_assign(&mut self, a: &'a StmtAugAssign) -> CResult<()> {
        let stmt_loc = self.loc;
        let e = a.target.as_ref();
        self.set_loc(e.range());
        match e {
            Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.emit(Opcode::Copy, 1);
                self.update_loc_attr(at);
                self.emit_name(Opcode::LoadAttr, at.attr.as_str());
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), NameCtx::Load),
            _ => return Err(self.error("'expression' is an illegal expression for augmented assignment")),
        }
        self.loc = stmt_loc;
        self.visit_expr(&a.value)?;
        self.emit(Opcode::BinaryOp, binop_code(a.op, true));
        self.set_loc(e.range());
        match e {
            Expr::Attribute(at) => {
                self.update_loc_attr(at);
                self.emit(Opcode::Swap, 2);
                self.emit_name(Opcode::StoreAttr, at.attr.as_str());
            }
            Expr::Subscript(_) => {
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), NameCtx::Store),
            _ => {}
        }
        Ok(())
    }

    fn update_loc_attr(&mut self, a: &ExprAttribute) {
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

    fn check_ann_expr(&mut self, e: &Expr) -> CResult<()> {
        self.visit_expr(e)?;
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.store_target(&a.target)?;
        }
        let future = self.future_flags & CodeFlags::FUTURE_ANNOTATIONS != 0;
        let module_or_class = matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class);
        match a.target.as_ref() {
            Expr::Name(n) => {
                if a.simple && module_or_class {
                    self.annotation_value(&a.annotation)?;
                    self.emit_name(Opcode::LoadName, "__annotations__");
                    let m = self.mangle(n.id.as_str());
                    self.load_const(Constant::str(&m));
                    self.emit(Opcode::StoreSubscr, 0);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.check_ann_expr(&at.value)?;
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.check_ann_expr(&s.value)?;
                    self.check_ann_subscr(&s.slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment")),
        }
        if !a.simple && !future && module_or_class {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn assert_stmt(&mut self, a: &'a StmtAssert) -> CResult<()> {
        let always_true = match a.test.as_ref() {
            Expr::Tuple(t) => !t.elts.is_empty(),
            other => matches!(self.fold(other), Some(Constant::Tuple(t)) if !t.is_empty()),
        };
        if always_true {
            let line = self.loc.line;
            self.warn("SyntaxWarning", "assertion is always true, perhaps remove parentheses?".into(), line);
        }
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(&a.test, end, true)?;
        self.emit(Opcode::LoadAssertionError, 0);
        if let Some(m) = &a.msg {
            self.visit_expr(m)?;
            self.emit(Opcode::Call, 0);
        }
        self.emit(Opcode::RaiseVarargs, 1);
        self.use_block(end);
        Ok(())
    }

    fn import(&mut self, i: &'a StmtImport) -> CResult<()> {
        for alias in &i.names {
            self.set_loc(alias.range());
            self.loc = self.loc_of(i.range());
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            let name = alias.name.as_str();
            self.emit_name(Opcode::ImportName, name);
            if let Some(asname) = &alias.asname {
                if let Some(dot) = name.find('.') {
                    let mut rest = &name[dot + 1..];
                    loop {
                        let (attr, more) = match rest.find('.') {
                            Some(d) => (&rest[..d], Some(&rest[d + 1..])),
                            None => (rest, None),
                        };
                        let idx = self.add_name(attr);
                        self.emit(Opcode::ImportFrom, idx);
                        match more {
                            Some(m) => {
                                rest = m;
                                self.emit(Opcode::Swap, 2);
                                self.emit(Opcode::PopTop, 0);
                            }
                            None => break,
                        }
                    }
                    self.nameop(asname.as_str(), NameCtx::Store);
                    self.emit(Opcode::PopTop, 0);
                } else {
                    self.nameop(asname.as_str(), NameCtx::Store);
                }
            } else {
                let first = name.split('.').next().unwrap_or(name);
                self.nameop(first, NameCtx::Store);
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a StmtImportFrom) -> CResult<()> {
        self.load_const(Constant::Int(i.level as i64));
        let names: Vec<Constant> = i.names.iter().map(|a| Constant::str(a.name.as_str())).collect();
        self.load_const(Constant::Tuple(names));
        let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        self.emit_name(Opcode::ImportName, module);
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.as_str().starts_with('*') {
                if self.ste().kind != BlockType::Module {
                    return Err(self.error("import * only allowed at module level"));
                }
                self.emit(Opcode::ImportStar, 0);
                return Ok(());
            }
            self.emit_name(Opcode::ImportFrom, alias.name.as_str());
            let store = alias.asname.as_ref().map(|a| a.as_str()).unwrap_or(alias.name.as_str());
            self.nameop(store, NameCtx::Store);
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    // ---- compound statements ----

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], clauses: &'a [ElifElseClause]) -> CResult<()> {
        let end = self.new_block();
        let next = if clauses.is_empty() { end } else { self.new_block() };
        self.jump_if(test, next, false)?;
        self.visit_stmts(body)?;
        if let Some((first, rest)) = clauses.split_first() {
            self.jump_noline(end);
            self.use_block(next);
            match &first.test {
                Some(t) => {
                    self.set_loc(first.range());
                    self.enter_depth()?;
                    self.if_stmt(t, &first.body, rest)?;
                    self.leave_depth();
                }
                None => self.visit_stmts(&first.body)?,
            }
        }
        self.use_block(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a StmtWhile) -> CResult<()> {
        let stmt_loc = self.loc;
        let loop_ = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_block(loop_);
        self.push_fblock(FBlock::WhileLoop { start: loop_, exit: end })?;
        self.jump_if(&w.test, anchor, false)?;
        self.use_block(body);
        self.visit_stmts(&w.body)?;
        self.loc = stmt_loc;
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_block(anchor);
        self.visit_stmts(&w.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a StmtFor) -> CResult<()> {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        self.visit_iter(&f.iter)?;
        self.emit(Opcode::GetIter, 0);
        self.use_block(start);
        self.emit_jump(Op::Real(Opcode::ForIter), cleanup);
        self.use_block(body);
        self.store_target(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.jump(start);
        self.use_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn async_for(&mut self, f: &'a StmtFor) -> CResult<()> {
        self.check_async_ctx("async for")?;
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        self.emit(Opcode::GetAiter, 0);
        self.use_block(start);
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit_pseudo(Op::PopBlock);
        self.store_target(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.jump(start);
        self.pop_fblock();
        self.use_block(except);
        self.set_loc(f.iter.range());
        self.emit(Opcode::EndAsyncFor, 0);
        self.visit_stmts(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::Copy, 3);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 1);
    }

    fn try_except(&mut self, t: &'a StmtTry) -> CResult<()> {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_block(body);
        self.push_fblock(FBlock::TryExcept)?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        let saved = self.loc;
        self.unset_loc();
        self.emit_pseudo(Op::PopBlock);
        self.loc = saved;
        self.visit_stmts(&t.orelse)?;
        self.jump_noline(end);
        let n = t.handlers.len();
        self.use_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlock::ExceptionHandler)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range());
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.emit_jump(Op::Real(Opcode::PopJumpIfFalse), except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name.as_str(), NameCtx::Store);
                self.emit_jump(Op::SetupCleanup, cleanup_end);
                self.use_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: Some(name.to_string()) })?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_pseudo(Op::PopBlock);
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::PopExcept, 0);
                self.load_const(Constant::None);
                self.nameop(name.as_str(), NameCtx::Store);
                self.nameop(name.as_str(), NameCtx::Del);
                self.jump(end);
                self.use_block(cleanup_end);
                self.unset_loc();
                self.load_const(Constant::None);
                self.nameop(name.as_str(), NameCtx::Store);
                self.nameop(name.as_str(), NameCtx::Del);
                self.emit(Opcode::Reraise, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::PopTop, 0);
                self.use_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::PopExcept, 0);
                self.jump(end);
            }
            self.use_block(except);
        }
        // CPython 3.11 leaves the last handler's location on this RERAISE.
        if let Some(ExceptHandler::ExceptHandler(h)) = t.handlers.last() {
            self.set_loc(h.range());
        }
        self.pop_fblock();
        self.emit(Opcode::Reraise, 0);
        self.use_block(cleanup);
        self.unset_loc();
        self.pop_except_and_reraise();
        self.use_block(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a StmtTry) -> CResult<()> {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, end);
        self.use_block(body);
        self.push_fblock(FBlock::FinallyTry { body: &t.finalbody })?;
        if !t.handlers.is_empty() {
            if t.is_star {
                self.try_star_except(t)?;
            } else {
                self.try_except(t)?;
            }
        } else {
            self.visit_stmts(&t.body)?;
        }
        let saved = self.loc;
        self.unset_loc();
        self.emit_pseudo(Op::PopBlock);
        self.loc = saved;
        self.pop_fblock();
        self.visit_stmts(&t.finalbody)?;
        self.jump_noline(exit);
        self.use_block(end);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.visit_stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::Reraise, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        Ok(())
    }

    fn try_star_except(&mut self, t: &'a StmtTry) -> CResult<()> {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_block(body);
        self.push_fblock(FBlock::TryExcept)?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.unset_loc();
        self.emit_pseudo(Op::PopBlock);
        self.jump(orelse);
        let n = t.handlers.len();
        self.use_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlock::ExceptionGroupHandler)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range());
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.emit(Opcode::Copy, 1);
                self.emit(Opcode::BuildList, 0);
                self.emit(Opcode::Swap, 2);
            }
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CheckEgMatch, 0);
                self.emit(Opcode::Copy, 1);
                self.emit_jump(Op::Real(Opcode::PopJumpIfNone), no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name.as_str(), NameCtx::Store),
                None => self.emit(Opcode::PopTop, 0),
            }
            self.emit_jump(Op::SetupCleanup, cleanup_end);
            self.use_block(cleanup_body);
            self.push_fblock(FBlock::HandlerCleanup { name: h.name.as_ref().map(|n| n.to_string()) })?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.emit_pseudo(Op::PopBlock);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name.as_str(), NameCtx::Store);
                self.nameop(name.as_str(), NameCtx::Del);
            }
            self.jump(except);
            self.use_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name.as_str(), NameCtx::Store);
                self.nameop(name.as_str(), NameCtx::Del);
            }
            self.emit(Opcode::ListAppend, 3);
            self.emit(Opcode::PopTop, 0);
            self.jump(except_with_error);
            self.use_block(except);
            self.emit(Opcode::Nop, 0);
            self.jump(except_with_error);
            self.use_block(no_match);
            self.emit(Opcode::PopTop, 0);
            self.use_block(except_with_error);
            if i == n - 1 {
                self.emit(Opcode::ListAppend, 1);
                self.jump(reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_block(reraise_star);
        self.emit(Opcode::PrepReraiseStar, 0);
        self.emit(Opcode::Copy, 1);
        self.emit_jump(Op::Real(Opcode::PopJumpIfNotNone), reraise);
        self.emit(Opcode::PopTop, 0);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::PopExcept, 0);
        self.jump(end);
        self.use_block(reraise);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(orelse);
        self.visit_stmts(&t.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a StmtWith, pos: usize) -> CResult<()> {
        let Some(item) = w.items.get(pos) else { return self.visit_stmts(&w.body) };
        let stmt_loc = self.loc_of(w.range());
        let body = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        if w.is_async {
            self.emit(Opcode::BeforeAsyncWith, 0);
            self.emit(Opcode::GetAwaitable, 1);
            self.load_const(Constant::None);
            self.yield_from(true);
        } else {
            self.emit(Opcode::BeforeWith, 0);
        }
        self.emit_jump(Op::SetupWith, final_);
        self.use_block(body);
        self.push_fblock(FBlock::With { loc: stmt_loc, is_async: w.is_async })?;
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.with_stmt(w, pos + 1)?;
        }
        self.unset_loc();
        self.emit_pseudo(Op::PopBlock);
        self.pop_fblock();
        self.loc = stmt_loc;
        self.call_exit_with_nones();
        if w.is_async {
            self.emit(Opcode::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.yield_from(true);
        }
        self.emit(Opcode::PopTop, 0);
        self.jump(exit);
        self.use_block(final_);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        if w.is_async {
            self.emit(Opcode::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.yield_from(true);
        }
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: usize) {
        self.unset_loc();
        let exit = self.new_block();
        self.emit_jump(Op::Real(Opcode::PopJumpIfTrue), exit);
        self.emit(Opcode::Reraise, 2);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        self.emit(Opcode::PopTop, 0);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopTop, 0);
    }
}

