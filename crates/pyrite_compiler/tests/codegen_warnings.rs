//! Compile-time warnings. Expected values were recorded by compiling each
//! snippet with CPython 3.11.7 under `warnings.catch_warnings(record=True)`.

mod common;

use common::{compile_check, Outcome};
use pyrite_compiler::{CompileOptions, Mode};

const CASES: &[(&str, &[&str])] = &[
    ("x is 1\n", &["1:SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?"]),
    ("if x is not 'a': pass\n", &["1:SyntaxWarning: \"is not\" with a literal. Did you mean \"!=\"?"]),
    ("x is None\n", &[]),
    ("(1, 2)(3)\n", &["1:SyntaxWarning: 'tuple' object is not callable; perhaps you missed a comma?"]),
    ("[1](2)\n", &["1:SyntaxWarning: 'list' object is not callable; perhaps you missed a comma?"]),
    ("assert (x, 'msg')\n", &["1:SyntaxWarning: assertion is always true, perhaps remove parentheses?"]),
    ("s = '\\d'\n", &["1:DeprecationWarning: invalid escape sequence '\\d'"]),
    ("b = b'\\q'\n", &["1:DeprecationWarning: invalid escape sequence '\\q'"]),
    ("f'\\w{x}'\n", &["1:DeprecationWarning: invalid escape sequence '\\w'"]),
    ("r'\\d'\n", &[]),
    ("x = 1[2]\n", &["1:SyntaxWarning: 'int' object is not subscriptable; perhaps you missed a comma?"]),
    (
        "x = 'abc'['a']\n",
        &["1:SyntaxWarning: str indices must be integers or slices, not str; perhaps you missed a comma?"],
    ),
    ("def f():\n    return x is ()\n", &["2:SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?"]),
];

#[test]
fn warnings_match_cpython() {
    for (src, want) in CASES {
        match compile_check(src.to_string(), "t.py".into(), Mode::Exec, CompileOptions::default(), false) {
            Outcome::Ok { warnings, .. } => {
                let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
                assert_eq!(warnings, want, "for {src:?}");
            }
            Outcome::CompileError(e) => panic!("{src:?}: {e:?}"),
            Outcome::Invalid { why, .. } => panic!("{src:?}: {why}"),
        }
    }
}
