//! Helpers shared by the disrepute and consent detectors: each detector's view of the shared word-list
//! hits ([`Lists`], [`Hits`]), stepping from word to word within a sentence, and asking whether two spans
//! stand in the same sentence.
//!
//! Those detectors read *constructions* ("the patients on this ward are animals", "selfie with my
//! patient"): a word from one list, then within a few words one from another. Writing them as regexes
//! with the lists spelled out as alternations was measured at 0.2–2 ms *per pattern* to compile natively
//! (5–8× that in WASM, paid at every service-worker start), so instead every detector's lists are compiled
//! with the context classes into one vocabulary at build time ([`crate::context::ContextIndex`]), every entry is found in one linear
//! pass per analysis, and each detector checks its constructions by stepping over words from the hits. Lists are reviewable data: `data/lexicon/*.txt`
//! for the long ones, short grammatical lists beside the detector that uses them.

use super::Input;
use crate::catalogue::ContextClass;
use crate::context::ContextHits;

/// Bytes looked at either side of a span when finding its sentence; keeps every lookup constant-time.
const SENTENCE_REACH: usize = 400;

/// A detector's word lists (`data/words/<detector>.txt`): where they stand in the shared vocabulary
/// ([`crate::context::ContextIndex`]), which holds every list of every detector and the context classes
/// and is searched once per analysis. List `i` is the detector's `i`-th section. Entries match whole words
/// only; a trailing `*` matches any word ending (`fancied*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lists {
    base: usize,
    count: usize,
}

impl Lists {
    /// The lists at `(first, count)` in the vocabulary (a detector's `catalogue::words::<detector>::LISTS`).
    pub(crate) const fn at((base, count): (usize, usize)) -> Self {
        Lists { base, count }
    }

    /// Where this detector's entries stand in the text being analysed.
    pub(crate) fn find<'a>(&self, input: &Input<'a>) -> Hits<'a> {
        Hits { by_list: input.context.lists(self.base, self.count) }
    }
}

/// Where a detector's list entries stand in one text, per list, sorted by start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hits<'a> {
    by_list: &'a [Vec<(usize, usize)>],
}

impl Hits<'_> {
    /// Every hit of `list`.
    pub(crate) fn all(&self, list: usize) -> &[(usize, usize)] {
        self.by_list.get(list).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `list` has any hit.
    pub(crate) fn any(&self, list: usize) -> bool {
        !self.all(list).is_empty()
    }

    /// End of the longest hit of `list` starting exactly at `pos`.
    pub(crate) fn at(&self, list: usize, pos: usize) -> Option<usize> {
        let hits = self.all(list);
        let i = hits.partition_point(|h| h.0 < pos);
        hits[i..].iter().take_while(|h| h.0 == pos).map(|h| h.1).max()
    }

    /// End of the hit of `list` that starts at the next word after `pos`, in the same sentence.
    pub(crate) fn next(&self, list: usize, text: &str, pos: usize) -> Option<usize> {
        self.at(list, next_word(text, pos)?)
    }

    /// End of a hit of `list` found after skipping at most `gap` arbitrary words after `pos`.
    pub(crate) fn within(&self, list: usize, text: &str, pos: usize, gap: usize) -> Option<usize> {
        let mut p = pos;
        for _ in 0..=gap {
            let s = next_word(text, p)?;
            if let Some(e) = self.at(list, s) {
                return Some(e);
            }
            p = word_end(text, s);
        }
        None
    }

    /// Like [`Hits::within`], unless a hit of `stop` comes first: a negation between a group and what
    /// is said of it ("they *aren't* taking our jobs"), or between a wish and the harm ("hope your kids
    /// *don't* get sick").
    pub(crate) fn within_unless(&self, list: usize, stop: usize, text: &str, pos: usize, gap: usize) -> Option<usize> {
        let mut p = pos;
        for _ in 0..=gap {
            let s = next_word(text, p)?;
            if let Some(e) = self.at(list, s) {
                return Some(e);
            }
            if self.at(stop, s).is_some() {
                return None;
            }
            p = word_end(text, s);
        }
        None
    }

    /// Looks past at most `max` words of `filler` after `pos` for a hit of one of `targets`, checking
    /// the targets first at every word ("are *a joke*" where `a` is also a filler). Returns the index
    /// into `targets` and the hit's end.
    pub(crate) fn through(
        &self,
        text: &str,
        pos: usize,
        filler: usize,
        max: usize,
        targets: &[usize],
    ) -> Option<(usize, usize)> {
        let mut p = pos;
        for _ in 0..=max {
            let s = next_word(text, p)?;
            if let Some(found) = targets.iter().enumerate().find_map(|(i, &t)| self.at(t, s).map(|e| (i, e))) {
                return Some(found);
            }
            p = self.at(filler, s)?;
        }
        None
    }

    /// Skips at most `max` consecutive hits of `list` after `pos`; the end of the last one skipped.
    pub(crate) fn skip(&self, list: usize, text: &str, pos: usize, max: usize) -> usize {
        let mut p = pos;
        for _ in 0..max {
            match self.next(list, text, p) {
                Some(e) => p = e,
                None => break,
            }
        }
        p
    }
}

fn is_step_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || matches!(b, b'\'' | b'&' | b'@' | b'#' | b'_')
}

/// Start of the next word at or after `pos`, unless a sentence ends first.
pub(crate) fn next_word(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = pos;
    while i < bytes.len() {
        let b = bytes[i];
        if ends_sentence(bytes, i) {
            return None;
        }
        if is_step_byte(b) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// End of the word starting at `start` (hyphenated words count as one).
pub(crate) fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len()
        && (is_step_byte(bytes[i]) || (bytes[i] == b'-' && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric())))
    {
        i += 1;
    }
    i.max(start + 1).min(bytes.len())
}

/// Whether a sentence ends between byte offsets `a` and `b` (either order) of `text`.
pub(crate) fn sentence_break_between(text: &str, a: usize, b: usize) -> bool {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let hi = hi.min(text.len());
    let lo = lo.min(hi);
    let bytes = text.as_bytes();
    (lo..hi).any(|i| ends_sentence(bytes, i))
}

/// Whether the byte at `i` ends a sentence. A full stop with a letter or digit straight on both sides
/// does not: "f.u.c.k.i.n.g" and "i.d.i.o.t" are one disguised word, "3.5" a number, "nhs.uk" an
/// address, and none of them should cut "you … idiot" into two sentences.
fn ends_sentence(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'!' | b'?' | b'\n' => true,
        b'.' => {
            let inside = i > 0
                && bytes[i - 1].is_ascii_alphanumeric()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
            !inside
        }
        _ => false,
    }
}

/// The byte range of the sentence holding `start..end`: from just after the previous terminator to
/// just before the next one, looking at most [`SENTENCE_REACH`] bytes either way.
pub(crate) fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let floor = start.saturating_sub(SENTENCE_REACH);
    let mut s = start.min(bytes.len());
    while s > floor && !ends_sentence(bytes, s - 1) {
        s -= 1;
    }
    let ceil = end.saturating_add(SENTENCE_REACH).min(bytes.len());
    let mut e = end.min(bytes.len());
    while e < ceil && !ends_sentence(bytes, e) {
        e += 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    (s, e.max(s))
}

/// The nearest word of `class` within `window` bytes of `start..end` and in the same sentence, with its
/// distance in bytes (0 when it overlaps the span's edge). Words wholly inside the span are ignored.
pub(crate) fn nearest_in_sentence(
    context: &ContextHits,
    class: ContextClass,
    text: &str,
    start: usize,
    end: usize,
    window: usize,
) -> Option<((usize, usize), usize)> {
    let hits = context.all(class);
    let lo = start.saturating_sub(window);
    let hi = end.saturating_add(window);
    let first = hits.partition_point(|h| h.1 < lo);
    hits[first..]
        .iter()
        .take_while(|h| h.0 <= hi)
        // A context word inside the span is part of it (`i` in `p r i c k`), not beside it; likewise a
        // letter joined to its neighbours by dots or dashes is part of another disguised word (`i` in
        // `f.u.c.k.i.n.g`), not the author saying "I".
        .filter(|h| !(start <= h.0 && h.1 <= end || joined_to_neighbours(text.as_bytes(), h.0, h.1)))
        .filter_map(|&h| {
            let distance = if h.1 <= start { start - h.1 } else { h.0.saturating_sub(end) };
            let between = if h.1 <= start { (h.1, start) } else { (end, h.0.max(end)) };
            (!sentence_break_between(text, between.0, between.1)).then_some((h, distance))
        })
        .min_by_key(|&(_, d)| d)
}

/// Whether `start..end` is glued to letters on either side by a dot, dash or star ("k.i.n", "k-i-n"):
/// then it is a piece of a spelled-out word, not a word of its own.
fn joined_to_neighbours(bytes: &[u8], start: usize, end: usize) -> bool {
    let joiner = |b: Option<&u8>| matches!(b, Some(b'.' | b'-' | b'*' | b'_'));
    let letter = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let before = start >= 2 && joiner(bytes.get(start - 1)) && letter(bytes.get(start - 2));
    let after = joiner(bytes.get(end)) && letter(bytes.get(end + 1));
    before || after
}

/// Whether any word of `class` stands in the sentence holding `start..end`.
pub(crate) fn in_sentence(context: &ContextHits, class: ContextClass, text: &str, start: usize, end: usize) -> bool {
    spans_in_sentence(context.all(class), text, start, end)
}

/// Whether one of the sorted `spans` ends within `reach` bytes before `at` ("*I* fainted", "*not*
/// consented"). Like [`ContextHits::near`], it looks only at the spans starting near `at`, so asking
/// once per hit stays linear in a long draft.
pub(crate) fn ends_just_before(spans: &[(usize, usize)], at: usize, reach: usize) -> bool {
    let lo = at.saturating_sub(reach);
    // First span starting at or after lo, then back one in case an earlier span ends after lo.
    let i = spans.partition_point(|h| h.0 < lo).saturating_sub(1);
    spans[i..].iter().take_while(|h| h.0 <= at).any(|h| lo <= h.1 && h.1 <= at)
}

/// Whether any of the sorted `spans` lies in the sentence holding `start..end`.
pub(crate) fn spans_in_sentence(spans: &[(usize, usize)], text: &str, start: usize, end: usize) -> bool {
    let (s, e) = sentence(text, start, end);
    let first = spans.partition_point(|h| h.1 <= s);
    spans[first..].iter().take_while(|h| h.0 < e).any(|h| h.0 >= s && h.1 <= e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_find_whole_words_and_step_through_constructions() {
        let lists =
            crate::context::ContextIndex::from_lists(["bed blocker\nidiot\nfanc*", "are\nis", "a\nso"].into_iter())
                .expect("compiles");
        let text = "the bed blocker is a fancier idiot; idiots";
        let found = lists.find(text);
        let hits = Hits { by_list: found.lists(0, 3) };
        assert_eq!(
            hits.all(0).iter().map(|&(s, e)| &text[s..e]).collect::<Vec<_>>(),
            ["bed blocker", "fancier", "idiot"]
        );
        let (_, blocker_end) = hits.all(0)[0];
        let verb = hits.next(1, text, blocker_end).expect("verb follows");
        assert_eq!(hits.through(text, verb, 2, 2, &[0]).map(|(_, e)| &text[..e]), Some("the bed blocker is a fancier"));
        assert!(hits.next(1, text, 0).is_none(), "`the` is not a verb");
        assert_eq!(hits.within(0, text, verb, 3), hits.through(text, verb, 2, 2, &[0]).map(|(_, e)| e));
    }

    #[test]
    fn stepping_stops_at_the_end_of_a_sentence() {
        let text = "they are. idiots";
        assert_eq!(next_word(text, 4), Some(5));
        assert_eq!(next_word(text, 8), None);
        assert_eq!(word_end(text, 0), 4);
        assert_eq!(word_end("co-workers are", 0), 10);
    }

    #[test]
    fn sentences() {
        let t = "First one. Second one here! Third";
        let at = t.find("one here").expect("span");
        assert_eq!(&t[sentence(t, at, at + 3).0..sentence(t, at, at + 3).1], " Second one here");
        assert!(sentence_break_between(t, 0, at));
        assert!(!sentence_break_between(t, at, at + 5));
        let e = sentence(t, t.len(), t.len());
        assert_eq!(&t[e.0..e.1], " Third");
    }

    /// Every rule a disrepute or consent detector emits over the corpus exists in the catalogue (the
    /// analyser silently drops unknown ids), and every such rule in the catalogue is exercised.
    #[test]
    fn corpus_exercises_every_rule_and_only_catalogued_ones() {
        use crate::catalogue::{rule, RULES};
        use crate::finding::Category;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
        let detectors = crate::detectors::build(&crate::policy::Policy::default()).expect("detectors build");
        let index = crate::context::ContextIndex::shipped().expect("vocabulary maps");
        let mut emitted = std::collections::BTreeSet::new();
        for file in ["disrepute.jsonl", "consent.jsonl"] {
            let corpus = std::fs::read_to_string(dir.join(file)).expect("corpus file");
            for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
                let sample: serde_json::Value = serde_json::from_str(line).expect("json line");
                let norm = crate::normalize::Normalized::new(sample["text"].as_str().expect("text"));
                let context = index.find(norm.as_str());
                let mut out = Vec::new();
                for d in &detectors {
                    d.detect(&crate::detectors::Input { text: norm.as_str(), context: &context }, &mut out);
                }
                for c in out {
                    assert!(rule(c.rule).is_some(), "rule {} is not in the catalogue", c.rule);
                    emitted.insert(c.rule);
                }
            }
        }
        // The learned model's rules come from the model, not a detector: the analyser must emit them
        // on the same posts (with the rules' findings present, only where no rule of the family fired).
        let analyzer = crate::Analyzer::new(crate::policy::Policy::default()).expect("analyser builds");
        for file in ["disrepute.jsonl", "consent.jsonl", "confidentiality.jsonl"] {
            let corpus = std::fs::read_to_string(dir.join(file)).expect("corpus file");
            for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
                let sample: serde_json::Value = serde_json::from_str(line).expect("json line");
                for f in analyzer.analyze(sample["text"].as_str().expect("text")) {
                    if f.rule.starts_with(crate::policy::LEARNED_RULE_PREFIX) {
                        emitted.insert(f.rule);
                    }
                }
            }
        }
        // The photo check's rules (people seen in a photo) come from what a photo shows, never from text.
        let from_text = |id: &str| !crate::photo::PHOTO_RULES.contains(&id);
        for r in
            RULES.iter().filter(|r| matches!(r.category, Category::Disrepute | Category::Consent) && from_text(r.id))
        {
            assert!(emitted.contains(r.id), "no corpus post exercises rule {}", r.id);
        }
    }
}
