//! The peer baseline: what the other outlets wrote in the same place.
//!
//! Every flag sits in a sentence, and every sentence in an alignment unit. The *peers* of a flag
//! are the other articles with a sentence in that unit, leaving out the flagged article's
//! whole copies (its syndicated original, republications or spun copies of it; a passage lifted
//! into an article of its own does not count): a copy is the same text, not
//! another outlet's choice. Two articles that copy each other are still two peers of a third
//! (two outlets chose to run that wording). An article in another language than English is
//! nobody's peer: its words are no English alternative.
//!
//! [`fill_baselines`] finds, in each peer's sentences of the unit, the words that stand where the
//! flagged words stand (the *counterparts*):
//! - for a reporting verb (a flag of an `attribution-*` category, or one over an attribution's
//!   verb): the verb of the peer's first attribution to the same speaker in each of its
//!   sentences (to any speaker when the flagged verb's speaker is unknown);
//! - for other words: the peer's side of a substitution (a replaced run of the word diff) that
//!   covers the flagged words; failing that, every word of the peer's sentences that is the
//!   flagged words themselves, a form of the same lexicon entry, a form of another entry of the
//!   same category with the same neutral alternative (`martyrdom` for `assassination`, both
//!   "killing"), or the neutral alternative itself, compared by stem (`killed` for "killing").
//!
//! `baseline` counts, for each counterpart word, the peers that wrote it: `killed (3), martyrdom
//! (1)` (most first, then alphabetical). A peer without a counterpart is not listed.
//!
//! **Weight.** A word every peer also used is the story's vocabulary, not this outlet's choice:
//! `weight × (1 − SHARED_WORD_DISCOUNT × same / peers)`, where `peers` is the number of peer
//! articles in the unit and `same` those whose counterparts include the flagged word (the same
//! lexicon entry, or the same words). With every peer using it the weight halves; a flag with
//! no peers keeps its weight.
//!
//! [`peer_flags`] turns substitutions into flags of their own ([`Evidence::Peer`]) where the
//! lexicon alone did not flag the words; [`substitution_categories`] names the lexicon category
//! of each substitution for `substitutions.csv`.

use crate::Span;
use crate::Story;
use crate::align::Unit;
use crate::diff::Substitution;
use crate::extract::{Attribution, VerbClass};
use crate::normalize::{Token, TokenKind};
use crate::score::lexicon::{Entry, Lexicon};
use crate::score::{Evidence, Flag};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Share of a flag's weight taken off when every peer used the same word (see the module docs).
pub const SHARED_WORD_DISCOUNT: f32 = 0.5;

/// A flag resting only on peers (the words are not in the lexicon) weighs this share of the
/// lexicon entries that suggest the peers' neutral word.
pub const PEER_ONLY_WEIGHT_FACTOR: f32 = 0.5;

/// Independent peers (near-copies count once) that must replace the same words by a neutral
/// word before words the lexicon does not know are flagged.
pub const PEER_ONLY_MIN_PEERS: usize = 2;

/// Fills `baseline` of every flag whose baseline is empty with what the peers wrote, and lowers
/// the weight of words the peers used too (see the module docs). Call once per flag list.
pub fn fill_baselines(flags: &mut [Flag], story: &Story, lexicon: &Lexicon) {
    let places = Places::new(story);
    let forms = LexiconForms::new(lexicon);
    for flag in flags.iter_mut() {
        if !flag.baseline.is_empty() {
            continue;
        }
        let Some(found) = counterparts(flag, story, &places, &forms) else {
            continue;
        };
        flag.baseline = baseline_text(&found.words);
        if found.peers > 0 {
            let share = found.same as f32 / found.peers as f32;
            flag.weight *= 1.0 - SHARED_WORD_DISCOUNT * share;
        }
    }
}

/// `killed (3), martyrdom (1)`: most peers first, then alphabetical.
pub fn baseline_text(words: &BTreeMap<String, usize>) -> String {
    let mut counted: Vec<(&String, &usize)> = words.iter().collect();
    counted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    counted
        .iter()
        .map(|(w, n)| format!("{w} ({n})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the peers of one flag wrote.
#[derive(Debug, Default)]
struct Counterparts {
    /// Peer articles in the unit (near-copies of the flagged article left out).
    peers: usize,
    /// Peers whose counterparts include the flagged word.
    same: usize,
    /// Counterpart word (lower case, as written) → peers that wrote it.
    words: BTreeMap<String, usize>,
}

fn counterparts(
    flag: &Flag,
    story: &Story,
    places: &Places,
    forms: &LexiconForms<'_>,
) -> Option<Counterparts> {
    let unit = places.unit_of(flag.article, flag.sentence)?;
    let peers = places.peers(unit, flag.article);
    let own_attribution = places
        .attributions_in(flag.article, flag.sentence)
        .iter()
        .copied()
        .find(|a| a.span.overlaps(flag.span));
    let is_attribution = own_attribution.is_some() || flag.category.starts_with("attribution-");
    let entry = forms.entry(&flag.term);
    let own_words = span_words(story, flag.article, flag.span);
    let mut out = Counterparts {
        peers: peers.len(),
        ..Default::default()
    };
    for (peer, sentences) in peers {
        let found = if is_attribution {
            let speaker = own_attribution.map(|a| a.speaker.as_str());
            peer_verbs(places, peer, &sentences, speaker)
        } else {
            let subs = substituted(story, places, unit, flag, peer);
            if subs.is_empty() {
                peer_words(story, peer, &sentences, flag, entry, &own_words, forms)
            } else {
                subs
            }
        };
        let same = found.iter().any(|w| {
            *w == flag.term.to_lowercase()
                || words_of(w) == own_words
                || entry.is_some_and(|e| forms.is_form_of(w, e))
        });
        out.same += usize::from(same);
        for word in found {
            *out.words.entry(word).or_default() += 1;
        }
    }
    Some(out)
}

/// The reporting verbs of a peer's sentences: per sentence, its first attribution to `speaker`
/// (to anyone when the speaker is unknown).
fn peer_verbs(
    places: &Places<'_>,
    peer: usize,
    sentences: &[usize],
    speaker: Option<&str>,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for &s in sentences {
        let first = places
            .attributions_in(peer, s)
            .iter()
            .filter(|a| speaker.is_none_or(|sp| a.speaker == sp))
            .min_by_key(|a| a.span.start);
        if let Some(a) = first {
            out.insert(a.verb.to_lowercase());
        }
    }
    out
}

/// The peer's side of every substitution in `unit` between the flagged article and `peer`
/// whose flagged-article side covers the flag.
fn substituted(
    story: &Story,
    places: &Places<'_>,
    unit: &Unit,
    flag: &Flag,
    peer: usize,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for s in places.substitutions_between(unit.id, flag.article, peer) {
        let (own, other) = match (s.a, s.b) {
            (a, b) if a == flag.article && b == peer => (&s.a_text, &s.b_text),
            (a, b) if b == flag.article && a == peer => (&s.b_text, &s.a_text),
            _ => continue,
        };
        let located = locate_in_unit(story, unit, flag.article, own);
        if located.is_some_and(|(_, span)| span.overlaps(flag.span)) {
            out.insert(other.to_lowercase());
        }
    }
    out
}

/// Words of the peer's sentences that stand for the flagged words (see the module docs).
fn peer_words(
    story: &Story,
    peer: usize,
    sentences: &[usize],
    flag: &Flag,
    entry: Option<&Entry>,
    own_words: &[String],
    forms: &LexiconForms<'_>,
) -> BTreeSet<String> {
    let (doc, body) = (&story.docs[peer], &story.articles[peer].body);
    let neutrals: Vec<Vec<String>> = alternatives(&flag.neutral)
        .map(|n| stems(&words_of(n)))
        .collect();
    let mut out = BTreeSet::new();
    for &s in sentences {
        let tokens = doc.sentence_tokens(s);
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        let token_stems: Vec<&str> = tokens.iter().map(|t| t.stem.as_str()).collect();
        let mut take = |range: std::ops::Range<usize>| {
            out.insert(surface(body, &tokens[range]).to_lowercase());
        };
        if !own_words.is_empty() {
            for at in find_all(&texts, own_words) {
                take(at..at + own_words.len());
            }
        }
        for (range, other) in forms.matches(tokens) {
            let related = match entry {
                Some(e) => {
                    std::ptr::eq(e, other)
                        || (other.category == e.category
                            && !e.neutral.is_empty()
                            && other.neutral.eq_ignore_ascii_case(&e.neutral))
                }
                None => false,
            };
            if related && !other.guarded(body, span_of(&tokens[range.clone()]).range()) {
                take(range);
            }
        }
        for neutral in &neutrals {
            for at in find_all(&token_stems, neutral) {
                take(at..at + neutral.len());
            }
        }
    }
    out
}

/// Flags for substitutions between loaded words and their neutral alternative that the lexicon
/// flagger did not make (`existing`): never on a span an existing flag overlaps.
///
/// For each substitution, each side in turn is "this outlet's" words and the other side the
/// peer's:
/// - a lexicon form in this outlet's words whose neutral alternative the peer wrote (for
///   reporting verbs: any neutral verb) — the lexicon flagger normally has these already;
/// - a word sharing its stem with a single-word lexicon form, not itself a listed form
///   (`assassinating` when the entry lists `assassination|assassinated`), whose entry's neutral
///   the peer wrote;
/// - one lower-case content word the lexicon does not know, replaced by a neutral alternative
///   of lexicon entries (not a reporting verb, not a word that is itself a neutral
///   alternative, sharing no stem with it) by at least [`PEER_ONLY_MIN_PEERS`] independent
///   peers: category of those entries (the most common one), weight
///   [`PEER_ONLY_WEIGHT_FACTOR`] × their highest weight.
///
/// Entries of the `attribution-neutral` and `attribution-other` categories, entries of weight 0
/// and guarded matches (`not_when`) never give a flag. `baseline` is left empty for
/// [`fill_baselines`].
pub fn peer_flags(story: &Story, lexicon: &Lexicon, existing: &[Flag]) -> Vec<Flag> {
    let places = Places::new(story);
    let forms = LexiconForms::new(lexicon);
    let mut found: BTreeMap<(usize, Span), Flag> = BTreeMap::new();
    // Unknown words replaced by a neutral word: (article, span) → independent peers, and the
    // flag to make when there are enough of them.
    let mut unknown: BTreeMap<(usize, Span), (BTreeSet<usize>, Flag)> = BTreeMap::new();
    for s in &story.diffs.substitutions {
        // Words of another language are no neutral alternative, and are not scored.
        if !story.is_scored(s.a) || !story.is_scored(s.b) {
            continue;
        }
        let Some(unit) = places.unit(s.unit) else {
            continue;
        };
        for (own, own_text, peer, peer_text) in [
            (s.a, &s.a_text, s.b, &s.b_text),
            (s.b, &s.b_text, s.a, &s.a_text),
        ] {
            let Some((sentence, span)) = locate_in_unit(story, unit, own, own_text) else {
                continue;
            };
            let tokens = tokens_in(story, own, sentence, span);
            let peer_words = words_of(peer_text);
            let side = Side {
                story,
                article: own,
                tokens,
                peer,
                peer_text,
                peer_words: &peer_words,
            };
            let known = side.known_flags(&forms);
            let copies = places.independent(own) == places.independent(peer);
            if known.is_empty()
                && !copies
                && let Some(flag) = side.unknown_flag(&forms)
            {
                let independent = places.independent(peer);
                let slot = unknown
                    .entry((flag.article, flag.span))
                    .or_insert_with(|| (BTreeSet::new(), flag));
                slot.0.insert(independent);
            }
            for flag in known {
                found.entry((flag.article, flag.span)).or_insert(flag);
            }
        }
    }
    for (key, independent, flag) in across_shapes(story, &places, &forms) {
        let slot = unknown
            .entry(key)
            .or_insert_with(|| (BTreeSet::new(), flag));
        slot.0.insert(independent);
    }
    for (key, (peers, flag)) in unknown {
        if peers.len() >= PEER_ONLY_MIN_PEERS {
            found.entry(key).or_insert(flag);
        }
    }
    let mut out: Vec<Flag> = Vec::new();
    for flag in found.into_values() {
        let clash = existing
            .iter()
            .chain(&out)
            .any(|f| f.article == flag.article && f.span.overlaps(flag.span));
        if !clash {
            out.push(flag);
        }
    }
    out
}

/// The slot a word stands in: the stems of the words right before and right after it in its
/// sentence (`None` at a sentence end). A slot says something only when one of the two is a
/// content word.
type Slot<'t> = (Option<&'t str>, Option<&'t str>);

/// The slot of token `i` of `tokens`, if one of its neighbours is a content word.
fn slot_of(tokens: &[Token], i: usize) -> Option<Slot<'_>> {
    let before = i.checked_sub(1).map(|k| &tokens[k]);
    let after = tokens.get(i + 1);
    if !before.is_some_and(is_content) && !after.is_some_and(is_content) {
        return None;
    }
    Some((
        before.map(|t| t.stem.as_str()),
        after.map(|t| t.stem.as_str()),
    ))
}

/// Words the lexicon does not know that stand in the same slot as a neutral word of peers in
/// the same unit, whatever the shape of the two sentences around it: the same word right
/// before and right after ("soldiers *culled* twelve" against "soldiers *killed* twelve",
/// "Iran-backed *militants* fired" against "Iran-backed *fighters* fired"), and neither
/// sentence has the other's word. Each hit is (article, span), the peer's near-copy family
/// and the flag to make; [`peer_flags`] keeps those that enough independent peers support.
/// Work is linear in the unit's words: the peers' neutral words are indexed by their slot,
/// and each word looks its own up.
fn across_shapes(
    story: &Story,
    places: &Places<'_>,
    forms: &LexiconForms<'_>,
) -> Vec<((usize, Span), usize, Flag)> {
    let mut out = Vec::new();
    for unit in &story.alignment.units {
        // Slot → (neutral stem, peer article) of every neutral word in the unit.
        let mut by_slot: HashMap<Slot<'_>, Vec<(&str, usize)>> = HashMap::new();
        let mut stems_of: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
        for m in &unit.members {
            if !story.is_scored(m.article) {
                continue;
            }
            let tokens = story.docs[m.article].sentence_tokens(m.sentence);
            let stems = stems_of.entry(m.article).or_default();
            stems.extend(
                tokens
                    .iter()
                    .filter(|t| is_content(t))
                    .map(|t| t.stem.as_str()),
            );
            for (j, t) in tokens.iter().enumerate() {
                if !is_content(t) || !forms.is_single_neutral(&t.stem) {
                    continue;
                }
                if let Some(slot) = slot_of(tokens, j) {
                    by_slot
                        .entry(slot)
                        .or_default()
                        .push((t.stem.as_str(), m.article));
                }
            }
        }
        if by_slot.is_empty() {
            continue;
        }
        for m in &unit.members {
            if !story.is_scored(m.article) {
                continue;
            }
            let own_family = places.independent(m.article);
            let own_stems = &stems_of[&m.article];
            let body = &story.articles[m.article].body;
            let tokens = story.docs[m.article].sentence_tokens(m.sentence);
            for (i, t) in tokens.iter().enumerate() {
                if !is_content(t)
                    || forms.is_known_stem(&t.stem)
                    || body[t.span.range()].starts_with(char::is_uppercase)
                {
                    continue;
                }
                let Some(hits) = slot_of(tokens, i).and_then(|slot| by_slot.get(&slot)) else {
                    continue;
                };
                for &(neutral, peer) in hits {
                    let family = places.independent(peer);
                    if family == own_family
                        || own_stems.contains(neutral)
                        || stems_of[&peer].contains(t.stem.as_str())
                    {
                        continue;
                    }
                    let word = [neutral.to_string()];
                    let side = Side {
                        story,
                        article: m.article,
                        tokens: std::slice::from_ref(t),
                        peer,
                        peer_text: forms.neutral_text(neutral).unwrap_or(neutral),
                        peer_words: &word,
                    };
                    if let Some(flag) = side.unknown_flag(forms) {
                        out.push(((m.article, t.span), family, flag));
                    }
                }
            }
        }
    }
    out
}

/// One side of a substitution, as this outlet's words against the peer's.
struct Side<'a> {
    story: &'a Story,
    article: usize,
    tokens: &'a [Token],
    peer: usize,
    peer_text: &'a str,
    peer_words: &'a [String],
}

impl Side<'_> {
    fn body(&self) -> &str {
        &self.story.articles[self.article].body
    }

    /// Lexicon forms (and stem variants of forms) whose neutral the peer wrote.
    fn known_flags(&self, forms: &LexiconForms<'_>) -> Vec<Flag> {
        let mut out = Vec::new();
        let mut covered = vec![false; self.tokens.len()];
        for (range, entry) in forms.matches(self.tokens) {
            covered[range.clone()].iter_mut().for_each(|c| *c = true);
            let span = span_of(&self.tokens[range]);
            if is_loaded(entry)
                && !entry.guarded(self.body(), span.range())
                && forms.peer_wrote_neutral(entry, self.peer_words)
            {
                out.push(self.flag(span, entry, entry.weight, &self.known_why(span, entry)));
            }
        }
        for (i, token) in self.tokens.iter().enumerate() {
            if covered[i] || token.kind != TokenKind::Word {
                continue;
            }
            let span = token.span;
            for entry in forms.by_stem(&token.stem) {
                if is_loaded(entry)
                    && !entry.guarded(self.body(), span.range())
                    && forms.peer_wrote_neutral(entry, self.peer_words)
                {
                    out.push(self.flag(span, entry, entry.weight, &self.known_why(span, entry)));
                    break;
                }
            }
        }
        out
    }

    /// One content word the lexicon does not know, replaced by a neutral alternative.
    fn unknown_flag(&self, forms: &LexiconForms<'_>) -> Option<Flag> {
        let mut content = self.tokens.iter().filter(|t| is_content(t));
        let token = content.next()?;
        if content.next().is_some() || forms.is_known_stem(&token.stem) {
            return None;
        }
        let body = self.body();
        if body[token.span.range()].starts_with(char::is_uppercase) {
            return None; // a name: outlets name the same actor differently
        }
        let peer_stems = stems(self.peer_words);
        if peer_stems.contains(&token.stem) {
            return None;
        }
        let (neutral, entries) = forms.neutral_in(&peer_stems)?;
        if entries.iter().any(|e| e.verb_class().is_some()) {
            return None; // an unknown reporting verb: the attribution classes deal with verbs
        }
        let mut by_category: BTreeMap<&str, (usize, f32)> = BTreeMap::new();
        for e in &entries {
            let slot = by_category.entry(e.category.as_str()).or_default();
            slot.0 += 1;
            slot.1 = slot.1.max(e.weight);
        }
        let (category, (_, weight)) = by_category
            .iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(a.0)))?;
        let word = &body[token.span.range()];
        let why = format!(
            "Another outlet ({}) wrote \"{}\" in the same sentence where this one wrote \"{word}\". \
             \"{neutral}\" is the plain word; choosing another word for the same thing can carry \
             a judgment.",
            self.story.articles[self.peer].outlet, self.peer_text
        );
        let mut flag = self.flag(
            token.span,
            entries[0],
            weight * PEER_ONLY_WEIGHT_FACTOR,
            &why,
        );
        flag.term = word.to_lowercase();
        flag.category = category.to_string();
        flag.neutral = neutral;
        Some(flag)
    }

    fn known_why(&self, span: Span, entry: &Entry) -> String {
        format!(
            "Another outlet ({}) wrote \"{}\" in the same sentence where this one wrote \"{}\". {}",
            self.story.articles[self.peer].outlet,
            self.peer_text,
            &self.body()[span.range()],
            entry.explanation
        )
        .trim_end()
        .to_string()
    }

    fn flag(&self, span: Span, entry: &Entry, weight: f32, why: &str) -> Flag {
        Flag {
            article: self.article,
            sentence: self.tokens.first().map_or(0, |t| t.sentence),
            span,
            term: entry.term.clone(),
            category: entry.category.clone(),
            neutral: entry.neutral.clone(),
            weight,
            evidence: Evidence::Peer,
            in_quote: in_quote(self.story, self.article, span),
            baseline: String::new(),
            explanation: why.to_string(),
        }
    }
}

/// Whether an entry marks loaded wording (neutral and plain reporting verbs do not).
pub(crate) fn is_loaded(entry: &Entry) -> bool {
    entry.weight > 0.0
        && !matches!(
            entry.verb_class(),
            Some(VerbClass::Neutral | VerbClass::Other)
        )
}

/// One category per substitution (same order as `story.diffs.substitutions`): the category of
/// the weightiest lexicon entry whose form stands on either side (guards checked against the
/// side's own words), the first side on a tie; empty when neither side has one. `said` →
/// `claimed` is `attribution-doubt`. Only listed forms count: stems are too loose here
/// (`State Department` would be a form of "stated", `accusations` of "accuse").
pub fn substitution_categories(story: &Story, lexicon: &Lexicon) -> Vec<String> {
    let forms = LexiconForms::new(lexicon);
    story
        .diffs
        .substitutions
        .iter()
        .map(|s| substitution_category(s, &forms))
        .collect()
}

fn substitution_category(s: &Substitution, forms: &LexiconForms<'_>) -> String {
    let mut best: Option<&Entry> = None;
    for text in [&s.a_text, &s.b_text] {
        // Folded first, so that token spans point into the text the guards read.
        let text = &crate::normalize::fold::fold(text).text;
        let tokens = text_tokens(text);
        let candidates = forms
            .matches(&tokens)
            .into_iter()
            .filter(|(range, entry)| !entry.guarded(text, span_of(&tokens[range.clone()]).range()))
            .map(|(_, entry)| entry);
        for entry in candidates {
            if best.is_none_or(|b| entry.weight > b.weight) {
                best = Some(entry);
            }
        }
    }
    best.map(|e| e.category.clone()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Story lookups shared by the scorers.

/// Where each sentence sits in the alignment, and which articles copy which.
#[derive(Debug)]
pub(crate) struct Places<'a> {
    story: &'a Story,
    /// article → sentence → index into `story.alignment.units`.
    unit_index: Vec<Vec<Option<usize>>>,
    by_id: HashMap<usize, usize>,
    /// article → the article standing for its near-copy family (its original, followed
    /// through copies of copies; itself when it copies nobody).
    family: Vec<usize>,
    /// (article, sentence) → its attributions, in story order.
    attributions: HashMap<(usize, usize), Vec<&'a Attribution>>,
    /// (unit id, article, peer) → the substitutions between the two in that unit, in story
    /// order (each listed under both orders of the pair).
    substitutions: HashMap<(usize, usize, usize), Vec<&'a Substitution>>,
}

impl<'a> Places<'a> {
    pub(crate) fn new(story: &'a Story) -> Self {
        let mut unit_index: Vec<Vec<Option<usize>>> = story
            .docs
            .iter()
            .map(|d| vec![None; d.sentences.len()])
            .collect();
        let mut by_id = HashMap::new();
        for (i, unit) in story.alignment.units.iter().enumerate() {
            by_id.insert(unit.id, i);
            for m in &unit.members {
                if let Some(slot) = unit_index
                    .get_mut(m.article)
                    .and_then(|a| a.get_mut(m.sentence))
                {
                    *slot = Some(i);
                }
            }
        }
        let original: HashMap<usize, usize> = story
            .alignment
            .copies
            .iter()
            .map(|c| (c.article, c.original))
            .collect();
        let family = (0..story.articles.len())
            .map(|mut a| {
                for _ in 0..story.articles.len() {
                    match original.get(&a) {
                        Some(&o) if o != a => a = o,
                        _ => break,
                    }
                }
                a
            })
            .collect();
        let mut attributions: HashMap<(usize, usize), Vec<&Attribution>> = HashMap::new();
        for a in &story.attributions {
            attributions
                .entry((a.article, a.sentence))
                .or_default()
                .push(a);
        }
        let mut substitutions: HashMap<(usize, usize, usize), Vec<&Substitution>> = HashMap::new();
        for sub in &story.diffs.substitutions {
            substitutions
                .entry((sub.unit, sub.a, sub.b))
                .or_default()
                .push(sub);
            substitutions
                .entry((sub.unit, sub.b, sub.a))
                .or_default()
                .push(sub);
        }
        Self {
            story,
            unit_index,
            by_id,
            family,
            attributions,
            substitutions,
        }
    }

    /// The attributions of one sentence, in story order.
    pub(crate) fn attributions_in(&self, article: usize, sentence: usize) -> &[&'a Attribution] {
        self.attributions
            .get(&(article, sentence))
            .map_or(&[], Vec::as_slice)
    }

    /// The substitutions between `article` and `peer` in the unit with this id.
    pub(crate) fn substitutions_between(
        &self,
        unit: usize,
        article: usize,
        peer: usize,
    ) -> &[&'a Substitution] {
        self.substitutions
            .get(&(unit, article, peer))
            .map_or(&[], Vec::as_slice)
    }

    pub(crate) fn unit_of(&self, article: usize, sentence: usize) -> Option<&'a Unit> {
        let i = (*self.unit_index.get(article)?.get(sentence)?)?;
        self.story.alignment.units.get(i)
    }

    pub(crate) fn unit(&self, id: usize) -> Option<&'a Unit> {
        self.story.alignment.units.get(*self.by_id.get(&id)?)
    }

    /// The article standing for `article`'s near-copy family.
    pub(crate) fn independent(&self, article: usize) -> usize {
        self.family.get(article).copied().unwrap_or(article)
    }

    /// The peers of `article` in `unit` with their sentences there, by article: every other
    /// article of the unit except `article`'s near-copies and articles in another language
    /// (their words are not English words to compare with).
    pub(crate) fn peers(&self, unit: &Unit, article: usize) -> Vec<(usize, Vec<usize>)> {
        let own = self.independent(article);
        let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
        for m in &unit.members {
            if m.article == article
                || self.independent(m.article) == own
                || !self.story.is_scored(m.article)
            {
                continue;
            }
            match out.last_mut() {
                Some((a, sentences)) if *a == m.article => sentences.push(m.sentence),
                _ => out.push((m.article, vec![m.sentence])),
            }
        }
        out
    }
}

/// Where `text` (a substitution side, verbatim from the body) stands in `article`'s sentences of
/// `unit`: the sentence and the byte range of its first occurrence.
pub(crate) fn locate_in_unit(
    story: &Story,
    unit: &Unit,
    article: usize,
    text: &str,
) -> Option<(usize, Span)> {
    let body = &story.articles.get(article)?.body;
    unit.members
        .iter()
        .filter(|m| m.article == article)
        .find_map(|m| {
            let span = story.docs[article].sentences[m.sentence].span;
            let at = body[span.range()].find(text)?;
            let start = span.start + at;
            Some((m.sentence, Span::new(start, start + text.len())))
        })
}

/// The tokens of `sentence` of `article` lying inside `span`.
fn tokens_in(story: &Story, article: usize, sentence: usize, span: Span) -> &[Token] {
    let tokens = story.docs[article].sentence_tokens(sentence);
    let start = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end);
    &tokens[start..end.max(start)]
}

/// The folded words of a flagged span.
fn span_words(story: &Story, article: usize, span: Span) -> Vec<String> {
    // Tokens are in text order: only those from the span's start on can be inside it.
    let tokens = &story.docs[article].tokens;
    let from = tokens.partition_point(|t| t.span.start < span.start);
    tokens[from..]
        .iter()
        .take_while(|t| t.span.start < span.end)
        .filter(|t| span.contains(t.span))
        .map(|t| t.text.clone())
        .collect()
}

/// The direct quotes of `article`, as byte ranges of the quoted words.
pub(crate) fn quote_spans(story: &Story, article: usize) -> Vec<Span> {
    // Quotes are in article order: each article's own are one run of them.
    let from = story.quotes.partition_point(|q| q.article < article);
    let to = story.quotes.partition_point(|q| q.article <= article);
    story.quotes[from..to].iter().map(|q| q.span).collect()
}

/// Whether `span` overlaps one of `article`'s direct quotes (as the lexicon flagger decides).
pub(crate) fn in_quote(story: &Story, article: usize, span: Span) -> bool {
    let from = story.quotes.partition_point(|q| q.article < article);
    story.quotes[from..]
        .iter()
        .take_while(|q| q.article == article)
        .any(|q| q.span.overlaps(span))
}

fn span_of(tokens: &[Token]) -> Span {
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
        _ => Span::default(),
    }
}

fn surface<'b>(body: &'b str, tokens: &[Token]) -> &'b str {
    &body[span_of(tokens).range()]
}

fn is_content(token: &Token) -> bool {
    token.kind == TokenKind::Word && !crate::score::corpus::is_stopword(&token.text)
}

/// Every start index at which `needle` occurs in `hay`.
fn find_all<T: PartialEq<U>, U>(hay: &[T], needle: &[U]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| {
            hay[i..i + needle.len()]
                .iter()
                .zip(needle)
                .all(|(a, b)| a == b)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Lexicon forms as word sequences.

/// Tokens of a short text, folded as documents are (for lexicon forms and substitution sides).
pub(crate) fn text_tokens(text: &str) -> Vec<Token> {
    let folded = crate::normalize::fold::fold(text);
    let mut out = Vec::new();
    crate::normalize::tokens::tokenize(&folded.text, Span::new(0, folded.text.len()), 0, &mut out);
    out
}

/// The folded, lower-case words of a short text.
pub(crate) fn words_of(text: &str) -> Vec<String> {
    text_tokens(text).into_iter().map(|t| t.text).collect()
}

fn stems(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| crate::normalize::tokens::stem(w))
        .collect()
}

/// The alternatives of a `neutral` cell: `killing|death`, `killing, death`, `killing or death`.
fn alternatives(neutral: &str) -> impl Iterator<Item = &str> {
    neutral
        .split(['|', ',', ';', '/'])
        .flat_map(|part| part.split(" or "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The lexicon's forms as token sequences, for matching against tokens.
#[derive(Debug)]
pub(crate) struct LexiconForms<'a> {
    /// First word of a form → (the form's words, its entry), longest forms first.
    by_first: HashMap<String, Vec<(Vec<String>, &'a Entry)>>,
    /// Stem of a one-word form → entries.
    by_stem: HashMap<String, Vec<&'a Entry>>,
    /// Lower-case term → entry.
    by_term: HashMap<String, &'a Entry>,
    /// Stems of each neutral alternative, with the entries suggesting it and its text.
    neutrals: Vec<(Vec<String>, String, Vec<&'a Entry>)>,
    /// Stems of every one-word form and every one-word neutral alternative.
    known_stems: BTreeSet<String>,
    /// Stems of the forms of `attribution-neutral` entries.
    neutral_verb_stems: BTreeSet<String>,
    /// Stem → text of each one-word neutral alternative suggested by no reporting verb.
    single_neutrals: HashMap<String, String>,
}

impl<'a> LexiconForms<'a> {
    pub(crate) fn new(lexicon: &'a Lexicon) -> Self {
        let mut by_first: HashMap<String, Vec<(Vec<String>, &Entry)>> = HashMap::new();
        let mut by_stem: HashMap<String, Vec<&Entry>> = HashMap::new();
        let mut by_term = HashMap::new();
        let mut neutrals: BTreeMap<Vec<String>, (String, Vec<&Entry>)> = BTreeMap::new();
        let mut known_stems = BTreeSet::new();
        let mut neutral_verb_stems = BTreeSet::new();
        for entry in lexicon.entries() {
            by_term.insert(entry.term.to_lowercase(), entry);
            for form in &entry.forms {
                let words = words_of(form);
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                if let [word] = &words[..] {
                    let stem = crate::normalize::tokens::stem(word);
                    known_stems.insert(stem.clone());
                    if entry.verb_class() == Some(VerbClass::Neutral) {
                        neutral_verb_stems.insert(stem.clone());
                    }
                    let slot = by_stem.entry(stem).or_default();
                    if !slot.iter().any(|e| std::ptr::eq(*e, entry)) {
                        slot.push(entry);
                    }
                }
                by_first.entry(first).or_default().push((words, entry));
            }
            for alt in alternatives(&entry.neutral) {
                let alt_stems = stems(&words_of(alt));
                if let [stem] = &alt_stems[..] {
                    known_stems.insert(stem.clone());
                }
                if alt_stems.is_empty() {
                    continue;
                }
                let slot = neutrals
                    .entry(alt_stems)
                    .or_insert_with(|| (alt.to_lowercase(), Vec::new()));
                slot.1.push(entry);
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
        }
        let single_neutrals = neutrals
            .iter()
            .filter(|(s, (_, entries))| {
                s.len() == 1 && entries.iter().all(|e| e.verb_class().is_none())
            })
            .map(|(s, (text, _))| (s[0].clone(), text.clone()))
            .collect();
        Self {
            by_first,
            by_stem,
            by_term,
            neutrals: neutrals
                .into_iter()
                .map(|(s, (text, entries))| (s, text, entries))
                .collect(),
            known_stems,
            neutral_verb_stems,
            single_neutrals,
        }
    }

    /// The entry whose term is `term` (any case).
    pub(crate) fn entry(&self, term: &str) -> Option<&'a Entry> {
        self.by_term.get(&term.to_lowercase()).copied()
    }

    /// Lexicon forms in `tokens`, left to right, longest first, not overlapping: token range and
    /// entry (every entry having that form).
    pub(crate) fn matches(&self, tokens: &[Token]) -> Vec<(std::ops::Range<usize>, &'a Entry)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut len = 0;
            let here = out.len();
            if let Some(list) = self.by_first.get(&tokens[i].text) {
                for (words, entry) in list {
                    let n = words.len();
                    let fits = i + n <= tokens.len()
                        && tokens[i..i + n]
                            .iter()
                            .zip(words)
                            .all(|(t, w)| t.text == *w);
                    if fits && n >= len {
                        len = n;
                        out.push((i..i + n, *entry));
                    }
                }
            }
            // Keep only the longest forms found at this position (all pushed since `here`).
            let found = out.split_off(here);
            out.extend(found.into_iter().filter(|(r, _)| r.len() == len));
            i += len.max(1);
        }
        out
    }

    /// Entries with a one-word form sharing `stem`.
    pub(crate) fn by_stem(&self, stem: &str) -> impl Iterator<Item = &'a Entry> + '_ {
        self.by_stem.get(stem).into_iter().flatten().copied()
    }

    /// Whether `stem` is the stem of a one-word form or of a one-word neutral alternative.
    pub(crate) fn is_known_stem(&self, stem: &str) -> bool {
        self.known_stems.contains(stem)
    }

    /// Whether `word` (a counterpart, lower case) is a form of `entry`.
    fn is_form_of(&self, word: &str, entry: &Entry) -> bool {
        let words = words_of(word);
        entry.forms.iter().any(|f| words_of(f) == words)
    }

    /// Whether the peer's words hold `entry`'s neutral alternative (compared by stem); for a
    /// reporting verb, any neutral reporting verb counts.
    fn peer_wrote_neutral(&self, entry: &Entry, peer_words: &[String]) -> bool {
        let peer_stems = stems(peer_words);
        let neutral = alternatives(&entry.neutral)
            .any(|alt| !find_all(&peer_stems, &stems(&words_of(alt))).is_empty());
        neutral
            || (entry.verb_class().is_some()
                && peer_stems
                    .iter()
                    .any(|s| self.neutral_verb_stems.contains(s)))
    }

    /// Whether `stem` is a one-word neutral alternative of lexicon entries none of which is
    /// a reporting verb (the attribution classes deal with verbs).
    fn is_single_neutral(&self, stem: &str) -> bool {
        self.single_neutrals.contains_key(stem)
    }

    /// The text of the one-word neutral alternative with this stem.
    fn neutral_text(&self, stem: &str) -> Option<&str> {
        self.single_neutrals.get(stem).map(String::as_str)
    }

    /// The first neutral alternative (by stems) in `peer_stems`, with the entries suggesting it.
    fn neutral_in(&self, peer_stems: &[String]) -> Option<(String, Vec<&'a Entry>)> {
        self.neutrals
            .iter()
            .filter(|(s, _, _)| !find_all(peer_stems, s).is_empty())
            .max_by_key(|(s, _, _)| s.len())
            .map(|(_, text, entries)| (text.clone(), entries.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::from_csv(
            "test.csv",
            "term,forms,category,neutral,weight,explanation,example,not_when\n\
             assassination,assassination|assassinated,violence-label,killing,0.8,Judges it.,x,\n\
             claim,claim|claimed,attribution-doubt,said,0.6,Doubts it.,x,claimed responsibility\n\
             martyrdom,,violence-label,killing,0.8,Honours it.,x,\n\
             say,say|said,attribution-neutral,said,0,Plain.,x,\n\
             so-called,,hedge,,0.5,Distances.,x,\n",
        )
        .unwrap()
    }

    fn tokens(text: &str) -> Vec<Token> {
        text_tokens(text)
    }

    #[test]
    fn baseline_lists_most_used_words_first() {
        let words: BTreeMap<String, usize> = [("told", 1), ("said", 4), ("claimed", 1)]
            .into_iter()
            .map(|(w, n)| (w.to_string(), n))
            .collect();
        assert_eq!(baseline_text(&words), "said (4), claimed (1), told (1)");
        assert_eq!(baseline_text(&BTreeMap::new()), "");
    }

    #[test]
    fn forms_match_as_word_sequences_longest_first() {
        let lexicon = lexicon();
        let forms = LexiconForms::new(&lexicon);
        let t = tokens("The so-called assassination, he claimed.");
        let found: Vec<(&str, &str)> = forms
            .matches(&t)
            .into_iter()
            .map(|(r, e)| (t[r.start].text.as_str(), e.term.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("so", "so-called"),
                ("assassination", "assassination"),
                ("claimed", "claim")
            ]
        );
        assert_eq!(
            forms
                .by_stem("assassin")
                .map(|e| &e.term)
                .collect::<Vec<_>>(),
            ["assassination"]
        );
    }

    #[test]
    fn neutral_alternatives_are_found_by_stem() {
        let lexicon = lexicon();
        let forms = LexiconForms::new(&lexicon);
        let entry = forms.entry("assassination").unwrap();
        assert!(forms.peer_wrote_neutral(entry, &words_of("the killings")));
        assert!(!forms.peer_wrote_neutral(entry, &words_of("the death")));
        let claim = forms.entry("claim").unwrap();
        assert!(forms.peer_wrote_neutral(claim, &words_of("said on Sunday that")));
        let (text, entries) = forms.neutral_in(&stems(&words_of("was killed"))).unwrap();
        assert_eq!(text, "killing");
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn neutral_cells_split_into_alternatives() {
        assert_eq!(
            alternatives("killing|death, slaying or shooting").collect::<Vec<_>>(),
            ["killing", "death", "slaying", "shooting"]
        );
        assert_eq!(alternatives("").count(), 0);
    }

    #[test]
    fn substitution_category_takes_the_weightier_side() {
        let lexicon = lexicon();
        let forms = LexiconForms::new(&lexicon);
        let sub = |a: &str, b: &str| Substitution {
            unit: 1,
            a: 0,
            b: 1,
            a_text: a.into(),
            b_text: b.into(),
            category: String::new(),
        };
        assert_eq!(
            substitution_category(&sub("said", "claimed in a tweet"), &forms),
            "attribution-doubt"
        );
        assert_eq!(
            substitution_category(&sub("deaths", "martyrdom"), &forms),
            "violence-label"
        );
        assert_eq!(
            substitution_category(&sub("assassinating", "killing"), &forms),
            ""
        );
        assert_eq!(substitution_category(&sub("launched", "fired"), &forms), "");
        assert_eq!(
            substitution_category(&sub("said", "claimed responsibility"), &forms),
            "attribution-neutral"
        );
    }

    #[test]
    fn find_all_finds_every_occurrence() {
        assert_eq!(find_all(&["a", "b", "a", "b"], &["a", "b"]), [0, 2]);
        assert_eq!(find_all::<&str, &str>(&["a"], &[]), Vec::<usize>::new());
    }
}
