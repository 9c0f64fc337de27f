//! Helpers shared by the tests that measure the pipeline against `fixtures/*/gold/`.
#![allow(dead_code)] // each test binary uses its own part of this module

use slant::Article;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every fixture story directory, in name order.
pub fn stories() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("fixtures")
        .expect("run from the package root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The articles of one story, keyed by id.
pub fn load_story(dir: &Path) -> BTreeMap<String, Article> {
    let loaded = slant::ingest::load(&[dir.to_path_buf()], &Default::default());
    assert!(loaded.errors.is_empty(), "{dir:?}: {:?}", loaded.errors);
    loaded
        .articles
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect()
}

/// Rows of a gold CSV file as column → value maps (an empty list when the file is absent).
pub fn read_gold(path: &Path) -> Vec<BTreeMap<String, String>> {
    let Ok(mut reader) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{path:?}: {e}"));
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Byte range of the first occurrence of `needle` in `body` at or after `from`.
pub fn locate(body: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    body[from..]
        .find(needle)
        .map(|i| (from + i, from + i + needle.len()))
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn from_counts(true_positive: usize, predicted: usize, gold: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(true_positive, predicted), ratio(true_positive, gold));
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.3} R {:.3} F1 {:.3}",
            self.precision, self.recall, self.f1
        )
    }
}
