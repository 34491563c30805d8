//! Code generation: AST -> basic blocks of instructions, one unit per code
//! object. CPython: `Python/compile.c` (3.11). Statements are in `stmt.rs`,
//! expressions in `expr.rs`, patterns in `pattern.rs`, constants and folding
//! in `consts.rs`, invalid-escape warnings in `escapes.rs`. The blocks go to
//! `flowgraph` and `assemble`.
//!
//! The code has CPython 3.11's shapes minus the instructions pyrite does not
//! have. What the VM must do in their place:
//! - No RESUME / RETURN_GENERATOR: a generator, coroutine or async generator
//!   starts at instruction 0 with an empty stack; the first `send(None)` pushes
//!   nothing (CPython's `RETURN_GENERATOR; POP_TOP` are gone).
//! - No MAKE_CELL / COPY_FREE_VARS: at frame start the VM makes an empty cell
//!   per `co_cellvars` entry (moving the argument in for each `cell2arg`
//!   pair) and copies the function's closure into the free-variable slots.
//! - No RESUME after YIELD_VALUE: inside `yield from`/`await` the loop is
//!   `SEND exit; YIELD_VALUE; JUMP_BACKWARD_NO_INTERRUPT send` (targets are
//!   absolute). A frame suspended at such a YIELD_VALUE (next instruction is
//!   JUMP_BACKWARD_NO_INTERRUPT to a SEND) is delegating to the iterator on top
//!   of its stack; `throw()`/`close()` must go to that iterator as CPython's
//!   `_PyGen_yf` does.
//! - No PRECALL and no inline CACHE entries.
//! - `RERAISE n` with n > 0 takes lasti from the stack item n+1 from the top
//!   (n = 1 in `COPY 3; POP_EXCEPT; RERAISE 1`, n = 2 after WITH_EXCEPT_START).

mod consts;
mod escapes;
pub use consts::const_identical;
mod expr;
mod pattern;
mod stmt;

use crate::flowgraph::{Block, BlockId, Instr, Op, NO_TARGET};
use crate::symtable::{self, BlockType, Scope, ScopeId, SymTables};
use crate::{CompileError, CompileOptions, CompileWarning, ErrorKind, Mode};
use pyrite_bytecode::{CodeFlags, CodeObject, Constant, Location, Opcode};
use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::rc::Rc;

/// Maps byte offsets to (line, column) pairs.
pub struct LineIndex {
    starts: Vec<usize>,
    /// The lines (0-based) of the last start and end positions looked up: code
    /// is generated mostly in source order, so the next ones are usually on or
    /// just after them.
    last_start: std::cell::Cell<usize>,
    last_end: std::cell::Cell<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> Self {
        Self::from_starts(crate::errors::tokenizer::line_starts(src))
    }

    /// From the line starts of the source (`0` first, then each offset after a `\n`).
    pub fn from_starts(starts: Vec<usize>) -> Self {
        LineIndex { starts, last_start: std::cell::Cell::new(0), last_end: std::cell::Cell::new(0) }
    }

    /// The 0-based line of `off`, looked for first on and after line `hint`.
    fn line_near(&self, off: usize, hint: &std::cell::Cell<usize>) -> usize {
        let starts = &self.starts;
        let mut k = hint.get();
        if k < starts.len() && starts[k] <= off {
            // A few lines forward before falling back to a binary search.
            for _ in 0..4 {
                match starts.get(k + 1) {
                    Some(&next) if next <= off => k += 1,
                    _ => {
                        hint.set(k);
                        return k;
                    }
                }
            }
        }
        let i = starts.partition_point(|&s| s <= off).saturating_sub(1);
        hint.set(i);
        i
    }

    /// 1-based line and 0-based byte column of `off`.
    pub fn pos(&self, off: usize) -> (u32, u32) {
        let i = self.line_near(off, &self.last_start);
        ((i + 1) as u32, (off - self.starts[i]) as u32)
    }

    pub fn loc(&self, r: TextRange) -> Location {
        let (s, e) = (r.start().to_usize(), r.end().to_usize());
        let l = self.line_near(s, &self.last_start);
        let el = self.line_near(e, &self.last_end);
        Location { line: (l + 1) as u32, end_line: (el + 1) as u32, col: (s - self.starts[l]) as u32, end_col: (e - self.starts[el]) as u32 }
    }
}

/// What kind of code a unit produces (CPython's `COMPILER_SCOPE_*`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// A frame block: what `break`/`continue`/`return` must unwind.
#[derive(Clone)]
pub enum FBlock<'a> {
    WhileLoop { start: BlockId, exit: BlockId },
    ForLoop { start: BlockId, exit: BlockId },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With { loc: Location, is_async: bool },
    HandlerCleanup { name: Option<String> },
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// One code object under construction.
pub struct Unit<'a> {
    pub scope: ScopeId,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    pub private: Option<String>,
    pub blocks: Vec<Block>,
    pub order: Vec<BlockId>,
    pub cur: BlockId,
    pub consts: Vec<Constant>,
    /// Index of `consts` for `add_const`.
    pub const_table: consts::ConstTable,
    pub names: Vec<String>,
    /// Index of `names` for `add_name`.
    pub names_index: crate::fxhash::NameIndex,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub in_async_comprehension: bool,
}

pub struct Compiler<'a> {
    pub src: &'a str,
    pub lines: LineIndex,
    pub filename: String,
    pub optimize: u8,
    pub future_flags: u32,
    pub st: SymTables,
    pub units: Vec<Unit<'a>>,
    pub loc: Location,
    pub warnings: Vec<CompileWarning>,
    pub depth: u32,
    pub interactive: bool,
}

pub type CResult<T> = Result<T, CompileError>;

impl<'a> Compiler<'a> {
    pub fn error(&self, msg: impl Into<String>) -> CompileError {
        CompileError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            lineno: self.loc.line,
            offset: self.loc.col + 1,
            end_lineno: self.loc.end_line,
            end_offset: self.loc.end_col + 1,
            text: None,
        }
    }

    pub fn warn(&mut self, category: &str, msg: String, line: u32) {
        self.warnings.push(CompileWarning { category: category.into(), msg, lineno: line });
    }

    pub fn u(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    pub fn ur(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub fn ste(&self) -> &symtable::SymbolTable {
        &self.st.tables[self.ur().scope]
    }

    pub fn loc_of(&self, r: TextRange) -> Location {
        self.lines.loc(r)
    }

    pub fn set_loc(&mut self, r: TextRange) {
        self.loc = self.lines.loc(r);
    }

    pub fn unset_loc(&mut self) {
        self.loc = Location::NONE;
    }

    pub fn enter_depth(&mut self) -> CResult<()> {
        self.depth += 1;
        if self.depth > symtable::MAX_DEPTH {
            return Err(symtable::recursion_error());
        }
        Ok(())
    }

    pub fn leave_depth(&mut self) {
        self.depth -= 1;
    }

    // ---- blocks and instructions ----

    pub fn new_block(&mut self) -> BlockId {
        let u = self.u();
        u.blocks.push(Block::default());
        u.blocks.len() - 1
    }

    /// Makes `b` the current block, placed after the current one.
    pub fn use_block(&mut self, b: BlockId) {
        let u = self.u();
        u.order.push(b);
        u.cur = b;
    }

    pub fn next_block(&mut self) {
        let b = self.new_block();
        self.use_block(b);
    }

    fn push_instr(&mut self, op: Op, arg: u32, target: BlockId) {
        let loc = self.loc;
        let u = self.u();
        let cur = u.cur;
        u.blocks[cur].instrs.push(Instr { op, arg, target, loc, except: None });
        let ends = match op {
            Op::Real(o) => o.is_jump() || o.is_terminator(),
            _ => op.is_jump(),
        };
        if ends {
            self.next_block();
        }
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        self.push_instr(Op::Real(op), arg, NO_TARGET);
    }

    pub fn emit_noline(&mut self, op: Opcode, arg: u32) {
        let saved = self.loc;
        self.loc = Location::NONE;
        self.emit(op, arg);
        self.loc = saved;
    }

    pub fn emit_jump(&mut self, op: Op, target: BlockId) {
        self.push_instr(op, 0, target);
    }

    pub fn jump(&mut self, target: BlockId) {
        self.emit_jump(Op::Jump, target);
    }

    pub fn jump_noline(&mut self, target: BlockId) {
        let saved = self.loc;
        self.loc = Location::NONE;
        self.emit_jump(Op::Jump, target);
        self.loc = saved;
    }

    pub fn emit_pseudo(&mut self, op: Op) {
        self.push_instr(op, 0, NO_TARGET);
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.u();
        u.const_table.index(&mut u.consts, c)
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LoadConst, i);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.names_index.find(name, |i| u.names[i] == name) {
            return i as u32;
        }
        u.names_index.push(name, u.names.len());
        u.names.push(name.to_string());
        (u.names.len() - 1) as u32
    }

    pub fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        symtable::mangle(self.ur().private.as_deref(), name)
    }

    /// Emits an instruction naming `name` (mangled, as CPython's ADDOP_NAME).
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let m = self.mangle(name);
        let i = self.add_name(&m);
        self.emit(op, i);
    }

    pub fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.varnames.iter().position(|x| x == name) {
            return i as u32;
        }
        u.varnames.push(name.to_string());
        (u.varnames.len() - 1) as u32
    }

    pub fn cell_index(&self, name: &str) -> Option<u32> {
        let u = self.ur();
        if let Some(i) = u.cellvars.iter().position(|x| x == name) {
            return Some(i as u32);
        }
        u.freevars.iter().position(|x| x == name).map(|i| (i + u.cellvars.len()) as u32)
    }

    // ---- scopes ----

    pub fn enter_scope<T>(&mut self, name: &str, scope_type: ScopeType, node: &T, firstlineno: u32) -> CResult<()> {
        let Some(scope) = self.st.lookup(node) else {
            return Err(self.error("internal error: no symbol table for scope"));
        };
        let ste = &self.st.tables[scope];
        let mut cellvars = ste.names_by(Scope::Cell, 0);
        if ste.needs_class_closure {
            cellvars = vec!["__class__".to_string()];
        }
        let freevars = ste.names_by(Scope::Free, symtable::DEF_FREE_CLASS);
        let varnames = ste.varnames.clone();
        let private = if scope_type == ScopeType::Class {
            Some(name.to_string())
        } else {
            self.units.last().and_then(|u| u.private.clone())
        };
        let mut u = Unit {
            scope,
            scope_type,
            name: name.to_string(),
            qualname: name.to_string(),
            private,
            blocks: vec![Block::default()],
            order: vec![0],
            cur: 0,
            consts: Vec::new(),
            const_table: consts::ConstTable::default(),
            names: Vec::new(),
            names_index: crate::fxhash::NameIndex::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            fblocks: Vec::new(),
            in_async_comprehension: false,
        };
        u.qualname = self.qualname_for(name, scope_type);
        self.units.push(u);
        Ok(())
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, name: &str, scope_type: ScopeType) -> String {
        let Some(parent) = self.units.last() else { return name.to_string() };
        if parent.scope_type == ScopeType::Module {
            return name.to_string();
        }
        if matches!(scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class) {
            let m = symtable::mangle(parent.private.as_deref(), name);
            if self.st.tables[parent.scope].scope(&m) == Scope::GlobalExplicit {
                return name.to_string();
            }
        }
        let base = if matches!(parent.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.clone()
        };
        format!("{base}.{name}")
    }

    /// Finishes the current unit into a code object.
    pub fn exit_scope(&mut self) -> CResult<CodeObject> {
        let mut u = match self.units.pop() {
            Some(u) => u,
            None => return Err(self.error("internal error: scope stack empty")),
        };
        let ste = &self.st.tables[u.scope];
        let mut flags = 0u32;
        if ste.kind == BlockType::Function {
            flags |= CodeFlags::NEWLOCALS | CodeFlags::OPTIMIZED;
            if ste.nested {
                flags |= CodeFlags::NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= CodeFlags::GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                flags |= CodeFlags::COROUTINE;
            }
            if ste.generator && ste.coroutine {
                flags |= CodeFlags::ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= CodeFlags::VARARGS;
            }
            if ste.varkeywords {
                flags |= CodeFlags::VARKEYWORDS;
            }
        }
        flags |= self.future_flags;
        let cell2arg: Vec<(u32, u32)> = u
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, name)| {
                let nargs = (u.argcount
                    + u.kwonlyargcount
                    + ste.varargs as u32
                    + ste.varkeywords as u32) as usize;
                u.varnames[..nargs.min(u.varnames.len())]
                    .iter()
                    .position(|v| v == name)
                    .map(|ai| (ci as u32, ai as u32))
            })
            .collect();
        let assembled = crate::flowgraph::finish(u.blocks, u.order, &mut u.consts, u.firstlineno)?;
        let code = crate::assemble::assemble(assembled)?;
        Ok(CodeObject {
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            stacksize: code.stacksize,
            flags: CodeFlags(flags),
            code: code.code,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell2arg,
            filename: self.filename.clone(),
            name: u.name,
            qualname: u.qualname,
            firstlineno: u.firstlineno,
            locations: code.locations,
            exception_table: code.exception_table,
        })
    }

    /// Emits the closure tuple (if any) and MAKE_FUNCTION for `code`.
    /// CPython: `compiler_make_closure`.
    pub fn make_closure(&mut self, code: CodeObject, mut flags: u32) -> CResult<()> {
        if !code.freevars.is_empty() {
            for name in code.freevars.clone() {
                // A free variable of the child is a cell or free variable here;
                // in a class it may be the implicit `__class__` cell.
                let idx = match self.cell_index(&name) {
                    Some(i) => i,
                    None => return Err(self.error(format!("internal error: no cell for '{name}'"))),
                };
                self.emit(Opcode::LoadClosure, idx);
            }
            self.emit(Opcode::BuildTuple, code.freevars.len() as u32);
            flags |= 0x08;
        }
        self.load_const(Constant::Code(Rc::new(code)));
        self.emit(Opcode::MakeFunction, flags);
        Ok(())
    }

    // ---- names ----

    /// Emits a load/store/delete of a variable. CPython: `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: NameCtx) {
        let m = self.mangle(name);
        let scope = self.ste().scope(&m);
        let kind = self.ste().kind;
        enum K {
            Fast,
            Deref,
            Global,
            Name,
        }
        let k = match scope {
            Scope::Free | Scope::Cell => K::Deref,
            Scope::Local if kind == BlockType::Function => K::Fast,
            Scope::GlobalImplicit if kind == BlockType::Function => K::Global,
            Scope::GlobalExplicit => K::Global,
            _ => K::Name,
        };
        match k {
            K::Deref => {
                let idx = self.cell_index(&m).unwrap_or(0);
                let op = match ctx {
                    NameCtx::Load if kind == BlockType::Class => Opcode::LoadClassderef,
                    NameCtx::Load => Opcode::LoadDeref,
                    NameCtx::Store => Opcode::StoreDeref,
                    NameCtx::Del => Opcode::DeleteDeref,
                };
                self.emit(op, idx);
            }
            K::Fast => {
                let idx = self.varname_index(&m);
                let op = match ctx {
                    NameCtx::Load => Opcode::LoadFast,
                    NameCtx::Store => Opcode::StoreFast,
                    NameCtx::Del => Opcode::DeleteFast,
                };
                self.emit(op, idx);
            }
            K::Global => {
                let idx = self.add_name(&m);
                match ctx {
                    NameCtx::Load => self.emit(Opcode::LoadGlobal, idx << 1),
                    NameCtx::Store => self.emit(Opcode::StoreGlobal, idx),
                    NameCtx::Del => self.emit(Opcode::DeleteGlobal, idx),
                }
            }
            K::Name => {
                let idx = self.add_name(&m);
                let op = match ctx {
                    NameCtx::Load => Opcode::LoadName,
                    NameCtx::Store => Opcode::StoreName,
                    NameCtx::Del => Opcode::DeleteName,
                };
                self.emit(op, idx);
            }
        }
    }

    /// True if loading `name` here is a LOAD_GLOBAL (so a call can fold PUSH_NULL into it).
    pub fn is_global_load(&self, name: &str) -> bool {
        let m = self.mangle(name);
        let scope = self.ste().scope(&m);
        let kind = self.ste().kind;
        matches!(scope, Scope::GlobalExplicit) || (scope == Scope::GlobalImplicit && kind == BlockType::Function)
    }

    // ---- frame blocks ----

    pub fn push_fblock(&mut self, f: FBlock<'a>) -> CResult<()> {
        if self.ur().fblocks.len() >= 20 {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u().fblocks.push(f);
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum NameCtx {
    Load,
    Store,
    Del,
}

/// Compiles a parsed module into its code object.
pub fn compile_module(
    src: &str,
    module: &Mod,
    filename: &str,
    mode: Mode,
    opts: CompileOptions,
) -> Result<(CodeObject, Vec<CompileWarning>), CompileError> {
    compile_module_with_lines(src, LineIndex::new(src), module, filename, mode, opts)
}

/// `compile_module` with the source's line index already built.
pub(crate) fn compile_module_with_lines(
    src: &str,
    lines: LineIndex,
    module: &Mod,
    filename: &str,
    mode: Mode,
    opts: CompileOptions,
) -> Result<(CodeObject, Vec<CompileWarning>), CompileError> {
    let mut future_flags = opts.future_flags;
    if let Mod::Module(m) = module {
        future_flags |= stmt::future_features(&m.body);
    }
    let future_annotations = future_flags & CodeFlags::FUTURE_ANNOTATIONS != 0;
    let st = symtable::build(module, future_annotations)?;
    let mut c = Compiler {
        src,
        lines,
        filename: filename.to_string(),
        optimize: opts.optimize,
        future_flags: future_flags & (CodeFlags::FUTURE_ANNOTATIONS | CodeFlags::FUTURE_BARRY_AS_BDFL),
        st,
        units: Vec::new(),
        loc: Location::NONE,
        warnings: Vec::new(),
        depth: 0,
        interactive: mode == Mode::Single,
    };
    c.warnings = escapes::invalid_escape_warnings(src, &c.lines, module);
    c.enter_module_scope(module)?;
    match module {
        Mod::Module(m) => {
            if mode == Mode::Single {
                c.interactive_body(&m.body)?;
            } else {
                c.module_body(&m.body)?;
                c.unset_loc();
                c.load_const(Constant::None);
                c.emit(Opcode::ReturnValue, 0);
            }
        }
        Mod::Expression(e) => {
            c.visit_expr(&e.body)?;
            c.emit(Opcode::ReturnValue, 0);
        }
    }
    let code = c.exit_scope()?;
    Ok((code, c.warnings))
}

impl<'a> Compiler<'a> {
    fn enter_module_scope(&mut self, module: &Mod) -> CResult<()> {
        let _ = module;
        let ste = &self.st.tables[0];
        let u = Unit {
            scope: 0,
            scope_type: ScopeType::Module,
            name: "<module>".into(),
            qualname: "<module>".into(),
            private: None,
            blocks: vec![Block::default()],
            order: vec![0],
            cur: 0,
            consts: Vec::new(),
            const_table: consts::ConstTable::default(),
            names: Vec::new(),
            names_index: crate::fxhash::NameIndex::default(),
            varnames: ste.varnames.clone(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: 1,
            fblocks: Vec::new(),
            in_async_comprehension: false,
        };
        self.units.push(u);
        Ok(())
    }

    pub fn range_of_expr(e: &Expr) -> TextRange {
        e.range()
    }
}
