//! The learned model: a small linear model per family, beside the rules, that recognises risky
//! writing the rules' phrase lists do not cover.
//!
//! The design idea: the rules are precise and explain themselves, but cover one phrasing at a time.
//! The model scores each segment of a draft (about a sentence; see [`features`]) from the words and
//! word pairs in it, and the pairs of word kinds near each other ([`concepts`]), with weights learned
//! from thousands of labelled posts. Three things make it generalise past its training posts while
//! staying small enough for every keystroke:
//!
//! * **a teacher's knowledge of words.** Each word's weight is its own learned weight plus its
//!   position in a space of word meanings distilled from a sentence encoder (all-MiniLM-L6-v2; see
//!   `tools/teacher/`) projected on a learned direction per family. So "moron" weighs like "idiot"
//!   even if only "idiot" was in training. Both parts fold into one number per word at export: no
//!   vectors ship and scoring is a lookup per token.
//! * **kinds of words that meet.** The teacher's word vectors, clustered, give each word a class;
//!   a pattern of classes learned from some words ("came in with") carries to others of the same kinds.
//! * **multiple-instance training.** Labels are per post; a post's score is its highest-scoring
//!   segment's, so the model learns which sentence carries the risk, and a finding points at it.
//!
//! The analyser ([`crate::analyzer`]) reads a draft twice ([`Reading`]): a *sentence* scoring past the
//! pause threshold is a finding that pauses the post; a *passage* (a few sentences) scoring past the
//! mark threshold, with no pausing sentence in it, is a mark only. Either is added only where no rule
//! of the same family already marked any of it. Thresholds are chosen by the trainer on a validation split, never on a
//! test split ([`train`]); `postguard train --check` proves the shipped weights are what training on
//! the committed corpus produces.

pub mod concepts;
pub mod features;
pub mod teacher;
pub mod train;
pub mod weights;

use crate::error::Error;
use crate::normalize::Normalized;
pub use features::Reading;
use std::sync::OnceLock;
use weights::Weights;

/// The shipped weights, built into the binary (about 0.3 MB before compression).
static SHIPPED: &[u8] = include_bytes!("../../data/model/weights.bin");

/// A loaded model.
#[derive(Debug, Clone)]
pub struct LearnedModel {
    weights: Weights,
}

/// A draft (or the only segment of one) with fewer distinct tokens than this is the rules' to judge,
/// not the model's. Sentences are joined until there are enough words, so apart from the tail of a
/// very long passage only a whole draft this short
/// is left: "lol", "Typical", "Bless her", "For example". One or two words are too little to read a
/// sentence's meaning from, and a lone word that leans one way in training ("lol" in mocking posts)
/// marked a harmless reply as derogatory.
pub const MIN_JUDGED_TOKENS: usize = 3;

/// The model's reading of one segment.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentScore {
    /// First byte of the segment in the normalised text.
    pub start: usize,
    /// Byte just past it.
    pub end: usize,
    /// Score per family in [`crate::Category::ALL`] order (a logit: 0 is even odds).
    pub scores: [f32; 3],
    /// Which tokens of the [`Read`] it covers, for naming the weightiest ([`LearnedModel::cues`]).
    tokens: std::ops::Range<usize>,
}

/// A draft as the model has read it once: its tokens, their hashes and their word weights, shared
/// by both [`Reading`]s so each word is looked up once.
#[derive(Debug, Clone)]
pub struct Read<'a> {
    tokens: features::Tokenized<'a>,
    hashes: Vec<u64>,
    words: Vec<Option<[i8; 3]>>,
    /// Each token's concept class ([`concepts::NONE`] for none, and for every token of a model
    /// without classes).
    classes: Vec<u8>,
    /// Each token's character n-grams' part of its weight, in logits per family (the mean of its
    /// n-grams' weights; zeros for a model without n-grams or a token without pieces).
    grams: Vec<[f32; 3]>,
    /// For each token, the previous token with the same hash ([`features::previous_same`]).
    previous: Vec<usize>,
}

/// How many of the weightiest words a segment's reading names.
pub const CUES: usize = 3;

impl LearnedModel {
    /// The model built into postguard, read once per process.
    pub fn shipped() -> Result<&'static LearnedModel, Error> {
        static MODEL: OnceLock<Result<LearnedModel, Error>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                Weights::parse(SHIPPED)
                    .map(|weights| LearnedModel { weights })
                    .map_err(|e| Error::internal("learned model", e))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// A model from file bytes (the trainer's output, before it is shipped).
    pub fn from_bytes(bytes: &'static [u8]) -> Result<LearnedModel, String> {
        Weights::parse(bytes).map(|weights| LearnedModel { weights })
    }

    /// The model's weights.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Scores every segment of `norm`, the normalised form of `original`, cut as `reading` says.
    pub fn score(&self, original: &str, norm: &Normalized, reading: Reading) -> Vec<SegmentScore> {
        self.segments(&self.read(original, norm, |_, _| false), reading)
    }

    /// Reads the draft once: tokens (leaving out those for which `skip(start, end)` holds: phrases the
    /// Trust allows count neither as words nor in pairs, word or class, so the words either side of
    /// one read as neighbours), their hashes, their word weights and their concept classes.
    pub fn read<'a>(&self, original: &str, norm: &'a Normalized, skip: impl Fn(usize, usize) -> bool) -> Read<'a> {
        let mut tokens = features::tokenize(original, norm);
        tokens.remove(|t| skip(t.start, t.end));
        let hashes: Vec<u64> = tokens.tokens.iter().map(|t| features::word_hash(&t.form)).collect();
        let (words, classes) = tokens
            .tokens
            .iter()
            .zip(&hashes)
            .map(|(t, &h)| match self.weights.entry(&t.form, h) {
                Some(i) => (Some(self.weights.scores(i)), self.weights.class(i)),
                None => (None, concepts::NONE),
            })
            .unzip();
        let previous = features::previous_same(&hashes);
        let grams = if self.weights.has_grams() {
            tokens.tokens.iter().map(|t| self.gram_part(&t.form)).collect()
        } else {
            vec![[0.0; 3]; tokens.tokens.len()]
        };
        Read { tokens, hashes, words, classes, grams, previous }
    }

    /// The mean of a word's character n-grams' weights, in logits per family.
    fn gram_part(&self, form: &str) -> [f32; 3] {
        let mut sums = [0i32; 3];
        let n = features::char_grams(form, |h| add(&mut sums, self.weights.gram(h)));
        if n == 0 {
            return [0.0; 3];
        }
        let s = self.weights.gram_scale;
        [0, 1, 2].map(|f| s[f] * sums[f] as f32 / n as f32)
    }

    /// Scores the segments `reading` cuts from a [`Read`] draft: each distinct word and pair once,
    /// divided by the square root of the distinct words, exactly as training reads them. A segment of
    /// fewer than [`MIN_JUDGED_TOKENS`] distinct tokens is not scored at all (see there).
    pub fn segments(&self, read: &Read<'_>, reading: Reading) -> Vec<SegmentScore> {
        let f = &self.weights.families;
        let mut pairs: Vec<usize> = Vec::new();
        let mut class_pairs = Vec::new();
        let (cs, window, total) = (self.weights.concept_scale, self.weights.concept_window, self.weights.classes);
        read.tokens
            .groups(reading)
            .into_iter()
            .filter_map(|range| {
                let tokens = &read.tokens.tokens[range.clone()];
                let mut sums = [0i32; 3];
                let mut gram_sums = [0f32; 3];
                let mut distinct = 0usize;
                for i in features::distinct(&read.previous, range.clone()) {
                    distinct += 1;
                    if let Some(s) = read.words[i] {
                        add(&mut sums, s);
                    }
                    for (g, v) in gram_sums.iter_mut().zip(read.grams[i]) {
                        *g += v;
                    }
                }
                features::distinct_pairs(&read.tokens.tokens, &read.hashes, range.clone(), &mut pairs);
                for &bucket in &pairs {
                    add(&mut sums, self.weights.pair(bucket));
                }
                if distinct < MIN_JUDGED_TOKENS {
                    return None;
                }
                concepts::window_pairs(&read.classes[range.clone()], window, total, &mut class_pairs);
                let mut concept_sums = [0i32; 3];
                for &bucket in &class_pairs {
                    add(&mut concept_sums, self.weights.concept(bucket));
                }
                let norm = (distinct as f32).sqrt();
                let scores = [0, 1, 2].map(|i| {
                    let own = f[i].scale * sums[i] as f32 + cs[i] * concept_sums[i] as f32;
                    f[i].bias + (own + gram_sums[i]) / norm
                });
                let start = tokens.first().map_or(0, |t| t.start);
                let end = tokens.iter().map(|t| t.end).max().unwrap_or(start);
                Some(SegmentScore { start, end, scores, tokens: range })
            })
            .collect()
    }

    /// The spans of the words that weigh most for `family` in a scored segment, strongest first: a
    /// word's weight with the shape token beside it (a name's `#cap`) added; positive weights of at
    /// least a third of the strongest's, so a sentence carried by one word names that word alone
    /// rather than padding the list with "the". A word's weight includes its character n-grams' part
    /// and half of each class pair it takes part in (so a sentence carried by "came in with" names
    /// those words).
    pub fn cues(&self, read: &Read<'_>, segment: &SegmentScore, family: usize) -> Vec<(usize, usize)> {
        let mut words: Vec<(usize, usize, f32)> = Vec::new();
        let scale = self.weights.families[family].scale;
        let range = segment.tokens.clone();
        let shared = self.class_shares(&read.classes[range.clone()], family);
        for (k, i) in range.enumerate() {
            // In steps of the word scale, so a model without n-grams compares whole numbers exactly.
            let own = read.words[i].map(|s| f32::from(s[family]));
            let gram = if scale > 0.0 { read.grams[i][family] / scale } else { 0.0 };
            let class = shared.get(k).copied().unwrap_or(0.0);
            if own.is_none() && gram == 0.0 && class == 0.0 {
                continue;
            }
            let t = &read.tokens.tokens[i];
            let v = own.unwrap_or(0.0) + gram + class;
            match words.last_mut() {
                Some(last) if last.0 == t.start && last.1 == t.end => last.2 += v,
                _ => words.push((t.start, t.end, v)),
            }
        }
        words.retain(|w| w.2 > 0.0);
        words.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        let top = words.first().map_or(0.0, |w| w.2);
        words.iter().take(CUES).take_while(|w| w.2 * 3.0 >= top).map(|w| (w.0, w.1)).collect()
    }

    /// Each token's share of the class pairs it takes part in for `family`, in steps of the word scale:
    /// half of each pair's weight to either token (empty when the model has no classes).
    fn class_shares(&self, classes: &[u8], family: usize) -> Vec<f32> {
        let w = &self.weights;
        let scale = w.families[family].scale;
        if w.classes == 0 || scale <= 0.0 {
            return Vec::new();
        }
        let mut shares = vec![0f32; classes.len()];
        concepts::each_window_pair(classes, w.concept_window, w.classes, |i, j, bucket| {
            let half = w.concept_scale[family] * f32::from(w.concept(bucket)[family]) / (2.0 * scale);
            shares[i] += half;
            shares[j] += half;
        });
        shares
    }

    /// Whether a passage's score for `family` (index in [`crate::Category::ALL`] order) is worth a mark.
    pub fn marks(&self, family: usize, passage_score: f32) -> bool {
        passage_score >= self.weights.families[family].info
    }

    /// Whether a sentence's score for `family` is strong enough to pause the post (subject to policy).
    pub fn pauses(&self, family: usize, sentence_score: f32) -> bool {
        sentence_score >= self.weights.families[family].warn
    }
}

fn add(sums: &mut [i32; 3], s: [i8; 3]) {
    for (sum, v) in sums.iter_mut().zip(s) {
        *sum += i32::from(v);
    }
}

#[cfg(test)]
mod tests {
    use super::weights::{self, ConceptTable, FamilyParams, GramTable};
    use super::*;

    /// A model that knows four words and weighs only the class pair "came" → "in" for confidentiality.
    fn tiny() -> LearnedModel {
        let fam = [FamilyParams { bias: -1.0, scale: 0.1, info: 0.0, warn: 10.0 }; 3];
        let words: Vec<(String, [i8; 3])> =
            ["came", "in", "lovely", "weather"].iter().map(|w| (w.to_string(), [0, 0, 0])).collect();
        let concepts = ConceptTable {
            classes: 3,
            window: 1,
            word_classes: vec![0, 1, 2, 2],
            scale: [0.1, 0.1, 0.1],
            weights: vec![(1, [20, 0, 0])],
        };
        let bytes = weights::write_with_grams(&fam, &words, &[], &GramTable::default(), &concepts);
        LearnedModel::from_bytes(Box::leak(bytes.into_boxed_slice())).expect("parses")
    }

    #[test]
    fn class_pairs_add_to_the_score_and_name_their_words() {
        let model = tiny();
        let score = |text: &str| {
            let norm = Normalized::new(text);
            model.score(text, &norm, Reading::Sentence)[0].scores
        };
        // Three distinct words: the pair "came in" adds 20 × 0.1 = 2 logits over √3 to confidentiality.
        let with = score("came in lovely");
        let without = score("in came lovely");
        assert!((with[0] - (-1.0 + 2.0 / 3f32.sqrt())).abs() < 1e-5, "{with:?}");
        assert_eq!(without[0], -1.0, "the order matters: in → came is another pair");
        assert_eq!((with[1], with[2]), (-1.0, -1.0), "other families untouched");

        let text = "came in lovely weather";
        let norm = Normalized::new(text);
        let read = model.read(text, &norm, |_, _| false);
        let segment = &model.segments(&read, Reading::Sentence)[0];
        let cues: Vec<&str> = model.cues(&read, segment, 0).iter().map(|&(s, e)| &norm.as_str()[s..e]).collect();
        assert_eq!(cues, ["came", "in"]);
        assert!(model.cues(&read, segment, 1).is_empty());
    }
}
