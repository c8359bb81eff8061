//! The shared context helper: where the words that change a span's meaning stand in the draft.
//!
//! "Mrs Patel" is only a risk near "bay 4" or "admitted"; a valid NHS number is only high risk near
//! "NHS" or "patient". Rather than every detector scanning for its own context words, all context
//! classes (one word list per file in `data/context/`) are compiled, with every detector's own word
//! lists (`data/words/`), into a single automaton and found in one pass per analysis;
//! detectors then ask "is a word of class C within N bytes of this span?" with a binary search.

use crate::catalogue::{ContextClass, VOCABULARY_LISTS, VOCABULARY_TEXT};
use crate::error::Error;
use crate::vocabulary_compile::Entry;
use crate::word_trie::WordTrie;
use std::sync::OnceLock;

/// Every word list (context classes first, so [`ContextClass`] `i` is list `i`; then every detector's
/// lists, `catalogue::words`), merged at build time (`vocabulary_compile.rs`).
#[derive(Debug)]
pub struct ContextIndex {
    /// Every entry; an entry's value is `offset << COUNT_BITS | count`, its codes in `matches`.
    trie: WordTrie,
    /// `list << 1 | prefix`, grouped by entry.
    matches: Vec<u16>,
    count: usize,
}

/// Bits of an entry's trie value that hold how many codes it has (at most 255 lists per entry).
const COUNT_BITS: u32 = 8;

/// Positions of the words of every list found in one normalised text, per list, sorted by start.
#[derive(Debug, Default)]
pub struct ContextHits {
    by_class: Vec<Vec<(usize, usize)>>,
}

impl ContextIndex {
    /// The shipped vocabulary, merged and sorted by `build.rs`; the first call compiles it for walking
    /// (a few milliseconds, once per process: every analyser shares it).
    pub fn shipped() -> Result<&'static ContextIndex, Error> {
        static INDEX: OnceLock<Result<ContextIndex, Error>> = OnceLock::new();
        INDEX
            .get_or_init(|| {
                let entries = crate::vocabulary_compile::from_text(VOCABULARY_TEXT);
                entries
                    .and_then(|entries| Self::from_entries(entries, VOCABULARY_LISTS))
                    .map_err(|e| Error::internal("vocabulary", e))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Compiles lists given at run time (list `i` is the `i`-th given): IT's ward names, internal terms
    /// and allowlist. Each entry is normalised like the text and matches as a whole word or phrase;
    /// `(entry, true)` also matches any word ending. `what` names the lists in errors.
    pub(crate) fn compile(what: &str, lists: &[Vec<(String, bool)>]) -> Result<Self, Error> {
        let normal: Vec<Vec<(String, bool)>> = lists
            .iter()
            .map(|list| {
                list.iter()
                    .map(|(e, prefix)| (crate::normalize::Normalized::new(e.trim()).as_str().to_string(), *prefix))
                    .collect()
            })
            .collect();
        let merged = crate::vocabulary_compile::merge(&normal).map_err(|e| Error::policy(what, e))?;
        Self::from_entries(merged, lists.len()).map_err(|e| Error::policy(what, e))
    }

    /// Compiles lists written like the shipped ones (one entry a line, `*` for any ending), for tests.
    #[cfg(test)]
    pub(crate) fn from_lists<'a>(lists: impl Iterator<Item = &'a str>) -> Result<Self, Error> {
        let lists: Vec<Vec<(String, bool)>> = lists
            .map(|list| {
                crate::vocabulary_compile::entries(list)
                    .map(|e| {
                        let (word, prefix) = crate::vocabulary_compile::split_prefix(e);
                        (word.to_string(), prefix)
                    })
                    .collect()
            })
            .collect();
        Self::compile("test lists", &lists)
    }

    /// IT's own words or phrases for one setting (ward names, internal terms, the allowlist) as a
    /// one-list index matched as whole words; `None` when no term has any content once normalised.
    pub(crate) fn terms(setting: &str, terms: &[String]) -> Result<Option<Self>, Error> {
        let list: Vec<(String, bool)> = terms.iter().map(|t| (t.clone(), false)).collect();
        // Terms that normalise to nothing are skipped by the compiler: no match at all means none had content.
        let index = Self::compile(setting, &[list])?;
        Ok((!index.matches.is_empty()).then_some(index))
    }

    /// Every whole-word match of a one-list index (see [`ContextIndex::compile`]) in `text`, by start.
    pub(crate) fn find_one(&self, text: &str) -> Vec<(usize, usize)> {
        self.find(text).by_class.into_iter().next().unwrap_or_default()
    }

    /// Indexes merged entries (distinct, in byte order, with their codes) of `count` lists.
    fn from_entries<'a>(entries: impl IntoIterator<Item = Entry<'a>>, count: usize) -> Result<Self, String> {
        let mut matches = Vec::new();
        let mut valued = Vec::new();
        for (entry, codes) in entries {
            let offset = u32::try_from(matches.len()).ok().filter(|&o| o < 1 << (32 - COUNT_BITS));
            let (Some(offset), true) = (offset, codes.len() < 1 << COUNT_BITS) else {
                return Err(format!("entry {:?} is in too many lists", String::from_utf8_lossy(entry)));
            };
            valued.push((entry, offset << COUNT_BITS | codes.len() as u32));
            matches.extend(codes);
        }
        Ok(ContextIndex { trie: WordTrie::new(valued)?, matches, count })
    }

    /// How many lists were compiled.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// Every whole-word entry of every list in a normalised `text`, per list, each sorted by start.
    ///
    /// Entries match only at word boundaries, so instead of scanning for every entry at every byte the
    /// search walks the trie from each position where a word may start, and stops as soon as no entry
    /// continues: the work is the text's length times the length of the longest entry at most.
    pub fn find(&self, text: &str) -> ContextHits {
        let mut by_class = vec![Vec::new(); self.count];
        let bytes = text.as_bytes();
        // The last word end found for a prefix entry: `(from, end)`. Several prefix entries in one
        // walk (`d*`, `diag*`, `diagnos*`) share it, so a megabyte-long word is scanned once.
        let mut word_run = (usize::MAX, 0);
        // Most positions are inside a word, where no entry may start: tracking whether the previous
        // byte was a word byte skips them with one comparison (this is `is_boundary`, incrementally).
        let mut in_word = false;
        for start in 0..bytes.len() {
            let word_byte = is_word_byte(bytes[start]);
            let inside = in_word && word_byte;
            in_word = word_byte;
            if inside {
                continue;
            }
            let Some(mut node) = self.trie.start(bytes[start]) else {
                continue;
            };
            for at in start..bytes.len() {
                if at > start {
                    let Some(next) = self.trie.step(node, bytes[at]) else {
                        break;
                    };
                    node = next;
                }
                let Some(value) = self.trie.value(node) else {
                    continue;
                };
                let offset = (value >> COUNT_BITS) as usize;
                let n = (value & ((1 << COUNT_BITS) - 1)) as usize;
                let end = at + 1;
                for &code in self.matches.get(offset..offset.saturating_add(n)).unwrap_or(&[]) {
                    let list = (code >> 1) as usize;
                    let e = if code & 1 == 1 {
                        if !(word_run.0 <= end && end <= word_run.1) {
                            let mut e = end;
                            while e < bytes.len() && is_word_byte(bytes[e]) {
                                e += 1;
                            }
                            word_run = (end, e);
                        }
                        word_run.1
                    } else {
                        end
                    };
                    if is_boundary(bytes, e) {
                        if let Some(hits) = by_class.get_mut(list) {
                            hits.push((start, e));
                        }
                    }
                }
            }
        }
        for hits in &mut by_class {
            crate::order::sort_spans(hits);
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
    fn the_shipped_vocabulary_maps() {
        assert_eq!(ContextIndex::shipped().expect("maps").len(), VOCABULARY_LISTS);
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
        crate::linear_time::assert_linear(time, 20_000, std::time::Duration::from_micros(200));
    }
}
