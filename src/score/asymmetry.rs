//! Attribution asymmetry: whether an article grades its speakers differently ("claimed" for one
//! side, "said" for the other).
//!
//! For each article, every attribution (`story.attributions`) is counted under its speaker. A
//! speaker's **doubt share** is the share of their attributions whose verb is of the doubt
//! class (claimed, alleged, insisted). `attribution_asymmetry` (DESIGN.md) is
//!
//! ```text
//! max doubt share − min doubt share, over the speakers with at least MIN_ATTRIBUTIONS (2)
//! attributions in the article
//! ```
//!
//! so 0 means every well-attested speaker is treated alike and 1 means one speaker's every
//! statement is doubted while another's never is. With fewer than two such speakers there is
//! nobody to compare: the value is 0 and [`ArticleAsymmetry::compared`] is false. A speaker
//! named once cannot make an article asymmetric on their own: one "claimed" may be the only
//! thing the article reports of them.
//!
//! [`verbs_by_speaker`] lists, per speaker, the verbs each article used for them (Trump:
//! "claimed" in one article, "wrote" and "said" in the others).

use crate::Story;
use crate::extract::{Attribution, VerbClass};
use serde::Serialize;
use std::collections::BTreeMap;

/// Attributions a speaker needs in an article to take part in its asymmetry.
pub const MIN_ATTRIBUTIONS: usize = 2;

/// How one article attributes statements to one speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerVerbs {
    pub speaker: String,
    /// The verbs in reading order, lower case, with their class.
    pub verbs: Vec<(String, VerbClass)>,
    /// Attributions with a doubt verb.
    pub doubt: usize,
}

impl SpeakerVerbs {
    pub fn attributions(&self) -> usize {
        self.verbs.len()
    }

    /// Doubt verbs over all attributions (0 when there are none).
    pub fn doubt_share(&self) -> f32 {
        if self.verbs.is_empty() {
            0.0
        } else {
            self.doubt as f32 / self.verbs.len() as f32
        }
    }
}

/// One article's attributions by speaker and its asymmetry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleAsymmetry {
    pub article: usize,
    /// Every speaker the article attributes something to, by name.
    pub speakers: Vec<SpeakerVerbs>,
    /// Most doubted minus least doubted share, over speakers with at least
    /// [`MIN_ATTRIBUTIONS`]; 0 when fewer than two qualify.
    pub asymmetry: f32,
    /// The qualifying speaker with the highest doubt share (first by name on a tie).
    pub most_doubted: Option<String>,
    /// The qualifying speaker with the lowest doubt share (first by name on a tie).
    pub least_doubted: Option<String>,
}

impl ArticleAsymmetry {
    /// Whether at least two speakers qualified, so that `asymmetry` compares something.
    pub fn compared(&self) -> bool {
        self.most_doubted.is_some()
    }
}

/// The asymmetry of every article, in input order.
pub fn asymmetry(story: &Story) -> Vec<ArticleAsymmetry> {
    (0..story.articles.len())
        .map(|i| article_asymmetry(&story.attributions, i))
        .collect()
}

/// The asymmetry of `article` from a list of attributions (any order; others are ignored).
pub fn article_asymmetry(attributions: &[Attribution], article: usize) -> ArticleAsymmetry {
    let mut ordered: Vec<&Attribution> = attributions
        .iter()
        .filter(|a| a.article == article)
        .collect();
    ordered.sort_by_key(|a| (a.span.start, a.span.end));
    let mut by_speaker: BTreeMap<&str, SpeakerVerbs> = BTreeMap::new();
    for a in ordered {
        let slot = by_speaker
            .entry(a.speaker.as_str())
            .or_insert_with(|| SpeakerVerbs {
                speaker: a.speaker.clone(),
                verbs: Vec::new(),
                doubt: 0,
            });
        slot.verbs.push((a.verb.to_lowercase(), a.class));
        slot.doubt += usize::from(a.class == VerbClass::Doubt);
    }
    let speakers: Vec<SpeakerVerbs> = by_speaker.into_values().collect();
    let qualified: Vec<&SpeakerVerbs> = speakers
        .iter()
        .filter(|s| s.attributions() >= MIN_ATTRIBUTIONS)
        .collect();
    let (mut asymmetry, mut most, mut least) = (0.0, None, None);
    if qualified.len() >= 2 {
        // `qualified` is sorted by name: keep the first of equal shares.
        let pick = |better: fn(f32, f32) -> bool| {
            qualified
                .iter()
                .copied()
                .reduce(|best, s| {
                    if better(s.doubt_share(), best.doubt_share()) {
                        s
                    } else {
                        best
                    }
                })
                .expect("two or more")
        };
        let (hi, lo) = (pick(|a, b| a > b), pick(|a, b| a < b));
        asymmetry = hi.doubt_share() - lo.doubt_share();
        most = Some(hi.speaker.clone());
        least = Some(lo.speaker.clone());
    }
    ArticleAsymmetry {
        article,
        speakers,
        asymmetry,
        most_doubted: most,
        least_doubted: least,
    }
}

/// Speaker → article index → the verbs (lower case, reading order) and classes that article
/// used for the speaker. Speakers by name, articles in input order.
pub type VerbsBySpeaker = BTreeMap<String, BTreeMap<usize, Vec<(String, VerbClass)>>>;

/// Which verbs each article used for each speaker.
pub fn verbs_by_speaker(story: &Story) -> VerbsBySpeaker {
    let mut ordered: Vec<&Attribution> = story.attributions.iter().collect();
    ordered.sort_by_key(|a| (a.article, a.span.start, a.span.end));
    let mut out = VerbsBySpeaker::new();
    for a in ordered {
        out.entry(a.speaker.clone())
            .or_default()
            .entry(a.article)
            .or_default()
            .push((a.verb.to_lowercase(), a.class));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn attribution(
        article: usize,
        at: usize,
        speaker: &str,
        verb: &str,
        class: VerbClass,
    ) -> Attribution {
        Attribution {
            article,
            sentence: at,
            speaker: speaker.into(),
            verb: verb.into(),
            class,
            span: Span::new(at * 10, at * 10 + 4),
            direct: false,
        }
    }

    #[test]
    fn asymmetry_is_the_spread_of_doubt_shares() {
        use VerbClass::*;
        let list = [
            attribution(0, 0, "Trump", "claimed", Doubt),
            attribution(0, 1, "Trump", "said", Neutral),
            attribution(0, 2, "Khatibzadeh", "said", Neutral),
            attribution(0, 3, "Khatibzadeh", "added", Neutral),
            attribution(0, 4, "Pompeo", "claimed", Doubt), // once: not compared
            attribution(1, 0, "Trump", "claimed", Doubt),
        ];
        let a = article_asymmetry(&list, 0);
        assert_eq!(a.asymmetry, 0.5);
        assert_eq!(a.most_doubted.as_deref(), Some("Trump"));
        assert_eq!(a.least_doubted.as_deref(), Some("Khatibzadeh"));
        assert_eq!(a.speakers.len(), 3);
        assert!(a.compared());
        // Article 1 has one speaker: nothing to compare.
        let b = article_asymmetry(&list, 1);
        assert_eq!(b.asymmetry, 0.0);
        assert!(!b.compared());
    }

    #[test]
    fn even_treatment_is_zero() {
        use VerbClass::*;
        let list = [
            attribution(0, 0, "A", "claimed", Doubt),
            attribution(0, 1, "A", "said", Neutral),
            attribution(0, 2, "B", "alleged", Doubt),
            attribution(0, 3, "B", "told", Neutral),
        ];
        let a = article_asymmetry(&list, 0);
        assert_eq!(a.asymmetry, 0.0);
        assert!(a.compared());
        assert_eq!(a.most_doubted.as_deref(), Some("A"));
    }
}
