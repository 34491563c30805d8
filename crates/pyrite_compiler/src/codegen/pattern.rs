//! `match` statements and patterns. CPython: `compiler_match` and
//! `compiler_pattern_*` in `Python/compile.c` (3.11), including the fail_pop
//! blocks, capture rotation with SWAP, and alternatives binding the same names.

use super::{CResult, Compiler, NameCtx};
use crate::flowgraph::{BlockId, Op};
use pyrite_bytecode::opcode::{BinaryOp, CompareOp};
use pyrite_bytecode::{Constant, Opcode};
use ruff_python_ast::*;
use ruff_text_size::Ranged;

struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<BlockId>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, s: &'a StmtMatch) -> CResult<()> {
        self.visit_expr(&s.subject)?;
        let end = self.new_block();
        let cases = s.cases.len();
        if cases == 0 {
            return Err(self.error("invalid syntax"));
        }
        let last = &s.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let n = cases - has_default as usize;
        for (i, m) in s.cases[..n].iter().enumerate() {
            self.set_loc(m.pattern.range());
            if i != n - 1 {
                self.emit(Opcode::Copy, 1);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: m.guard.is_some() || i == cases - 1,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.pattern(&m.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, NameCtx::Store);
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if i != n - 1 {
                self.emit(Opcode::PopTop, 0);
            }
            self.visit_stmts(&m.body)?;
            self.jump_noline(end);
            self.set_loc(m.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            if cases == 1 {
                self.emit(Opcode::PopTop, 0);
            } else {
                self.emit(Opcode::Nop, 0);
            }
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.visit_stmts(&last.body)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.use_block(pc.fail_pop[k]);
            self.emit(Opcode::PopTop, 0);
        }
        self.use_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::Swap, count as u32);
            count -= 1;
        }
    }

    fn store_name(&mut self, name: Option<&Identifier>, pc: &mut PatternContext) -> CResult<()> {
        let Some(n) = name else {
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == n.as_str()) {
            return Err(self.error(format!("multiple assignments to name '{}' in pattern", n.as_str())));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> CResult<()> {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> CResult<()> {
        self.enter_depth()?;
        self.set_loc(p.range());
        let r = match p {
            Pattern::MatchValue(v) => {
                self.visit_expr(&v.value)?;
                self.emit(Opcode::CompareOp, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse));
                Ok(())
            }
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    Singleton::None => Constant::None,
                    Singleton::True => Constant::Bool(true),
                    Singleton::False => Constant::Bool(false),
                };
                self.load_const(c);
                self.emit(Opcode::IsOp, 0);
                self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse));
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.store_name(s.name.as_ref(), pc),
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(n) => self.error(format!("name capture '{}' makes remaining patterns unreachable", n.as_str())),
                            None => self.error("wildcard makes remaining patterns unreachable"),
                        });
                    }
                    self.store_name(a.name.as_ref(), pc)
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(a.name.as_ref(), pc)
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(&o.patterns, pc),
        };
        self.leave_depth();
        r
    }

    fn pattern_sequence(&mut self, patterns: &[Pattern], pc: &mut PatternContext) -> CResult<()> {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse));
        if star.is_none() {
            self.emit(Opcode::GetLen, 0);
            self.load_const(Constant::Int(size as i64));
            self.emit(Opcode::CompareOp, CompareOp::Eq as u32);
            self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse));
        } else if size > 1 {
            self.emit(Opcode::GetLen, 0);
            self.load_const(Constant::Int(size as i64 - 1));
            self.emit(Opcode::CompareOp, CompareOp::Ge as u32);
            self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse));
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::PopTop, 0);
        } else if star_wildcard {
            let star = star.unwrap_or(usize::MAX);
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Opcode::Copy, 1);
                if i < star {
                    self.load_const(Constant::Int(i as i64));
                } else {
                    self.emit(Opcode::GetLen, 0);
                    self.load_const(Constant::Int((size - i) as i64));
                    self.emit(Opcode::BinaryOp, BinaryOp::Subtract as u32);
                }
                self.emit(Opcode::BinarySubscr, 0);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0);
        } else {
            match star {
                Some(i) => {
                    if i >= (1 << 8) || size - i - 1 >= (1 << 23) {
                        return Err(self.error("too many expressions in star-unpacking sequence pattern"));
                    }
                    self.emit(Opcode::UnpackEx, (i + ((size - i - 1) << 8)) as u32);
                }
                None => self.emit(Opcode::UnpackSequence, size as u32),
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &PatternMatchMapping, pc: &mut PatternContext) -> CResult<()> {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.error("keys and patterns differ in mapping pattern"));
        }
        pc.on_top += 1;
        self.emit(Opcode::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse));
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GetLen, 0);
            self.load_const(Constant::Int(size as i64));
            self.emit(Opcode::CompareOp, CompareOp::Ge as u32);
            self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse));
        }
        let mut seen: Vec<Constant> = Vec::new();
        for k in m.keys.iter() {
            if let Some(c) = self.fold(k) {
                if seen.iter().any(|s| super::consts::const_identical(s, &c)) {
                    return Err(self.error("mapping pattern checks duplicate key"));
                }
                seen.push(c);
            } else if !matches!(k, Expr::Attribute(_)) {
                return Err(self.error("mapping pattern keys may only match literals and attribute lookups"));
            }
            self.visit_expr(k)?;
        }
        self.emit(Opcode::BuildTuple, size as u32);
        self.emit(Opcode::MatchKeys, 0);
        pc.on_top += 2;
        self.emit(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IsOp, 1);
        self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse));
        self.emit(Opcode::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            self.emit(Opcode::BuildMap, 0);
            self.emit(Opcode::Swap, 3);
            self.emit(Opcode::DictUpdate, 2);
            self.emit(Opcode::UnpackSequence, size as u32);
            let mut sz = size;
            while sz > 0 {
                self.emit(Opcode::Copy, (1 + sz) as u32);
                sz -= 1;
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::DeleteSubscr, 0);
            }
            self.store_name(Some(rest), pc)?;
        } else {
            self.emit(Opcode::PopTop, 0);
            self.emit(Opcode::PopTop, 0);
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &PatternMatchClass, pc: &mut PatternContext) -> CResult<()> {
        let patterns = &c.arguments.patterns;
        let kws = &c.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = kws.len();
        for (i, k) in kws.iter().enumerate() {
            for other in &kws[i + 1..] {
                if other.attr.as_str() == k.attr.as_str() {
                    self.set_loc(other.pattern.range());
                    return Err(self.error(format!("attribute name repeated in class pattern: {}", k.attr.as_str())));
                }
            }
        }
        self.visit_expr(&c.cls)?;
        let names: Vec<Constant> = kws.iter().map(|k| Constant::str(k.attr.as_str())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Opcode::MatchClass, nargs as u32);
        self.emit(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::Real(Opcode::PopJumpIfFalse));
        self.emit(Opcode::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for i in 0..nargs + nattrs {
            pc.on_top -= 1;
            let p = if i < nargs { &patterns[i] } else { &kws[i - nargs].pattern };
            if is_wildcard(p) {
                self.emit(Opcode::PopTop, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, alts: &[Pattern], pc: &mut PatternContext) -> CResult<()> {
        let end = self.new_block();
        let size = alts.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::Copy, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if nstores != ctl.len() {
                        return Err(self.error("alternative patterns bind different names"));
                    }
                    if nstores > 0 {
                        let mut icontrol = nstores;
                        while icontrol > 0 {
                            icontrol -= 1;
                            let name = &ctl[icontrol];
                            let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                                return Err(self.error("alternative patterns bind different names"));
                            };
                            if icontrol != istores {
                                let rotations = istores + 1;
                                let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                                let at = icontrol - istores;
                                for (k, r) in rotated.into_iter().enumerate() {
                                    pc.stores.insert(at + k, r);
                                }
                                for _ in 0..rotations {
                                    self.rotate(icontrol + 1);
                                }
                            }
                        }
                    }
                }
            }
            self.jump(end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit(Opcode::PopTop, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.use_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(format!("multiple assignments to name '{name}' in pattern")));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }
}
