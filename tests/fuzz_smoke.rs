//! A short run of the fuzz targets (`fuzz/`, `cargo run --release -p slant-fuzz -- all`), as
//! part of the test suite: every seed, a fixed number of seeded mutants of each, and every
//! input kept in `fuzz/regressions/<target>/` (inputs that once broke a promise, panicked or
//! took far too long) must keep every promise the target checks.
//!
//! `SLANT_FUZZ_MUTANTS=N` sets how many mutants each target runs (default 24).

#[path = "../fuzz/src/mutate.rs"]
#[allow(dead_code)]
mod mutate;
#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::path::Path;

fn mutants() -> usize {
    std::env::var("SLANT_FUZZ_MUTANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

fn smoke(target: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = targets::seeds(root, target);
    assert!(!seeds.is_empty(), "{target}: no seeds");
    for (i, seed) in seeds.iter().enumerate() {
        if let Err(broken) = targets::run(target, seed) {
            panic!("{target}: seed {i}: {broken}");
        }
    }
    let mut rng = mutate::Rng::new(0x5eed ^ target.len() as u64);
    let mut last = seeds[0].clone();
    for n in 0..mutants() {
        // Every other mutant builds on the one before, so that mutations stack.
        let base = if n % 2 == 0 {
            &seeds[rng.below(seeds.len())]
        } else {
            &last
        };
        let input = mutate::mutate(&mut rng, base, &seeds);
        if let Err(broken) = targets::run(target, &input) {
            panic!("{target}: mutant {n} ({} bytes): {broken}", input.len());
        }
        last = input;
    }
    let kept = root.join("fuzz/regressions").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&kept)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for file in files {
        let input = std::fs::read(&file).unwrap();
        if let Err(broken) = targets::run(target, &input) {
            panic!("{}: {broken}", file.display());
        }
    }
}

#[test]
fn ingest_keeps_its_promises() {
    smoke("ingest");
}

#[test]
fn normalize_keeps_its_promises() {
    smoke("normalize");
}

#[test]
fn extract_keeps_its_promises() {
    smoke("extract");
}

#[test]
fn score_keeps_its_promises() {
    smoke("score");
}

#[test]
fn compare_keeps_its_promises() {
    smoke("compare");
}

/// The checks can fail: spans past the end or inside a character are caught.
#[test]
fn broken_spans_are_caught() {
    use slant::Span;
    assert!(targets::check_span("abc", Span::new(1, 3), "x").is_ok());
    assert!(targets::check_span("abc", Span::new(2, 5), "x").is_err());
    assert!(targets::check_span("\u{e9}t\u{e9}", Span::new(0, 1), "x").is_err());
    assert!(targets::run("no-such-target", b"x").is_err());
}

/// Every target takes the empty input and a lone byte of each kind.
#[test]
fn every_target_takes_the_smallest_inputs() {
    for target in targets::TARGETS {
        for input in [&b""[..], b"\0", b"\x01", b"\x02", b"\x03", b"\xff"] {
            if let Err(broken) = targets::run(target, input) {
                panic!("{target} on {input:?}: {broken}");
            }
        }
    }
}
