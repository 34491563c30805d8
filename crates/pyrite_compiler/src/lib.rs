//! The compiler: Python source -> `CodeObject`.
