//! Where the binary writes: stdout for results, stderr for notes and errors.

use std::io::{self, Write};

/// The binary's output channels and how chatty they are.
#[derive(Debug)]
pub struct Out {
    quiet: bool,
}

impl Out {
    pub fn new(quiet: bool) -> Self {
        Self { quiet }
    }

    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Buffered standard output; write errors (a closed pipe) surface to the caller.
    pub fn stdout(&self) -> io::BufWriter<io::StdoutLock<'static>> {
        io::BufWriter::new(io::stdout().lock())
    }

    /// A note for the user (skipped files and the like); silent under `--quiet`.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            let _ = writeln!(io::stderr(), "slant: {message}");
        }
    }

    /// An error; always shown.
    pub fn error(&self, message: &str) {
        let _ = writeln!(io::stderr(), "slant: error: {message}");
    }
}
