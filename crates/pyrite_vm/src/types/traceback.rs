//! Printing uncaught exceptions as CPython 3.11's `PyErr_Display` does:
//! tracebacks with PEP 657 caret lines, repeated-line collapsing, chained
//! exceptions, exception groups in their box layout, notes and the SyntaxError
//! layout. CPython: Python/pythonrun.c (print_exception*), Python/traceback.c.

use crate::object::Payload;
use crate::types::exceptions::{get_traceback, TracebackData};
use crate::value::Value;
use crate::vm::Vm;
use std::collections::{HashMap, HashSet};

const TB_HEADER: &str = "Traceback (most recent call last):\n";
const GROUP_TB_HEADER: &str = "Exception Group Traceback (most recent call last):\n";
const CAUSE_MESSAGE: &str = "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str = "During handling of the above exception, another exception occurred:\n";
const RECURSIVE_CUTOFF: usize = 3;
const SOURCE_INDENT: usize = 4;

/// State of one `PyErr_Display` run.
struct Ctx {
    out: String,
    group_depth: usize,
    need_close: bool,
    seen: HashSet<i64>,
    max_group_width: usize,
    max_group_depth: usize,
    files: HashMap<String, Option<Vec<String>>>,
    limit: Option<i64>,
}

impl Ctx {
    fn indent(&self) -> usize {
        2 * self.group_depth
    }
    fn margin(&self) -> &'static str {
        if self.group_depth > 0 {
            "| "
        } else {
            ""
        }
    }
    fn write_indented_margin(&mut self) {
        let n = self.indent();
        let m = self.margin();
        push_spaces(&mut self.out, n);
        self.out.push_str(m);
    }
}

fn push_spaces(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(' ');
    }
}

/// Formats `exc` (with its chain) exactly as CPython prints an uncaught exception.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let limit = {
        let k = vm.intern("tracebacklimit");
        let sd = vm.sys_dict.clone();
        match crate::types::dict::dict_get_str(&sd, &k) {
            Some(Value::Int(i)) => Some(i),
            Some(Value::Bool(b)) => Some(b as i64),
            Some(Value::Obj(o)) => match &o.payload {
                Payload::Int(b) => Some(if b.sign() == num_bigint::Sign::Minus { 0 } else { i64::MAX }),
                _ => None,
            },
            _ => None,
        }
    };
    let mut ctx = Ctx {
        out: String::new(),
        group_depth: 0,
        need_close: false,
        seen: HashSet::new(),
        max_group_width: 15,
        max_group_depth: 10,
        files: HashMap::new(),
        limit,
    };
    print_exception_recursive(vm, &mut ctx, exc, 0);
    ctx.out
}

/// Prints `exc` to `sys.stderr` as CPython prints an uncaught exception.
pub fn print_exception(vm: &mut Vm, exc: &Value) {
    let s = format_exception(vm, exc);
    crate::modules::sys::flush_stdout(vm);
    crate::types::exceptions::write_stderr(vm, &s);
}

fn is_exception(vm: &mut Vm, v: &Value) -> bool {
    let be = vm.exc.base_exception.clone();
    vm.is_instance(v, &be)
}

fn is_group(vm: &mut Vm, v: &Value) -> bool {
    let beg = vm.exc.base_exception_group.clone();
    vm.is_instance(v, &beg)
}

fn print_exception_recursive(vm: &mut Vm, ctx: &mut Ctx, value: &Value, rec: usize) {
    if rec > 200 {
        return;
    }
    print_cause_and_context(vm, ctx, value, rec);
    if is_group(vm, value) {
        print_exception_group(vm, ctx, value, rec);
    } else {
        print_one(vm, ctx, value);
    }
}

fn print_chained(vm: &mut Vm, ctx: &mut Ctx, value: &Value, message: &str, rec: usize) {
    let need_close = ctx.need_close;
    print_exception_recursive(vm, ctx, value, rec + 1);
    ctx.need_close = need_close;
    ctx.write_indented_margin();
    ctx.out.push('\n');
    ctx.write_indented_margin();
    ctx.out.push_str(message);
    ctx.write_indented_margin();
    ctx.out.push('\n');
}

fn print_cause_and_context(vm: &mut Vm, ctx: &mut Ctx, value: &Value, rec: usize) {
    ctx.seen.insert(value.id());
    let Some(o) = value.as_obj() else { return };
    let Payload::Exception(d) = &o.payload else { return };
    let (cause, context, suppress) = {
        let d = d.borrow();
        (d.cause.clone(), d.context.clone(), d.suppress_context)
    };
    if !cause.is_none() {
        if !ctx.seen.contains(&cause.id()) {
            print_chained(vm, ctx, &cause, CAUSE_MESSAGE, rec);
        }
        return;
    }
    if suppress {
        return;
    }
    if !context.is_none() && !ctx.seen.contains(&context.id()) {
        print_chained(vm, ctx, &context, CONTEXT_MESSAGE, rec);
    }
}

fn print_exception_group(vm: &mut Vm, ctx: &mut Ctx, value: &Value, rec: usize) {
    if ctx.group_depth > ctx.max_group_depth {
        ctx.write_indented_margin();
        let s = format!("... (max_group_depth is {})\n", ctx.max_group_depth);
        ctx.out.push_str(&s);
        return;
    }
    if ctx.group_depth == 0 {
        ctx.group_depth += 1;
    }
    print_one(vm, ctx, value);
    let excs = crate::types::excgroup::group_exceptions(vm, value);
    let num = excs.len();
    let n = if num <= ctx.max_group_width { num } else { ctx.max_group_width + 1 };
    ctx.need_close = false;
    for (i, exc) in excs.iter().take(n).enumerate() {
        let last = i == n - 1;
        if last {
            ctx.need_close = true;
        }
        let ind = ctx.indent();
        push_spaces(&mut ctx.out, ind);
        let truncated = i >= ctx.max_group_width;
        let lead = if i == 0 { "+-" } else { "  " };
        if truncated {
            ctx.out.push_str(&format!("{}+---------------- ... ----------------\n", lead));
        } else {
            ctx.out.push_str(&format!("{}+---------------- {} ----------------\n", lead, i + 1));
        }
        ctx.group_depth += 1;
        if !truncated {
            print_exception_recursive(vm, ctx, exc, rec + 1);
        } else {
            let remaining = num - ctx.max_group_width;
            ctx.write_indented_margin();
            ctx.out.push_str(&format!("and {} more exception{}\n", remaining, if remaining > 1 { "s" } else { "" }));
        }
        if last && ctx.need_close {
            let ind = ctx.indent();
            push_spaces(&mut ctx.out, ind);
            ctx.out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.group_depth -= 1;
    }
    if ctx.group_depth == 1 {
        ctx.group_depth -= 1;
    }
}

/// `Type: message\n` for `exc`, as the last line of a traceback.
pub fn format_exception_only(vm: &mut Vm, exc: &Value) -> String {
    let mut ctx = Ctx {
        out: String::new(),
        group_depth: 0,
        need_close: false,
        seen: HashSet::new(),
        max_group_width: 15,
        max_group_depth: 10,
        files: HashMap::new(),
        limit: Some(0),
    };
    let saved = get_traceback(exc);
    crate::types::exceptions::set_traceback(exc, Value::None);
    print_one(vm, &mut ctx, exc);
    crate::types::exceptions::set_traceback(exc, saved);
    // Only the message line (notes follow it).
    match ctx.out.find('\n') {
        Some(p) if !ctx.out.starts_with("  File") => ctx.out[..=p].to_string(),
        _ => ctx.out,
    }
}

fn print_one(vm: &mut Vm, ctx: &mut Ctx, value: &Value) {
    if !is_exception(vm, value) {
        // CPython: print_exception_invalid_type.
        let tn = vm.type_name(value);
        ctx.write_indented_margin();
        ctx.out.push_str(&format!("TypeError: print_exception(): Exception expected for value, {} found\n", tn));
        return;
    }
    // Traceback.
    let tb = get_traceback(value);
    if !tb.is_none() {
        let mut header = TB_HEADER;
        let mut header_margin = ctx.margin();
        if is_group(vm, value) {
            header = GROUP_TB_HEADER;
            if ctx.group_depth == 1 {
                header_margin = "+ ";
            }
        }
        print_tb(vm, ctx, &tb, header_margin, header);
    }
    let tp = vm.type_of(value);
    // SyntaxError layout.
    let mut msg_value = value.clone();
    if attr_opt(vm, value, "print_file_and_line").is_some() || has_attr_none(vm, value, "print_file_and_line") {
        if let Some(m) = print_file_and_line(vm, ctx, value) {
            msg_value = m;
        }
    }
    // Message.
    ctx.write_indented_margin();
    let module = match attr_opt(vm, &Value::Obj(tp.clone()), "__module__") {
        Some(m) => m.as_obj().and_then(|o| o.as_str()).map(|s| s.as_str_lossy().into_owned()),
        _ => None,
    };
    match module {
        None => ctx.out.push_str("<unknown>."),
        Some(m) if m == "builtins" || m == "__main__" => {}
        Some(m) => {
            ctx.out.push_str(&m);
            ctx.out.push('.');
        }
    }
    let qn = tp.as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    ctx.out.push_str(&qn);
    if !msg_value.is_none() {
        match vm.str_string(&msg_value) {
            Ok(s) => {
                if !s.is_empty() {
                    ctx.out.push_str(": ");
                }
                ctx.out.push_str(&s);
            }
            Err(_) => ctx.out.push_str(": <exception str() failed>"),
        }
    }
    // Suggestions (NameError / AttributeError / ImportError).
    if let Some(s) = crate::types::excclasses::offer_suggestions(vm, value) {
        ctx.out.push_str(&format!(". Did you mean: '{}'?", s));
    }
    ctx.out.push('\n');
    print_notes(vm, ctx, value);
}

fn print_notes(vm: &mut Vm, ctx: &mut Ctx, value: &Value) {
    let Some(notes) = attr_opt(vm, value, "__notes__") else { return };
    let nt = vm.type_of(&notes);
    let is_seq = matches!(notes.as_obj().map(|o| &o.payload), Some(Payload::List(_)) | Some(Payload::Tuple(_)))
        || !matches!(notes.as_obj().map(|o| &o.payload), Some(Payload::Dict(_)))
        && { let k = vm.intern("__getitem__"); crate::types::typeobj::lookup(&nt, &k).is_some() };
    if !is_seq {
        ctx.write_indented_margin();
        match vm.repr_string(&notes) {
            Ok(s) => ctx.out.push_str(&s),
            Err(_) => ctx.out.push_str("<__notes__ repr() failed>"),
        }
        // CPython 3.11 writes no newline after a non-sequence __notes__.
        return;
    }
    let items = match vm.collect(&notes) {
        Ok(v) => v,
        Err(_) => return,
    };
    for note in items {
        match vm.str_string(&note) {
            Ok(s) => {
                for line in split_lines_keepends(&s) {
                    ctx.write_indented_margin();
                    ctx.out.push_str(line);
                }
            }
            Err(_) => ctx.out.push_str("<note str() failed>"),
        }
        ctx.out.push('\n');
    }
}

/// `str.splitlines(keepends=True)` for the common line boundaries.
fn split_lines_keepends(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < chars.len() && chars[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(&s[start..end]);
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The SyntaxError part: `  File "x", line N`, the text and caret line,
/// as CPython's `print_exception_file_and_line`. Returns the message to print
/// instead of `str(value)`, or None (nothing printed) when the attributes do
/// not parse.
fn print_file_and_line(vm: &mut Vm, ctx: &mut Ctx, value: &Value) -> Option<Value> {
    let msg = attr_opt(vm, value, "msg")?;
    let filename = attr_opt(vm, value, "filename")?;
    let fname = if filename.is_none() { "<string>".to_string() } else { vm.str_string(&filename).ok()? };
    let as_int = |v: &Value| -> Option<i64> {
        match v {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        }
    };
    let lineno = as_int(&attr_opt(vm, value, "lineno")?)?;
    let offset = attr_opt(vm, value, "offset")?;
    let offset = if offset.is_none() { -1 } else { as_int(&offset)? };
    let exact = std::rc::Rc::ptr_eq(&vm.type_of(value), &vm.exc.syntax_error);
    let (end_lineno, mut end_offset) = if exact {
        let el = match attr_opt(vm, value, "end_lineno") {
            None | Some(Value::None) => lineno,
            Some(v) => as_int(&v)?,
        };
        let eo = match attr_opt(vm, value, "end_offset") {
            None | Some(Value::None) => -1,
            Some(v) => as_int(&v)?,
        };
        (el, eo)
    } else {
        (lineno, -1)
    };
    let text = attr_opt(vm, value, "text")?;
    ctx.write_indented_margin();
    ctx.out.push_str(&format!("  File \"{}\", line {}\n", fname, lineno));
    if !text.is_none() {
        let t = vm.str_string(&text).ok()?;
        let line_size = t.len() as i64;
        if end_lineno > lineno {
            end_offset = line_size;
        }
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        print_error_text(ctx, offset, end_offset, t.as_bytes());
    }
    Some(msg)
}

/// CPython's `print_error_text` (offsets are 1-based byte offsets).
fn print_error_text(ctx: &mut Ctx, offset: i64, end_offset: i64, text: &[u8]) {
    let mut offset = offset - 1;
    let mut end_offset = end_offset - 1;
    let mut t = text;
    while let Some(&c) = t.first() {
        if c == b' ' || c == b'\t' || c == 0x0c {
            t = &t[1..];
            offset -= 1;
            end_offset -= 1;
        } else {
            break;
        }
    }
    let mut len = t.len() as i64;
    if len > 0 && t[t.len() - 1] == b'\n' {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    while let Some(nl) = t.iter().position(|&c| c == b'\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        let adv = inl + 1;
        t = &t[adv as usize..];
        len -= adv;
        offset -= adv;
        end_offset -= adv;
    }
    ctx.out.push_str("    ");
    ctx.out.push_str(&String::from_utf8_lossy(t));
    if t.get(len.max(0) as usize) != Some(&b'\n') {
        ctx.out.push('\n');
    }
    if offset < 0 {
        return;
    }
    ctx.out.push_str("    ");
    push_spaces(&mut ctx.out, offset as usize);
    let n = if end_offset > offset { end_offset - offset } else { 1 };
    for _ in 0..n {
        ctx.out.push('^');
    }
    ctx.out.push('\n');
}

fn print_tb(vm: &mut Vm, ctx: &mut Ctx, tb: &Value, header_margin: &str, header: &str) {
    let limit = match ctx.limit {
        Some(l) if l <= 0 => return,
        Some(l) => l as usize,
        None => 1000,
    };
    let ind = ctx.indent();
    push_spaces(&mut ctx.out, ind);
    ctx.out.push_str(header_margin);
    ctx.out.push_str(header);
    // Collect entries.
    let mut entries: Vec<Value> = Vec::new();
    let mut cur = tb.clone();
    while let Some(Payload::Traceback(t)) = cur.as_obj().map(|o| &o.payload) {
        entries.push(cur.clone());
        let next = t.next.borrow().clone();
        cur = next;
        if entries.len() > 10_000_000 {
            break;
        }
    }
    let skip = entries.len().saturating_sub(limit);
    let mut last: Option<(String, u32, String)> = None;
    let mut cnt = 0usize;
    for e in entries.iter().skip(skip) {
        let Some(Payload::Traceback(t)) = e.as_obj().map(|o| &o.payload) else { continue };
        let lineno = tb_lineno(t);
        let key = (t.code.co.filename.clone(), lineno, t.code.co.name.clone());
        if last.as_ref() != Some(&key) {
            if cnt > RECURSIVE_CUTOFF {
                print_repeated(ctx, cnt);
            }
            last = Some(key);
            cnt = 0;
        }
        cnt += 1;
        if cnt <= RECURSIVE_CUTOFF {
            display_line(vm, ctx, t, lineno);
        }
    }
    if cnt > RECURSIVE_CUTOFF {
        print_repeated(ctx, cnt);
    }
}

/// The line number a traceback entry reports.
pub fn tb_lineno(t: &TracebackData) -> u32 {
    if t.lasti == u32::MAX {
        return t.code.co.firstlineno;
    }
    t.code.line_of(t.lasti as usize)
}

fn print_repeated(ctx: &mut Ctx, cnt: usize) {
    let n = cnt - RECURSIVE_CUTOFF;
    let ind = ctx.indent();
    let _ = ind;
    ctx.out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n > 1 { "s" } else { "" }));
}

fn get_source_line(ctx: &mut Ctx, filename: &str, lineno: u32) -> Option<String> {
    if filename.starts_with('<') && filename.ends_with('>') {
        return None;
    }
    if !ctx.files.contains_key(filename) {
        let lines = std::fs::read(filename).ok().map(|bytes| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut lines = Vec::new();
            let mut cur = String::new();
            let mut it = text.chars().peekable();
            while let Some(c) = it.next() {
                match c {
                    '\n' => lines.push(std::mem::take(&mut cur)),
                    '\r' => {
                        if it.peek() == Some(&'\n') {
                            it.next();
                        }
                        lines.push(std::mem::take(&mut cur));
                    }
                    _ => cur.push(c),
                }
            }
            if !cur.is_empty() {
                lines.push(cur);
            }
            lines
        });
        ctx.files.insert(filename.to_string(), lines);
    }
    let lines = ctx.files.get(filename)?.as_ref()?;
    if lineno == 0 {
        return None;
    }
    lines.get(lineno as usize - 1).cloned()
}

/// Characters in the first `byte_off` bytes of `s` (CPython's
/// `_PyPegen_byte_offset_to_character_offset`).
fn byte_to_char(s: &str, byte_off: i64) -> i64 {
    let b = s.as_bytes();
    let n = (byte_off.max(0) as usize).min(b.len());
    String::from_utf8_lossy(&b[..n]).chars().count() as i64
}

fn is_ws(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\x0c'
}

fn display_line(vm: &mut Vm, ctx: &mut Ctx, t: &TracebackData, lineno: u32) {
    let _ = vm;
    ctx.write_indented_margin();
    ctx.out.push_str(&format!("  File \"{}\", line {}, in {}\n", t.code.co.filename, lineno, t.code.co.name));
    let Some(line) = get_source_line(ctx, &t.code.co.filename, lineno) else { return };
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() && (chars[i] == ' ' || chars[i] == '\t' || chars[i] == '\x0c') {
        i += 1;
    }
    let stripped: String = chars[i..].iter().collect();
    ctx.write_indented_margin();
    push_spaces(&mut ctx.out, SOURCE_INDENT);
    ctx.out.push_str(&stripped);
    ctx.out.push('\n');
    let truncation = i as i64 - SOURCE_INDENT as i64;
    let Some(loc) = t.code.co.locations.get(t.lasti as usize).copied() else { return };
    if loc.line == 0 || loc.end_line == 0 {
        return;
    }
    let source_len = chars.len() as i64;
    let start_offset = byte_to_char(&line, loc.col as i64);
    let mut end_offset = byte_to_char(&line, loc.end_col as i64);
    let mut left_end: i64 = -1;
    let mut right_start: i64 = -1;
    let mut primary = '^';
    let mut secondary = '^';
    if loc.line == loc.end_line {
        if let Some((l, r)) = extract_anchors(&chars, start_offset, end_offset) {
            left_end = l;
            right_start = r;
            primary = '~';
            secondary = '^';
        }
    } else {
        let b = line.as_bytes();
        let mut k = source_len;
        loop {
            k -= 1;
            if k < 0 {
                break;
            }
            if !is_ws(*b.get(k as usize).unwrap_or(&b'x')) {
                break;
            }
        }
        end_offset = k + 1;
    }
    let stripped_len = source_len - truncation - SOURCE_INDENT as i64;
    let has_secondary = left_end != -1 || right_start != -1;
    if end_offset - start_offset == stripped_len && !has_secondary {
        return;
    }
    ctx.write_indented_margin();
    let mut offset = truncation;
    loop {
        offset += 1;
        if offset > end_offset {
            break;
        }
        let c = if offset <= start_offset {
            ' '
        } else if has_secondary && left_end < offset && offset <= right_start {
            secondary
        } else {
            primary
        };
        ctx.out.push(c);
    }
    ctx.out.push('\n');
}

/// Anchors for binary operators and subscripts: (left_end, right_start) as
/// character offsets in the line, as CPython's `extract_anchors_from_line`.
fn extract_anchors(chars: &[char], start: i64, end: i64) -> Option<(i64, i64)> {
    if start < 0 || end < start || end as usize > chars.len() {
        return None;
    }
    let segment: String = chars[start as usize..end as usize].iter().collect();
    let module = pyrite_compiler::parse::parse(&segment, pyrite_compiler::Mode::Exec).ok()?;
    use ruff_python_ast::{Expr, Mod, Stmt};
    use ruff_text_size::Ranged;
    let Mod::Module(m) = module else { return None };
    if m.body.len() != 1 {
        return None;
    }
    let Stmt::Expr(se) = &m.body[0] else { return None };
    let seg = segment.as_bytes();
    let (l, r) = match &*se.value {
        Expr::BinOp(b) => {
            let lend = b.left.range().end().to_usize();
            let rstart = b.right.range().start().to_usize();
            let mut anchors = None;
            let mut i = lend;
            while i < rstart {
                let c = *seg.get(i)?;
                if is_ws(c) {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if i + 1 < rstart && !is_ws(*seg.get(i + 1)?) {
                    r += 1;
                }
                anchors = Some((i, r));
                if i + 1 < rstart && c == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            // CPython reports anchors even if no operator char was found
            // (they stay at -1, which counts as "no secondary range").
            anchors?
        }
        Expr::Subscript(s) => {
            let mut l = s.value.range().end().to_usize();
            let mut r = s.slice.range().end().to_usize() + 1;
            let n = seg.len();
            while l < n && seg[l] != b'[' {
                l += 1;
            }
            while r < n && seg[r] != b']' {
                r += 1;
            }
            if r < n {
                r += 1;
            }
            (l, r)
        }
        _ => return None,
    };
    let l = byte_to_char(&segment, l as i64) + start;
    let r = byte_to_char(&segment, r as i64) + start;
    Some((l, r))
}

/// `getattr(v, name)` or None when it fails.
fn attr_opt(vm: &mut Vm, v: &Value, name: &str) -> Option<Value> {
    let k = vm.intern(name);
    vm.get_attr_opt(v, &k).ok().flatten()
}

/// `hasattr(v, name)` for attributes whose value may be None.
fn has_attr_none(vm: &mut Vm, v: &Value, name: &str) -> bool {
    let k = vm.intern(name);
    matches!(vm.get_attr_opt(v, &k), Ok(Some(_)))
}
