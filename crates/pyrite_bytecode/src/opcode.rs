//! The instruction set: the only place opcodes are listed.
//!
//! pyrite's instruction set is CPython 3.11's (`Lib/opcode.py`, `Python/ceval.c`)
//! with these deliberate differences:
//! - an instruction is one `u32`: opcode in the low 8 bits, operand in the high 24
//!   (`EXTENDED_ARG` supplies the bits above 24 for the next instruction);
//! - jump operands are absolute instruction indices (no relative jumps);
//! - no `PRECALL`, `RESUME`, `CACHE`, `MAKE_CELL`, `COPY_FREE_VARS`, `RETURN_GENERATOR`:
//!   a generator function's call creates the generator (flag `GENERATOR`), and
//!   cells are made by the VM when a frame starts (cell indices as in CPython 3.10:
//!   `co_cellvars` then `co_freevars`);
//! - inline caches live beside the code in the VM, not in the bytecode.
//!
//! Stack notation: `(inputs -- outputs)`, top of stack rightmost.
//! Numbers are explicit: reordering entries never changes the file format. Any
//! change here must bump `pyrite_marshal::MAGIC_NUMBER`.

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $num:literal $name:ident $cname:literal $kind:ident ; )*) => {
        /// One opcode. `Opcode as u8` is its number in the file format.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            /// The opcode with this number, if any.
            #[inline]
            pub fn from_u8(b: u8) -> Option<Opcode> {
                match b {
                    $( $num => Some(Opcode::$name), )*
                    _ => None,
                }
            }

            /// CPython's spelling, e.g. `LOAD_FAST`.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => $cname, )* }
            }

            /// What the operand means (see `ArgKind`).
            pub fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// The documentation line(s) of this opcode, from the table.
            pub fn doc(self) -> &'static str {
                match self { $( Opcode::$name => concat!($($doc, "\n",)*), )* }
            }
        }
    };
}

/// What an instruction's operand means; drives the disassembler and verifier.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The operand is ignored (always 0).
    None,
    /// A plain number (a count, a flag set, an operator code).
    Num,
    /// An index into `co_consts`.
    Const,
    /// An index into `co_names`.
    Name,
    /// `LOAD_GLOBAL`: `(index into co_names) << 1 | push_null`.
    GlobalName,
    /// An index into `co_varnames`.
    Local,
    /// An index into cells then free variables (`co_cellvars + co_freevars`).
    Cell,
    /// An absolute instruction index to jump to.
    Jump,
    /// `BINARY_OP`: one of `BinaryOp`.
    BinOp,
    /// `COMPARE_OP`: one of `CompareOp`.
    CmpOp,
}

opcodes! {
    /// Does nothing. Stack: ( -- )
    0 Nop "NOP" None;
    /// Discards the top of stack. Stack: (v -- )
    1 PopTop "POP_TOP" None;
    /// Pushes the NULL sentinel used by CALL. Stack: ( -- NULL)
    2 PushNull "PUSH_NULL" None;
    /// Pushes a copy of the i-th item (1 = top). Stack: (x, ..., y -- x, ..., y, x) Oparg: i >= 1
    3 Copy "COPY" Num;
    /// Swaps top with the i-th item. Stack: (x, ..., y -- y, ..., x) Oparg: i >= 2
    4 Swap "SWAP" Num;
    /// `+v`. Stack: (v -- r)
    5 UnaryPositive "UNARY_POSITIVE" None;
    /// `-v`. Stack: (v -- r)
    6 UnaryNegative "UNARY_NEGATIVE" None;
    /// `not v`. Stack: (v -- bool)
    7 UnaryNot "UNARY_NOT" None;
    /// `~v`. Stack: (v -- r)
    8 UnaryInvert "UNARY_INVERT" None;
    /// Binary or in-place operator. Stack: (lhs, rhs -- r) Oparg: a `BinaryOp`
    9 BinaryOp "BINARY_OP" BinOp;
    /// Rich comparison. Stack: (lhs, rhs -- r) Oparg: a `CompareOp`
    10 CompareOp "COMPARE_OP" CmpOp;
    /// `is` / `is not`. Stack: (lhs, rhs -- bool) Oparg: 1 = `is not`
    11 IsOp "IS_OP" Num;
    /// `in` / `not in`. Stack: (item, container -- bool) Oparg: 1 = `not in`
    12 ContainsOp "CONTAINS_OP" Num;
    /// `c[k]`. Stack: (c, k -- v)
    13 BinarySubscr "BINARY_SUBSCR" None;
    /// `c[k] = v`. Stack: (v, c, k -- )
    14 StoreSubscr "STORE_SUBSCR" None;
    /// `del c[k]`. Stack: (c, k -- )
    15 DeleteSubscr "DELETE_SUBSCR" None;
    /// Builds `slice(a, b)` or `slice(a, b, c)`. Stack: (a, b[, c] -- slice) Oparg: 2 or 3
    16 BuildSlice "BUILD_SLICE" Num;
    /// `iter(v)`. Stack: (v -- it)
    17 GetIter "GET_ITER" None;
    /// `yield from` operand: iter(v) unless v is a generator or (in a coroutine) a coroutine. Stack: (v -- it)
    18 GetYieldFromIter "GET_YIELD_FROM_ITER" None;
    /// Next item or jump when exhausted (popping it). Stack: (it -- it, v) or (it -- ) Oparg: target
    19 ForIter "FOR_ITER" Jump;
    /// Returns top of stack from the frame. Stack: (v -- )
    20 ReturnValue "RETURN_VALUE" None;
    /// Yields v; the value sent in is pushed on resume. Stack: (v -- sent)
    21 YieldValue "YIELD_VALUE" None;
    /// Sends v into the sub-iterator; on StopIteration pops both, pushes its value and jumps. Stack: (sub, v -- sub, yielded) or (sub, v -- result) Oparg: target
    22 Send "SEND" Jump;
    /// Wraps a value yielded by an async generator. Stack: (v -- w)
    23 AsyncGenWrap "ASYNC_GEN_WRAP" None;
    /// Awaitable of v (`__await__`). Stack: (v -- it) Oparg: 0 plain, 1 after `__aenter__`, 2 after `__aexit__`
    24 GetAwaitable "GET_AWAITABLE" Num;
    /// `aiter(v)`. Stack: (v -- ait)
    25 GetAiter "GET_AITER" None;
    /// Awaitable of `anext(ait)`. Stack: (ait -- ait, awaitable)
    26 GetAnext "GET_ANEXT" None;
    /// Ends `async for` on StopAsyncIteration, else re-raises. Stack: (ait, exc -- )
    27 EndAsyncFor "END_ASYNC_FOR" None;
    /// Looks up `__aenter__`/`__aexit__`, calls `__aenter__`. Stack: (mgr -- exit, awaitable)
    28 BeforeAsyncWith "BEFORE_ASYNC_WITH" None;
    /// Looks up `__enter__`/`__exit__`, calls `__enter__`. Stack: (mgr -- exit, enter_result)
    29 BeforeWith "BEFORE_WITH" None;
    /// Calls `exit(type, val, tb)` for the exception on top. Stack: (exit, lasti, prev_exc, exc -- exit, lasti, prev_exc, exc, res)
    30 WithExceptStart "WITH_EXCEPT_START" None;
    /// Saves the handled exception and makes exc current. Stack: (exc -- prev_exc, exc)
    31 PushExcInfo "PUSH_EXC_INFO" None;
    /// Restores the previously handled exception. Stack: (prev_exc -- )
    32 PopExcept "POP_EXCEPT" None;
    /// `except T:` test. Stack: (exc, T -- exc, bool)
    33 CheckExcMatch "CHECK_EXC_MATCH" None;
    /// `except* T:` split. Stack: (eg, T -- rest, match) ; match is None when nothing matched
    34 CheckEgMatch "CHECK_EG_MATCH" None;
    /// Combines raised/reraised groups at the end of `try/except*`. Stack: (orig, list -- exc_or_None)
    35 PrepReraiseStar "PREP_RERAISE_STAR" None;
    /// Re-raises exc; if oparg, first sets the frame's lasti from the item below. Stack: (..., exc -- ) Oparg: 0 or 1
    36 Reraise "RERAISE" Num;
    /// `raise`, `raise e`, `raise e from c`. Stack: ([e[, c]] -- ) Oparg: 0, 1 or 2
    37 RaiseVarargs "RAISE_VARARGS" Num;
    /// Pushes AssertionError. Stack: ( -- AssertionError)
    38 LoadAssertionError "LOAD_ASSERTION_ERROR" None;
    /// Pushes `builtins.__build_class__`. Stack: ( -- f)
    39 LoadBuildClass "LOAD_BUILD_CLASS" None;
    /// Pushes co_consts[i]. Stack: ( -- v) Oparg: const index
    40 LoadConst "LOAD_CONST" Const;
    /// Name lookup: locals, globals, builtins. Stack: ( -- v) Oparg: name index
    41 LoadName "LOAD_NAME" Name;
    /// Stores into the locals mapping. Stack: (v -- ) Oparg: name index
    42 StoreName "STORE_NAME" Name;
    /// Deletes from the locals mapping. Stack: ( -- ) Oparg: name index
    43 DeleteName "DELETE_NAME" Name;
    /// Global lookup (globals, builtins); pushes NULL first if oparg & 1. Stack: ( -- [NULL,] v) Oparg: namei << 1 | push_null
    44 LoadGlobal "LOAD_GLOBAL" GlobalName;
    /// Stores a global. Stack: (v -- ) Oparg: name index
    45 StoreGlobal "STORE_GLOBAL" Name;
    /// Deletes a global. Stack: ( -- ) Oparg: name index
    46 DeleteGlobal "DELETE_GLOBAL" Name;
    /// Pushes a local (UnboundLocalError if unset). Stack: ( -- v) Oparg: local index
    47 LoadFast "LOAD_FAST" Local;
    /// Stores a local. Stack: (v -- ) Oparg: local index
    48 StoreFast "STORE_FAST" Local;
    /// Deletes a local (UnboundLocalError if unset). Stack: ( -- ) Oparg: local index
    49 DeleteFast "DELETE_FAST" Local;
    /// Pushes the contents of a cell. Stack: ( -- v) Oparg: cell index
    50 LoadDeref "LOAD_DEREF" Cell;
    /// Stores into a cell. Stack: (v -- ) Oparg: cell index
    51 StoreDeref "STORE_DEREF" Cell;
    /// Empties a cell. Stack: ( -- ) Oparg: cell index
    52 DeleteDeref "DELETE_DEREF" Cell;
    /// In a class body: the locals mapping first, then the cell. Stack: ( -- v) Oparg: cell index
    53 LoadClassderef "LOAD_CLASSDEREF" Cell;
    /// Pushes the cell object itself (for closures). Stack: ( -- cell) Oparg: cell index
    54 LoadClosure "LOAD_CLOSURE" Cell;
    /// `o.name`. Stack: (o -- v) Oparg: name index
    55 LoadAttr "LOAD_ATTR" Name;
    /// `o.name = v`. Stack: (v, o -- ) Oparg: name index
    56 StoreAttr "STORE_ATTR" Name;
    /// `del o.name`. Stack: (o -- ) Oparg: name index
    57 DeleteAttr "DELETE_ATTR" Name;
    /// Method lookup for CALL: (meth, o) if an unbound method was found, else (NULL, o.name). Stack: (o -- meth_or_NULL, o_or_attr) Oparg: name index
    58 LoadMethod "LOAD_METHOD" Name;
    /// Names the keyword arguments of the next CALL. Stack: ( -- ) Oparg: const index of a tuple of str
    59 KwNames "KW_NAMES" Const;
    /// Call: if A is NULL calls B(args), else A(B, args); the last len(kwnames) args are keywords. Stack: (A, B, arg1..argn -- r) Oparg: n
    60 Call "CALL" Num;
    /// `f(*args, **kwargs)`. Stack: (NULL, f, args_tuple[, kwargs_dict] -- r) Oparg: 1 if kwargs present
    61 CallFunctionEx "CALL_FUNCTION_EX" Num;
    /// Makes a function from a code object. Stack: ([defaults,] [kwdefaults,] [annotations,] [closure,] code -- f) Oparg: 0x01 defaults tuple, 0x02 kwdefaults dict, 0x04 annotations tuple, 0x08 closure tuple
    62 MakeFunction "MAKE_FUNCTION" Num;
    /// Stack: (v1..vn -- tuple) Oparg: n
    63 BuildTuple "BUILD_TUPLE" Num;
    /// Stack: (v1..vn -- list) Oparg: n
    64 BuildList "BUILD_LIST" Num;
    /// Stack: (v1..vn -- set) Oparg: n
    65 BuildSet "BUILD_SET" Num;
    /// Stack: (k1, v1, ..., kn, vn -- dict) Oparg: n
    66 BuildMap "BUILD_MAP" Num;
    /// Stack: (v1..vn, keys_tuple -- dict) Oparg: n
    67 BuildConstKeyMap "BUILD_CONST_KEY_MAP" Num;
    /// Concatenates n strings. Stack: (s1..sn -- s) Oparg: n
    68 BuildString "BUILD_STRING" Num;
    /// Appends v to the list i items below (after popping v). Stack: (list, ..., v -- list, ...) Oparg: i
    69 ListAppend "LIST_APPEND" Num;
    /// Adds v to the set i items below. Stack: (set, ..., v -- set, ...) Oparg: i
    70 SetAdd "SET_ADD" Num;
    /// Sets d[k] = v for the dict i items below. Stack: (d, ..., k, v -- d, ...) Oparg: i
    71 MapAdd "MAP_ADD" Num;
    /// Extends the list i items below with iterable v. Stack: (list, ..., v -- list, ...) Oparg: i
    72 ListExtend "LIST_EXTEND" Num;
    /// Updates the set i items below with iterable v. Stack: (set, ..., v -- set, ...) Oparg: i
    73 SetUpdate "SET_UPDATE" Num;
    /// `{**v}`: updates the dict i items below. Stack: (d, ..., v -- d, ...) Oparg: i
    74 DictUpdate "DICT_UPDATE" Num;
    /// `f(**v)`: like DICT_UPDATE but duplicate keys raise TypeError. Stack: (f, ..., d, ..., v -- f, ..., d, ...) Oparg: i
    75 DictMerge "DICT_MERGE" Num;
    /// Stack: (list -- tuple)
    76 ListToTuple "LIST_TO_TUPLE" None;
    /// Unpacks exactly n items, first item on top. Stack: (seq -- vn..v1) Oparg: n
    77 UnpackSequence "UNPACK_SEQUENCE" Num;
    /// Star unpacking. Stack: (seq -- ...) Oparg: before | after << 8
    78 UnpackEx "UNPACK_EX" Num;
    /// f-string conversion and format. Stack: (v[, spec] -- s) Oparg: conversion (0 none, 1 str, 2 repr, 3 ascii) | 0x04 if spec present
    79 FormatValue "FORMAT_VALUE" Num;
    /// `__import__(name, globals, locals, fromlist, level)`. Stack: (level, fromlist -- module) Oparg: name index
    80 ImportName "IMPORT_NAME" Name;
    /// Attribute of a module, falling back to a submodule import. Stack: (m -- m, v) Oparg: name index
    81 ImportFrom "IMPORT_FROM" Name;
    /// `from m import *` into the locals. Stack: (m -- )
    82 ImportStar "IMPORT_STAR" None;
    /// Creates `__annotations__` in the locals if missing. Stack: ( -- )
    83 SetupAnnotations "SETUP_ANNOTATIONS" None;
    /// Interactive mode: `sys.displayhook(v)`. Stack: (v -- )
    84 PrintExpr "PRINT_EXPR" None;
    /// Unconditional forward jump. Stack: ( -- ) Oparg: target
    85 JumpForward "JUMP_FORWARD" Jump;
    /// Unconditional backward jump (a loop edge: checks for signals). Stack: ( -- ) Oparg: target
    86 JumpBackward "JUMP_BACKWARD" Jump;
    /// Stack: (v -- ) Oparg: target
    87 PopJumpIfFalse "POP_JUMP_IF_FALSE" Jump;
    /// Stack: (v -- ) Oparg: target
    88 PopJumpIfTrue "POP_JUMP_IF_TRUE" Jump;
    /// Stack: (v -- ) Oparg: target
    89 PopJumpIfNone "POP_JUMP_IF_NONE" Jump;
    /// Stack: (v -- ) Oparg: target
    90 PopJumpIfNotNone "POP_JUMP_IF_NOT_NONE" Jump;
    /// Jumps keeping v if false, else pops it. Stack: (v -- v) or (v -- ) Oparg: target
    91 JumpIfFalseOrPop "JUMP_IF_FALSE_OR_POP" Jump;
    /// Jumps keeping v if true, else pops it. Stack: (v -- v) or (v -- ) Oparg: target
    92 JumpIfTrueOrPop "JUMP_IF_TRUE_OR_POP" Jump;
    /// Class pattern: tuple of attributes or None. Stack: (subject, cls, names -- attrs_or_None) Oparg: positional count
    93 MatchClass "MATCH_CLASS" Num;
    /// Stack: (subject -- subject, bool)
    94 MatchMapping "MATCH_MAPPING" None;
    /// Stack: (subject -- subject, bool)
    95 MatchSequence "MATCH_SEQUENCE" None;
    /// Values for keys, or None. Stack: (subject, keys -- subject, keys, values_or_None)
    96 MatchKeys "MATCH_KEYS" None;
    /// Stack: (v -- v, len)
    97 GetLen "GET_LEN" None;
    /// Supplies the operand bits above 24 for the next instruction. Stack: ( -- ) Oparg: high bits
    98 ExtendedArg "EXTENDED_ARG" Num;
    /// Unconditional backward jump that does not check for signals (inside `yield from`/`await`). Stack: ( -- ) Oparg: target
    99 JumpBackwardNoInterrupt "JUMP_BACKWARD_NO_INTERRUPT" Jump;
}

impl Opcode {
    /// True for instructions whose operand is a jump target.
    #[inline]
    pub fn is_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }

    /// True for jumps that always transfer control (no fall-through).
    pub fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Opcode::JumpForward | Opcode::JumpBackward | Opcode::JumpBackwardNoInterrupt
        )
    }

    /// True when control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        self.is_unconditional_jump()
            || matches!(self, Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise)
    }

    /// Net stack effect of the instruction. For jumps, `jump` selects the effect
    /// when the jump is taken; for others it is ignored. `None` for an invalid
    /// operand. CPython: `stack_effect()` in `Python/compile.c`.
    pub fn stack_effect(self, arg: u32, jump: bool) -> Option<i32> {
        use Opcode::*;
        let a = arg as i32;
        Some(match self {
            Nop | ExtendedArg => 0,
            PopTop => -1,
            PushNull => 1,
            Copy => 1,
            Swap => 0,
            UnaryPositive | UnaryNegative | UnaryNot | UnaryInvert => 0,
            BinaryOp | CompareOp | IsOp | ContainsOp | BinarySubscr => -1,
            StoreSubscr => -3,
            DeleteSubscr => -2,
            BuildSlice => {
                if arg == 3 {
                    -2
                } else {
                    -1
                }
            }
            GetIter | GetYieldFromIter => 0,
            ForIter => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            ReturnValue => -1,
            YieldValue => 0,
            Send => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            AsyncGenWrap | GetAwaitable | GetAiter => 0,
            GetAnext => 1,
            EndAsyncFor => -2,
            BeforeAsyncWith | BeforeWith => 1,
            WithExceptStart => 1,
            PushExcInfo => 1,
            PopExcept => -1,
            CheckExcMatch => 0,
            CheckEgMatch => 0,
            PrepReraiseStar => -1,
            Reraise => -1,
            RaiseVarargs => -a,
            LoadAssertionError | LoadBuildClass | LoadConst | LoadName => 1,
            StoreName => -1,
            DeleteName => 0,
            LoadGlobal => 1 + (a & 1),
            StoreGlobal => -1,
            DeleteGlobal => 0,
            LoadFast => 1,
            StoreFast => -1,
            DeleteFast => 0,
            LoadDeref | LoadClassderef | LoadClosure => 1,
            StoreDeref => -1,
            DeleteDeref => 0,
            LoadAttr => 0,
            StoreAttr => -2,
            DeleteAttr => -1,
            LoadMethod => 1,
            KwNames => 0,
            Call => -a - 1,
            CallFunctionEx => -2 - (a & 1),
            MakeFunction => {
                -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1))
            }
            BuildTuple | BuildList | BuildSet | BuildString => 1 - a,
            BuildMap => 1 - 2 * a,
            BuildConstKeyMap => -a,
            ListAppend | SetAdd | ListExtend | SetUpdate | DictUpdate | DictMerge => -1,
            MapAdd => -2,
            ListToTuple => 0,
            UnpackSequence => a - 1,
            UnpackEx => (a & 0xff) + (a >> 8),
            FormatValue => {
                if a & 0x04 != 0 {
                    -1
                } else {
                    0
                }
            }
            ImportName => -1,
            ImportFrom => 1,
            ImportStar => -1,
            SetupAnnotations => 0,
            PrintExpr => -1,
            JumpForward | JumpBackward | JumpBackwardNoInterrupt => 0,
            PopJumpIfFalse | PopJumpIfTrue | PopJumpIfNone | PopJumpIfNotNone => -1,
            JumpIfFalseOrPop | JumpIfTrueOrPop => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            MatchClass => -2,
            MatchMapping | MatchSequence | GetLen => 1,
            MatchKeys => 1,
        })
    }
}

/// Operand of `BINARY_OP`; numbering is CPython 3.11's `NB_*` (`Include/opcode.h`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinaryOp {
    const ALL: [BinaryOp; 26] = {
        use BinaryOp::*;
        [
            Add, And, FloorDivide, Lshift, MatrixMultiply, Multiply, Remainder, Or, Power,
            Rshift, Subtract, TrueDivide, Xor, InplaceAdd, InplaceAnd, InplaceFloorDivide,
            InplaceLshift, InplaceMatrixMultiply, InplaceMultiply, InplaceRemainder, InplaceOr,
            InplacePower, InplaceRshift, InplaceSubtract, InplaceTrueDivide, InplaceXor,
        ]
    };

    /// The operator with this number, if any.
    pub fn from_u32(n: u32) -> Option<BinaryOp> {
        Self::ALL.get(n as usize).copied()
    }

    /// True for the augmented-assignment forms (`+=` ...).
    pub fn is_inplace(self) -> bool {
        self as u8 >= BinaryOp::InplaceAdd as u8
    }

    /// The plain operator of an in-place one (`+=` -> `+`); itself otherwise.
    pub fn base(self) -> BinaryOp {
        if self.is_inplace() {
            Self::ALL[self as usize - 13]
        } else {
            self
        }
    }

    /// The operator as written in Python source (`+`, `+=`, `//` ...).
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            Lshift => "<<",
            MatrixMultiply => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            Rshift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
            InplaceAdd => "+=",
            InplaceAnd => "&=",
            InplaceFloorDivide => "//=",
            InplaceLshift => "<<=",
            InplaceMatrixMultiply => "@=",
            InplaceMultiply => "*=",
            InplaceRemainder => "%=",
            InplaceOr => "|=",
            InplacePower => "**=",
            InplaceRshift => ">>=",
            InplaceSubtract => "-=",
            InplaceTrueDivide => "/=",
            InplaceXor => "^=",
        }
    }
}

/// Operand of `COMPARE_OP`; numbering is CPython's `Py_LT`..`Py_GE`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    /// The comparison with this number, if any.
    pub fn from_u32(n: u32) -> Option<CompareOp> {
        use CompareOp::*;
        [Lt, Le, Eq, Ne, Gt, Ge].get(n as usize).copied()
    }

    /// The operator as written in Python source.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// The comparison with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        use CompareOp::*;
        match self {
            Lt => Gt,
            Le => Ge,
            Eq => Eq,
            Ne => Ne,
            Gt => Lt,
            Ge => Le,
        }
    }
}

/// One encoded instruction: opcode in the low 8 bits, operand in the high 24.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Instr(pub u32);

impl Instr {
    /// Largest operand that fits without `EXTENDED_ARG`.
    pub const MAX_ARG: u32 = (1 << 24) - 1;

    /// Encodes `op` with an operand of at most 24 bits.
    #[inline]
    pub fn new(op: Opcode, arg: u32) -> Instr {
        debug_assert!(arg <= Self::MAX_ARG);
        Instr(op as u32 | (arg << 8))
    }

    /// The raw opcode byte (may not name a valid opcode in an unverified file).
    #[inline]
    pub fn op_byte(self) -> u8 {
        self.0 as u8
    }

    /// The decoded opcode, if valid.
    #[inline]
    pub fn opcode(self) -> Option<Opcode> {
        Opcode::from_u8(self.0 as u8)
    }

    /// The 24-bit operand.
    #[inline]
    pub fn arg(self) -> u32 {
        self.0 >> 8
    }
}
