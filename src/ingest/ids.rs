//! Distinct article ids for articles that come one at a time (`slant score` on a stream of
//! records), in memory that grows by a few bytes per article rather than by its id.

use super::Article;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// Gives every article a distinct id as it comes: the first to carry an id keeps it, a later
/// one gets the first free suffix (`x-2`, then `x-3`, ...).
///
/// Unlike [`super::load`], which sees every id before renaming any, it cannot know the ids
/// still to come: an article whose own id is `x-2`, after a second `x` took `x-2`, becomes
/// `x-2-2`. Ids are remembered by a 64-bit fingerprint, so a clash between two different ids
/// is possible but, with fewer than a billion articles, less likely than one in a million
/// (and the same in every run: the fingerprint has fixed keys).
#[derive(Debug, Default)]
pub struct UniqueIds {
    /// Fingerprints of the ids given so far.
    given: HashSet<u64>,
    /// For an id given more than once, the next suffix to try.
    next_suffix: HashMap<u64, usize>,
}

impl UniqueIds {
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames `article` if its id was given before.
    pub fn assign(&mut self, article: &mut Article) {
        let base = fingerprint(&article.id);
        if self.given.insert(base) {
            return;
        }
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(2);
        let id = loop {
            let candidate = format!("{}-{n}", article.id);
            n += 1;
            if self.given.insert(fingerprint(&candidate)) {
                break candidate;
            }
        };
        self.next_suffix.insert(base, n);
        article.id = id;
    }
}

/// A fixed-key hash of an id: the same in every run.
fn fingerprint(id: &str) -> u64 {
    // `DefaultHasher::new` has fixed keys (unlike a `HashMap`'s random ones).
    let mut hasher = std::hash::DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_clashes_take_the_next_free_suffix() {
        let mut ids = UniqueIds::new();
        let given: Vec<String> = ["a", "b", "a", "a-3", "a", "a", "b"]
            .into_iter()
            .map(|id| {
                let mut article = Article::from_text(id, "Body.");
                ids.assign(&mut article);
                article.id
            })
            .collect();
        assert_eq!(given, ["a", "b", "a-2", "a-3", "a-4", "a-5", "b-2"]);
    }
}
