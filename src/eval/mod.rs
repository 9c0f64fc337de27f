//! Measuring extraction on labelled public data that nobody on the project wrote.
//!
//! Each submodule reads one data set's format and returns a report as data; the `slant eval`
//! command prints it. The data stays outside the project (see `../shared/eval/README.md`).

pub mod polnear;
pub mod words;
