//! The shared context helper: where the words that change a span's meaning stand in the draft.
//!
//! "Mrs Patel" is only a risk near "bay 4" or "admitted"; a valid NHS number is only high risk near
//! "NHS" or "patient". Rather than every detector scanning for its own context words, all context
//! classes (one word list per file in `data/context/`) are compiled into a single Aho-Corasick automaton
//! and found in one pass per analysis; detectors then ask "is a word of class C within N bytes of this
//! span?" with a binary search.

use crate::catalogue::{ContextClass, CONTEXT_LISTS};
use crate::error::Error;
use aho_corasick::{AhoCorasick, MatchKind};

/// All context words, compiled once per analyser.
#[derive(Debug)]
pub struct ContextIndex {
    automaton: AhoCorasick,
    /// For each pattern: (class id, whether it matches as a prefix, e.g. `diagnos*`).
    patterns: Vec<(usize, bool)>,
    class_count: usize,
}

/// Positions of context words found in one normalised text, per class, sorted by start.
#[derive(Debug, Default)]
pub struct ContextHits {
    by_class: Vec<Vec<(usize, usize)>>,
}

impl ContextIndex {
    /// Compiles every context list. Entries are lower case; a trailing `*` matches any word ending;
    /// `#` starts a comment line.
    pub fn new() -> Result<Self, Error> {
        Self::from_lists(CONTEXT_LISTS.iter().map(|(_, text)| *text))
    }

    fn from_lists<'a>(lists: impl Iterator<Item = &'a str>) -> Result<Self, Error> {
        let mut words = Vec::new();
        let mut patterns = Vec::new();
        let mut class_count = 0;
        for (class, text) in lists.enumerate() {
            class_count = class + 1;
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let (word, prefix) = match line.strip_suffix('*') {
                    Some(w) => (w, true),
                    None => (line, false),
                };
                words.push(crate::normalize::Normalized::new(word).as_str().to_string());
                patterns.push((class, prefix));
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&words)
            .map_err(|e| Error::internal("context word lists", e))?;
        Ok(ContextIndex { automaton, patterns, class_count })
    }

    /// Finds every context word in a normalised text.
    pub fn find(&self, text: &str) -> ContextHits {
        let mut by_class = vec![Vec::new(); self.class_count];
        let bytes = text.as_bytes();
        for m in self.automaton.find_overlapping_iter(text) {
            let (class, prefix) = self.patterns[m.pattern().as_usize()];
            let mut end = m.end();
            if prefix {
                while end < bytes.len() && is_word_byte(bytes[end]) {
                    end += 1;
                }
            }
            if is_boundary(bytes, m.start()) && is_boundary(bytes, end) {
                by_class[class].push((m.start(), end));
            }
        }
        for hits in &mut by_class {
            hits.sort_unstable();
            hits.dedup();
        }
        ContextHits { by_class }
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
    fn every_shipped_list_compiles() {
        let idx = ContextIndex::new().expect("compiles");
        assert_eq!(idx.class_count, CONTEXT_LISTS.len());
    }
}
