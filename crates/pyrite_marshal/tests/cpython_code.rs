//! The verifier accepts CPython 3.11's own compiled code (standard-library
//! modules and a construct sampler), translated to pyrite's instruction set by
//! fixtures/cpython311_code.py; a correct CPython-style compiler's output must
//! never be rejected, or every run would recompile.

mod common;

use pyrite_bytecode::CodeObject;
use pyrite_marshal::{decode_pyc, encode_pyc, verify, SourceStamp};

#[test]
fn verifier_accepts_cpython_code() {
    assert_eq!(common::CPYTHON_FIXTURE.lines().count() % 6, 0);
    let mut failures = Vec::new();
    let mut count = 0;
    let mut loose = Vec::new();
    for co in common::cpython_code_objects() {
        count += 1;
        if let Err(e) = verify(&co) {
            failures.push(format!("{e}"));
        }
        // CPython's stacksize is the exact maximum depth; the simulation must
        // reach it too, so one less is rejected.
        let tight = CodeObject {
            stacksize: co.stacksize - 1,
            ..co.clone()
        };
        if verify(&tight).is_ok() {
            loose.push(co.qualname.clone());
        }
        // And it survives the file format.
        let bytes = encode_pyc(&co, &[], SourceStamp::default());
        if failures.is_empty() {
            assert_eq!(decode_pyc(&bytes, None).expect("decodes").0, co);
        }
    }
    assert!(count > 500, "{count} code objects");
    assert!(
        loose.is_empty(),
        "stacksize - 1 accepted for:\n{}",
        loose.join("\n")
    );
    assert!(
        failures.is_empty(),
        "{} of {count} rejected:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
