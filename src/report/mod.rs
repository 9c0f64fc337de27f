//! Report writers. Each writes to any `impl Write`; the binary decides where the bytes go.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod score_csv;
