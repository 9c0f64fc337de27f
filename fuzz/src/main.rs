//! `slant-fuzz`: property-driven fuzzing of slant's stages on the stable toolchain.
//!
//! Starting from the fixtures and test pages, it mutates inputs (byte edits, quotation marks,
//! tags, JSON punctuation, sentence ends, odd Unicode, deep nesting, repeated stretches, pieces
//! of other inputs), runs a target on each and checks what the stage promises (see
//! `targets.rs`). Mutants are kept in a rolling pool so that mutations stack. A panic or a
//! broken promise is a finding: its input is written to `CRASHES/<target>/<hash>.bin`. Inputs
//! that take more than `--slow` seconds are written to `CRASHES/<target>/slow-<hash>.bin`.
//! Before each run the input is also written to `CRASHES/<target>/current.bin`, so that an
//! abort (which no handler can catch) still leaves its input behind.
//!
//! ```text
//! cargo run --release -p slant-fuzz -- TARGET|all [--seconds N] [--seed N] [--crashes DIR]
//! cargo run --release -p slant-fuzz -- TARGET --replay FILE...
//! ```
//! Targets: ingest, normalize, extract, score, compare. Exit status 1 when anything was found.

mod mutate;
mod targets;

use mutate::{Rng, mutate};
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How many mutants the rolling pool keeps besides the seeds.
const POOL: usize = 2000;

struct Options {
    targets: Vec<String>,
    /// Files to run once each instead of fuzzing (`--replay FILE...`).
    replay: Vec<PathBuf>,
    seconds: u64,
    seed: u64,
    crashes: PathBuf,
    slow: f64,
}

fn main() {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("slant-fuzz: {e}");
            eprintln!(
                "usage: slant-fuzz TARGET|all [--seconds N] [--seed N] [--crashes DIR] [--slow SECONDS]"
            );
            std::process::exit(2);
        }
    };
    // Panics are findings, reported once each by the loop, not printed by the default hook.
    std::panic::set_hook(Box::new(|_| {}));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found_any = false;
    if !options.replay.is_empty() {
        for target in &options.targets {
            for file in &options.replay {
                found_any |= replay(target, file);
            }
        }
        std::process::exit(i32::from(found_any));
    }
    for target in &options.targets {
        found_any |= fuzz(target, &root, &options);
    }
    std::process::exit(i32::from(found_any));
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let target = args.next().ok_or("no target")?;
    let targets = if target == "all" {
        targets::TARGETS.iter().map(|t| t.to_string()).collect()
    } else if targets::TARGETS.contains(&target.as_str()) {
        vec![target]
    } else {
        return Err(format!(
            "unknown target `{target}` (one of {}, or all)",
            targets::TARGETS.join(", ")
        ));
    };
    let mut options = Options {
        targets,
        replay: Vec::new(),
        seconds: 60,
        seed: 1,
        crashes: PathBuf::from("fuzz/crashes"),
        slow: 2.0,
    };
    while let Some(flag) = args.next() {
        if flag == "--replay" {
            options.replay.extend(args.by_ref().map(PathBuf::from));
            break;
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: `{value}` is not a number"))
        };
        match flag.as_str() {
            "--seconds" => options.seconds = number()?,
            "--seed" => options.seed = number()?,
            "--crashes" => options.crashes = PathBuf::from(&value),
            "--slow" => {
                options.slow = value
                    .parse()
                    .map_err(|_| format!("--slow: `{value}` is not a number"))?
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(options)
}

/// Fuzzes one target for the given time; true when something was found.
fn fuzz(target: &str, root: &Path, options: &Options) -> bool {
    let seeds = targets::seeds(root, target);
    if seeds.is_empty() {
        eprintln!("{target}: no seeds found under {}", root.display());
        return true;
    }
    let out = options.crashes.join(target);
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{target}: cannot create {}: {e}", out.display());
        return true;
    }
    let current = out.join("current.bin");
    let mut rng = Rng::new(options.seed ^ hash(target.as_bytes()));
    let mut pool: Vec<Vec<u8>> = Vec::new();
    let mut findings: BTreeMap<String, usize> = BTreeMap::new();
    let (mut runs, mut slow, mut slowest) = (0u64, 0u64, 0f64);
    let start = Instant::now();
    let deadline = start + Duration::from_secs(options.seconds);
    let mut report_at = start + Duration::from_secs(300);
    // Every seed once, unmutated, then mutants until the deadline.
    let mut queue: Vec<Vec<u8>> = seeds.iter().rev().cloned().collect();
    while Instant::now() < deadline || !queue.is_empty() {
        let input = queue.pop().unwrap_or_else(|| {
            let base = if pool.is_empty() || rng.below(3) == 0 {
                &seeds[rng.below(seeds.len())]
            } else {
                &pool[rng.below(pool.len())]
            };
            mutate(&mut rng, base, &seeds)
        });
        let _ = std::fs::write(&current, &input);
        let began = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| targets::run(target, &input)));
        let took = began.elapsed().as_secs_f64();
        runs += 1;
        slowest = slowest.max(took);
        let problem = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(broken)) => Some(broken),
            Err(panic) => Some(format!("panic: {}", panic_message(&panic))),
        };
        if let Some(problem) = problem {
            let key: String = problem.chars().take(120).collect();
            let count = findings.entry(key).or_default();
            *count += 1;
            if *count == 1 {
                let file = out.join(format!("{:016x}.bin", hash(&input)));
                let _ = std::fs::write(&file, &input);
                println!(
                    "{target}: FOUND {problem} ({} bytes, {})",
                    input.len(),
                    file.display()
                );
            }
        }
        if took > options.slow {
            slow += 1;
            let file = out.join(format!("slow-{:016x}.bin", hash(&input)));
            let _ = std::fs::write(&file, &input);
            println!(
                "{target}: SLOW {took:.2} s on {} bytes ({})",
                input.len(),
                file.display()
            );
        }
        if pool.len() < POOL {
            pool.push(input);
        } else {
            let i = rng.below(POOL);
            pool[i] = input;
        }
        if Instant::now() >= report_at {
            report_at += Duration::from_secs(300);
            println!(
                "{target}: {runs} runs in {:.0} s, {} distinct findings so far",
                start.elapsed().as_secs_f64(),
                findings.len()
            );
        }
    }
    let _ = std::fs::remove_file(&current);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{target}: {runs} runs in {secs:.0} s ({:.1}/s), {} seeds, slowest run {slowest:.3} s, {slow} slow, {} distinct findings ({} in all)",
        runs as f64 / secs.max(1e-9),
        seeds.len(),
        findings.len(),
        findings.values().sum::<usize>()
    );
    for (problem, count) in &findings {
        println!("{target}:   {count} x {problem}");
    }
    !findings.is_empty()
}

/// Runs `target` once on the input in `file` and says how it went and how long it took; true
/// when it broke a promise or could not be read.
fn replay(target: &str, file: &Path) -> bool {
    let input = match std::fs::read(file) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            return true;
        }
    };
    let began = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| targets::run(target, &input)));
    let took = began.elapsed().as_secs_f64();
    let (ok, what) = match outcome {
        Ok(Ok(())) => (true, "ok".to_string()),
        Ok(Err(broken)) => (false, broken),
        Err(panic) => (false, format!("panic: {}", panic_message(&panic))),
    };
    println!(
        "{target} {}: {what} in {took:.3} s ({} bytes)",
        file.display(),
        input.len()
    );
    !ok
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".into()
    }
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}
