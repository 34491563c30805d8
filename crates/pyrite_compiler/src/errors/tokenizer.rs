//! A tokenizer that follows CPython 3.11's Parser/tokenizer.c closely enough
//! to find the errors CPython's tokenizer reports, at CPython's positions:
//! indentation (IndentationError/TabError), unterminated strings, invalid
//! characters, numeric literal errors and parenthesis matching and depth.
//!
//! It does not build values: the parser (ruff) does. Its token list is also
//! used to refine ruff's parse errors into CPython's messages. Iterative, so
//! any input depth is safe.

use crate::{CompileError, ErrorKind};

/// The kinds of token the refinement passes need to tell apart.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    Name,
    Number,
    String,
    /// Any operator or delimiter; its text is in the source.
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

/// One token: kind and byte range in the source; line numbers are 1-based.
#[derive(Copy, Clone, Debug)]
pub struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
}

/// How a tokenizer error surfaces in CPython.
#[derive(Clone, Debug)]
pub enum TokError {
    /// Raised at once (`syntaxerror()` in tokenizer.c): it wins over any
    /// parser error, because CPython re-tokenizes the rest of the file.
    Raised(CompileError),
    /// A `tok->done` code (indentation, tabs, line continuation, EOF): only
    /// reported when the parser reaches the token. `at` is the byte position.
    Deferred { err: CompileError, at: usize },
}

/// The result of tokenizing a whole source.
pub struct Tokens {
    pub toks: Vec<Token>,
    pub error: Option<TokError>,
    /// Unclosed brackets at end of input: (char, line, byte column start).
    pub open_parens: Vec<(char, u32, usize)>,
}

const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;

/// Line starts of a source, to turn byte positions into CPython positions.
pub struct Lines<'a> {
    pub src: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(src: &'a str) -> Self {
        Lines { src, starts: line_starts(src) }
    }
    /// The byte offsets where lines start (the first is 0).
    pub fn into_starts(self) -> Vec<usize> {
        self.starts
    }
    /// 1-based line of byte `pos`.
    pub fn line_of(&self, pos: usize) -> u32 {
        match self.starts.binary_search(&pos) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    /// Byte offset where line `line` (1-based) starts.
    pub fn start_of(&self, line: u32) -> usize {
        let i = (line.max(1) - 1) as usize;
        self.starts.get(i).copied().unwrap_or(self.src.len())
    }
    /// The text of line `line`, with its newline.
    pub fn text(&self, line: u32) -> &'a str {
        let s = self.start_of(line);
        let e = self.starts.get(line as usize).copied().unwrap_or(self.src.len());
        &self.src[s.min(self.src.len())..e.min(self.src.len())]
    }
    /// Number of characters between the start of `pos`'s line and `pos`.
    pub fn col_chars(&self, pos: usize) -> u32 {
        let pos = floor_char(self.src, pos.min(self.src.len()));
        let s = self.start_of(self.line_of(pos));
        self.src[s.min(pos)..pos].chars().count() as u32
    }
    /// Number of lines CPython's tokenizer counts at end of input.
    pub fn last_line(&self) -> u32 {
        let n = self.starts.len() as u32;
        if self.src.ends_with('\n') || self.src.is_empty() {
            n - 1
        } else {
            n
        }
        .max(1)
    }
}

/// The byte offsets where the lines of `src` start: 0 and every offset after a `\n`.
pub fn line_starts(src: &str) -> Vec<usize> {
    let mut starts = Vec::with_capacity(src.len() / 32 + 1);
    starts.push(0);
    starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
    starts
}

fn floor_char(s: &str, mut p: usize) -> usize {
    while p > 0 && !s.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// Builds a SyntaxError-family error at `line`, 1-based char `offset`.
pub fn error_at(lines: &Lines, kind: ErrorKind, msg: String, line: u32, offset: u32, end_offset: u32) -> CompileError {
    CompileError {
        kind,
        msg,
        lineno: line,
        offset,
        end_lineno: line,
        end_offset,
        text: Some(lines.text(line).to_owned()),
    }
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    lines: &'a Lines<'a>,
    toks: Vec<Token>,
    parens: Vec<(char, u32, usize)>,
    indents: Vec<(usize, usize)>,
}

/// Tokenizes `src`, stopping at the first error.
pub fn tokenize<'a>(src: &'a str, lines: &'a Lines<'a>) -> Tokens {
    let mut lx = Lexer {
        src,
        b: src.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        lines,
        // About one token per five bytes of typical source.
        toks: Vec::with_capacity(src.len() / 5 + 16),
        parens: Vec::new(),
        indents: vec![(0, 0)],
    };
    let error = lx.run().err();
    Tokens { toks: lx.toks, error, open_parens: lx.parens }
}

fn is_id_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c as u32 >= 128
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c as u32 >= 128
}

/// `Py_UNICODE_ISPRINTABLE`: false for control, format, separator (other than
/// space), surrogate and private-use characters.
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u == 0x20 {
        return true;
    }
    if u < 0x20 || (0x7f..=0xa0).contains(&u) || u == 0xad {
        return false;
    }
    !matches!(u,
        0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2 | 0x1680 | 0x180e | 0x2000..=0x200f
        | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f | 0x3000 | 0xd800..=0xf8ff | 0xfeff
        | 0xfff9..=0xfffb | 0x110bd | 0x110cd | 0x13430..=0x13438 | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a
        | 0xe0001 | 0xe0020..=0xe007f | 0xf0000..)
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        match self.b.get(self.pos) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => self.src[self.pos..].chars().next(),
        }
    }
    fn peek_at(&self, p: usize) -> Option<char> {
        self.src.get(p..).and_then(|s| s.chars().next())
    }
    fn byte(&self, p: usize) -> u8 {
        self.b.get(p).copied().unwrap_or(0)
    }
    fn push(&mut self, kind: Tok, start: usize, end: usize) {
        self.toks.push(Token { kind, start, end });
    }
    /// Moves to the next `\n` (or the end of the source).
    fn skip_to_newline(&mut self) {
        if self.pos < self.b.len() {
            self.pos = memchr::memchr(b'\n', &self.b[self.pos..]).map_or(self.b.len(), |k| self.pos + k);
        }
    }
    fn new_line(&mut self, after_nl: usize) {
        self.line += 1;
        self.line_start = after_nl;
    }
    /// `syntaxerror()`: the offset counts the characters from the start of
    /// the line up to `cur`.
    fn raise(&self, msg: String, cur: usize) -> TokError {
        let line = self.lines.line_of(self.line_start);
        let off = self.lines.col_chars(cur);
        TokError::Raised(error_at(self.lines, ErrorKind::SyntaxError, msg, line, off, off))
    }

    fn run(&mut self) -> Result<(), TokError> {
        let mut at_bol = true;
        let mut comment_start: Option<usize> = None;
        loop {
            if at_bol {
                at_bol = false;
                if self.indentation()? {
                    at_bol = true;
                    continue;
                }
            }
            // Skip blanks.
            while self.pos < self.b.len() && matches!(self.b[self.pos], b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            let start = self.pos;
            let Some(c) = self.peek() else {
                return self.finish();
            };
            if c == '#' {
                self.skip_to_newline();
                // CPython's NEWLINE token starts where the comment does.
                comment_start = Some(start);
                continue;
            }
            if c == '\n' || c == '\r' {
                self.pos += if c == '\r' && self.byte(self.pos + 1) == b'\n' { 2 } else { 1 };
                let blank = self.last_is_line_end();
                if self.parens.is_empty() && !blank {
                    self.push(Tok::Newline, comment_start.unwrap_or(start), start + 1);
                }
                comment_start = None;
                self.new_line(self.pos);
                if self.parens.is_empty() {
                    at_bol = true;
                }
                continue;
            }
            if c == '\\' {
                let next = self.byte(self.pos + 1);
                let nl = if next == b'\r' && self.byte(self.pos + 2) == b'\n' { 2 } else { 1 };
                if next != b'\n' && !(next == b'\r' && nl == 2) {
                    if self.pos + 1 >= self.b.len() {
                        return Err(self.eof_error(self.pos + 1));
                    }
                    // E_LINECONT: column is one past the character after '\'.
                    let line = self.line;
                    let ch_after = self.peek_at(self.pos + 1).map_or(1, char::len_utf8);
                    let col = self.lines.col_chars(self.pos + 1 + ch_after);
                    let off = col.min(self.lines.text(line).chars().count() as u32 + 1);
                    return Err(TokError::Deferred {
                        err: error_at(
                            self.lines,
                            ErrorKind::SyntaxError,
                            "unexpected character after line continuation character".into(),
                            line,
                            off,
                            0,
                        ),
                        at: self.pos,
                    });
                }
                self.pos += 1 + nl;
                self.new_line(self.pos);
                if self.pos >= self.b.len() {
                    return Err(self.eof_error(self.pos));
                }
                continue;
            }
            if c.is_ascii_digit() || (c == '.' && self.byte(self.pos + 1).is_ascii_digit()) {
                self.number()?;
                self.push(Tok::Number, start, self.pos);
                continue;
            }
            if is_id_start(c) {
                // String prefixes.
                let mut p = self.pos;
                let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
                loop {
                    let ch = self.byte(p);
                    match ch {
                        b'b' | b'B' if !(saw_b || saw_u || saw_f) => saw_b = true,
                        b'u' | b'U' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                        b'r' | b'R' if !(saw_r || saw_u) => saw_r = true,
                        b'f' | b'F' if !(saw_f || saw_b || saw_u) => saw_f = true,
                        _ => break,
                    }
                    p += 1;
                    if matches!(self.byte(p), b'\'' | b'"') {
                        self.pos = p;
                        self.string(start)?;
                        self.push(Tok::String, start, self.pos);
                        break;
                    }
                }
                if self.pos != start {
                    continue;
                }
                let mut nonascii = false;
                loop {
                    let b = self.byte(self.pos);
                    if b.is_ascii_alphanumeric() || b == b'_' {
                        self.pos += 1;
                    } else if b >= 0x80 {
                        // Every non-ASCII character continues a name here
                        // (`is_id_char`); `verify_identifier` checks them.
                        nonascii = true;
                        self.pos += self.peek().map_or(1, char::len_utf8);
                    } else {
                        break;
                    }
                }
                if nonascii {
                    self.verify_identifier(start)?;
                }
                self.push(Tok::Name, start, self.pos);
                continue;
            }
            if c == '\'' || c == '"' {
                self.string(start)?;
                self.push(Tok::String, start, self.pos);
                continue;
            }
            self.pos += c.len_utf8();
            match c {
                '(' | '[' | '{' => {
                    if self.parens.len() >= MAXLEVEL {
                        return Err(self.raise("too many nested parentheses".into(), self.pos));
                    }
                    self.parens.push((c, self.line, start - self.line_start));
                }
                ')' | ']' | '}' => {
                    let Some((open, oline, _)) = self.parens.pop() else {
                        return Err(self.raise(format!("unmatched '{c}'"), self.pos));
                    };
                    let ok = matches!((open, c), ('(', ')') | ('[', ']') | ('{', '}'));
                    if !ok {
                        let msg = if oline != self.line {
                            format!("closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {oline}")
                        } else {
                            format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'")
                        };
                        return Err(self.raise(msg, self.pos));
                    }
                }
                _ => {
                    if !c.is_ascii_graphic() && !is_printable(c) {
                        return Err(self.raise(format!("invalid non-printable character U+{:04X}", c as u32), self.pos));
                    }
                    // Two- and three-character operators.
                    let len = match (self.byte(start), self.byte(start + 1), self.byte(start + 2)) {
                        (b'*', b'*', b'=') | (b'/', b'/', b'=') | (b'>', b'>', b'=') | (b'<', b'<', b'=') | (b'.', b'.', b'.') => 3,
                        (b'*', b'*', _)
                        | (b'/', b'/', _)
                        | (b'<', b'<', _)
                        | (b'>', b'>', _)
                        | (b'<' | b'>' | b'=' | b'!' | b':', b'=', _)
                        | (b'-', b'>', _)
                        | (b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^' | b'@', b'=', _)
                        | (b'<', b'>', _) => 2,
                        _ => 0,
                    };
                    if len > 0 {
                        self.pos = start + len;
                    }
                }
            }
            self.push(Tok::Op, start, self.pos);
        }
    }

    /// True when nothing but indentation precedes on this logical line.
    fn last_is_line_end(&self) -> bool {
        match self.toks.last() {
            None => true,
            Some(t) => matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent),
        }
    }

    fn eof_error(&self, at: usize) -> TokError {
        let line = self.lines.line_of(at.min(self.src.len()).saturating_sub(1));
        let off = self.lines.text(line).trim_end_matches('\n').chars().count() as u32 + 1;
        TokError::Deferred {
            err: error_at(self.lines, ErrorKind::SyntaxError, "unexpected EOF while parsing".into(), line, off, 0),
            at,
        }
    }

    fn finish(&mut self) -> Result<(), TokError> {
        let end = self.src.len();
        if !self.last_is_line_end() && self.parens.is_empty() {
            self.push(Tok::Newline, end, end);
        }
        if self.parens.is_empty() {
            for _ in 1..self.indents.len() {
                self.push(Tok::Dedent, end, end);
            }
        }
        self.push(Tok::EndMarker, end, end);
        Ok(())
    }

    /// Measures indentation at the start of a line and emits INDENT/DEDENT.
    /// Returns true if the line was blank (already consumed).
    fn indentation(&mut self) -> Result<bool, TokError> {
        let line_begin = self.pos;
        let (mut col, mut altcol) = (0usize, 0usize);
        let mut cont_col = 0usize;
        loop {
            match self.byte(self.pos) {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                b'\\' if matches!(self.byte(self.pos + 1), b'\n') => {
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    self.pos += 1;
                    self.new_line(self.pos + 1);
                    if self.pos + 1 >= self.b.len() {
                        return Err(self.eof_error(self.pos + 1));
                    }
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.byte(self.pos);
        if c == b'#' || c == b'\n' || c == b'\r' || self.pos >= self.b.len() {
            // Blank or comment-only line: no effect on indentation.
            self.skip_to_newline();
            if self.pos < self.b.len() {
                self.pos += 1;
                self.new_line(self.pos);
                return Ok(true);
            }
            return Ok(false);
        }
        if cont_col != 0 {
            col = cont_col;
            altcol = cont_col;
        }
        let line = self.line;
        let tab_error = |lx: &Self| TokError::Deferred {
            err: error_at(
                lx.lines,
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation".into(),
                line,
                1,
                0,
            ),
            at: line_begin,
        };
        let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(tab_error(self));
            }
        } else if col > top {
            if self.indents.len() >= MAXINDENT {
                return Err(TokError::Deferred {
                    err: error_at(self.lines, ErrorKind::IndentationError, "too many levels of indentation".into(), line, 1, 0),
                    at: line_begin,
                });
            }
            if altcol <= alttop {
                return Err(tab_error(self));
            }
            self.indents.push((col, altcol));
            self.push(Tok::Indent, line_begin, self.pos);
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |x| x.0) {
                self.indents.pop();
                self.push(Tok::Dedent, self.pos, self.pos);
            }
            let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                // CPython's column for E_DEDENT: one past the line's last character.
                let line_len = self.lines.text(line).trim_end_matches(['\n', '\r']).chars().count() as u32 + 1;
                return Err(TokError::Deferred {
                    err: error_at(
                        self.lines,
                        ErrorKind::IndentationError,
                        "unindent does not match any outer indentation level".into(),
                        line,
                        line_len,
                        0,
                    ),
                    at: line_begin,
                });
            }
            if altcol != alttop {
                return Err(tab_error(self));
            }
        }
        Ok(false)
    }

    /// A string literal; `self.pos` is at the opening quote, `start` at the
    /// token's first character (prefix included).
    fn string(&mut self, start: usize) -> Result<(), TokError> {
        let quote = self.b[self.pos];
        let first_line = self.line;
        let first_line_start = self.line_start;
        let triple = self.byte(self.pos + 1) == quote && self.byte(self.pos + 2) == quote;
        self.pos += if triple { 3 } else { 1 };
        loop {
            // Only a backslash, the quote or a newline needs a look.
            match memchr::memchr3(b'\\', quote, b'\n', self.b.get(self.pos..).unwrap_or_default()) {
                Some(k) => self.pos += k,
                None => self.pos = self.pos.max(self.b.len()),
            }
            if self.pos >= self.b.len() || (!triple && self.b[self.pos] == b'\n') {
                let detected = if self.pos >= self.b.len() { self.lines.last_line() } else { self.line };
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {detected})")
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                let off = self.lines.col_chars(start) + 1;
                let _ = first_line_start;
                return Err(TokError::Raised(error_at(self.lines, ErrorKind::SyntaxError, msg, first_line, off, off)));
            }
            let c = self.b[self.pos];
            if c == b'\\' {
                self.pos += 1;
                if self.byte(self.pos) == b'\n' {
                    self.pos += 1;
                    self.new_line(self.pos);
                } else if self.pos < self.b.len() {
                    self.pos += self.peek().map_or(1, char::len_utf8);
                }
                continue;
            }
            if c == quote {
                if !triple {
                    self.pos += 1;
                    return Ok(());
                }
                if self.byte(self.pos + 1) == quote && self.byte(self.pos + 2) == quote {
                    self.pos += 3;
                    return Ok(());
                }
            }
            if c == b'\n' {
                self.pos += 1;
                self.new_line(self.pos);
                continue;
            }
            self.pos += 1;
        }
    }

    fn verify_identifier(&mut self, start: usize) -> Result<(), TokError> {
        let text = &self.src[start..self.pos];
        for (k, (i, ch)) in text.char_indices().enumerate() {
            let ok = if k == 0 {
                ch == '_' || unicode_ident::is_xid_start(ch)
            } else {
                unicode_ident::is_xid_continue(ch)
            };
            if !ok {
                let cur = start + i + ch.len_utf8();
                let msg = if is_printable(ch) {
                    format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Err(self.raise(msg, cur));
            }
        }
        Ok(())
    }

    fn next_char(&mut self) -> Option<char> {
        let c = self.peek();
        if let Some(ch) = c {
            self.pos += ch.len_utf8();
        }
        c
    }
    fn backup(&mut self, c: Option<char>) {
        if let Some(ch) = c {
            self.pos -= ch.len_utf8();
        }
    }

    /// `verify_end_of_number`.
    fn end_of_number(&mut self, c: Option<char>, kind: &str) -> Result<(), TokError> {
        let rest = &self.b[self.pos.min(self.b.len())..];
        let soft = match c {
            Some('a') => rest.starts_with(b"nd"),
            Some('e') => rest.starts_with(b"lse"),
            Some('f') => rest.starts_with(b"or"),
            Some('i') => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            Some('o') => rest.starts_with(b"r"),
            Some('n') => rest.starts_with(b"ot"),
            _ => false,
        };
        if soft {
            return Ok(());
        }
        if let Some(ch) = c {
            if ch.is_ascii() && is_id_char(ch) {
                self.backup(c);
                return Err(self.raise(format!("invalid {kind} literal"), self.pos));
            }
        }
        Ok(())
    }

    /// `tok_decimal_tail`: digits with single underscores between them.
    fn decimal_tail(&mut self) -> Result<Option<char>, TokError> {
        loop {
            let mut c = self.next_char();
            while c.is_some_and(|x| x.is_ascii_digit()) {
                c = self.next_char();
            }
            if c != Some('_') {
                return Ok(c);
            }
            let c2 = self.next_char();
            if !c2.is_some_and(|x| x.is_ascii_digit()) {
                self.backup(c2);
                return Err(self.raise("invalid decimal literal".into(), self.pos));
            }
        }
    }

    /// A numeric literal (tokenizer.c's number branch). On success `pos` is
    /// just past the literal.
    fn number(&mut self) -> Result<(), TokError> {
        let start = self.pos;
        let first = self.next_char();
        let mut c;
        if first == Some('.') {
            c = self.next_char();
            return self.fraction(c);
        }
        if first == Some('0') {
            c = self.next_char();
            match c {
                Some('x' | 'X') => {
                    c = self.next_char();
                    loop {
                        if c == Some('_') {
                            c = self.next_char();
                        }
                        if !c.is_some_and(|x| x.is_ascii_hexdigit()) {
                            self.backup(c);
                            return Err(self.raise("invalid hexadecimal literal".into(), self.pos));
                        }
                        loop {
                            c = self.next_char();
                            if !c.is_some_and(|x| x.is_ascii_hexdigit()) {
                                break;
                            }
                        }
                        if c != Some('_') {
                            break;
                        }
                    }
                    self.end_of_number(c, "hexadecimal")?;
                }
                Some('o' | 'O') | Some('b' | 'B') => {
                    let octal = matches!(c, Some('o' | 'O'));
                    let (name, max) = if octal { ("octal", '7') } else { ("binary", '1') };
                    c = self.next_char();
                    loop {
                        if c == Some('_') {
                            c = self.next_char();
                        }
                        if !c.is_some_and(|x| ('0'..=max).contains(&x)) {
                            if let Some(d) = c.filter(char::is_ascii_digit) {
                                return Err(self.raise(format!("invalid digit '{d}' in {name} literal"), self.pos));
                            }
                            self.backup(c);
                            return Err(self.raise(format!("invalid {name} literal"), self.pos));
                        }
                        loop {
                            c = self.next_char();
                            if !c.is_some_and(|x| ('0'..=max).contains(&x)) {
                                break;
                            }
                        }
                        if c != Some('_') {
                            break;
                        }
                    }
                    if let Some(d) = c.filter(char::is_ascii_digit) {
                        return Err(self.raise(format!("invalid digit '{d}' in {name} literal"), self.pos));
                    }
                    self.end_of_number(c, name)?;
                }
                _ => {
                    let mut nonzero = false;
                    loop {
                        if c == Some('_') {
                            c = self.next_char();
                            if !c.is_some_and(|x| x.is_ascii_digit()) {
                                self.backup(c);
                                return Err(self.raise("invalid decimal literal".into(), self.pos));
                            }
                        }
                        if c != Some('0') {
                            break;
                        }
                        c = self.next_char();
                    }
                    let zeros_end = self.pos - c.map_or(0, char::len_utf8);
                    if c.is_some_and(|x| x.is_ascii_digit()) {
                        nonzero = true;
                        c = self.decimal_tail()?;
                    }
                    match c {
                        Some('.') => {
                            c = self.next_char();
                            return self.fraction(c);
                        }
                        Some('e' | 'E') => return self.exponent(c),
                        Some('j' | 'J') => return self.imaginary(),
                        _ if nonzero => {
                            self.backup(c);
                            let line = self.line;
                            let off = self.lines.col_chars(start) + 1;
                            let end = self.lines.col_chars(zeros_end);
                            return Err(TokError::Raised(error_at(
                                self.lines,
                                ErrorKind::SyntaxError,
                                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                                line,
                                off,
                                end,
                            )));
                        }
                        _ => self.end_of_number(c, "decimal")?,
                    }
                }
            }
            self.backup(c);
            return Ok(());
        }
        // Decimal.
        self.backup(first);
        c = self.decimal_tail()?;
        if c == Some('.') {
            c = self.next_char();
            return self.fraction(c);
        }
        self.after_fraction(c)
    }

    fn fraction(&mut self, mut c: Option<char>) -> Result<(), TokError> {
        if c.is_some_and(|x| x.is_ascii_digit()) {
            self.backup(c);
            c = self.decimal_tail()?;
        }
        self.after_fraction(c)
    }

    fn after_fraction(&mut self, c: Option<char>) -> Result<(), TokError> {
        match c {
            Some('e' | 'E') => self.exponent(c),
            Some('j' | 'J') => self.imaginary(),
            _ => {
                self.end_of_number(c, "decimal")?;
                self.backup(c);
                Ok(())
            }
        }
    }

    fn exponent(&mut self, e: Option<char>) -> Result<(), TokError> {
        let mut c = self.next_char();
        if matches!(c, Some('+' | '-')) {
            c = self.next_char();
            if !c.is_some_and(|x| x.is_ascii_digit()) {
                self.backup(c);
                return Err(self.raise("invalid decimal literal".into(), self.pos));
            }
        } else if !c.is_some_and(|x| x.is_ascii_digit()) {
            self.backup(c);
            self.end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(());
        }
        self.backup(c);
        c = self.decimal_tail()?;
        if matches!(c, Some('j' | 'J')) {
            return self.imaginary();
        }
        self.end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(())
    }

    fn imaginary(&mut self) -> Result<(), TokError> {
        let c = self.next_char();
        self.end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(())
    }
}
