//! Turns ruff's parse errors into CPython 3.11's SyntaxErrors.
//!
//! CPython's PEG parser reports either a specific message from one of its
//! `invalid_*` rules (Grammar/python.gram, second pass) or a generic
//! "invalid syntax" at the furthest token of the first pass. ruff reports the
//! same failures with its own words and ranges; this module re-reads the
//! tokens around ruff's error to pick CPython's rule and position.

use super::tokenizer::{error_at, Lines, Tok, TokError, Token, Tokens};
use crate::{CompileError, ErrorKind};
use ruff_python_ast::Mod;
use ruff_python_parser::{ParseError, ParseErrorType, UnsupportedSyntaxError};
use ruff_text_size::Ranged;

/// Context for one conversion.
pub(crate) struct Cx<'a> {
    pub lines: &'a Lines<'a>,
    pub toks: &'a [Token],
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
    /// Index of the first token that ends after `pos` (the token at `pos`).
    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.end <= pos && t.kind != Tok::EndMarker).min(self.toks.len().saturating_sub(1))
    }
    pub fn text(&self, t: &Token) -> &'a str {
        &self.src()[t.start..t.end]
    }
}

/// Converts the first ruff error (`first` of `all`) into CPython's error.
pub fn convert(lines: &Lines, toks: &Tokens, first: &ParseError, all: &[ParseError], ast: &Mod) -> CompileError {
    let cx = Cx { lines, toks: &toks.toks };
    let _ = (all, ast);
    let at = first.location.start().to_usize();
    // A tokenizer error the parser reached first (indentation, tabs, '\').
    if let Some(TokError::Deferred { err, at: tat }) = &toks.error {
        if *tat <= at.max(first.location.end().to_usize()) {
            return err.clone();
        }
    }
    generic(&cx, first)
}

/// "invalid syntax" at the token ruff stopped on.
fn generic(cx: &Cx, e: &ParseError) -> CompileError {
    let at = e.location.start().to_usize();
    let i = cx.tok_at(at);
    let t = cx.toks[i];
    cx.syntax("invalid syntax", t.start, t.end)
}

/// "'(' was never closed" when brackets are still open at end of input.
pub fn unclosed_at_eof(lines: &Lines, toks: &Tokens) -> Option<CompileError> {
    let (c, line, col) = *toks.open_parens.last()?;
    let start = lines.start_of(line) + col;
    let off = lines.col_chars(start) + 1;
    Some(error_at(lines, ErrorKind::SyntaxError, format!("'{c}' was never closed"), line, off, 0))
}

/// Syntax ruff parses but CPython 3.11 does not have (3.12+).
pub fn convert_unsupported(lines: &Lines, toks: &Tokens, u: &UnsupportedSyntaxError) -> CompileError {
    let cx = Cx { lines, toks: &toks.toks };
    let i = cx.tok_at(u.range.start().to_usize());
    let t = cx.toks[i];
    let _ = ParseErrorType::EmptySlice;
    cx.syntax("invalid syntax", t.start, t.end.max(u.range().start().to_usize()))
}
