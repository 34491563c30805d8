//! marshal and `.pyc` files.
