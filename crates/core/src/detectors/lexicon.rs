//! The abuse lexicon (`data/lexicon/*.txt`), compiled into whole-word lookups.
//!
//! Matching is per word of the [`skeleton`](super::skeleton) view, never per substring: that is what
//! keeps `cunt` out of Scunthorpe, `cock` out of cocktail and `dick` out of Dickens, with no list of
//! exceptions to maintain. Each entry is stored run-length collapsed (`fuuuck` and `fuck` both become
//! `fuck`, with the run counts kept), and a word matches when its letters collapse to the same key and
//! every run is at least as long as the entry's — so repeated letters are seen through while `ass`
//! still needs its two `s`. Lookups are hash probes: constant work per word, whatever the list size.
//! Masked words (`f*ck`) are compared with the (few hundred) entries directly; they are rare.

use super::skeleton::Word;
use crate::vocabulary_compile::entries;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;

/// How serious a listed word is before we know whom it is aimed at (one file per grade).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Strong swearing (`obscenity.txt`).
    Obscenity,
    /// Insults (`insult.txt`).
    Insult,
    /// The most offensive insults (`strong.txt`).
    Strong,
    /// Slurs about a protected characteristic (`slur.txt`).
    Slur,
}

impl Grade {
    /// Lower-case name for explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Obscenity => "strong swearing",
            Grade::Insult => "insult",
            Grade::Strong => "strong insult",
            Grade::Slur => "slur",
        }
    }
}

/// The lexicon files, by grade.
const LISTS: [(Grade, &str); 4] = [
    (Grade::Slur, include_str!("../../data/lexicon/slur.txt")),
    (Grade::Strong, include_str!("../../data/lexicon/strong.txt")),
    (Grade::Insult, include_str!("../../data/lexicon/insult.txt")),
    (Grade::Obscenity, include_str!("../../data/lexicon/obscenity.txt")),
];

#[derive(Debug)]
struct Entry {
    grade: Grade,
    /// Letters as listed (for masked comparison).
    letters: String,
    /// Run lengths of `letters`.
    runs: Vec<u8>,
    /// Matches any word that starts with it.
    stem: bool,
}

/// The compiled lexicon.
#[derive(Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Collapsed whole-word key → entries.
    words: HashMap<String, Vec<usize>>,
    /// Collapsed stem key → entries.
    stems: HashMap<String, Vec<usize>>,
    /// Collapsed key of a two-word entry written apart → entries.
    pairs: HashMap<String, Vec<usize>>,
    longest_stem: usize,
    /// Collapsed first words of two-word entries: most word pairs are rejected without joining them.
    pair_heads: HashSet<String>,
    /// Shapes of the keys of `words`, `stems` and `pair_heads`: most words of a draft are rejected
    /// without hashing them.
    word_shapes: Shapes,
    stem_shapes: Shapes,
    head_shapes: Shapes,
}

/// For each first byte, a bit per length (lengths past 63 share the top bit) among a set of keys: a
/// key whose bit is clear is certainly not in the set.
#[derive(Debug)]
struct Shapes([u64; 256]);

impl Shapes {
    fn bit(key: &[u8]) -> Option<(usize, u64)> {
        key.first().map(|&c| (usize::from(c), 1u64 << key.len().min(63)))
    }

    fn insert(&mut self, key: &[u8]) {
        if let Some((initial, bit)) = Self::bit(key) {
            self.0[initial] |= bit;
        }
    }

    fn may_hold(&self, key: &[u8]) -> bool {
        Self::bit(key).is_some_and(|(initial, bit)| self.0[initial] & bit != 0)
    }
}

/// Longest word whose collapsed key is built on the stack rather than allocated.
const KEY_BUF: usize = 32;

/// The run-length-collapsed key of ASCII letters: borrowed when no letter repeats, else written into
/// `buf`. A third of ordinary words repeat a letter ("will", "good", "see"), and every word of a
/// draft is looked up: allocating their keys was a tenth of the abuse detector's time.
fn key<'a>(letters: &'a str, buf: &'a mut [u8; KEY_BUF]) -> Cow<'a, str> {
    let b = letters.as_bytes();
    if b.windows(2).all(|w| w[0] != w[1]) {
        return Cow::Borrowed(letters);
    }
    if b.len() <= KEY_BUF && b.is_ascii() {
        let mut n = 0;
        for (i, &c) in b.iter().enumerate() {
            if i == 0 || b[i - 1] != c {
                buf[n] = c;
                n += 1;
            }
        }
        if let Ok(key) = std::str::from_utf8(&buf[..n]) {
            return Cow::Borrowed(key);
        }
    }
    Cow::Owned(collapse(letters).0)
}

/// Run-length collapses ASCII letters: `fuuuck` → (`fuck`, [1, 3, 1, 1]).
fn collapse(letters: &str) -> (String, Vec<u8>) {
    let mut key = String::with_capacity(letters.len());
    let mut runs: Vec<u8> = Vec::with_capacity(letters.len());
    let mut last = None;
    for c in letters.chars() {
        if Some(c) == last {
            if let Some(n) = runs.last_mut() {
                *n = n.saturating_add(1);
            }
        } else {
            key.push(c);
            runs.push(1);
            last = Some(c);
        }
    }
    (key, runs)
}

/// Plural of a listed noun.
fn plural(word: &str) -> String {
    if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

impl Lexicon {
    /// Compiles the shipped lists.
    pub fn new() -> Self {
        Self::from_lists(LISTS.iter().copied())
    }

    fn from_lists<'a>(lists: impl Iterator<Item = (Grade, &'a str)>) -> Self {
        let mut lex = Lexicon {
            entries: Vec::new(),
            words: HashMap::default(),
            stems: HashMap::default(),
            pairs: HashMap::default(),
            longest_stem: 0,
            pair_heads: HashSet::default(),
            word_shapes: Shapes([0; 256]),
            stem_shapes: Shapes([0; 256]),
            head_shapes: Shapes([0; 256]),
        };
        for (grade, list) in lists {
            for line in entries(list) {
                let (body, stem) = crate::vocabulary_compile::split_prefix(line);
                let letters: String = body.chars().filter(char::is_ascii_lowercase).collect();
                if letters.is_empty() {
                    continue;
                }
                if stem {
                    lex.add(grade, &letters, true, Target::Stem);
                    continue;
                }
                let target = if body.contains(' ') { Target::Pair } else { Target::Word };
                if let Some((head, _)) = body.split_once(' ') {
                    let head: String = head.chars().filter(char::is_ascii_lowercase).collect();
                    let head = collapse(&head).0;
                    lex.head_shapes.insert(head.as_bytes());
                    lex.pair_heads.insert(head);
                }
                lex.add(grade, &letters, false, target);
                lex.add(grade, &plural(&letters), false, target);
                if target == Target::Pair {
                    // `bell end` may also be typed `bellend` or `bell-end`.
                    lex.add(grade, &letters, false, Target::Word);
                }
            }
        }
        lex
    }

    fn add(&mut self, grade: Grade, letters: &str, stem: bool, target: Target) {
        let (key, runs) = collapse(letters);
        let index = self.entries.len();
        if stem {
            self.longest_stem = self.longest_stem.max(key.len());
        }
        self.entries.push(Entry { grade, letters: letters.to_string(), runs, stem });
        match target {
            Target::Word => self.word_shapes.insert(key.as_bytes()),
            Target::Stem => self.stem_shapes.insert(key.as_bytes()),
            Target::Pair => {}
        }
        let map = match target {
            Target::Word => &mut self.words,
            Target::Stem => &mut self.stems,
            Target::Pair => &mut self.pairs,
        };
        map.entry(key).or_default().push(index);
    }

    /// The most serious grade the word matches, reading it every way it may be disguised.
    pub fn word(&self, word: &Word<'_>) -> Option<Grade> {
        let plain = self.letters(&word.letters);
        let alt = word.alt.as_deref().and_then(|a| self.letters(a));
        let masked = if word.letters.contains('*') {
            let unstarred: String = word.letters.chars().filter(|&c| c != '*').collect();
            self.masked(&word.letters).or_else(|| self.letters(&unstarred))
        } else {
            None
        };
        plain.max(alt).max(masked)
    }

    /// The grade of a two-word entry written as the words `a` then `b` (`bell end`).
    pub fn pair(&self, a: &Word<'_>, b: &Word<'_>) -> Option<Grade> {
        if !a.letters.bytes().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        let mut buf = [0; KEY_BUF];
        let head = key(&a.letters, &mut buf);
        if !self.head_shapes.may_hold(head.as_bytes()) || !self.pair_heads.contains(head.as_ref()) {
            return None;
        }
        let joined = format!("{}{}", a.letters, b.letters);
        let (key, runs) = collapse(&joined);
        self.best(self.pairs.get(&key), &runs, runs.len())
    }

    /// Whole-word and stem lookups of plain letters.
    fn letters(&self, letters: &str) -> Option<Grade> {
        if !letters.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let mut buf = [0; KEY_BUF];
        let key = key(letters, &mut buf);
        let word_hit = if self.word_shapes.may_hold(key.as_bytes()) { self.words.get(key.as_ref()) } else { None };
        let stem_hits = (1..=self.longest_stem.min(key.len()))
            .filter(|&k| self.stem_shapes.may_hold(&key.as_bytes()[..k]))
            .filter_map(|k| self.stems.get(&key[..k]).map(|hit| (k, hit)));
        if word_hit.is_none() && stem_hits.clone().next().is_none() {
            return None;
        }
        // Run lengths are only needed once a key matched.
        let (_, runs) = collapse(letters);
        let best = self.best(word_hit, &runs, runs.len());
        stem_hits.fold(best, |best, (k, hit)| best.max(self.best(Some(hit), &runs, k)))
    }

    /// The best grade among `candidates` whose first `n` runs fit under the word's `runs`.
    fn best(&self, candidates: Option<&Vec<usize>>, runs: &[u8], n: usize) -> Option<Grade> {
        candidates?
            .iter()
            .map(|&i| &self.entries[i])
            .filter(|e| e.runs.len() == n && e.runs.iter().zip(runs).all(|(need, got)| got >= need))
            .map(|e| e.grade)
            .max()
    }

    /// A masked word (`f*ck`, `c**t`, `f*cking`): each `*` stands for one letter. The first character
    /// must be a real letter and masks may not outnumber the letters by more than two, so a row of
    /// stars never matches. An ambiguous mask takes the mildest grade it could be.
    fn masked(&self, pattern: &str) -> Option<Grade> {
        let p = pattern.as_bytes();
        let stars = p.iter().filter(|&&b| b == b'*').count();
        let letters = p.len() - stars;
        if !p.first().is_some_and(u8::is_ascii_lowercase) || letters == 0 || stars > letters + 2 {
            return None;
        }
        let fits = |entry: &[u8]| entry.iter().zip(p).all(|(&e, &c)| c == b'*' || c == e);
        self.entries
            .iter()
            .filter(|e| {
                let l = e.letters.as_bytes();
                if e.stem {
                    p.len() >= l.len() && fits(l)
                } else {
                    p.len() == l.len() && fits(l)
                }
            })
            .map(|e| e.grade)
            .min()
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Word,
    Stem,
    Pair,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(letters: &str) -> Word<'_> {
        Word { start: 0, end: letters.len(), letters: letters.into(), alt: None, tricks: 0 }
    }

    fn grade(letters: &str) -> Option<Grade> {
        Lexicon::new().word(&word(letters))
    }

    #[test]
    fn whole_words_with_plurals_stems_and_repeats() {
        assert_eq!(grade("idiot"), Some(Grade::Insult));
        assert_eq!(grade("idiots"), Some(Grade::Insult));
        assert_eq!(grade("iiidiooot"), Some(Grade::Insult));
        assert_eq!(grade("fucking"), Some(Grade::Obscenity));
        assert_eq!(grade("fuuuuuckin"), Some(Grade::Obscenity));
        assert_eq!(grade("cunts"), Some(Grade::Strong));
        assert_eq!(grade("retard"), Some(Grade::Slur));
    }

    #[test]
    fn never_inside_innocent_words() {
        for w in [
            "scunthorpe",
            "cocktail",
            "therapist",
            "analysis",
            "dickens",
            "essex",
            "cumbria",
            "shiitake",
            "as",
            "assistant",
            "hancock",
            "arsenal",
            "knackered",
            "bloody",
            "sussex",
            "dickie",
        ] {
            assert_eq!(grade(w), None, "{w}");
        }
    }

    #[test]
    fn masks() {
        assert_eq!(grade("f*ck"), Some(Grade::Obscenity));
        assert_eq!(grade("f*cking"), Some(Grade::Obscenity));
        assert_eq!(grade("c**t"), Some(Grade::Strong));
        assert_eq!(grade("b*tch"), Some(Grade::Strong));
        assert_eq!(grade("f***"), Some(Grade::Obscenity));
        assert_eq!(grade("****"), None);
        assert_eq!(grade("*"), None);
        assert_eq!(grade("h*llo"), None);
    }

    #[test]
    fn pairs_and_alternative_readings() {
        let lex = Lexicon::new();
        assert_eq!(lex.pair(&word("bell"), &word("end")), Some(Grade::Insult));
        assert_eq!(lex.pair(&word("bell"), &word("rang")), None);
        let w = Word { alt: Some("bellend".into()), ..word("beiiend") };
        assert_eq!(lex.word(&w), Some(Grade::Insult));
    }
}
