//! `pyrite`: the python3-compatible command line.
fn main() {}
