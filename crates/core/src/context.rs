//! The shared context helper: where the words that change a span's meaning stand in the draft.
//!
//! "Mrs Patel" is only a risk near "bay 4" or "admitted"; a valid NHS number is only high risk near
//! "NHS" or "patient". Rather than every detector scanning for its own context words, all context
//! classes (one word list per file in `data/context/`) are compiled, with every detector's own word
//! lists (`detectors::vocabulary`), into a single automaton and found in one pass per analysis;
//! detectors then ask "is a word of class C within N bytes of this span?" with a binary search.

use crate::catalogue::ContextClass;
use crate::error::Error;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// Every word list (context classes first, so [`ContextClass`] `i` is list `i`), compiled once.
#[derive(Debug)]
pub struct ContextIndex {
    lists: WordLists,
}

/// Positions of the words of every list found in one normalised text, per list, sorted by start.
#[derive(Debug, Default)]
pub struct ContextHits {
    by_class: Vec<Vec<(usize, usize)>>,
}

impl ContextIndex {
    /// Compiles `lists` (list `i` is the `i`-th given). Entries are lower case; a trailing `*` matches
    /// any word ending; `#` starts a comment line.
    pub(crate) fn from_lists<'a>(lists: impl Iterator<Item = &'a str>) -> Result<Self, Error> {
        Ok(ContextIndex { lists: WordLists::new("word lists", lists)? })
    }

    /// How many lists were compiled.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.lists.count
    }

    /// Finds every context word in a normalised text.
    pub fn find(&self, text: &str) -> ContextHits {
        ContextHits { by_class: self.lists.find(text) }
    }
}

/// The entries of a word list: one a line, blank lines and `#` comments skipped, trimmed.
pub(crate) fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Several word lists compiled into one automaton, matched as whole words in one pass. Shared by the
/// context index and the detectors that read constructions from word lists (`detectors::text`), so
/// there is one matcher to keep linear. Entries are normalised like the text (so they may be typed
/// naturally); a trailing `*` matches any word ending (`diagnos*`).
#[derive(Debug)]
pub(crate) struct WordLists {
    automaton: AhoCorasick,
    /// For each pattern: (list index, whether it matches as a prefix).
    patterns: Vec<(usize, bool)>,
    count: usize,
}

impl WordLists {
    /// Compiles `lists` (list `i` is the `i`-th given); `what` names them in errors.
    pub(crate) fn new<'a>(what: &'static str, lists: impl Iterator<Item = &'a str>) -> Result<Self, Error> {
        let mut words = Vec::new();
        let mut patterns = Vec::new();
        let mut count = 0;
        for (i, list) in lists.enumerate() {
            count = i + 1;
            for entry in entries(list) {
                let (word, prefix) = match entry.strip_suffix('*') {
                    Some(w) => (w, true),
                    None => (entry, false),
                };
                // Lower-case ASCII is already in normal form; only other entries pay for normalising.
                if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`') {
                    words.push(word.to_string());
                } else {
                    words.push(crate::normalize::Normalized::new(word).as_str().to_string());
                }
                patterns.push((i, prefix));
            }
        }
        // A contiguous NFA builds in microseconds per list, which matters more than search speed at
        // every service-worker start; the prefilter rarely helps with hundreds of short words.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .prefilter(false)
            .match_kind(MatchKind::Standard)
            .build(&words)
            .map_err(|e| Error::internal(what, e))?;
        Ok(WordLists { automaton, patterns, count })
    }

    /// Every whole-word entry in `text`, per list, each list sorted by start.
    pub(crate) fn find(&self, text: &str) -> Vec<Vec<(usize, usize)>> {
        let mut by_list = vec![Vec::new(); self.count];
        let bytes = text.as_bytes();
        // The last run of word bytes scanned for a prefix word: `(from, end)` where `end` is a word's
        // end. Matches arrive in order of their end, so each byte is scanned at most once and a word
        // like `diagnosdiagnos…` a megabyte long costs one pass, not one pass per match in it.
        let mut word_run = (0, 0);
        for m in self.automaton.find_overlapping_iter(text) {
            if !is_boundary(bytes, m.start()) {
                continue;
            }
            let (list, prefix) = self.patterns[m.pattern().as_usize()];
            let mut end = m.end();
            if prefix {
                if !(word_run.0 <= end && end <= word_run.1) {
                    let from = end;
                    while end < bytes.len() && is_word_byte(bytes[end]) {
                        end += 1;
                    }
                    word_run = (from, end);
                }
                end = word_run.1;
            }
            if is_boundary(bytes, end) {
                by_list[list].push((m.start(), end));
            }
        }
        for hits in &mut by_list {
            hits.sort_unstable();
            hits.dedup();
        }
        by_list
    }
}

impl ContextHits {
    /// The nearest word of `class` that lies within `window` bytes before `start` or after `end`
    /// (or overlaps the span), as a byte range of the normalised text.
    pub fn near(&self, class: ContextClass, start: usize, end: usize, window: usize) -> Option<(usize, usize)> {
        let hits = self.by_class.get(class.0)?;
        let lo = start.saturating_sub(window);
        let hi = end.saturating_add(window);
        // First hit whose start is >= lo, then walk back one in case an earlier hit ends after lo.
        let i = hits.partition_point(|h| h.0 < lo);
        let candidates = i.saturating_sub(1)..hits.len();
        hits[candidates]
            .iter()
            .take_while(|h| h.0 <= hi)
            .filter(|h| h.1 >= lo)
            .min_by_key(|h| if h.1 <= start { start - h.1 } else { h.0.saturating_sub(end) })
            .copied()
    }

    /// Every word of `class` in the text.
    pub fn all(&self, class: ContextClass) -> &[(usize, usize)] {
        self.by_class.get(class.0).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether any word of `class` appears anywhere in the text.
    pub fn any(&self, class: ContextClass) -> bool {
        !self.all(class).is_empty()
    }

    /// The hits of lists `base..base + count` (a detector's own lists), empty past the end.
    pub(crate) fn lists(&self, base: usize, count: usize) -> &[Vec<(usize, usize)>] {
        let end = (base + count).min(self.by_class.len());
        &self.by_class[base.min(end)..end]
    }
}

/// Whether a byte is part of a word (ASCII letters, digits, and any byte of a non-ASCII character).
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Whether `at` is a word boundary in `bytes`: a word character does not continue across it.
pub fn is_boundary(bytes: &[u8], at: usize) -> bool {
    let before = at.checked_sub(1).and_then(|i| bytes.get(i)).is_some_and(|&b| is_word_byte(b));
    let after = bytes.get(at).is_some_and(|&b| is_word_byte(b));
    !(before && after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> ContextIndex {
        ContextIndex::from_lists(["patient\nnhs\ndiagnos*", "ward\nbay"].into_iter()).expect("compiles")
    }

    #[test]
    fn finds_whole_words_and_prefixes() {
        let hits = index().find("the patient was diagnosed on ward 7; outpatients and bayonets don't count");
        let text = "the patient was diagnosed on ward 7; outpatients and bayonets don't count";
        let clinical: Vec<&str> = hits.all(ContextClass(0)).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(clinical, ["patient", "diagnosed"]);
        let place: Vec<&str> = hits.all(ContextClass(1)).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(place, ["ward"]);
    }

    #[test]
    fn near_respects_the_window() {
        let text = "nhs 943 476 5919 and much later text patient";
        let hits = index().find(text);
        let at = text.find("943").expect("number");
        assert_eq!(hits.near(ContextClass(0), at, at + 12, 5), Some((0, 3)));
        assert_eq!(hits.near(ContextClass(0), 20, 22, 2), None);
        assert!(hits.near(ContextClass(1), 0, 3, 100).is_none());
    }

    #[test]
    fn prefix_words_cost_one_pass_however_long_the_word() {
        // A megabyte-long "word" made of a prefix pattern repeated: each match in it used to scan to
        // the word's end, O(n²). Compare a text and one eight times longer.
        let index = ContextIndex::from_lists(["diagnos*\ndiag*\nd*", "ward"].into_iter()).expect("compiles");
        let time = |n: usize| {
            let text = format!("{} diagnosis", "diagnos".repeat(n));
            // The long word and the last one, each matched by all three prefixes, reported once.
            let hits = index.find(&text);
            assert_eq!(hits.all(ContextClass(0)), [(0, 7 * n), (7 * n + 1, text.len())]);
            (0..3)
                .map(|_| {
                    let t = std::time::Instant::now();
                    index.find(&text);
                    t.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        // Other tests run in parallel and can stall one timing; quadratic work fails every attempt
        // (×64), so the ratio is measured up to three times and must pass once.
        let mut ratios = Vec::new();
        for _ in 0..3 {
            let small = time(20_000).max(std::time::Duration::from_micros(200));
            let large = time(160_000);
            ratios.push(large.as_secs_f64() / small.as_secs_f64());
            if ratios.last().is_some_and(|&r| r < 24.0) {
                return;
            }
        }
        panic!("×8 the text took ×{ratios:.1?} in three attempts");
    }
}
