//! How alike two sentences are, from 0 (nothing shared) to 1 (the same words).
//!
//! Two measures, and the larger wins:
//! - lexical: the rarity-weighted terms the two share ([`super::terms`]), as a blend of the
//!   Dice overlap and the containment of the smaller sentence in the larger (so a short
//!   sentence that says one thing of a longer one still scores);
//! - characters: normalized Levenshtein similarity of the folded texts, for near-identical
//!   sentences (wire copy with a word changed), computed only when the words already overlap.

use super::terms::Weighted;

/// Below this many terms, containment says little ("Think it over." is inside many sentences).
const MIN_TERMS_FOR_CONTAINMENT: usize = 3;
/// Share of containment in the lexical score (the rest is Dice). Measured on the fixtures'
/// alignment gold: more containment joins summary sentences to everything they touch.
pub const CONTAINMENT_SHARE: f32 = 0.3;
/// The same for a pair with a headline: a headline is a short summary of a longer sentence,
/// so what it shares with that sentence counts more than what the sentence adds.
pub const HEADLINE_CONTAINMENT_SHARE: f32 = 0.7;
/// Character similarity is computed only for pairs whose word overlap reaches this Dice score,
/// and only for texts up to this many bytes (it costs the product of the lengths).
const CHAR_SIM_MIN_DICE: f32 = 0.35;
const CHAR_SIM_MAX_BYTES: usize = 600;

/// Similarity falls by this share of the distance between the two sentences' relative places
/// (0 = lead, 1 = last): outlets reorder, but a lead rarely reports what another outlet's
/// closing background paragraph does.
pub const POSITION_PENALTY: f32 = 0.5;

/// Lexical similarity is multiplied by this when both sentences give figures and share none
/// ("eight rockets" against "21 rockets"): different accounts, not the same statement.
pub const NUMBER_CONFLICT_FACTOR: f32 = 0.5;

/// Two figures this close (the larger at most 25% above the smaller) may be the same count
/// reported loosely ("more than a dozen" ships and "14" ships).
pub const NUMBER_TOLERANCE: f64 = 1.25;

/// Whether both sentences hold numbers and none of one is close to any of the other.
pub fn numbers_conflict(a: &[Weighted], b: &[Weighted], number_value: &[Option<f64>]) -> bool {
    let numbers = |t: &[Weighted]| {
        t.iter()
            .filter_map(|(id, _)| number_value[*id as usize])
            .collect::<Vec<f64>>()
    };
    let (na, nb) = (numbers(a), numbers(b));
    let close = |x: f64, y: f64| x.max(y) <= x.min(y) * NUMBER_TOLERANCE;
    !na.is_empty() && !nb.is_empty() && !na.iter().any(|&x| nb.iter().any(|&y| close(x, y)))
}

/// The sum of the weights the two sentences share (terms sorted by id).
/// Terms marked `generic` (in so many sentences that they only say what the story is about)
/// never count as shared; they still count in each sentence's total, so that two sentences
/// alike only in topic words score low.
pub fn shared_weight(a: &[Weighted], b: &[Weighted], generic: &[bool]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !generic[a[i].0 as usize] {
                    sum += a[i].1.min(b[j].1);
                }
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Lexical similarity from the shared weight and each sentence's terms and total weight.
pub fn lexical(
    shared: f32,
    a: (&[Weighted], f32),
    b: (&[Weighted], f32),
    containment_share: f32,
) -> f32 {
    if shared <= 0.0 {
        return 0.0;
    }
    let dice = 2.0 * shared / (a.1 + b.1);
    let (small_len, small_total) = if a.1 <= b.1 {
        (a.0.len(), a.1)
    } else {
        (b.0.len(), b.1)
    };
    if small_len < MIN_TERMS_FOR_CONTAINMENT {
        return dice;
    }
    let containment = shared / small_total;
    ((1.0 - containment_share) * dice + containment_share * containment).min(1.0)
}

/// Character similarity of two folded texts, when worth computing: it cannot exceed the
/// ratio of the shorter length to the longer, so it is skipped when that ratio cannot beat
/// `to_beat` (the score the pair already has).
pub fn characters(a: &str, b: &str, dice: f32, to_beat: f32) -> Option<f32> {
    if dice < CHAR_SIM_MIN_DICE || a.len() > CHAR_SIM_MAX_BYTES || b.len() > CHAR_SIM_MAX_BYTES {
        return None;
    }
    let (short, long) = (
        a.chars().count().min(b.chars().count()),
        a.chars().count().max(b.chars().count()),
    );
    if long == 0 || (short as f32 / long as f32) <= to_beat {
        return None;
    }
    Some(normalized_levenshtein(&a.to_lowercase(), &b.to_lowercase()))
}

/// `strsim::normalized_levenshtein`, with the common prefix and suffix set aside first (they
/// never change the distance): near-identical sentences of wire copy cost little.
fn normalized_levenshtein(a: &str, b: &str) -> f32 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a_rest, b_rest) = (&a[prefix..], &b[prefix..]);
    let suffix = a_rest
        .iter()
        .rev()
        .zip(b_rest.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (
        &a_rest[..a_rest.len() - suffix],
        &b_rest[..b_rest.len() - suffix],
    );
    let distance = strsim::generic_levenshtein(&a_mid.to_vec(), &b_mid.to_vec());
    (1.0 - distance as f64 / longest as f64) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_levenshtein_agrees_with_strsim() {
        let cases = [
            ("", ""),
            ("same words", "same words"),
            ("the rockets were fired", "the missiles were fired"),
            ("abc", "xabcx"),
            ("aaaa", "aa"),
            ("Iran’s proxies", "Iran's proxies fired"),
            ("kitten", "sitting"),
        ];
        for (a, b) in cases {
            let want = strsim::normalized_levenshtein(a, b) as f32;
            assert!(
                (normalized_levenshtein(a, b) - want).abs() < 1e-6,
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn shared_weight_takes_the_smaller_weight_of_common_terms() {
        let a = [(1, 1.0), (3, 2.0), (5, 1.0)];
        let b = [(3, 1.5), (4, 1.0), (5, 1.0)];
        assert_eq!(shared_weight(&a, &b, &[false; 6]), 2.5);
        let mut generic = [false; 6];
        generic[3] = true;
        assert_eq!(shared_weight(&a, &b, &generic), 1.0);
    }

    #[test]
    fn a_short_sentence_inside_a_long_one_scores_above_dice() {
        let short = [(1, 1.0), (2, 1.0), (3, 1.0)];
        let long = [(1, 1.0), (2, 1.0), (3, 1.0), (4, 1.0), (5, 1.0), (6, 1.0)];
        let s = shared_weight(&short, &long, &[false; 7]);
        let sim = lexical(s, (&short, 3.0), (&long, 6.0), CONTAINMENT_SHARE);
        assert!((sim - 0.7667).abs() < 1e-3, "{sim}");
    }

    #[test]
    fn near_identical_texts_score_high_on_characters() {
        let sim = characters(
            "Three rockets failed to launch.",
            "Three rockets failed to launch!",
            0.9,
            0.5,
        )
        .unwrap();
        assert!(sim > 0.95);
        assert_eq!(characters("a", "b", 0.1, 0.0), None);
        assert_eq!(
            characters("short one", "a much longer sentence than that", 0.9, 0.5),
            None
        );
    }
}
