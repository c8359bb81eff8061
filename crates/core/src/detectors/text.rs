//! Small helpers shared by the disrepute and consent detectors: turning data word lists into ASCII
//! regex alternations, and asking whether two spans stand in the same sentence.
//!
//! Those detectors read *constructions* ("the patients on this ward are animals", "selfie with my
//! patient"), so each needs a few patterns whose word slots come from reviewable data files. Building
//! the alternations here keeps every pattern ASCII-only (`(?-u)`, DESIGN §5.7: Unicode `\b` is 20–60×
//! slower on text with any non-ASCII character) and escapes every entry the same way.

use crate::catalogue::ContextClass;
use crate::context::ContextHits;
use crate::error::Error;
use regex::Regex;

/// Bytes looked at either side of a span when finding its sentence; keeps every lookup constant-time.
const SENTENCE_REACH: usize = 400;

/// Compiles a built-in pattern; `what` names it in the (internal) error.
pub(crate) fn compile(what: &'static str, pattern: &str) -> Result<Regex, Error> {
    Regex::new(pattern).map_err(|e| Error::internal(what, e))
}

/// The entries of a word list: one a line, blank lines and `#` comments skipped, trimmed.
pub(crate) fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A regex alternation (without the surrounding group) of a word list. Entries are escaped; a space
/// matches any run of whitespace or hyphens (`bed blocker` finds `bed-blocker`); a trailing `*` allows
/// any word ending. Longer entries come first so the leftmost-first engine prefers them.
pub(crate) fn alternation(list: &str) -> String {
    let mut items: Vec<String> = entries(list)
        .map(|entry| {
            let (word, open) = match entry.strip_suffix('*') {
                Some(w) => (w, true),
                None => (entry, false),
            };
            let mut out = String::new();
            for (i, part) in word.split(' ').filter(|p| !p.is_empty()).enumerate() {
                if i > 0 {
                    out.push_str(r"[\s\-]+");
                }
                out.push_str(&regex::escape(part));
            }
            if open {
                out.push_str(r"\w*");
            }
            out
        })
        .collect();
    items.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    items.dedup();
    items.join("|")
}

/// Whether a sentence ends between byte offsets `a` and `b` (either order) of `text`.
pub(crate) fn sentence_break_between(text: &str, a: usize, b: usize) -> bool {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let hi = hi.min(text.len());
    let lo = lo.min(hi);
    text.as_bytes()[lo..hi].iter().any(|&c| is_terminator(c))
}

fn is_terminator(c: u8) -> bool {
    matches!(c, b'.' | b'!' | b'?' | b'\n')
}

/// The byte range of the sentence holding `start..end`: from just after the previous terminator to
/// just before the next one, looking at most [`SENTENCE_REACH`] bytes either way.
pub(crate) fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let floor = start.saturating_sub(SENTENCE_REACH);
    let mut s = start.min(bytes.len());
    while s > floor && !is_terminator(bytes[s - 1]) {
        s -= 1;
    }
    let ceil = end.saturating_add(SENTENCE_REACH).min(bytes.len());
    let mut e = end.min(bytes.len());
    while e < ceil && !is_terminator(bytes[e]) {
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
        // A context word inside the span is part of it (`i` in `p r i c k`), not beside it.
        .filter(|h| !(start <= h.0 && h.1 <= end))
        .filter_map(|&h| {
            let distance = if h.1 <= start {
                start - h.1
            } else if h.0 >= end {
                h.0 - end
            } else {
                0
            };
            let between = if h.1 <= start {
                (h.1, start)
            } else {
                (end, h.0.max(end))
            };
            (!sentence_break_between(text, between.0, between.1)).then_some((h, distance))
        })
        .min_by_key(|&(_, d)| d)
}

/// Whether any word of `class` stands in the sentence holding `start..end`.
pub(crate) fn in_sentence(
    context: &ContextHits,
    class: ContextClass,
    text: &str,
    start: usize,
    end: usize,
) -> bool {
    let (s, e) = sentence(text, start, end);
    let hits = context.all(class);
    let first = hits.partition_point(|h| h.1 <= s);
    hits[first..]
        .iter()
        .take_while(|h| h.0 < e)
        .any(|h| h.0 >= s && h.1 <= e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternation_escapes_and_orders() {
        let alt = alternation("# comment\nbed blocker\nidiot\nfuck*\na.b\n");
        assert_eq!(alt, r"bed[\s\-]+blocker|fuck\w*|idiot|a\.b");
        let re = compile("test", &format!(r"(?-u)\b(?:{alt})\b")).expect("compiles");
        assert!(re.is_match("two bed-blockers") || re.is_match("the bed blocker"));
        assert!(re.is_match("fucking"));
        assert!(!re.is_match("axb"));
    }

    #[test]
    fn sentences() {
        let t = "First one. Second one here! Third";
        let at = t.find("one here").expect("span");
        assert_eq!(
            &t[sentence(t, at, at + 3).0..sentence(t, at, at + 3).1],
            " Second one here"
        );
        assert!(sentence_break_between(t, 0, at));
        assert!(!sentence_break_between(t, at, at + 5));
        let e = sentence(t, t.len(), t.len());
        assert_eq!(&t[e.0..e.1], " Third");
    }
}
