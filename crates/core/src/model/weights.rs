//! The shipped model's file format (`data/model/weights.bin`), written by the trainer and read when an
//! analyser is built.
//!
//! Laid out for gzip and for a cheap start: sorted words as length-prefixed text (neighbours share
//! prefixes), their scores after them (small integers, mostly near zero), pair buckets as gaps between
//! non-zero buckets. Scores are stored one family after another (columns), not word by word: each
//! family's scores are alike, and gzip finds runs within one family that interleaving breaks up —
//! about 20 KB less gzipped for the same weights (PGMODEL1 interleaved them). Character n-grams of
//! words (PGMODEL3) follow the pairs, hashed into their own table with their own scale per family;
//! concept classes (PGMODEL4, see `concepts`) last: one class byte per word, then the class-pair table.
//! Reading it is one linear pass with no allocation per word. All integers are little-endian.
//!
//! ```text
//! b"PGMODEL4"
//! per family (3): f32 bias, f32 scale, f32 info threshold, f32 warn threshold
//! u32 words; words × (u8 length, bytes), sorted by bytes; per family (3): words × i8
//! u32 pairs; pairs × varint gap from the previous bucket (the first: its bucket); per family (3): pairs × i8
//! u32 gram buckets (a power of two, or 0: no n-grams); per family (3): f32 gram scale
//! u32 grams; grams × varint gap (as pairs); per family (3): grams × i8
//! u32 classes (0: no concept classes); if any: u32 window; words × u8 class (255: none);
//!   per family (3): f32 concept scale; u32 class pairs; × varint gap (bucket a·classes + b); per family (3): × i8
//! ```

use super::features::{word_hash, word_hash_bytes, PAIR_BUCKETS};
use rustc_hash::FxHashMap;

const MAGIC: &[u8; 8] = b"PGMODEL4";

/// The widest concept window a model may ask for: class pairs are read for every token up to this
/// many tokens ahead, so the window bounds the work per token.
pub const MAX_CONCEPT_WINDOW: usize = 8;

/// Per-family constants of the model.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FamilyParams {
    /// Added to every segment's score.
    pub bias: f32,
    /// What one step of a quantised weight is worth.
    pub scale: f32,
    /// Passage score from which a passage is marked (information only).
    pub info: f32,
    /// Sentence score from which a sentence's finding pauses the post.
    pub warn: f32,
}

/// A model read from its file.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Constants per family, in [`crate::Category::ALL`] order.
    pub families: [FamilyParams; 3],
    words: &'static [u8],
    /// Where each word starts in `words` (its length byte).
    offsets: Vec<u32>,
    /// Word index by the word's [`word_hash`]: every token of a draft is looked up, and its hash is
    /// needed for its pairs anyway. Built in one pass when the model is read (about 1 ms in WASM).
    index: FxHashMap<u64, u32>,
    /// Each family's word scores, one after another ([`Weights::scores`] reads across them).
    word_scores: &'static [u8],
    /// Dense pair table, PAIR_BUCKETS entries.
    pairs: Vec<[i8; 3]>,
    /// Dense character n-gram table (a power of two entries; empty when the model has none).
    grams: Vec<[i8; 3]>,
    /// What one step of a quantised n-gram weight is worth, per family.
    pub gram_scale: [f32; 3],
    /// Each word's concept class, in word order (empty when the model has none).
    word_classes: &'static [u8],
    /// How many concept classes there are (0: none).
    pub classes: usize,
    /// Class pairs are read between tokens at most this far apart.
    pub concept_window: usize,
    /// Dense class-pair table, `classes²` entries.
    concepts: Vec<[i8; 3]>,
    /// What one step of a quantised class-pair weight is worth, per family.
    pub concept_scale: [f32; 3],
}

/// A model's concept classes, for [`write_with_grams`].
#[derive(Debug, Clone, Default)]
pub struct ConceptTable {
    /// How many classes (0: none).
    pub classes: usize,
    /// See [`Weights::concept_window`].
    pub window: usize,
    /// Each word's class, in the order of the word list written beside it.
    pub word_classes: Vec<u8>,
    /// What one step of a quantised weight is worth, per family.
    pub scale: [f32; 3],
    /// The class pairs that carry weight, in bucket order, with their quantised weights.
    pub weights: Vec<(usize, [i8; 3])>,
}

/// A model's character n-gram table, for [`write_with_grams`].
#[derive(Debug, Clone, Default)]
pub struct GramTable {
    /// Buckets in the table (a power of two, or 0 for none).
    pub buckets: usize,
    /// What one step of a quantised weight is worth, per family.
    pub scale: [f32; 3],
    /// The buckets that carry weight, in bucket order, with their quantised weights.
    pub weights: Vec<(usize, [i8; 3])>,
}

impl Weights {
    /// Reads a model file. Errors name what is wrong; the file is built into the binary, so an error
    /// here is a build mistake, reported rather than panicking.
    pub fn parse(bytes: &'static [u8]) -> Result<Weights, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a postguard model file".into());
        }
        let mut families = [FamilyParams::default(); 3];
        for f in &mut families {
            *f = FamilyParams { bias: r.f32()?, scale: r.f32()?, info: r.f32()?, warn: r.f32()? };
        }
        let n = r.u32()? as usize;
        let words_start = r.at;
        let mut offsets = Vec::with_capacity(n);
        let mut previous: &[u8] = &[];
        for _ in 0..n {
            offsets.push((r.at - words_start) as u32);
            let len = usize::from(r.take(1)?[0]);
            let word = r.take(len)?;
            if word <= previous {
                return Err("model words are not sorted".into());
            }
            previous = word;
        }
        let words = &bytes[words_start..r.at];
        let mut index = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for (i, &off) in offsets.iter().enumerate() {
            let word = &words[off as usize + 1..off as usize + 1 + usize::from(words[off as usize])];
            index.insert(word_hash_bytes(word), i as u32);
        }
        let word_scores = r.take(n * 3)?;
        let pairs = r.sparse_table(PAIR_BUCKETS)?;
        let gram_buckets = r.u32()? as usize;
        if gram_buckets != 0 && !gram_buckets.is_power_of_two() {
            return Err("model n-gram table is not a power of two".into());
        }
        let gram_scale = [r.f32()?, r.f32()?, r.f32()?];
        let grams = r.sparse_table(gram_buckets)?;
        let classes = r.u32()? as usize;
        if classes > usize::from(u8::MAX) {
            return Err("model has too many concept classes".into());
        }
        let (word_classes, concept_window, concept_scale, concepts) = if classes == 0 {
            (&[][..], 0, [0.0; 3], Vec::new())
        } else {
            let window = r.u32()? as usize;
            if window == 0 || window > MAX_CONCEPT_WINDOW {
                return Err(format!("model concept window {window} is not 1 to {MAX_CONCEPT_WINDOW}"));
            }
            let word_classes = r.take(n)?;
            if word_classes.iter().any(|&c| c != super::concepts::NONE && usize::from(c) >= classes) {
                return Err("model word class out of range".into());
            }
            let scale = [r.f32()?, r.f32()?, r.f32()?];
            if scale.iter().any(|s| !s.is_finite()) {
                return Err("model concept scale is not a number".into());
            }
            (word_classes, window, scale, r.sparse_table(classes * classes)?)
        };
        if r.at != bytes.len() {
            return Err("model file has trailing bytes".into());
        }
        Ok(Weights {
            families,
            words,
            offsets,
            index,
            word_scores,
            pairs,
            grams,
            gram_scale,
            word_classes,
            classes,
            concept_window,
            concepts,
            concept_scale,
        })
    }

    /// The quantised scores of `word`, if the model knows it.
    pub fn word(&self, word: &str) -> Option<[i8; 3]> {
        self.entry(word, word_hash(word)).map(|i| self.scores(i))
    }

    /// The index of a word whose [`word_hash`] is known, if the model knows it.
    pub fn entry(&self, word: &str, hash: u64) -> Option<usize> {
        let i = *self.index.get(&hash)? as usize;
        let off = self.offsets[i] as usize;
        let len = usize::from(self.words[off]);
        // A different word with the same 64-bit hash is astronomically unlikely; checking costs little.
        (&self.words[off + 1..off + 1 + len] == word.as_bytes()).then_some(i)
    }

    /// The quantised scores of the word at `index` ([`Weights::entry`]).
    pub fn scores(&self, index: usize) -> [i8; 3] {
        let n = self.offsets.len();
        let s = self.word_scores;
        [s[index] as i8, s[n + index] as i8, s[2 * n + index] as i8]
    }

    /// The concept class of the word at `index` ([`super::concepts::NONE`] when it has none).
    pub fn class(&self, index: usize) -> u8 {
        self.word_classes.get(index).copied().unwrap_or(super::concepts::NONE)
    }

    /// The quantised scores of a class pair (bucket `a · classes + b`).
    pub fn concept(&self, bucket: usize) -> [i8; 3] {
        self.concepts.get(bucket).copied().unwrap_or([0; 3])
    }

    /// The quantised scores of a pair bucket.
    pub fn pair(&self, bucket: usize) -> [i8; 3] {
        self.pairs[bucket & (PAIR_BUCKETS - 1)]
    }

    /// Whether the model reads character n-grams at all.
    pub fn has_grams(&self) -> bool {
        !self.grams.is_empty()
    }

    /// The quantised scores of a character n-gram, by its hash ([`super::features::char_grams`]).
    pub fn gram(&self, hash: u64) -> [i8; 3] {
        if self.grams.is_empty() {
            return [0; 3];
        }
        self.grams[super::features::gram_bucket(hash, self.grams.len())]
    }
}

/// Serialises a model without character n-grams. `words` must be sorted by bytes, each under 256
/// bytes; `pairs` in bucket order.
pub fn write(families: &[FamilyParams; 3], words: &[(String, [i8; 3])], pairs: &[(usize, [i8; 3])]) -> Vec<u8> {
    write_with_grams(families, words, pairs, &GramTable::default(), &ConceptTable::default())
}

/// Serialises a model (used by the trainer), as [`write`] with a character n-gram table and concept
/// classes (either may be empty).
pub fn write_with_grams(
    families: &[FamilyParams; 3],
    words: &[(String, [i8; 3])],
    pairs: &[(usize, [i8; 3])],
    grams: &GramTable,
    concepts: &ConceptTable,
) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for f in families {
        for v in [f.bias, f.scale, f.info, f.warn] {
            out.extend(v.to_le_bytes());
        }
    }
    out.extend((words.len() as u32).to_le_bytes());
    for (w, _) in words {
        out.push(w.len() as u8);
        out.extend(w.as_bytes());
    }
    for family in 0..3 {
        out.extend(words.iter().map(|(_, s)| s[family] as u8));
    }
    write_sparse(&mut out, pairs);
    out.extend((grams.buckets as u32).to_le_bytes());
    for v in grams.scale {
        out.extend(v.to_le_bytes());
    }
    write_sparse(&mut out, &grams.weights);
    out.extend((concepts.classes as u32).to_le_bytes());
    if concepts.classes > 0 {
        assert_eq!(concepts.word_classes.len(), words.len(), "one concept class per word");
        assert!((1..=MAX_CONCEPT_WINDOW).contains(&concepts.window), "concept window 1 to {MAX_CONCEPT_WINDOW}");
        out.extend((concepts.window as u32).to_le_bytes());
        out.extend(&concepts.word_classes);
        for v in concepts.scale {
            out.extend(v.to_le_bytes());
        }
        write_sparse(&mut out, &concepts.weights);
    }
    out
}

/// A sparse table: count, bucket gaps as varints, then each family's weights.
fn write_sparse(out: &mut Vec<u8>, table: &[(usize, [i8; 3])]) {
    out.extend((table.len() as u32).to_le_bytes());
    let mut previous = 0;
    for (i, (bucket, _)) in table.iter().enumerate() {
        let gap = if i == 0 { *bucket } else { bucket - previous };
        previous = *bucket;
        let mut g = gap as u64;
        loop {
            let byte = (g & 0x7f) as u8;
            g >>= 7;
            if g == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
    for family in 0..3 {
        out.extend(table.iter().map(|(_, s)| s[family] as u8));
    }
}

struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Result<&'static [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("model file is truncated")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }

    /// A table written by [`write_sparse`], read into `size` dense entries.
    fn sparse_table(&mut self, size: usize) -> Result<Vec<[i8; 3]>, String> {
        let count = self.u32()? as usize;
        let mut buckets = Vec::with_capacity(count.min(size));
        let mut bucket = 0usize;
        for i in 0..count {
            let gap = self.varint()? as usize;
            bucket = if i == 0 { gap } else { bucket.saturating_add(gap) };
            if bucket >= size {
                return Err("model bucket out of range".into());
            }
            buckets.push(bucket);
        }
        let mut table = vec![[0i8; 3]; size];
        let columns = [self.take(count)?, self.take(count)?, self.take(count)?];
        for (i, &bucket) in buckets.iter().enumerate() {
            table[bucket] = columns.map(|c| c[i] as i8);
        }
        Ok(table)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("model varint too long".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let fam = [FamilyParams { bias: -2.0, scale: 0.01, info: 0.5, warn: 1.5 }; 3];
        let words =
            vec![("abc".to_string(), [1, -2, 3]), ("abd".to_string(), [4, 5, -6]), ("b".to_string(), [0, 0, 7])];
        let pairs = vec![(0, [1, 1, 1]), (300, [2, 2, 2]), (PAIR_BUCKETS - 1, [-3, -3, -3])];
        let bytes: &'static [u8] = Box::leak(write(&fam, &words, &pairs).into_boxed_slice());
        let w = Weights::parse(bytes).expect("parses");
        assert_eq!(w.families, fam);
        assert_eq!(w.word("abd"), Some([4, 5, -6]));
        assert_eq!(w.word("b"), Some([0, 0, 7]));
        assert_eq!(w.word("ab"), None);
        assert_eq!(w.word("abc"), Some([1, -2, 3]));
        assert_eq!(w.word("a"), None);
        assert_eq!(w.word("c"), None);
        assert_eq!(w.word(""), None);
        assert_eq!(w.pair(300), [2, 2, 2]);
        assert_eq!(w.pair(PAIR_BUCKETS - 1), [-3, -3, -3]);
        assert_eq!(w.pair(5), [0, 0, 0]);
    }

    #[test]
    fn round_trips_character_n_grams() {
        let fam = [FamilyParams { bias: -2.0, scale: 0.01, info: 0.5, warn: 1.5 }; 3];
        let grams =
            GramTable { buckets: 1024, scale: [0.5, 0.25, 0.125], weights: vec![(7, [1, 2, 3]), (1023, [-4, 0, 5])] };
        let bytes: &'static [u8] =
            Box::leak(write_with_grams(&fam, &[], &[], &grams, &ConceptTable::default()).into_boxed_slice());
        let w = Weights::parse(bytes).expect("parses");
        assert!(w.has_grams());
        assert_eq!(w.gram_scale, [0.5, 0.25, 0.125]);
        let hash_in = |bucket: usize| (0u64..).find(|&h| super::super::features::gram_bucket(h, 1024) == bucket);
        assert_eq!(hash_in(7).map(|h| w.gram(h)), Some([1, 2, 3]));
        assert_eq!(hash_in(1023).map(|h| w.gram(h)), Some([-4, 0, 5]));
        assert_eq!(hash_in(8).map(|h| w.gram(h)), Some([0, 0, 0]));
        let none: &'static [u8] = Box::leak(write(&fam, &[], &[]).into_boxed_slice());
        assert!(!Weights::parse(none).expect("parses").has_grams());
    }

    #[test]
    fn round_trips_concept_classes() {
        let fam = [FamilyParams { bias: -2.0, scale: 0.01, info: 0.5, warn: 1.5 }; 3];
        let words = vec![("a".to_string(), [1, 1, 1]), ("b".to_string(), [0, 0, 0])];
        let concepts = ConceptTable {
            classes: 3,
            window: 2,
            word_classes: vec![2, super::super::concepts::NONE],
            scale: [0.5, 0.25, 0.125],
            weights: vec![(1, [1, 2, 3]), (8, [-4, 0, 5])],
        };
        let bytes = write_with_grams(&fam, &words, &[], &GramTable::default(), &concepts);
        let w = Weights::parse(Box::leak(bytes.clone().into_boxed_slice())).expect("parses");
        assert_eq!((w.classes, w.concept_window, w.concept_scale), (3, 2, [0.5, 0.25, 0.125]));
        let a = w.entry("a", word_hash("a")).expect("known");
        assert_eq!((w.class(a), w.scores(a)), (2, [1, 1, 1]));
        let b = w.entry("b", word_hash("b")).expect("known");
        assert_eq!(w.class(b), super::super::concepts::NONE);
        assert_eq!((w.concept(1), w.concept(8), w.concept(0), w.concept(9)), ([1, 2, 3], [-4, 0, 5], [0; 3], [0; 3]));
        for cut in 0..bytes.len() {
            assert!(Weights::parse(Box::leak(bytes[..cut].to_vec().into_boxed_slice())).is_err(), "cut at {cut}");
        }
        let out_of_range = ConceptTable { word_classes: vec![3, 0], ..concepts.clone() };
        let bytes = write_with_grams(&fam, &words, &[], &GramTable::default(), &out_of_range);
        assert!(Weights::parse(Box::leak(bytes.into_boxed_slice())).is_err(), "a class past the table");
        let not_a_number = ConceptTable { scale: [f32::NAN, 1.0, 1.0], ..concepts };
        let bytes = write_with_grams(&fam, &words, &[], &GramTable::default(), &not_a_number);
        assert!(Weights::parse(Box::leak(bytes.into_boxed_slice())).is_err(), "a scale that is not a number");
    }

    #[test]
    fn rejects_damaged_files() {
        let fam = [FamilyParams::default(); 3];
        let good = write(&fam, &[("a".into(), [1, 1, 1])], &[(3, [1, 1, 1])]);
        for cut in 0..good.len() {
            let bytes: &'static [u8] = Box::leak(good[..cut].to_vec().into_boxed_slice());
            assert!(Weights::parse(bytes).is_err(), "cut at {cut}");
        }
        let unsorted = write(&fam, &[("b".into(), [1, 1, 1]), ("a".into(), [1, 1, 1])], &[]);
        assert!(Weights::parse(Box::leak(unsorted.into_boxed_slice())).is_err());
    }
}
