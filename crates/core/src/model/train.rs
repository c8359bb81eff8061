//! Training the learned model: deterministic, single-threaded, from labelled posts and the teacher's
//! word vectors to the bytes of `data/model/weights.bin`.
//!
//! Same inputs, same bytes: examples are visited in an order drawn from a fixed seed, arithmetic is
//! plain `f32` in a fixed order, and nothing depends on hashing order or threads. `postguard train
//! --check` relies on this to prove the shipped weights are what the committed corpus produces.
//!
//! Per family the model is logistic regression on a segment's tokens and word pairs, with each word's
//! weight split into its own part and the teacher's (`direction · vector(word)`): the direction is
//! shared by all words, so it carries what training learned to words it never saw. A post's score is
//! its best segment's (multiple-instance learning); the gradient goes to that segment. Optimiser:
//! AdaGrad with L2 on every weight. Thresholds come last, from a validation split: the lowest score
//! at which the posts the model would add to the rules' findings are right often enough
//! ([`Options::info_precision`], [`Options::warn_precision`]).

use super::concepts;
use super::features::{self, Reading, PAIR_BUCKETS};
use super::teacher::Teacher;
use super::weights::{self, FamilyParams};
use super::LearnedModel;
use crate::normalize::Normalized;
use std::collections::{BTreeMap, HashMap};

/// One labelled post.
#[derive(Debug, Clone)]
pub struct Example {
    /// The draft.
    pub text: String,
    /// Which families it carries, in [`crate::Category::ALL`] order.
    pub labels: [bool; 3],
    /// How much it counts in training (public data that only partly matches our families counts less).
    pub weight: f32,
}

/// Training settings. The defaults are what the shipped model was trained with, chosen on the
/// validation split: once W38–W42 joined training, learning only pairs (and words the teacher does
/// not know) seen in 16 or more posts, over 20 passes, with 0.7 logits of evidence, raised validation
/// F1 and made the weights 50 KB gzip smaller; once W43–W46 joined, pairs from 24 posts scored the
/// same for 36 KB less, and three fits averaged made the figures stop depending on the visiting
/// order (mean F1 over three seeds 0.812, spread 0.001 instead of 0.010; docs/model.md).
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes over the training posts.
    pub epochs: usize,
    /// AdaGrad's step size.
    pub learning_rate: f32,
    /// L2 penalty on word and pair weights.
    pub l2: f32,
    /// L2 penalty on the teacher direction.
    pub l2_direction: f32,
    /// Seed of the visiting order.
    pub seed: u64,
    /// Precision the model's added marks must reach on validation.
    pub info_precision: f64,
    /// Precision the model's added pausing findings must reach on validation. 0.98 since W43–W46
    /// joined training: at 0.99 one validation post (right for another family, not disrepute) ranked
    /// 19th put the disrepute pause threshold above it, and the model paused 18 risky validation posts
    /// instead of 51 (50 right), with no benign validation post paused either way (docs/model.md).
    pub warn_precision: f64,
    /// Fewest validation posts the model must add before a threshold is trusted.
    pub min_support: usize,
    /// How far above the bias (in logits) a score must be before it marks anything: the evidence
    /// the words themselves must bring.
    pub min_evidence: f32,
    /// Weights whose quantised magnitude is below this in every family are left out of the file:
    /// thousands of near-zero weights cost size and change almost no score.
    pub prune: i8,
    /// Fewest training posts a word the teacher does not know, or a word pair, must appear in to be
    /// learned at all: a name or a pair seen once teaches nothing that carries over, and costs size.
    pub min_count: usize,
    /// Whether words the teacher knows but training never saw ship too, scored by the teacher's part
    /// alone: what lets "moron" count when only "idiot" was in training.
    pub unseen_words: bool,
    /// How far the positives of each family are weighed up towards balance with the negatives:
    /// 0 not at all, 1 fully balanced.
    pub balance: f32,
    /// How many fits, each from its own visiting order, are averaged into the shipped weights.
    pub ensemble: usize,
    /// Share of a post's words and pairs left out at each visit in training (0: none).
    pub dropout: f32,
    /// Buckets of the character n-gram table (a power of two; 0: words are read whole only). Off in
    /// the shipped model: on validation 65,536 buckets moved mean F1 0.799 → 0.797–0.801 (with
    /// `gram_l2` 1e-4 to 1e-2) for 70–90 KB more gzip (docs/model.md).
    pub gram_buckets: usize,
    /// L2 penalty on character n-gram weights.
    pub gram_l2: f32,
    /// Concept classes the teacher's word vectors are clustered into (0: the model reads no class
    /// pairs; see `concepts`). 32 since 2026-12-08: classes within two tokens of each other, learned
    /// for confidentiality, raised validation F1 0.822 → 0.829 for 16 KB more gzip; 16, 48, 64 and 128
    /// classes, windows of 1, 3 and 6 tokens and whole passages did no better (docs/model.md).
    /// Token dropout ([`Options::dropout`]) does not apply to class pairs.
    pub concepts: usize,
    /// L2 penalty on class-pair weights.
    pub concept_l2: f32,
    /// Class pairs are read between tokens at most this far apart (1 to
    /// [`weights::MAX_CONCEPT_WINDOW`]).
    pub concept_window: usize,
    /// Which families learn class-pair weights, in [`crate::Category::ALL`] order. Confidentiality
    /// only: on validation it gained (F1 0.787 → 0.807, recall 0.75 → 0.79), consent stayed level and
    /// disrepute lost (0.777 → 0.767); each family is trained on its own, so the others stay exactly
    /// as they were without classes.
    pub concept_families: [bool; 3],
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 20,
            learning_rate: 0.1,
            l2: 1e-4,
            l2_direction: 1e-5,
            seed: 0x005e_ed0f_b05c,
            info_precision: 0.90,
            warn_precision: 0.98,
            min_support: 5,
            min_evidence: 0.7,
            prune: 1,
            min_count: 24,
            unseen_words: false,
            balance: 0.5,
            ensemble: 3,
            dropout: 0.0,
            gram_buckets: 0,
            gram_l2: 1e-4,
            concepts: 32,
            concept_l2: 1e-4,
            concept_window: 2,
            concept_families: [true, false, false],
        }
    }
}

/// What the rules found in a validation post, per family: the trainer counts only what the model
/// would add.
pub type RulesFound = [bool; 3];

/// The trained model's bytes and a human-readable account of training.
#[derive(Debug, Clone)]
pub struct Trained {
    /// The model file.
    pub bytes: Vec<u8>,
    /// Loss per epoch, thresholds and validation figures.
    pub report: String,
}

/// A segment prepared for training: token ids and pair buckets.
struct Seg {
    tokens: Vec<u32>,
    pairs: Vec<u32>,
    /// Every distinct word of the segment, rare ones too: their character n-grams are read even when
    /// the word itself is too rare to learn.
    gram_words: Vec<u32>,
    norm: f32,
    /// Class-pair buckets ([`concepts::window_pairs`]).
    concepts: Vec<u32>,
    /// Every token of the segment in order (dictionary ids), for class pairs within a window; emptied
    /// once they are read.
    ordered: Vec<u32>,
}

struct Prepared {
    /// Token ids and pair buckets per segment.
    segs: Vec<Seg>,
    labels: [bool; 3],
    weight: f32,
}

/// Words and shape tokens seen in training, in order of first appearance.
struct Dictionary {
    ids: HashMap<String, u32>,
    forms: Vec<String>,
}

impl Dictionary {
    fn id(&mut self, form: &str) -> u32 {
        if let Some(&id) = self.ids.get(form) {
            return id;
        }
        let id = self.forms.len() as u32;
        self.ids.insert(form.to_string(), id);
        self.forms.push(form.to_string());
        id
    }
}

fn prepare(text: &str, dict: &mut Dictionary) -> Vec<Seg> {
    let norm = Normalized::new(text);
    let t = features::tokenize(text, &norm);
    let hashes: Vec<u64> = t.tokens.iter().map(|t| features::word_hash(&t.form)).collect();
    let previous = features::previous_same(&hashes);
    let mut pairs = Vec::new();
    t.groups(Reading::Passage)
        .into_iter()
        .map(|range| {
            let ordered: Vec<u32> = range.clone().map(|i| dict.id(&t.tokens[i].form)).collect();
            let tokens: Vec<u32> =
                features::distinct(&previous, range.clone()).map(|i| ordered[i - range.start]).collect();
            features::distinct_pairs(&t.tokens, &hashes, range, &mut pairs);
            let norm = (tokens.len().max(1) as f32).sqrt();
            Seg {
                gram_words: tokens.clone(),
                tokens,
                pairs: pairs.iter().map(|&b| b as u32).collect(),
                norm,
                concepts: Vec::new(),
                ordered,
            }
        })
        .collect()
}

/// The training split's words that occur at least `min_count` times, for the teacher to embed.
pub fn training_words(examples: &[Example], min_count: usize) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for e in examples {
        let norm = Normalized::new(&e.text);
        let tokens = features::tokenize(&e.text, &norm).tokens;
        for t in tokens.iter().filter(|t| !t.form.starts_with('#') && t.form.chars().all(char::is_alphanumeric)) {
            *counts.entry(t.form.to_string()).or_default() += 1;
        }
    }
    counts.into_iter().filter(|(_, n)| *n >= min_count).map(|(w, _)| w).collect()
}

/// A splitmix64 stream: a tiny, well-mixed generator whose output never changes between platforms.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// AdaGrad state for one weight.
#[derive(Clone, Copy, Default)]
struct Ada {
    w: f32,
    g2: f32,
}

impl Ada {
    fn step(&mut self, grad: f32, lr: f32) {
        self.g2 += grad * grad;
        self.w -= lr * grad / (self.g2.sqrt() + 1e-6);
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Trains on `train`, picks thresholds on `validation` (with what the rules found there), and returns
/// the model file.
pub fn train(
    train: &[Example],
    validation: &[(Example, RulesFound)],
    teacher: &Teacher,
    opts: &Options,
) -> Result<Trained, String> {
    if train.is_empty() {
        return Err("no training posts".into());
    }
    if opts.gram_buckets != 0 && !opts.gram_buckets.is_power_of_two() {
        return Err(format!("gram_buckets must be a power of two, not {}", opts.gram_buckets));
    }
    if opts.concepts > 0 && !(1..=weights::MAX_CONCEPT_WINDOW).contains(&opts.concept_window) {
        return Err(format!("concept_window must be 1 to {} with concept classes", weights::MAX_CONCEPT_WINDOW));
    }
    if opts.concepts + concepts::RESERVED > usize::from(concepts::NONE) {
        return Err(format!("at most {} concept classes fit a byte", usize::from(concepts::NONE) - concepts::RESERVED));
    }
    let mut report = String::new();
    let mut dict = Dictionary { ids: HashMap::new(), forms: Vec::new() };
    let data: Vec<Prepared> = train
        .iter()
        .map(|e| Prepared { segs: prepare(&e.text, &mut dict), labels: e.labels, weight: e.weight })
        .collect();
    let (data, known) = keep_frequent(data, &dict, teacher, opts.min_count);
    let dims = teacher.dims();
    // Each dictionary entry's teacher vector (zeros where the teacher has none: shape tokens, emoji).
    let zero = vec![0.0f32; dims];
    let vectors: Vec<&[f32]> = dict.forms.iter().map(|f| teacher.vector(f).unwrap_or(&zero)).collect();
    let k = if opts.concept_families.contains(&true) { opts.concepts } else { 0 };
    let word_class = concept_classes(&dict, &known, teacher, k);
    let classes = if k > 0 { k + concepts::RESERVED } else { 0 };
    let data = with_concepts(data, &word_class, classes, opts.concept_window);
    // Each dictionary entry's character n-gram buckets (none when the model reads words whole).
    let word_grams: Vec<Vec<u32>> = dict
        .forms
        .iter()
        .map(|f| {
            let mut g = Vec::new();
            if opts.gram_buckets > 0 {
                features::char_grams(f, |h| g.push(features::gram_bucket(h, opts.gram_buckets) as u32));
            }
            g
        })
        .collect();
    let data: Vec<Prepared> = data
        .into_iter()
        .map(|mut p| {
            for s in &mut p.segs {
                s.gram_words.retain(|&w| !word_grams[w as usize].is_empty());
            }
            p
        })
        .collect();

    let mut positives = [0f32; 3];
    let mut total = 0f32;
    for p in &data {
        total += p.weight;
        for (f, &l) in p.labels.iter().enumerate() {
            if l {
                positives[f] += p.weight;
            }
        }
    }
    // Positives weigh more where they are rare, but not fully balanced: the square root keeps the
    // model from marking everything that looks vaguely like a rare family.
    let class_weight = positives.map(|p| if p > 0.0 { ((total - p) / p).max(1.0).powf(opts.balance) } else { 1.0 });

    // Several fits from different visiting orders, averaged: one fit's weights carry the noise of its
    // order (which rare word happened to be seen last before a positive); the average keeps what they
    // agree on. The model stays linear, so the average scores exactly as the mean of the fits' scores.
    let runs = opts.ensemble.max(1);
    let mut fit = Fit::zeros(dict.forms.len(), dims, opts.gram_buckets, classes * classes);
    for run in 0..runs {
        let seed = opts.seed.wrapping_add(run as u64);
        let one = fit_once(
            &data,
            &vectors,
            &word_grams,
            dims,
            dict.forms.len(),
            classes,
            class_weight,
            total,
            opts,
            seed,
            &mut report,
        );
        fit.add(&one, 1.0 / runs as f32);
    }
    let Fit { words, pairs, grams, concept_pairs, direction, bias } = fit;

    // Fold the teacher's part into each word: one number per word and family ships.
    let mut folded: BTreeMap<String, [f32; 3]> = BTreeMap::new();
    if opts.unseen_words {
        for (word, v) in teacher.iter() {
            folded.insert(word.to_string(), [0, 1, 2].map(|f| dot_f(&direction[f], v)));
        }
    }
    let mut class_of: BTreeMap<&str, u8> = BTreeMap::new();
    for (id, form) in dict.forms.iter().enumerate() {
        let own = [0, 1, 2].map(|f| words[id][f] + dot_f(&direction[f], vectors[id]));
        // Words dropped as too rare were never trained: what they would ship is only noise.
        if own.iter().any(|v| *v != 0.0) || word_class[id] != concepts::NONE {
            folded.insert(form.clone(), own);
        }
        if word_class[id] != concepts::NONE {
            class_of.insert(form, word_class[id]);
        }
    }
    let mut scale = [0f32; 3];
    for f in 0..3 {
        let max_word = folded.values().map(|s| s[f].abs()).fold(0.0, f32::max);
        let max_pair = pairs.iter().map(|a| a[f].abs()).fold(0.0, f32::max);
        scale[f] = (max_word.max(max_pair) / 127.0).max(1e-9);
    }
    let quantise = |v: [f32; 3]| [0, 1, 2].map(|f| (v[f] / scale[f]).round().clamp(-127.0, 127.0) as i8);
    let word_table: Vec<(String, [i8; 3])> = folded
        .into_iter()
        .filter(|(w, _)| !w.is_empty() && w.len() < 256)
        .map(|(w, s)| (w, quantise(s)))
        .filter_map(|(w, q)| {
            let weighs = q.iter().any(|&v| v.unsigned_abs() >= opts.prune.unsigned_abs());
            // A word kept only for its class ships no weight of its own, exactly as if it were pruned.
            match (weighs, class_of.contains_key(w.as_str())) {
                (true, _) => Some((w, q)),
                (false, true) => Some((w, [0; 3])),
                (false, false) => None,
            }
        })
        .collect();
    let pair_table: Vec<(usize, [i8; 3])> = pairs
        .iter()
        .enumerate()
        .map(|(b, a)| (b, quantise(*a)))
        .filter(|(_, q)| q.iter().any(|&v| v.unsigned_abs() >= opts.prune.unsigned_abs()))
        .collect();
    let (gram_scale, gram_weights) = quantised_table(&grams, opts.prune.unsigned_abs());
    let gram_table = weights::GramTable { buckets: opts.gram_buckets, scale: gram_scale, weights: gram_weights };
    let (concept_scale, concept_weights) = quantised_table(&concept_pairs, 1);
    let concept_table = weights::ConceptTable {
        classes,
        window: opts.concept_window,
        word_classes: if classes > 0 {
            word_table.iter().map(|(w, _)| class_of.get(w.as_str()).copied().unwrap_or(concepts::NONE)).collect()
        } else {
            Vec::new()
        },
        scale: concept_scale,
        weights: concept_weights,
    };
    let mut families =
        [0, 1, 2].map(|f| FamilyParams { bias: bias[f], scale: scale[f], info: f32::MAX, warn: f32::MAX });
    report.push_str(&format!(
        "{} words, {} word pairs and {} character n-gram buckets carry weight\n",
        word_table.len(),
        pair_table.len(),
        gram_table.weights.len()
    ));

    // Thresholds, from the quantised model exactly as it will ship.
    let write = |families: &[FamilyParams; 3]| {
        weights::write_with_grams(families, &word_table, &pair_table, &gram_table, &concept_table)
    };
    let draft: &'static [u8] = Box::leak(write(&families).into_boxed_slice());
    let model = LearnedModel::from_bytes(draft)?;
    // Each validation post's best passage (marks) and best sentence (pauses), per family.
    let best = |e: &Example, reading| {
        let norm = Normalized::new(&e.text);
        model
            .score(&e.text, &norm, reading)
            .iter()
            .fold([f32::MIN; 3], |acc, s| [0, 1, 2].map(|f| acc[f].max(s.scores[f])))
    };
    let scored: Vec<([f32; 3], [f32; 3], &Example, RulesFound)> = validation
        .iter()
        .map(|(e, rules)| (best(e, Reading::Passage), best(e, Reading::Sentence), e, *rules))
        .collect();
    for (f, family) in families.iter_mut().enumerate() {
        let unruled = || scored.iter().filter(|(_, _, _, rules)| !rules[f]);
        let passages: Vec<(f32, bool)> = unruled().map(|(p, _, e, _)| (p[f], e.labels[f])).collect();
        let sentences: Vec<(f32, bool)> = unruled().map(|(_, s, e, _)| (s[f], e.labels[f])).collect();
        // A finding must rest on words: a threshold below the bias plus some evidence would mark a
        // short, neutral draft ("lovely day") on the bias alone, which validation posts (longer, with
        // words that weigh against) cannot show.
        let floor = family.bias + opts.min_evidence;
        family.info = threshold(&passages, opts.info_precision, opts.min_support).max(floor);
        family.warn = threshold(&sentences, opts.warn_precision, opts.min_support).max(floor);
        let (added, right) = counts_above(&passages, family.info);
        let (paused, paused_right) = counts_above(&sentences, family.warn);
        report.push_str(&format!(
            "{}: passages marked from {:.3} ({} validation posts added, {} right), sentences pause from {:.3} ({} added, {} right)\n",
            crate::Category::ALL[f].as_str(),
            family.info,
            added,
            right,
            family.warn,
            paused,
            paused_right
        ));
    }
    Ok(Trained { bytes: write(&families), report })
}

/// A dense table of its own scale (per family, its largest weight is 127 steps) quantised, keeping the
/// entries with a step of at least `min` in some family: the scale and the kept (index, steps).
fn quantised_table(table: &[[f32; 3]], min: u8) -> ([f32; 3], Vec<(usize, [i8; 3])>) {
    let scale = [0, 1, 2].map(|f| (table.iter().map(|a| a[f].abs()).fold(0.0, f32::max) / 127.0).max(1e-9));
    let kept = table
        .iter()
        .enumerate()
        .map(|(b, a)| (b, [0, 1, 2].map(|f| (a[f] / scale[f]).round().clamp(-127.0, 127.0) as i8)))
        .filter(|(_, q)| q.iter().any(|&v| v.unsigned_abs() >= min))
        .collect();
    (scale, kept)
}

/// One fit's weights: per word and family its own part, per pair bucket and family, the teacher
/// direction per family, and the bias per family.
struct Fit {
    words: Vec<[f32; 3]>,
    pairs: Vec<[f32; 3]>,
    grams: Vec<[f32; 3]>,
    concept_pairs: Vec<[f32; 3]>,
    direction: Vec<Vec<f32>>,
    bias: [f32; 3],
}

impl Fit {
    fn zeros(words: usize, dims: usize, grams: usize, concept_pairs: usize) -> Fit {
        Fit {
            words: vec![[0.0; 3]; words],
            pairs: vec![[0.0; 3]; PAIR_BUCKETS],
            grams: vec![[0.0; 3]; grams],
            concept_pairs: vec![[0.0; 3]; concept_pairs],
            direction: vec![vec![0.0; dims]; 3],
            bias: [0.0; 3],
        }
    }

    /// Adds `share` of `other` to this fit.
    fn add(&mut self, other: &Fit, share: f32) {
        let tables = self.words.iter_mut().zip(&other.words).chain(self.pairs.iter_mut().zip(&other.pairs));
        let tables = tables.chain(self.grams.iter_mut().zip(&other.grams));
        for (a, b) in tables.chain(self.concept_pairs.iter_mut().zip(&other.concept_pairs)) {
            for f in 0..3 {
                a[f] += share * b[f];
            }
        }
        for (a, b) in self.direction.iter_mut().zip(&other.direction) {
            a.iter_mut().zip(b).for_each(|(a, b)| *a += share * b);
        }
        for f in 0..3 {
            self.bias[f] += share * other.bias[f];
        }
    }
}

/// One pass of AdaGrad over the training posts, visited in orders drawn from `seed`.
#[allow(clippy::too_many_arguments)]
fn fit_once(
    data: &[Prepared],
    vectors: &[&[f32]],
    word_grams: &[Vec<u32>],
    dims: usize,
    dict_len: usize,
    classes: usize,
    class_weight: [f32; 3],
    total: f32,
    opts: &Options,
    seed: u64,
    report: &mut String,
) -> Fit {
    let mut words = vec![[Ada::default(); 3]; dict_len];
    let mut pairs = vec![[Ada::default(); 3]; PAIR_BUCKETS];
    let mut grams = vec![[Ada::default(); 3]; opts.gram_buckets];
    let mut concept_pairs = vec![[Ada::default(); 3]; classes * classes];
    let mut direction = vec![vec![Ada::default(); dims]; 3];
    let mut bias = [Ada::default(); 3];
    let mut rng = SplitMix(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let lr = opts.learning_rate;
    let mut grad_dir = vec![0f32; dims];
    // Token dropout: each visit of a post reads it without some of its words (drawn from the same
    // seeded stream), so a family cannot rest on one word a writer happened to use.
    let keep_below = ((1.0 - f64::from(opts.dropout.clamp(0.0, 0.9))) * u64::MAX as f64) as u64;
    let mut kept_tokens: Vec<Vec<u32>> = Vec::new();
    let mut kept_pairs: Vec<Vec<u32>> = Vec::new();
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut loss = 0f64;
        for &k in &order {
            let p = &data[k];
            kept_tokens.resize(p.segs.len(), Vec::new());
            kept_pairs.resize(p.segs.len(), Vec::new());
            for (si, s) in p.segs.iter().enumerate() {
                kept_tokens[si].clear();
                kept_pairs[si].clear();
                if opts.dropout > 0.0 {
                    kept_tokens[si].extend(s.tokens.iter().copied().filter(|_| rng.next() < keep_below));
                    kept_pairs[si].extend(s.pairs.iter().copied().filter(|_| rng.next() < keep_below));
                } else {
                    kept_tokens[si].extend_from_slice(&s.tokens);
                    kept_pairs[si].extend_from_slice(&s.pairs);
                }
            }
            for f in 0..3 {
                // The best segment for this family.
                let mut best: Option<(usize, f32)> = None;
                for (si, s) in p.segs.iter().enumerate() {
                    let mut sum = 0f32;
                    for &t in &kept_tokens[si] {
                        let t = t as usize;
                        sum += words[t][f].w + dot(&direction[f], vectors[t]);
                    }
                    for &b in &kept_pairs[si] {
                        sum += pairs[b as usize][f].w;
                    }
                    for &w in &s.gram_words {
                        let g = &word_grams[w as usize];
                        sum += g.iter().map(|&b| grams[b as usize][f].w).sum::<f32>() / g.len() as f32;
                    }
                    let concept: f32 = if opts.concept_families[f] {
                        s.concepts.iter().map(|&b| concept_pairs[b as usize][f].w).sum()
                    } else {
                        0.0
                    };
                    let z = bias[f].w + (sum + concept) / s.norm;
                    if best.is_none_or(|(_, bz)| z > bz) {
                        best = Some((si, z));
                    }
                }
                let Some((si, z)) = best else { continue };
                let y = if p.labels[f] { 1.0 } else { 0.0 };
                let w = p.weight * if p.labels[f] { class_weight[f] } else { 1.0 };
                let prob = sigmoid(z);
                loss += f64::from(w)
                    * -f64::from(if p.labels[f] { prob.max(1e-7).ln() } else { (1.0 - prob).max(1e-7).ln() });
                let gz = (prob - y) * w;
                let s = &p.segs[si];
                bias[f].step(gz, lr);
                let g = gz / s.norm;
                grad_dir.iter_mut().for_each(|v| *v = 0.0);
                for &t in &kept_tokens[si] {
                    let t = t as usize;
                    let a = &mut words[t][f];
                    a.step(g + opts.l2 * a.w, lr);
                    for (gd, &v) in grad_dir.iter_mut().zip(vectors[t]) {
                        *gd += g * v;
                    }
                }
                for &b in &kept_pairs[si] {
                    let a = &mut pairs[b as usize][f];
                    a.step(g + opts.l2 * a.w, lr);
                }
                for &w in &s.gram_words {
                    let buckets = &word_grams[w as usize];
                    let share = g / buckets.len() as f32;
                    for &b in buckets {
                        let a = &mut grams[b as usize][f];
                        a.step(share + opts.gram_l2 * a.w, lr);
                    }
                }
                for &b in s.concepts.iter().filter(|_| opts.concept_families[f]) {
                    let a = &mut concept_pairs[b as usize][f];
                    a.step(g + opts.concept_l2 * a.w, lr);
                }
                for (a, &gd) in direction[f].iter_mut().zip(&grad_dir) {
                    let grad = gd + opts.l2_direction * a.w;
                    a.step(grad, lr);
                }
            }
        }
        report.push_str(&format!("epoch {:>2}: training loss {:.4}\n", epoch + 1, loss / f64::from(total.max(1.0))));
    }
    Fit {
        words: words.iter().map(|a| a.map(|a| a.w)).collect(),
        pairs: pairs.iter().map(|a| a.map(|a| a.w)).collect(),
        grams: grams.iter().map(|a| a.map(|a| a.w)).collect(),
        concept_pairs: concept_pairs.iter().map(|a| a.map(|a| a.w)).collect(),
        direction: direction.iter().map(|d| d.iter().map(|a| a.w).collect()).collect(),
        bias: bias.map(|a| a.w),
    }
}

/// Drops, from every segment, words the teacher does not know that appear in fewer than `min_count`
/// training posts, and word pairs that do. The segment keeps its length norm: the words are still
/// there, they just carry no weight of their own.
///
/// Returns the posts and, per dictionary entry, whether it is kept.
fn keep_frequent(
    mut data: Vec<Prepared>,
    dict: &Dictionary,
    teacher: &Teacher,
    min_count: usize,
) -> (Vec<Prepared>, Vec<bool>) {
    let mut word_posts = vec![0usize; dict.forms.len()];
    let mut pair_posts = vec![0usize; PAIR_BUCKETS];
    for p in &data {
        let mut words: Vec<u32> = p.segs.iter().flat_map(|s| s.tokens.iter().copied()).collect();
        words.sort_unstable();
        words.dedup();
        words.iter().for_each(|&w| word_posts[w as usize] += 1);
        let mut pairs: Vec<u32> = p.segs.iter().flat_map(|s| s.pairs.iter().copied()).collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs.iter().for_each(|&b| pair_posts[b as usize] += 1);
    }
    let known: Vec<bool> =
        dict.forms.iter().enumerate().map(|(i, f)| word_posts[i] >= min_count || teacher.vector(f).is_some()).collect();
    for p in &mut data {
        for s in &mut p.segs {
            s.tokens.retain(|&t| known[t as usize]);
            s.pairs.retain(|&b| pair_posts[b as usize] >= min_count);
        }
    }
    (data, known)
}

/// Each dictionary entry's concept class: the words the teacher knows clustered into `k` classes,
/// shape tokens and emoji that are kept their reserved ones, everything else none. All entries none
/// when `k` is 0.
fn concept_classes(dict: &Dictionary, known: &[bool], teacher: &Teacher, k: usize) -> Vec<u8> {
    let mut class = vec![concepts::NONE; dict.forms.len()];
    if k == 0 {
        return class;
    }
    let clustered: Vec<(usize, &[f32])> = dict
        .forms
        .iter()
        .enumerate()
        .filter(|(i, f)| known[*i] && f.len() < 256)
        .filter_map(|(i, f)| teacher.vector(f).map(|v| (i, v)))
        .collect();
    let vectors: Vec<&[f32]> = clustered.iter().map(|(_, v)| *v).collect();
    for ((i, _), c) in clustered.iter().zip(concepts::cluster(&vectors, k, 20)) {
        class[*i] = c;
    }
    for (i, form) in dict.forms.iter().enumerate() {
        if known[i] && class[i] == concepts::NONE {
            class[i] = concepts::reserved_class(form, k).unwrap_or(concepts::NONE);
        }
    }
    class
}

/// Fills in each segment's class pairs from the classes of all its tokens in order (a token training
/// dropped has none), and lets go of the token order.
fn with_concepts(mut data: Vec<Prepared>, word_class: &[u8], classes: usize, window: usize) -> Vec<Prepared> {
    let (mut present, mut out) = (Vec::new(), Vec::new());
    for p in &mut data {
        for s in &mut p.segs {
            let ordered = std::mem::take(&mut s.ordered);
            if classes == 0 {
                continue;
            }
            present.clear();
            present.extend(ordered.iter().map(|&t| word_class[t as usize]));
            concepts::window_pairs(&present, window, classes, &mut out);
            s.concepts = out.iter().map(|&b| b as u32).collect();
        }
    }
    data
}

fn dot(a: &[Ada], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(a, b)| a.w * b).sum()
}

fn dot_f(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

/// The lowest score at which the posts scoring at least that much are right at least `precision` of
/// the time (at least `min_support` of them); `f32::MAX` when no score qualifies.
fn threshold(scored: &[(f32, bool)], precision: f64, min_support: usize) -> f32 {
    let mut sorted: Vec<(f32, bool)> = scored.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut best = f32::MAX;
    let (mut n, mut right) = (0usize, 0usize);
    for (i, &(score, label)) in sorted.iter().enumerate() {
        n += 1;
        right += usize::from(label);
        // Only cut between distinct scores.
        let next_differs = sorted.get(i + 1).is_none_or(|next| next.0 < score);
        if next_differs && n >= min_support && right as f64 >= precision * n as f64 {
            best = score;
        }
    }
    best
}

fn counts_above(scored: &[(f32, bool)], at: f32) -> (usize, usize) {
    scored.iter().filter(|(s, _)| *s >= at).fold((0, 0), |(n, r), (_, l)| (n + 1, r + usize::from(*l)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_is_the_lowest_cut_meeting_precision() {
        let s = [(3.0, true), (2.5, true), (2.0, false), (1.5, true), (1.0, false), (0.5, false)];
        assert_eq!(threshold(&s, 0.75, 1), 1.5);
        assert_eq!(threshold(&s, 1.0, 1), 2.5);
        assert_eq!(threshold(&s, 1.0, 3), f32::MAX);
    }

    #[test]
    fn splitmix_is_fixed() {
        let mut r = SplitMix(1);
        assert_eq!(r.next(), 0x910a_2dec_8902_5cc1);
    }
}
