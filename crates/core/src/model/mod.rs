//! The learned model: a small linear model per family, beside the rules, that recognises risky
//! writing the rules' phrase lists do not cover.
//!
//! The design idea: the rules are precise and explain themselves, but cover one phrasing at a time.
//! The model scores each segment of a draft (about a sentence; see [`features`]) from the words and
//! word pairs in it, with weights learned from thousands of labelled posts. Two things make it
//! generalise past its training posts while staying small enough for every keystroke:
//!
//! * **a teacher's knowledge of words.** Each word's weight is its own learned weight plus its
//!   position in a space of word meanings distilled from a sentence encoder (all-MiniLM-L6-v2; see
//!   `tools/teacher/`) projected on a learned direction per family. So "moron" weighs like "idiot"
//!   even if only "idiot" was in training. Both parts fold into one number per word at export: no
//!   vectors ship and scoring is a lookup per token.
//! * **multiple-instance training.** Labels are per post; a post's score is its highest-scoring
//!   segment's, so the model learns which sentence carries the risk, and a finding points at it.
//!
//! The analyser ([`crate::analyzer`]) adds a model finding for a segment only where no rule of the same
//! family already marked it. Thresholds are chosen by the trainer on a validation split, never on a
//! test split ([`train`]); `postguard train --check` proves the shipped weights are what training on
//! the committed corpus produces.

pub mod features;
pub mod teacher;
pub mod train;
pub mod weights;

use crate::error::Error;
use crate::normalize::Normalized;
use std::sync::OnceLock;
use weights::Weights;

/// The shipped weights, built into the binary (about 0.3 MB before compression).
static SHIPPED: &[u8] = include_bytes!("../../data/model/weights.bin");

/// A loaded model.
#[derive(Debug, Clone)]
pub struct LearnedModel {
    weights: Weights,
}

/// The model's reading of one segment.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentScore {
    /// First byte of the segment in the normalised text.
    pub start: usize,
    /// Byte just past it.
    pub end: usize,
    /// Score per family in [`crate::Category::ALL`] order (a logit: 0 is even odds).
    pub scores: [f32; 3],
    /// Per family, the spans of up to [`CUES`] words that raised the score most, strongest first.
    pub cues: [Vec<(usize, usize)>; 3],
}

/// How many of the weightiest words a segment's reading names.
pub const CUES: usize = 3;

/// How strongly the model reads a segment as one family's risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Below the marking threshold: nothing to say.
    None,
    /// Worth a mark, not a pause.
    Some,
    /// Strong enough to pause the post (subject to the Trust's policy).
    Strong,
}

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

    /// Scores every segment of `norm`, the normalised form of `original`.
    pub fn score(&self, original: &str, norm: &Normalized) -> Vec<SegmentScore> {
        self.score_skipping(original, norm, |_, _| false)
    }

    /// [`LearnedModel::score`], not reading the tokens for which `skip(start, end)` holds (phrases the
    /// Trust allows): they count neither as words nor in pairs.
    pub fn score_skipping(
        &self,
        original: &str,
        norm: &Normalized,
        skip: impl Fn(usize, usize) -> bool,
    ) -> Vec<SegmentScore> {
        features::segments(original, norm)
            .into_iter()
            .map(|mut segment| {
                segment.tokens.retain(|t| !skip(t.start, t.end));
                let mut sums = [0i32; 3];
                // Each word's weight with the shape token beside it (a name's `#cap`) added.
                let mut words: Vec<(usize, usize, [i32; 3])> = Vec::with_capacity(segment.tokens.len());
                for t in &segment.tokens {
                    let Some(s) = self.weights.word(&t.form) else { continue };
                    add(&mut sums, s);
                    match words.last_mut() {
                        Some(last) if last.0 == t.start && last.1 == t.end => {
                            last.2.iter_mut().zip(s).for_each(|(a, b)| *a += i32::from(b));
                        }
                        _ => words.push((t.start, t.end, s.map(i32::from))),
                    }
                }
                segment.pairs(|bucket| add(&mut sums, self.weights.pair(bucket)));
                let norm = segment.norm();
                let f = &self.weights.families;
                let scores = [0, 1, 2].map(|i| f[i].bias + f[i].scale * sums[i] as f32 / norm);
                let cues = [0, 1, 2].map(|f| strongest(&words, f));
                SegmentScore { start: segment.start, end: segment.end, scores, cues }
            })
            .collect()
    }

    /// How strong `score` is for family `family` (index in [`crate::Category::ALL`] order).
    pub fn strength(&self, family: usize, score: f32) -> Strength {
        let f = &self.weights.families[family];
        if score >= f.warn {
            Strength::Strong
        } else if score >= f.info {
            Strength::Some
        } else {
            Strength::None
        }
    }
}

/// The spans of the words that weigh most for family `f`, strongest first: positive weights of at
/// least a third of the strongest's, so a sentence carried by one word names that word alone rather
/// than padding the list with "the".
fn strongest(words: &[(usize, usize, [i32; 3])], f: usize) -> Vec<(usize, usize)> {
    let mut ranked: Vec<&(usize, usize, [i32; 3])> = words.iter().filter(|w| w.2[f] > 0).collect();
    ranked.sort_by(|a, b| b.2[f].cmp(&a.2[f]).then(a.0.cmp(&b.0)));
    let top = ranked.first().map_or(0, |w| w.2[f]);
    ranked.iter().take(CUES).take_while(|w| w.2[f] * 3 >= top).map(|w| (w.0, w.1)).collect()
}

fn add(sums: &mut [i32; 3], s: [i8; 3]) {
    for (sum, v) in sums.iter_mut().zip(s) {
        *sum += i32::from(v);
    }
}
