//! The `slant` command line: parse arguments, read inputs, call the library, write output.
//!
//! Exit codes: 0 success; 1 reserved for `--fail-on` thresholds; 2 usage or input errors (the
//! other inputs are still processed and written).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
